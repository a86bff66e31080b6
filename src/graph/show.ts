// Short forms of values for figures and substituted formulas: 100, 1.1, 1/3, -0.5, 0.7310585786…
// (ASCII minus, as the engine's valueText writes numbers; "…" marks a rounded decimal whose digits
// go on).
import { approx, type Value } from '../number/value';
import { shortDecimal, terminatesWithin } from '../number/format';

/**
 * Rounded to `digits` significant digits, then "…". Rounded rather than cut: an irrational value known
 * to 64 digits may sit a hair below a short decimal (0.00999…9 for 1/100), and cutting would print
 * wrong digits.
 */
function rounded(v: Value, digits: number): string {
  return `${approx(v).toSignificantDigits(digits).toFixed()}…`;
}

/** Fits on an edge of a figure: integers and short decimals exactly, short fractions as p/q, else digits…. */
export function compactValue(v: Value, digits = 10): string {
  if (v.kind === 'rational') {
    if (v.q.d === 1n || terminatesWithin(v, digits)) return shortDecimal(v, digits);
    const fraction = v.q.toFraction();
    return fraction.length <= 12 ? fraction : rounded(v, digits);
  }
  return rounded(v, digits);
}

/** A compact value as an operand: negative values and fractions are parenthesised, 1 × (-2). */
export function compactOperand(v: Value): string {
  const text = compactValue(v);
  return text.startsWith('-') || text.includes('/') ? `(${text})` : text;
}

/** Width of a string in a terminal: East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
