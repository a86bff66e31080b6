// The logistic sigmoid σ(a) = 1 / (1 + e^(−a)); σ′ = y(1 − y) from the output y.
import { add, call, eq, frac, juxt, minus, neg, paren, pow, sym } from '../../math/term';
import { unicode } from '../../math/unicode';
import { ONE, mul, sigmoid as logistic, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ONE_TERM, Y, primed } from './symbols';

const NAME = { latex: '\\sigma', text: 'σ' };
const derivativeFormula = eq(call(primed(NAME), A), juxt(Y, paren(minus(ONE_TERM, Y))));

export const sigmoid: Activation<'sigmoid'> = {
  name: 'sigmoid',
  value: (a) => logistic(a),
  derivative: (_a, y) => mul(y, sub(ONE, y)),
  kinks: [],
  stepForm: 'name-and-definition',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('sigmoid σ', 'シグモイド関数 σ'), document: text('sigmoid', 'シグモイド関数'), ...NAME },
  formula: eq(call(NAME, A), frac(ONE_TERM, add(ONE_TERM, pow(sym('e'), neg(A))))),
  derivativeFormula,
  derivativeText: unicode(derivativeFormula),
  derivativeAt: (y) => `${y} × (1 − ${y})`,
  definitionText: () => 'σ(a) = 1 / (1 + e^(−a))',
  topic: 'sigmoid',
  targets: 'unit',
};
