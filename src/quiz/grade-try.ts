// Grades one try at one ask with the grader, as `check` would: the student's latest answers to the
// other asks of the same exercise go along, so that an error carried forward is recognised, and the
// hints shown cost what they cost in `check`.
import type { GradingContext } from '../grader/context';
import type { AskValue } from '../exercises/quantities';
import { gradeExercise } from '../grader/grade';
import { wrong } from '../grader/messages';
import { text, type Text } from '../text/lang';

export interface TryResult {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly score: number;
  readonly misconception: string | null;
  readonly feedback: Text;
  /** The feedback only says the answer is wrong and what the right one is (nothing to learn before a second try). */
  readonly revealsOnly: boolean;
}

export function gradeTry(
  ctx: GradingContext,
  ask: string,
  typed: string,
  others: ReadonlyMap<string, string>,
  hintsUsed: number,
): TryResult {
  const answers = new Map(others);
  answers.delete(ask);
  answers.set(ask, typed);
  try {
    const grade = (hints: number) =>
      gradeExercise(ctx, answers, { hintsUsed: new Map([[ask, hints]]) }).find((r) => r.ask === ask)!;
    let result = grade(hintsUsed);
    // An answer that cannot be read costs nothing, so its message carries no note on the hints' cost.
    if (result.status === 'invalid' && hintsUsed > 0) result = grade(0);
    return {
      status: result.status,
      score: result.score,
      misconception: result.misconception,
      feedback: result.feedback,
      revealsOnly:
        result.status === 'incorrect' &&
        result.expected !== null &&
        !isSymbolicExpected(result.expected) &&
        result.feedback.en.startsWith(wrong(result.expected as AskValue).en),
    };
  } catch (error) {
    // A number far beyond hand computation: the grader cannot compare it; asked again, like an unreadable answer.
    if (error instanceof RangeError) {
      return {
        status: 'invalid',
        score: 0,
        misconception: null,
        feedback: text(error.message, `この値は扱えません: ${error.message}`),
        revealsOnly: false,
      };
    }
    throw error;
  }
}

const isSymbolicExpected = (x: unknown): boolean =>
  x !== null && typeof x === 'object' && !Array.isArray(x) && 'expression' in (x as object);
