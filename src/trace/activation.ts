// How each activation function h and its derivative h′ are written, element by element (scalar form)
// and for a whole matrix (matrix form), from the activation concept's formulas. The values always
// come from the engine; this only typesets.
import { activation, type Activation, type RowActivation } from '../concepts/activations';
import type { Conventions } from '../concepts/conventions';
import { latex, latexRelation } from '../math/latex';
import type { Relation, Term } from '../math/term';
import { compare, sign, type Value } from '../number/value';
import { rightOfKink } from '../concepts/activations/symbols';
import type { ActivationName } from '../concepts/network';
import { numberLatex } from './numbers';
import type { Build, Leaf } from './step';
import { atom, call, difference, expOf, frac, negate, paren, power, product, sum, type Tex } from './tex';
import type { StepNote } from './types';

const _ONE = atom('1');

/** The function's name as written in the matrix form: \sigma, \tanh, \mathrm{ReLU}, … */
export function activationName(name: ActivationName): string {
  return activation(name).names.latex;
}

export interface Piece {
  /** Text between the left-hand side and "= build", e.g. "= \sigma\left(a\right)". */
  readonly middle: string;
  readonly build?: Build;
  readonly condition: string | null;
  readonly note?: StepNote | null;
}

/** The leaves a concept's formula refers to: a, the output y (z in the steps) and the slope α. */
interface Leaves {
  readonly a: Leaf;
  readonly z?: Leaf;
  readonly alpha?: Leaf | null;
}

/**
 * A concept's term as a step's Tex, with its variables as leaves. Element-wise (the matrix form),
 * products are Hadamard products and y² is y ⊙ y.
 */
function texOf(term: Term, leaves: Leaves, leaf: (x: Leaf) => Tex, elementwise = false): Tex {
  const go = (t: Term) => texOf(t, leaves, leaf, elementwise);
  switch (term.kind) {
    case 'number':
      return atom(term.text);
    case 'symbol': {
      const bound = { a: leaves.a, y: leaves.z, α: leaves.alpha }[term.name.text];
      if (!bound) throw new Error(`no leaf for ${term.name.text}`);
      return leaf(bound);
    }
    case 'sum':
      return sum(term.terms.map(go));
    case 'difference':
      return difference(go(term.left), go(term.right));
    case 'negate':
      return negate(go(term.arg));
    case 'product':
      return product(term.factors.map(go), elementwise ? '\\odot' : term.juxtapose ? ' ' : '\\cdot');
    case 'fraction':
      return frac(go(term.num), go(term.den));
    case 'power':
      if (term.base.kind === 'symbol' && term.base.name.text === 'e') return expOf(go(term.exponent));
      if (elementwise && term.exponent.kind === 'number' && term.exponent.text === '2')
        return product([go(term.base), go(term.base)], '\\odot');
      return power(go(term.base), latex(term.exponent));
    case 'call':
      return call(latex(term.fn), term.args.map(go));
    case 'paren':
      return paren(go(term.inner));
    default:
      throw new Error(`a ${term.kind} is not a step formula`);
  }
}

/** The right-hand side of h(a) = … or h′(a) = … */
const rhs = (term: Term): Term => (term.kind === 'equation' ? term.right : term);

/** Whether a relation `a R c` (c a number) holds for the value of a. */
function holds(relation: Relation, s: -1 | 0 | 1): boolean {
  return { '<': s < 0, '>': s > 0, '≤': s <= 0, '≥': s >= 0, '=': s === 0 }[relation];
}

/** "a = -0.3 < 0"-style condition on the pre-activation. */
function where(aSym: string, a: Value, relation: string): string {
  return `${aSym} = ${numberLatex(a).latex} ${relation}`;
}

/** The case of a piecewise h that applies at a (conditions compare a with 0), and its condition. */
function caseAt(term: Term & { kind: 'cases' }, a: Leaf & { value: Value }): { value: Term; condition: string } {
  const s = sign(a.value);
  for (const c of term.cases) {
    if (c.when.kind === 'relation' && holds(c.when.relation, s)) {
      return {
        value: c.value,
        condition: where(a.sym, a.value, `${latexRelation(c.when.relation)} ${latex(c.when.right)}`),
      };
    }
  }
  throw new Error('no case applies');
}

const isRow = (h: Activation): h is RowActivation => 'row' in h;

/**
 * z = h(a) for one element. `row` holds the whole row of pre-activations (for softmax) and `k` the
 * element's position in it; `alpha` is the layer's slope leaf (leaky-relu, prelu).
 */
export function outputPiece(
  name: ActivationName,
  a: Leaf & { value: Value },
  alpha: Leaf | null,
  row: readonly Leaf[],
  k: number,
): Piece {
  const h = activation(name);
  if (isRow(h)) {
    return {
      middle: '',
      build: (leaf) => frac(expOf(leaf(row[k])), sum(row.map((x) => expOf(leaf(x))))),
      condition: null,
    };
  }
  const definition = rhs(h.formula);
  if (definition.kind === 'cases') {
    const { value, condition } = caseAt(definition, a);
    return { middle: '', build: (leaf) => texOf(value, { a, alpha }, leaf), condition };
  }
  switch (h.stepForm) {
    case 'name':
      return { middle: '', build: (leaf) => call(h.names.latex, [leaf(a)]), condition: null };
    case 'definition':
      return { middle: '', build: (leaf) => texOf(definition, { a, alpha }, leaf), condition: null };
    case 'name-and-definition':
      return {
        middle: ` = ${h.names.latex}(${a.sym})`,
        build: (leaf) => texOf(definition, { a, alpha }, leaf),
        condition: null,
      };
  }
}

