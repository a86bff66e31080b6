// The numbers of a step as operands of the term builder (Tex): the number forms themselves
// (0.15, \frac{1}{3}, σ(151/400) ≈ 0.5932699921) are number/show.ts's.
import { fractionLatex } from '../number/format';
import { numberLatex, type ResultLatex } from '../number/show';
import { sign, type Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import { atom, product, type Tex } from './tex';

export { numberLatex, resultLatex, type Relation, type ResultLatex } from '../number/show';

/** A number as an operand of the term builder. */
export function num(v: Value): Tex {
  const { latex, approximate } = numberLatex(v);
  return { ...atom(latex, sign(v) < 0, approximate), numeric: true };
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
