// A wild number is graded like any other (it is simply wrong), with a note when it is absurd: so far
// from the size of the right answer that a misplaced exponent, decimal point or unit is the likely slip.
import { approx, type Value } from '../number/value';
import { Decimal } from '../number/value';
import type { Text } from '../text/lang';

/** How many times larger than the right answer (or than 1, if that is larger) an absurd number is. */
const ABSURD_FACTOR = new Decimal('1e6');

/** Whether `student` is absurd next to `right`: |student| > 10⁶·max(|right|, 1). */
export function isAbsurd(student: Value, right: Value): boolean {
  const scale = Decimal.max(approx(right).abs(), 1);
  return approx(student).abs().gt(scale.times(ABSURD_FACTOR));
}

/** The note that goes with an absurd number, showing it as it was typed (cut when long). */
export function absurdNote(typed: string): Text {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  return {
    en: `Note: ${shown} is absurdly large for this quantity (over a million times the size of the answer); check the exponent and the decimal point.`,
    ja: `注意: ${shown} はこの量としてはけた外れに大きい値です（正解の100万倍以上）。指数と小数点の位置を確認してください。`,
  };
}
