// The answer and tolerance of one numeric blank in a learning-management system, which can only ask
// "is the typed number within ±t of the answer?". The grader accepts a decimal that is the value
// correctly rounded at the precision it is written with, from 3 significant figures on. Every such
// rounding lies within half a unit of the value's 3rd significant figure (a finer rounding is never
// farther from the value than a coarser one), so that half unit is the tolerance: no honestly rounded
// answer is refused. A value that is itself a decimal of at most 3 significant figures (0.15, −2, 0)
// has no other correct rounding: its tolerance is 0. Everything is exact decimal arithmetic.
import type { JsonValue } from '../number/json';
import { terminatesWithin } from '../number/format';
import { Decimal, approx, parseLiteral } from '../number/value';

/** Significant figures of the answer written into the LMS file (far beyond any tolerance). */
export const ANSWER_FIGURES = 12;

/** The fewest significant figures the grader accepts for full credit (src/grader/compare.ts). */
export const ACCEPTED_FIGURES = 3;

export interface NumericKey {
  /** The value to ANSWER_FIGURES significant figures, a plain decimal (no exponent). */
  readonly answer: string;
  /** The accepted distance from `answer`, a plain decimal. */
  readonly tolerance: string;
  /** answer − tolerance and answer + tolerance, exactly. */
  readonly low: string;
  readonly high: string;
}

/** The key's number as a decimal, and whether it is a decimal of at most 3 significant figures. */
function keyNumber(v: JsonValue): { readonly decimal: Decimal; readonly short: boolean } {
  const exact = v.exact === null ? null : parseLiteral(v.exact);
  // An irrational value has no fraction: its 34-digit decimal is enough for 12 figures.
  if (exact === null) return { decimal: new Decimal(v.approx), short: false };
  const decimal = approx(exact);
  return { decimal, short: decimal.isZero() || terminatesWithin(exact, ACCEPTED_FIGURES) };
}

/** Half a unit in the 3rd significant figure of v (v ≠ 0). */
function halfUnitAtAcceptedFigures(d: Decimal): Decimal {
  const lead = d.abs().e; // floor(log10 |v|)
  return new Decimal(5).times(new Decimal(10).pow(lead - ACCEPTED_FIGURES));
}

const plain = (d: Decimal): string => (d.isZero() ? '0' : d.toFixed());

export function numericKey(v: JsonValue): NumericKey {
  const { decimal: d, short } = keyNumber(v);
  const tolerance = short ? new Decimal(0) : halfUnitAtAcceptedFigures(d);
  const answer = d.toSignificantDigits(ANSWER_FIGURES, Decimal.ROUND_HALF_EVEN);
  return {
    answer: plain(answer),
    tolerance: plain(tolerance),
    low: plain(answer.minus(tolerance)),
    high: plain(answer.plus(tolerance)),
  };
}
