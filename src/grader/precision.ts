// How precisely a student wrote a decimal, and whether it is the right value at that precision.
// "0.0821" claims 4 decimal places (3 significant figures): it is right when the true value rounds to
// it, i.e. lies within half a unit of its last digit. Everything is exact: Fractions for rationals, the
// engine's 64-digit approximation for irrational values (no tie can occur there).
import { Decimal, Fraction, approx, isRational, sign, type Value } from '../number/value';

/** A plain decimal as the student wrote it (the answer parser's notation: src/answer/notation.ts). */
export interface Written {
  /** Significant figures as written ("0.0820" → 3, "120" → 3, "8.21e-2" → 3). */
  readonly sigFigs: number;
  /** The last written digit is in the 10^−places position ("0.0821" → 4, "120" → 0, "1.2e3" → −2). */
  readonly places: number;
}

/** Half a unit in the 10^−places position, exactly. */
function halfUnit(places: number): Fraction {
  return places >= 0 ? new Fraction(1n, 2n * 10n ** BigInt(places)) : new Fraction(10n ** BigInt(-places), 2n);
}

/** |a − b| as an exact Fraction when both are rational, else as a Decimal. */
function distance(a: Value, b: Value): Fraction | Decimal {
  if (isRational(a) && isRational(b)) return a.q.sub(b.q).abs();
  return approx(a).minus(approx(b)).abs();
}

/** True when |a − b| ≤ bound. */
export function within(a: Value, b: Value, bound: Fraction): boolean {
  const d = distance(a, b);
  if (d instanceof Fraction) return d.compare(bound) <= 0;
  return d.lte(new Decimal(bound.n.toString()).div(bound.d.toString()));
}

/** The student's decimal `written` at `places` is `value` rounded there (a tie may round either way). */
export function roundsTo(value: Value, student: Value, places: number): boolean {
  return within(value, student, halfUnit(places));
}

/** Irrational values are compared to this relative precision (their 64-digit approximations agree far beyond it). */
const REAL_EQUALITY = new Decimal('1e-40');

/** Exact equality; for irrational values equality of the 64-digit approximations to 40 digits. */
export function sameValue(a: Value, b: Value): boolean {
  if (isRational(a) && isRational(b)) return a.q.equals(b.q);
  const scale = Decimal.max(approx(a).abs(), approx(b).abs(), 1);
  return approx(a).minus(approx(b)).abs().lte(scale.times(REAL_EQUALITY));
}

/** floor(log10 |v|) for v ≠ 0. */
export function magnitude(v: Value): number {
  const d = approx(v).abs();
  return d.isZero() ? Number.NEGATIVE_INFINITY : d.e;
}

/**
 * The significant figures a student's decimal actually carries for this value: the digits from the
 * value's leading digit down to the last written one ("0.1" for 0.0996 carries 0; "0.100" carries 3).
 */
export function effectiveSigFigs(value: Value, student: Value, written: Written): number {
  const lead = magnitude(value);
  if (lead === Number.NEGATIVE_INFINITY) return written.sigFigs;
  const positional = lead + written.places + 1;
  // Rounding may carry into a new leading digit (0.0996 → 0.100, 9.97 → 10.0): one figure more is written.
  if (positional >= 1) return positional + (magnitude(student) === lead + 1 ? 1 : 0);
  // Coarser than the value's first digit: right only as its one-figure rounding (0.1 for 0.0996, not for 0.09).
  return sameValue(roundToFigures(value, 1), student) ? 1 : 0;
}

/** A value rounded to `places` decimal places (half away from zero), exactly, as a rational Value. */
export function roundToPlaces(v: Value, places: number): Value {
  return fromDecimal(approxExact(v).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
}

/** A value rounded to `figures` significant figures (half away from zero), as a rational Value. */
export function roundToFigures(v: Value, figures: number): Value {
  if (sign(v) === 0) return v;
  return fromDecimal(approxExact(v).toSignificantDigits(figures, Decimal.ROUND_HALF_UP));
}

/** A rational's decimal form to 64 digits is enough to round it at any precision a student uses. */
function approxExact(v: Value): Decimal {
  return approx(v);
}

function fromDecimal(d: Decimal): Value {
  const text = d.toFixed();
  const [int, frac = ''] = text.replace('-', '').split('.');
  const n = BigInt(int + frac) * (d.isNegative() ? -1n : 1n);
  return { kind: 'rational', q: new Fraction(n, 10n ** BigInt(frac.length)) };
}

/** The value's truncation (rounding toward zero) at `places`: a student who cut the digits off. */
export function truncatedTo(v: Value, places: number): Value {
  return fromDecimal(approx(v).toDecimalPlaces(places, Decimal.ROUND_DOWN));
}
