// Grades a class: every answer of every row by the grader, exactly as `check` grades one exercise
// (misconceptions, partial credit, error carried forward within a question, rounding chains), then
// each question's score in points and the class's figures per question. An ask left empty scores 0.
// Scores are kept in hundredths of a point, so that a row's total is the sum of its printed scores.
import type { NetworkSpec } from '../concepts/network';
import { gradingContext, type GradingContext } from '../grader/context';
import { gradeExercise, type AskResult } from '../grader/grade';
import { isSymbolicAsk } from '../exercises/types';
import type { Lang } from '../text/lang';
import type { ClassKey, KeyStudent } from './key-file';
import type { ResponseRow, Responses } from './responses';

export interface QuestionGrade {
  /** In points, to the hundredth. */
  readonly score: number;
  readonly max: number;
  /** The grader's result for every answered ask, in the exercise's order. */
  readonly results: readonly AskResult[];
  readonly asks: number;
}

export interface StudentGrade {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  /** The row of the responses file; null when the student has none (then nothing is graded). */
  readonly line: number | null;
  readonly questions: readonly QuestionGrade[] | null;
  readonly total: number | null;
  readonly max: number;
}

export interface QuestionStats {
  /** 1-based. */
  readonly number: number;
  /** The points of the question (the largest when students' variants differ, which they do not). */
  readonly max: number;
  /** Over the graded students; null when none was graded. */
  readonly mean: number | null;
  readonly scores: readonly number[];
  /** The first student's network of the question (its loss and layout word the right way), or null. */
  readonly network: NetworkSpec | null;
  /** Misconception id → how many answers it explains, most frequent first (ties by id). */
  readonly misconceptions: readonly (readonly [string, number])[];
}

export interface Gradebook {
  readonly title: string;
  readonly lang: Lang;
  readonly students: readonly StudentGrade[];
  readonly questions: readonly QuestionStats[];
}

const hundredths = (x: number) => Math.round(x * 100);

/** One context per distinct exercise: a file question is the same for every student and is solved once. */
function contexts() {
  const cache = new Map<string, GradingContext>();
  return (student: KeyStudent, q: number): GradingContext => {
    const { exercise, tolerances } = student.questions[q].loaded;
    const key = JSON.stringify([exercise, [...tolerances]]);
    let ctx = cache.get(key);
    if (!ctx) cache.set(key, (ctx = gradingContext(exercise, { tolerances })));
    return ctx;
  };
}

/** The grader's results; an answer it cannot grade (a value beyond what it compares) is marked unreadable, the others graded alone. */
function gradeAnswers(ctx: GradingContext, answers: ReadonlyMap<string, string>): AskResult[] {
  try {
    return gradeExercise(ctx, answers);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return ctx.exercise.asks
      .filter((ask) => answers.has(ask.id))
      .flatMap((ask): AskResult[] => {
        try {
          return gradeExercise(ctx, new Map([[ask.id, answers.get(ask.id)!]]));
        } catch (inner) {
          if (!(inner instanceof RangeError)) throw inner;
          return [
            {
              ask: ask.id,
              status: 'invalid',
              score: 0,
              expected: isSymbolicAsk(ask) ? (ctx.exercise.expected[ask.id] ?? null) : ctx.expected(ask),
              misconception: null,
              misconceptions: [],
              step: null,
              feedback: {
                en: `this number cannot be compared: ${inner.message}`,
                ja: `この値は扱えません: ${inner.message}`,
              },
              carriedForward: false,
              cells: null,
              hintsUsed: 0,
              hintCost: 0,
            },
          ];
        }
      });
  }
}

export function gradeClass(key: ClassKey, responses: Responses): Gradebook {
  const contextOf = contexts();
  const rowOf = new Map<string, ResponseRow>(responses.rows.map((row) => [row.id, row]));
  const students = key.students.map((student): StudentGrade => {
    const max = hundredths(student.questions.reduce((sum, q) => sum + q.points, 0)) / 100;
    const row = rowOf.get(student.id);
    if (!row)
      return { id: student.id, name: student.name, code: student.code, line: null, questions: null, total: null, max };
    const questions = student.questions.map((question, q): QuestionGrade => {
      const ctx = contextOf(student, q);
      const results = gradeAnswers(ctx, row.answers[q]);
      const asks = ctx.exercise.asks.length;
      const earned = results.reduce((sum, r) => sum + r.score, 0);
      return { score: hundredths((question.points * earned) / asks) / 100, max: question.points, results, asks };
    });
    const total = questions.reduce((sum, q) => sum + hundredths(q.score), 0) / 100;
    return { id: student.id, name: student.name, code: student.code, line: row.line, questions, total, max };
  });
  const count = key.students[0]?.questions.length ?? 0;
  const graded = students.filter((s) => s.questions !== null);
  const questions = Array.from({ length: count }, (_, q): QuestionStats => {
    const scores = graded.map((s) => s.questions![q].score);
    const counts = new Map<string, number>();
    for (const s of graded)
      for (const r of s.questions![q].results)
        if (r.misconception !== null) counts.set(r.misconception, (counts.get(r.misconception) ?? 0) + 1);
    return {
      number: q + 1,
      max: Math.max(...key.students.map((s) => s.questions[q].points)),
      mean: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1e4) / 1e4,
      scores,
      network: key.students[0] ? contextOf(key.students[0], q).spec : null,
      misconceptions: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    };
  });
  const lang = key.students[0]?.questions[0]?.loaded.exercise.lang ?? 'en';
  return { title: key.title, lang, students, questions };
}
