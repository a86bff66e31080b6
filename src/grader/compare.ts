// Is a student's number this value? Exact notation (fractions, integers typed as such, expressions)
// must be equal; a plain decimal must be the value rounded at the precision the student wrote it with.
import { terminatesWithin } from '../number/format';
import { Fraction, approx, isRational, type Value } from '../number/value';
import { effectiveSigFigs, roundsTo, sameValue, truncatedTo, within, type Written } from './precision';

/** A number from an answer: its exact value and, for a plain decimal, how it was written. */
export interface StudentNumber {
  readonly value: Value;
  /** null for exact notation: a fraction, an expression, a symbolic constant. */
  readonly written: Written | null;
  /** The text the student typed (for messages). */
  readonly text: string;
  /** An expression of rounded decimals: `written` is the precision its least precise long literal claims. */
  readonly expression?: boolean;
}

/** A per-exercise (or per-ask) override of the rounding rule: |answer − value| ≤ absolute or ≤ relative·|value|. */
export interface Tolerance {
  readonly absolute?: Value;
  readonly relative?: Value;
}

/** Decimals need this many significant figures for full credit. */
export const MIN_FIGURES = 3;

/** A misconception or a chain from the student's own values is recognised from this many figures. */
export const MIN_FIGURES_TO_RECOGNISE = 2;

export type NumberVerdict =
  | { readonly kind: 'exact' }
  | { readonly kind: 'rounded'; readonly figures: number }
  | { readonly kind: 'tolerance' }
  | { readonly kind: 'few-figures'; readonly figures: number }
  | { readonly kind: 'wrong' };

/**
 * The verdict for `student` against `value`. A decimal that is the value rounded at its own precision
 * is right; with fewer than MIN_FIGURES significant figures it is 'few-figures'. A tolerance, when the
 * exercise sets one, replaces the rounding rule.
 */
export function judgeNumber(value: Value, student: StudentNumber, tolerance: Tolerance | null = null): NumberVerdict {
  if (sameValue(value, student.value)) return { kind: 'exact' };
  if (tolerance) return withinTolerance(value, student.value, tolerance) ? { kind: 'tolerance' } : { kind: 'wrong' };
  const written = student.written;
  if (written === null || !roundsTo(value, student.value, written.places)) return { kind: 'wrong' };
  const figures = effectiveSigFigs(value, student.value, written);
  if (figures >= MIN_FIGURES) return { kind: 'rounded', figures };
  // A value that is itself a short decimal (0.15) is not rounded further: 0.1 or 0.2 for it is wrong.
  if (figures >= 1 && !terminatesWithin(value, MIN_FIGURES - 1)) return { kind: 'few-figures', figures };
  return { kind: 'wrong' };
}

export function isRight(verdict: NumberVerdict): boolean {
  return verdict.kind === 'exact' || verdict.kind === 'rounded' || verdict.kind === 'tolerance';
}

/** The student's number is `value` (exactly, or rounded at the student's precision with enough figures to tell). */
export function matchesValue(value: Value, student: StudentNumber, minFigures = MIN_FIGURES_TO_RECOGNISE): boolean {
  if (sameValue(value, student.value)) return true;
  const written = student.written;
  return (
    written !== null &&
    roundsTo(value, student.value, written.places) &&
    effectiveSigFigs(value, student.value, written) >= minFigures
  );
}

/** The student cut the digits off instead of rounding (and rounding would have changed the last digit). */
export function isTruncation(value: Value, student: StudentNumber): boolean {
  const written = student.written;
  if (written === null || effectiveSigFigs(value, student.value, written) < MIN_FIGURES) return false;
  return sameValue(truncatedTo(value, written.places), student.value);
}

function withinTolerance(value: Value, student: Value, tolerance: Tolerance): boolean {
  if (tolerance.absolute && isRational(tolerance.absolute) && within(value, student, tolerance.absolute.q)) return true;
  if (tolerance.relative && isRational(tolerance.relative)) {
    const bound = approx(value).abs().times(approx(tolerance.relative));
    // A bound as an exact fraction from its decimal (64 digits is far beyond any tolerance).
    const [int, frac = ''] = bound.toFixed(60).split('.');
    return within(value, student, new Fraction(BigInt(int + frac), 10n ** BigInt(frac.length)));
  }
  return false;
}
