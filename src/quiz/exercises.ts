// The exercises of a session, generated from the plan when first needed and kept with their grading
// context (a resumed session regenerates exactly the same ones from their seeds).
import { generateExercise } from '../exercises/generate';
import type { Difficulty, Exercise, Lang } from '../exercises/types';
import { gradingContext, type GradingContext } from '../grader/context';
import type { PlannedQuestion } from './plan';

export interface QuizExercise {
  readonly planned: PlannedQuestion;
  readonly exercise: Exercise;
  readonly ctx: GradingContext;
}

/**
 * `plan` is the questions (or says question q when it first comes up: one that comes back depends on
 * the answers before it). `difficulty(q)`, when given, decides question q's difficulty when it is first needed (an adaptive
 * session's rises after a streak); the plan's otherwise.
 */
export function exerciseBook(
  plan: readonly PlannedQuestion[] | ((question: number) => PlannedQuestion),
  lang: Lang,
  difficulty?: (question: number) => Difficulty,
): (question: number) => QuizExercise {
  const made = new Map<number, QuizExercise>();
  return (question) => {
    let x = made.get(question);
    if (!x) {
      const listed = typeof plan === 'function' ? plan(question) : plan[question - 1];
      const planned = difficulty ? { ...listed, difficulty: difficulty(question) } : listed;
      const exercise = generateExercise({
        template: planned.template,
        seed: planned.seed,
        difficulty: planned.difficulty,
        lang,
      });
      x = { planned, exercise, ctx: gradingContext(exercise) };
      made.set(question, x);
    }
    return x;
  };
}
