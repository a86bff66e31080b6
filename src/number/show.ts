// Every short form of a number the outputs print, in one place: the operands and results of the
// worked steps (LaTeX), the labels of the figures, the compact values of the graph text and the
// numbers of the grader's sentences. The long forms (the JSON's exact fraction and 34-digit decimal,
// valueLatex, valueText) are in format.ts; everything here is built from them.
import { approx, exprSize, type Value } from './value';
import { fractionLatex, shortDecimal, terminatesWithin, valueLatex, exprLatex } from './format';

/** Significant digits of a rounded decimal in a worked step (network and graph steps alike). */
export const STEP_DIGITS = 10;

// ---- Network steps (LaTeX) ----

/** Irrational results whose exact expression has at most this many nodes show it: σ(151/400). */
const MAX_SYMBOLIC_SIZE = 9;

/**
 * Fractions are shown while numerator and denominator have at most this many digits; longer ones
 * (after several layers of exact arithmetic) help nobody by hand and are shown as rounded decimals.
 */
const MAX_FRACTION_DIGITS = 10;

function shortFraction(v: Value): boolean {
  if (v.kind !== 'rational') return false;
  const n = v.q.n < 0n ? -v.q.n : v.q.n;
  return n.toString().length <= MAX_FRACTION_DIGITS && v.q.d.toString().length <= MAX_FRACTION_DIGITS;
}

/**
 * A number as a step writes it inside a formula (no relation sign), the way a student would copy it:
 * a terminating decimal (0.15, -0.5) when it has at most STEP_DIGITS significant digits, otherwise
 * the exact fraction; an irrational value as its decimal rounded to STEP_DIGITS digits (approximate).
 */
export function numberLatex(v: Value): { readonly latex: string; readonly approximate: boolean } {
  if (v.kind === 'rational') {
    if (terminatesWithin(v, STEP_DIGITS) || (v.q.d === 1n && shortFraction(v)))
      return { latex: shortDecimal(v, STEP_DIGITS), approximate: false };
    if (shortFraction(v)) return { latex: fractionLatex(v.q), approximate: false };
  }
  return { latex: shortDecimal(v, STEP_DIGITS), approximate: true };
}

export type Relation = '=' | '\\approx';

/** A result: the relation that introduces it and the LaTeX after it. */
export interface ResultLatex {
  readonly relation: Relation;
  readonly latex: string;
}

/**
 * The exact value and its decimal: `\frac{151}{400} = 0.3775`, `\frac{1}{3} \approx 0.3333333333`,
 * `3`, `0.5`, `\sigma\left(\frac{151}{400}\right) \approx 0.5932699921`, or `≈ 0.2983711088` when the
 * exact expression is too long to be useful.
 */
export function resultLatex(v: Value): ResultLatex {
  const decimal = shortDecimal(v, STEP_DIGITS);
  if (v.kind === 'rational') {
    if (!shortFraction(v))
      return terminatesWithin(v, STEP_DIGITS)
        ? { relation: '=', latex: decimal }
        : { relation: '\\approx', latex: decimal };
    if (v.q.d === 1n) return { relation: '=', latex: decimal };
    const fraction = fractionLatex(v.q);
    return { relation: '=', latex: `${fraction} ${terminatesWithin(v, STEP_DIGITS) ? '=' : '\\approx'} ${decimal}` };
  }
  if (v.expr.op !== 'rational' && exprSize(v.expr) <= MAX_SYMBOLIC_SIZE) {
    return { relation: '=', latex: `${exprLatex(v.expr)} \\approx ${decimal}` };
  }
  return { relation: '\\approx', latex: decimal };
}

/** The decimal alone, after a substitution that was already rounded: `≈ 0.2983711088`. */
export function roundedResultLatex(v: Value): ResultLatex {
  return { relation: '\\approx', latex: shortDecimal(v, STEP_DIGITS) };
}

// ---- Graph steps (LaTeX) ----

/**
 * A number as it is substituted into a graph's formula, the way a student copies it: a decimal that
 * ends within STEP_DIGITS digits as that decimal (1.1, not 11/10), other fractions as fractions, an
 * irrational value symbolically when short (e^{-1}) or as its decimal with "…". A literal written as
 * a fraction in the file (-1/2) stays a fraction.
 */
export function graphNumberLatex(v: Value, writtenAsFraction = false): string {
  if (v.kind === 'rational' && !writtenAsFraction && terminatesWithin(v, STEP_DIGITS))
    return shortDecimal(v, STEP_DIGITS);
  return valueLatex(v);
}

/** A graph value as an operand: parenthesised when negative. */
export function graphOperandLatex(v: Value, writtenAsFraction = false): string {
  const t = graphNumberLatex(v, writtenAsFraction);
  return t.startsWith('-') ? `\\left(${t}\\right)` : t;
}

/**
 * A graph result: its exact form, then its decimal when that says something more, as the network
 * steps write results: 220, \frac{11}{5} = 2.2, \frac{1}{3} \approx 0.3333333333, e^{-1} \approx
 * 0.3678794412 (a long irrational value is its decimal with "…" alone).
 */
export function graphResultParts(v: Value): { readonly exact: string; readonly decimal: string | null } {
  const exact = valueLatex(v);
  if (v.kind === 'rational') {
    if (v.q.d === 1n) return { exact, decimal: null };
    // A fraction too long to show is already a decimal with "…".
    if (exact !== fractionLatex(v.q)) return { exact, decimal: null };
    return { exact, decimal: `${terminatesWithin(v, STEP_DIGITS) ? '=' : '\\approx'} ${shortDecimal(v, STEP_DIGITS)}` };
  }
  return exact.endsWith('\\ldots')
    ? { exact, decimal: null }
    : { exact, decimal: `\\approx ${shortDecimal(v, STEP_DIGITS)}` };
}

// ---- Compact text (graph text and figures) ----

/**
 * Rounded to `digits` significant digits, then "…". Rounded rather than cut: an irrational value known
 * to 64 digits may sit a hair below a short decimal (0.00999…9 for 1/100), and cutting would print
 * wrong digits.
 */
function rounded(v: Value, digits: number): string {
  return `${approx(v).toSignificantDigits(digits).toFixed()}…`;
}

/**
 * Fits on an edge of a figure: integers and short decimals exactly, short fractions as p/q, else
 * digits…: 100, 1.1, 1/3, -0.5, 0.7310585786… (ASCII minus, as valueText writes numbers).
 */
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

// ---- Figure labels (the network diagram) ----

/** A value short enough for a figure: 0.15, −0.5, 1/3, 0.5933 (rounded to 4 digits when inexact). */
export function figureNumber(v: Value): string {
  let text: string;
  if (v.kind === 'rational' && (v.q.d === 1n || terminatesWithin(v, 6))) text = shortDecimal(v, 6);
  else if (v.kind === 'rational' && v.q.toFraction().length <= 7) text = v.q.toFraction();
  else text = shortDecimal(v, 4);
  return text.replace(/^-/, '\u2212');
}

// ---- Sentences (the grader's messages) ----

/** A number inside a sentence: an integer as it is, anything else as its 10-digit decimal. */
export function sentenceNumber(v: Value): string {
  return v.kind === 'rational' && v.q.d === 1n ? v.q.toFraction() : shortDecimal(v, 10);
}

/** A full-precision value inside a sentence: its decimal to 10 significant digits. */
export function sentenceDecimal(v: Value): string {
  return shortDecimal(v, 10);
}
