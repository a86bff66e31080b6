// How the numbers of a step are written. Operands in a substituted formula are written as a student
// would copy them: a terminating decimal (0.15, -0.5) when it has at most DIGITS significant digits,
// otherwise the exact fraction; an irrational value as its decimal rounded to DIGITS digits (and the
// step then says "≈"). A result is written exactly and as a decimal: 151/400 = 0.3775,
// σ(151/400) ≈ 0.5932699921, 1/3 ≈ 0.3333333333.
import { fractionLatex, shortDecimal, terminatesWithin, exprLatex } from '../number/format';
import { exprSize, sign, type Value } from '../number/value';
import type { Matrix } from '../network/spec';
import { atom, product, type Tex } from './tex';

/** Significant digits of a rounded decimal in a step. */
export const DIGITS = 10;

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

/** The number as it is written inside a formula (no relation sign). */
export function numberLatex(v: Value): { readonly latex: string; readonly approximate: boolean } {
  if (v.kind === 'rational') {
    if (terminatesWithin(v, DIGITS) || (v.q.d === 1n && shortFraction(v))) return { latex: shortDecimal(v, DIGITS), approximate: false };
    if (shortFraction(v)) return { latex: fractionLatex(v.q), approximate: false };
  }
  return { latex: shortDecimal(v, DIGITS), approximate: true };
}

/** A number as an operand of the term builder. */
export function num(v: Value): Tex {
  const { latex, approximate } = numberLatex(v);
  return { ...atom(latex, sign(v) < 0, approximate), numeric: true };
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
  const decimal = shortDecimal(v, DIGITS);
  if (v.kind === 'rational') {
    if (!shortFraction(v)) return terminatesWithin(v, DIGITS) ? { relation: '=', latex: decimal } : { relation: '\\approx', latex: decimal };
    if (v.q.d === 1n) return { relation: '=', latex: decimal };
    const fraction = fractionLatex(v.q);
    return { relation: '=', latex: `${fraction} ${terminatesWithin(v, DIGITS) ? '=' : '\\approx'} ${decimal}` };
  }
  if (v.expr.op !== 'rational' && exprSize(v.expr) <= MAX_SYMBOLIC_SIZE) {
    return { relation: '=', latex: `${exprLatex(v.expr)} \\approx ${decimal}` };
  }
  return { relation: '\\approx', latex: decimal };
}

/** A matrix of numbers as a pmatrix (entries as operands: exact decimals or fractions, else rounded). */
export function matrixLatex(m: Matrix): { readonly latex: string; readonly approximate: boolean } {
  let approximate = false;
  const rows = m.map((row) =>
    row
      .map((v) => {
        const n = numberLatex(v);
        approximate ||= n.approximate;
        return n.latex;
      })
      .join(' & '),
  );
  return { latex: `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`, approximate };
}

/** A matrix as an operand of the term builder. */
export function mat(m: Matrix): Tex {
  const { latex, approximate } = matrixLatex(m);
  return atom(latex, false, approximate);
}

/** A matrix result: `= (…)` with exact entries, `≈ (…)` when some entry is rounded. */
export function matrixResultLatex(m: Matrix): ResultLatex {
  const { latex, approximate } = matrixLatex(m);
  return { relation: approximate ? '\\approx' : '=', latex };
}

/**
 * k·t for a constant factor of a formula (1/N, 2, 2/m): written as a fraction, the same in the
 * formula and in the substitution, so that 1/N reads as such; a factor 1 is left out.
 */
export function scaled(k: Value, t: Tex): Tex {
  if (k.kind !== 'rational' || k.q.equals(1)) return t;
  return product([{ ...atom(fractionLatex(k.q), k.q.s < 0n), numeric: true }, t], ' ');
}
