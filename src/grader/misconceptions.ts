// The misconceptions the grader recognises (one file each in src/concepts/misconceptions/), and the
// order in which it offers them as the explanation of a wrong answer.
import { MISCONCEPTIONS, type Misconception, type MisconceptionId } from '../concepts/misconceptions';

export {
  MISCONCEPTIONS,
  MISCONCEPTION_IDS,
  misconception,
  isMisconceptionId,
  type Misconception,
  type MisconceptionId,
  type Mistake,
} from '../concepts/misconceptions';
/** The former name of MisconceptionId. */
export type MistakeId = MisconceptionId;

/**
 * Misconceptions in diagnosis order for an asked quantity: those that target it first, then the rest,
 * each in catalogue order.
 */
export function diagnosisOrder(quantity: string): readonly Misconception[] {
  const first = MISCONCEPTIONS.filter((m) => m.targets.includes(quantity));
  return [...first, ...MISCONCEPTIONS.filter((m) => !m.targets.includes(quantity))];
}
