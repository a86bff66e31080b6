// How each activation function h and its derivative h′ are written, element by element (scalar form)
// and for a whole matrix (matrix form). The values always come from the engine; this only typesets.
import { compare, ratio, sign, type Value } from '../number/value';
import type { ActivationName, Conventions } from '../network/spec';
import { numberLatex } from './numbers';
import type { Build, Leaf } from './step';
import { atom, call, difference, expOf, frac, negate, paren, power, product, sum, type Tex } from './tex';
import type { StepNote } from './types';

const ONE = atom('1');
const SIX = ratio(6);

/** The function's name as written in the matrix form: \sigma, \tanh, \mathrm{ReLU}, … */
export function activationName(name: ActivationName): string {
  switch (name) {
    case 'identity':
      return '\\mathrm{id}';
    case 'sigmoid':
      return '\\sigma';
    case 'tanh':
      return '\\tanh';
    case 'relu':
      return '\\mathrm{ReLU}';
    case 'leaky-relu':
      return '\\mathrm{LeakyReLU}';
    case 'prelu':
      return '\\mathrm{PReLU}';
    case 'relu6':
      return '\\mathrm{ReLU6}';
    case 'softmax':
      return '\\mathrm{softmax}';
  }
}

export interface Piece {
  /** Text between the left-hand side and "= build", e.g. "= \sigma\left(a\right)". */
  readonly middle: string;
  readonly build?: Build;
  readonly condition: string | null;
  readonly note?: StepNote | null;
}

/** "a = -0.3 < 0"-style condition on the pre-activation. */
function where(aSym: string, a: Value, relation: string): string {
  return `${aSym} = ${numberLatex(a).latex} ${relation}`;
}

/**
 * z = h(a) for one element. `row` holds the whole row of pre-activations (for softmax) and `k` the
 * element's position in it; `alpha` is the layer's slope leaf (leaky-relu, prelu).
 */
export function outputPiece(name: ActivationName, a: Leaf & { value: Value }, alpha: Leaf | null, row: readonly Leaf[], k: number): Piece {
  switch (name) {
    case 'identity':
      return { middle: '', build: (leaf) => leaf(a), condition: null };
    case 'sigmoid':
      return {
        middle: ` = \\sigma(${a.sym})`,
        build: (leaf) => frac(ONE, sum([ONE, expOf(negate(leaf(a)))])),
        condition: null,
      };
    case 'tanh':
      return { middle: '', build: (leaf) => call('\\tanh', [leaf(a)]), condition: null };
    case 'relu':
      return { middle: '', build: (leaf) => call('\\max', [atom('0'), leaf(a)]), condition: null };
    case 'relu6':
      return { middle: '', build: (leaf) => call('\\min', [call('\\max', [atom('0'), leaf(a)]), atom('6')]), condition: null };
    case 'leaky-relu':
    case 'prelu':
      return sign(a.value) > 0
        ? { middle: '', build: (leaf) => leaf(a), condition: where(a.sym, a.value, '> 0') }
        : { middle: '', build: (leaf) => product([leaf(alpha!), leaf(a)]), condition: where(a.sym, a.value, '\\le 0') };
    case 'softmax':
      return {
        middle: '',
        build: (leaf) => frac(expOf(leaf(row[k])), sum(row.map((x) => expOf(leaf(x))))),
        condition: null,
      };
  }
}

/**
 * h′(a) for one element from a and the output z (sigmoid′ = z(1 − z), tanh′ = 1 − z²). For the
 * ReLU family the value is a constant chosen by the sign of a (and the convention at 0).
 */
export function derivativePiece(
  name: ActivationName,
  a: Leaf & { value: Value },
  z: Leaf,
  alpha: Leaf | null,
  conventions: Conventions,
): Piece {
  const s = sign(a.value);
  const atZero = s === 0 ? ({ kind: 'relu-convention', gradAtZero: conventions.reluGradAtZero } as const) : null;
  const right = s > 0 || (s === 0 && conventions.reluGradAtZero === 1);
  const relation = s > 0 ? '> 0' : s < 0 ? '< 0' : '';
  const cond = s === 0 ? `${a.sym} = 0` : where(a.sym, a.value, relation);
  switch (name) {
    case 'identity':
      return { middle: '', build: () => ONE, condition: null };
    case 'sigmoid':
      return { middle: '', build: (leaf) => product([leaf(z), paren(difference(ONE, leaf(z)))], ' '), condition: null };
    case 'tanh':
      return { middle: '', build: (leaf) => difference(ONE, power(leaf(z), '2')), condition: null };
    case 'relu':
      return { middle: '', build: () => atom(right ? '1' : '0'), condition: cond, note: atZero };
    case 'leaky-relu':
    case 'prelu':
      return { middle: '', build: (leaf) => (right ? ONE : leaf(alpha!)), condition: cond, note: atZero };
    case 'relu6': {
      if (compare(a.value, SIX) >= 0) return { middle: '', build: () => atom('0'), condition: where(a.sym, a.value, '\\ge 6') };
      const between = s > 0 ? `0 < ${a.sym} = ${numberLatex(a.value).latex} < 6` : cond;
      return { middle: '', build: () => atom(right ? '1' : '0'), condition: between, note: atZero };
    }
    case 'softmax':
      throw new Error('softmax has a Jacobian, not an element-wise derivative');
  }
}

/** Z = h(A) for a whole matrix; a slope α is written as a subscript: \mathrm{PReLU}_{0.25}(A). */
export function outputMatrixBuild(name: ActivationName, a: Leaf, alpha: Leaf | null): Build {
  if (name === 'identity') return (leaf) => leaf(a);
  if (alpha !== null && (name === 'leaky-relu' || name === 'prelu')) {
    return (leaf) => call(`${activationName(name)}_{${leaf(alpha).tex}}`, [leaf(a)]);
  }
  return (leaf) => call(activationName(name), [leaf(a)]);
}

/**
 * [P], the Iverson bracket: 1 for the elements where the condition P holds, 0 elsewhere. Exact even
 * when A's entries are shown rounded: rounding to 10 digits never changes a sign or passes 6.
 */
function iverson(condition: string): Tex {
  return { ...atom(`\\left[${condition}\\right]`), approximate: false };
}

/**
 * h′(A) for a whole matrix: in Z for sigmoid and tanh; for the ReLU family an Iverson bracket on A
 * (h′ = [A > 0] for ReLU, with ≥ when the convention takes the right derivative at 0); null for the
 * identity, whose derivative is 1 everywhere.
 */
export function derivativeMatrixBuild(name: ActivationName, z: Leaf, a: Leaf, alpha: Leaf | null, conventions: Conventions): Build | null {
  const right = conventions.reluGradAtZero === 1;
  const [positive, rest] = right ? ['\\ge', '<'] : ['>', '\\le'];
  switch (name) {
    case 'sigmoid':
      return (leaf) => product([leaf(z), paren(difference(ONE, leaf(z)))], '\\odot');
    case 'tanh':
      return (leaf) => difference(ONE, product([leaf(z), leaf(z)], '\\odot'));
    case 'relu':
      return (leaf) => iverson(`${leaf(a).tex} ${positive} 0`);
    case 'relu6':
      return (leaf) => iverson(`0 ${right ? '\\le' : '<'} ${leaf(a).tex} < 6`);
    case 'leaky-relu':
    case 'prelu':
      return (leaf) => sum([iverson(`${leaf(a).tex} ${positive} 0`), product([leaf(alpha!), iverson(`${leaf(a).tex} ${rest} 0`)], ' ')]);
    case 'identity':
    case 'softmax':
      return null;
  }
}
