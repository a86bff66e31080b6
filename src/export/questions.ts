// What an export carries, gathered once for both formats: per question of the set, every variant's
// exercise, its numeric blanks and the worked steps of its asks as HTML fragments. Questions whose
// asks are all formulas are left out (an LMS numeric field cannot grade a formula) and named for the
// caller.
import type { Exercise } from '../exercises/types';
import type { Exam } from '../sets/exam';
import type { ExerciseSet } from '../sets/types';
import { blanksOf, type Blanks } from './blanks';

export interface ExportVariant {
  readonly id: string;
  readonly code: string;
  readonly exercise: Exercise;
  readonly blanks: Blanks;
  /** Each numeric ask's worked steps, an HTML fragment, by ask id. */
  readonly steps: Readonly<Record<string, string>>;
}

export interface ExportQuestion {
  /** 1-based, as in the set file and the sheets. */
  readonly n: number;
  readonly points: number;
  readonly variants: readonly ExportVariant[];
}

export interface ExportSet {
  readonly title: string;
  readonly lang: ExerciseSet['lang'];
  readonly seed: number;
  readonly questions: readonly ExportQuestion[];
  /** 1-based numbers of the questions left out: every ask a formula. */
  readonly formulaOnly: readonly number[];
  /** Asks left out of questions that keep their numeric asks: [question, ask id]. */
  readonly formulaAsks: readonly (readonly [number, string])[];
}

/** Renders one variant's worked steps of question n (the CLI passes the shared HTML renderer). */
export type RenderSteps = (exercise: Exercise, n: number, variant: string) => Promise<Record<string, string>>;

export async function exportSet(
  set: ExerciseSet,
  exams: readonly Exam[],
  renderSteps: RenderSteps,
): Promise<ExportSet> {
  const questions: ExportQuestion[] = [];
  const formulaOnly: number[] = [];
  const formulaAsks: [number, string][] = [];
  for (let i = 0; i < set.questions.length; i++) {
    const n = i + 1;
    const variants: ExportVariant[] = [];
    for (const exam of exams) {
      const exercise = exam.questions[i].exercise;
      const blanks = blanksOf(exercise);
      if (blanks.asks.length === 0) break;
      variants.push({
        id: exam.student.id,
        code: exam.code,
        exercise,
        blanks,
        steps: await renderSteps(exercise, n, exam.student.id),
      });
    }
    if (variants.length === 0) {
      formulaOnly.push(n);
      continue;
    }
    for (const id of variants[0].blanks.formulas) formulaAsks.push([n, id]);
    questions.push({ n, points: set.questions[i].points, variants });
  }
  return { title: set.title, lang: set.lang, seed: set.seed, questions, formulaOnly, formulaAsks };
}
