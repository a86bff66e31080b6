// Exact numbers as exercises write them, and the test of a "hand-friendly" value: a short terminating
// decimal (denominator 2^a·5^b, few decimal places) or a short fraction.
import { parseLiteral, type Fraction, type Value } from '../number/value';

/** A Value from a literal that is known to be valid (pool entries, constants). */
export function lit(text: string): Value {
  const v = parseLiteral(text);
  if (!v) throw new Error(`not a number literal: ${text}`);
  return v;
}

/** Decimal places of a terminating fraction (max of the powers of 2 and 5 in the denominator), or null. */
export function decimalPlaces(q: Fraction): number | null {
  let d = q.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

/** The exact decimal text of a terminating fraction ("-0.125"), or null. */
export function exactDecimal(q: Fraction): string | null {
  const places = decimalPlaces(q);
  if (places === null) return null;
  const scaled = (q.n * 10n ** BigInt(places)) / q.d;
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  const sign = q.s < 0n && q.n !== 0n ? '-' : '';
  return places === 0 ? `${sign}${int}` : `${sign}${int}.${frac}`;
}

/** How an exercise writes an exact rational: "0.15" when it terminates, else "1/3". */
export function exactText(v: Value): string {
  if (v.kind !== 'rational') throw new Error('exactText needs a rational value');
  return exactDecimal(v.q) ?? v.q.toFraction();
}

export interface Friendliness {
  /** Most decimal places of a terminating decimal (default 4). */
  readonly maxPlaces?: number;
  /** Largest denominator of a non-terminating fraction (default 12: thirds, sixths, ...). */
  readonly maxDenominator?: number;
  /** Largest magnitude (default 1000). */
  readonly maxMagnitude?: number;
  /** Accept an irrational value whose symbolic form has at most this many nodes (e.g. ln 2); default 0: never. */
  readonly maxExprSize?: number;
  /** Most significant figures of a terminating decimal (344.4376 has 7); default: no limit. */
  readonly maxFigures?: number;
}

/** Significant figures of a terminating decimal: 0.0821 has 3, 120 has 2, 344.4376 has 7. */
export function significantFigures(q: Fraction, places: number): number {
  const magnitude = q.n < 0n ? -q.n : q.n;
  const digits = ((magnitude * 10n ** BigInt(places)) / q.d).toString().replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** Whether a value is quick to write down by hand: a short decimal, a short fraction, or a short symbolic form. */
export function isHandFriendly(v: Value, options: Friendliness = {}): boolean {
  const { maxPlaces = 4, maxDenominator = 12, maxMagnitude = 1000, maxExprSize = 0, maxFigures } = options;
  if (v.kind !== 'rational') {
    return (
      maxExprSize > 0 && v.expr.op !== 'rational' && v.expr.size <= maxExprSize && v.approx.abs().lte(maxMagnitude)
    );
  }
  const q = v.q;
  if (q.n > BigInt(maxMagnitude) * q.d) return false;
  const places = decimalPlaces(q);
  if (places !== null)
    return places <= maxPlaces && (maxFigures === undefined || significantFigures(q, places) <= maxFigures);
  return q.d <= BigInt(maxDenominator) && q.n <= 144n;
}
