// softmax(a)_k = exp(a_k) / Σ_i exp(a_i), applied to a whole row; its derivative is the Jacobian
// ∂y_i/∂a_k = y_i(δ_ik − y_k).
import { call, eq, frac, juxt, minus, paren, pow, sym } from '../../math/term';
import { unicode } from '../../math/unicode';
import { ONE, ZERO, div, exp, max, mul, sub, sum, type Value } from '../../number/value';
import type { Vector } from '../../number/vector';
import { text } from '../../text/lang';
import type { RowActivation } from './activation';

const NAME = { latex: '\\mathrm{softmax}', text: 'softmax' };
const sub_ = (name: string | { latex: string; text: string }, index: string) => sym(name, { sub: index });
const DY = { latex: '\\partial y', text: '∂y' };
const DA = { latex: '\\partial a', text: '∂a' };
const DELTA = { latex: '\\delta', text: 'δ' };
const derivativeFormula = eq(
  frac(sub_(DY, 'i'), sub_(DA, 'k')),
  juxt(sub_('y', 'i'), paren(minus(sub_(DELTA, 'ik'), sub_('y', 'k')))),
);

/** softmax(a)_k = exp(a_k − m) / Σ_i exp(a_i − m) with m = max a (the overflow trick; same value). */
function row(a: Vector): Value[] {
  const m = a.reduce(max);
  const e = a.map((x) => exp(sub(x, m)));
  const total = sum(e);
  return e.map((x) => div(x, total));
}

/** ∂y_i/∂a_k = y_i(δ_ik − y_k). */
function jacobian(y: Vector, i: number, k: number): Value {
  return mul(y[i], sub(i === k ? ONE : ZERO, y[k]));
}

/** δ_k = Σ_i g_i y_i(δ_ik − y_k) = y_k(g_k − Σ_i g_i y_i) for an upstream gradient g = ∂L/∂y. */
function backward(y: Vector, g: Vector): Value[] {
  const weighted = sum(g.map((gi, i) => mul(gi, y[i])));
  return y.map((yk, k) => mul(yk, sub(g[k], weighted)));
}

export const softmax: RowActivation<'softmax'> = {
  name: 'softmax',
  value: () => {
    throw new Error('softmax is applied to a whole row: use softmaxRow');
  },
  derivative: () => {
    throw new Error('softmax has a Jacobian, not an element-wise derivative');
  },
  row,
  jacobian,
  backward,
  kinks: [],
  stepForm: 'definition',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('softmax', 'ソフトマックス関数'), document: text('softmax', 'ソフトマックス関数'), ...NAME },
  formula: eq(
    call(NAME, sub_('a', 'k')),
    frac(pow(sym('e'), sub_('a', 'k')), call({ latex: '\\sum_{i}', text: 'Σ_i' }, pow(sym('e'), sub_('a', 'i')))),
  ),
  derivativeFormula,
  derivativeText: unicode(derivativeFormula),
  definitionText: (_alpha, lang) => (lang === 'ja' ? 'ソフトマックス関数' : 'softmax'),
  topic: 'softmax',
  targets: 'one-hot',
};
