// Assembles one step from a single description of its right-hand side: built once with symbols for
// the formula and once with numbers for the substituted form, so the two always line up.
import type { Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import { matrixResultLatex, num, mat, numberLatex, resultLatex, type ResultLatex } from './numbers';
import { atom, type Tex } from './tex';
import type { Form, MatrixStep, Quantity, ScalarStep, StepNote } from './types';
import { roundedResultLatex } from '../number/show';

/** A leaf of a formula: its symbol and the number or matrix it stands for. */
export type Leaf = { readonly sym: string; readonly value: Value } | { readonly sym: string; readonly matrix: Matrix };
export type Build = (leaf: (x: Leaf) => Tex) => Tex;

const symbolLeaf = (x: Leaf): Tex => atom(x.sym);
const numberLeaf = (x: Leaf): Tex => ('value' in x ? num(x.value) : mat(x.matrix));

interface StepSpec {
  readonly quantity: Quantity;
  readonly form: Form;
  readonly layer: number | null;
  /**
   * Left-hand side, possibly with a general form after it: "z^{(1)}_1 = \sigma\left(a^{(1)}_1\right)";
   * empty when the symbolic right-hand side is the whole formula (L − L⁺).
   */
  readonly lhs: string;
  /** The right-hand side; omitted when the formula is just `lhs` (then there is nothing to substitute). */
  readonly build?: Build;
  readonly condition?: string | null;
  readonly note?: StepNote | null;
}

function stepId(spec: StepSpec, index: readonly number[]): string {
  return `${spec.form === 'matrix' ? 'm:' : ''}${spec.quantity}/${spec.layer ?? '-'}/${index.join(',')}`;
}

function parts(spec: StepSpec): { formula: string; substituted: string | null; approximate: boolean } {
  if (!spec.build) return { formula: spec.lhs, substituted: null, approximate: false };
  const symbolic = spec.build(symbolLeaf);
  const numeric = spec.build(numberLeaf);
  return {
    formula: spec.lhs === '' ? symbolic.tex : `${spec.lhs} = ${symbolic.tex}`,
    substituted: numeric.tex,
    approximate: numeric.approximate,
  };
}

/** A result after a rounded substituted form is itself only "≈ decimal". */
function scalarResult(v: Value, afterApproximate: boolean): ResultLatex {
  const exact = resultLatex(v);
  if (afterApproximate && v.kind === 'real') return roundedResultLatex(v);
  return exact;
}

export function scalarStep(spec: StepSpec, index: readonly number[], result: Value): ScalarStep {
  let { formula, substituted, approximate } = parts(spec);
  // A substitution that is just the result written again adds nothing: ∂L/∂b = δ = 0.13…
  if (substituted !== null && substituted === numberLatex(result).latex) substituted = null;
  const shown = scalarResult(result, substituted !== null && approximate);
  return {
    id: stepId(spec, index),
    quantity: spec.quantity,
    form: spec.form,
    layer: spec.layer,
    formula,
    substituted,
    substitutedApproximate: substituted !== null && approximate,
    condition: spec.condition ?? null,
    note: spec.note ?? null,
    resultRelation: shown.relation,
    resultLatex: shown.latex,
    shape: 'scalar',
    index,
    result,
  };
}

export function matrixStep(spec: StepSpec, result: Matrix, transposed: boolean): MatrixStep {
  let { formula, substituted, approximate } = parts(spec);
  const shown = matrixResultLatex(result);
  if (substituted !== null && substituted === shown.latex) substituted = null;
  return {
    id: stepId(spec, []),
    quantity: spec.quantity,
    form: spec.form,
    layer: spec.layer,
    formula,
    substituted,
    substitutedApproximate: substituted !== null && approximate,
    condition: spec.condition ?? null,
    note: spec.note ?? null,
    resultRelation: substituted !== null && approximate ? '\\approx' : shown.relation,
    resultLatex: shown.latex,
    shape: 'matrix',
    index: [],
    result,
    transposed,
  };
}