/**
 * Where a lies among the kinks k₁ < k₂ < …, as a condition: "a = 0" at the first kink (where the
 * convention decides), "a = 7 \ge 6" at or beyond a later one, "0 < a = 2 < 6" between two,
 * "a = -1 < 0" or "a = 2 > 0" outside them.
 */
function kinkCondition(
  kinks: readonly Value[],
  a: Leaf & { value: Value },
): { condition: string; beyondLast: boolean } {
  const v = numberLatex(a.value).latex;
  const k = (x: Value) => numberLatex(x).latex;
  if (compare(a.value, kinks[0]) === 0) return { condition: `${a.sym} = ${k(kinks[0])}`, beyondLast: false };
  const last = kinks[kinks.length - 1];
  if (kinks.length > 1 && compare(a.value, last) >= 0)
    return { condition: `${a.sym} = ${v} \\ge ${k(last)}`, beyondLast: true };
  if (compare(a.value, kinks[0]) < 0) return { condition: `${a.sym} = ${v} < ${k(kinks[0])}`, beyondLast: false };
  const above = kinks.findIndex((x) => compare(a.value, x) < 0);
  if (above === -1) return { condition: `${a.sym} = ${v} > ${k(last)}`, beyondLast: false };
  return { condition: `${k(kinks[above - 1])} < ${a.sym} = ${v} < ${k(kinks[above])}`, beyondLast: false };
}

/**
 * h′(a) for one element from a and the output z (sigmoid′ = z(1 − z), tanh′ = 1 − z²). For the
 * ReLU family the value is a constant chosen by where a lies (and the convention at 0): 1, 0, or the
 * slope α.
 */
export function derivativePiece(
  name: ActivationName,
  a: Leaf & { value: Value },
  z: Leaf,
  alpha: Leaf | null,
  conventions: Conventions,
): Piece {
  const h = activation(name);
  if (isRow(h)) throw new Error('softmax has a Jacobian, not an element-wise derivative');
  if (h.kinks.length === 0)
    return { middle: '', build: (leaf) => texOf(rhs(h.derivativeFormula), { a, z, alpha }, leaf), condition: null };
  const { condition, beyondLast } = kinkCondition(h.kinks, a);
  const atZero =
    sign(a.value) === 0 ? ({ kind: 'relu-convention', gradAtZero: conventions.reluGradAtZero } as const) : null;
  // h′ = the first case right of 0 (under the convention at 0), the last one left of 0 or beyond the last kink.
  const branches = kinkedCases(h);
  const value =
    !beyondLast && rightOfKink(a.value, conventions) ? branches[0].value : branches[branches.length - 1].value;
  const build: Build = (leaf) => texOf(value, { a, z, alpha }, leaf);
  return beyondLast ? { middle: '', build, condition } : { middle: '', build, condition, note: atZero };
}

function kinkedCases(h: Activation): (Term & { kind: 'cases' })['cases'] {
  const d = rhs(h.derivativeFormula);
  if (d.kind !== 'cases') throw new Error(`${h.name}′ has kinks but no cases`);
  return d.cases;
}

/** Z = h(A) for a whole matrix; a slope α is written as a subscript: \mathrm{PReLU}_{0.25}(A). */
export function outputMatrixBuild(name: ActivationName, a: Leaf, alpha: Leaf | null): Build {
  const h = activation(name);
  const definition = rhs(h.formula);
  if (definition.kind === 'symbol' && definition.name.text === 'a') return (leaf) => leaf(a);
  if (alpha !== null && h.slope) return (leaf) => call(`${h.names.latex}_{${leaf(alpha).tex}}`, [leaf(a)]);
  return (leaf) => call(h.names.latex, [leaf(a)]);
}

/**
 * [P], the Iverson bracket: 1 for the elements where the condition P holds, 0 elsewhere. Exact even
 * when A's entries are shown rounded: rounding to 10 digits never changes a sign or passes 6.
 */
function iverson(condition: string): Tex {
  return { ...atom(`\\left[${condition}\\right]`), approximate: false };
}

/**
 * h′(A) for a whole matrix: in Z for a smooth h (sigmoid, tanh); for the ReLU family an Iverson
 * bracket on A where h′ = 1 (h′ = [A > 0] for ReLU, with ≥ when the convention takes the right
 * derivative at 0), plus α[A ≤ 0] for a slope; null for the identity, whose derivative is 1
 * everywhere, and for softmax (a Jacobian).
 */
export function derivativeMatrixBuild(
  name: ActivationName,
  z: Leaf,
  a: Leaf,
  alpha: Leaf | null,
  conventions: Conventions,
): Build | null {
  const h = activation(name);
  if (isRow(h)) return null;
  if (h.kinks.length === 0) {
    const d = rhs(h.derivativeFormula);
    return d.kind === 'number' ? null : (leaf) => texOf(d, { a, z, alpha }, leaf, true);
  }
  const right = conventions.reluGradAtZero === 1;
  const [positive, rest] = right ? ['\\ge', '<'] : ['>', '\\le'];
  const k = (x: Value) => numberLatex(x).latex;
  const [first, ...later] = h.kinks;
  const ones = (A: string) =>
    later.length === 0
      ? `${A} ${positive} ${k(first)}`
      : `${k(first)} ${right ? '\\le' : '<'} ${A} < ${k(later[later.length - 1])}`;
  if (!h.slope) return (leaf) => iverson(ones(leaf(a).tex));
  return (leaf) =>
    sum([iverson(ones(leaf(a).tex)), product([leaf(alpha!), iverson(`${leaf(a).tex} ${rest} ${k(first)}`)], ' ')]);
}
