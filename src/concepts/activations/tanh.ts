// The hyperbolic tangent; tanh′ = 1 − y² from the output y.
import { add, call, eq, frac, minus, neg, pow, sym } from '../../math/term';
import { unicode } from '../../math/unicode';
import { ONE, mul, sub, tanh as hyperbolicTangent } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ONE_TERM, Y, primed } from './symbols';

const NAME = { latex: '\\tanh', text: 'tanh' };
const E = sym('e');
const derivativeFormula = eq(call(primed(NAME), A), minus(ONE_TERM, pow(Y, 2)));

export const tanh: Activation<'tanh'> = {
  name: 'tanh',
  value: (a) => hyperbolicTangent(a),
  derivative: (_a, y) => sub(ONE, mul(y, y)),
  kinks: [],
  stepForm: 'name',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('tanh', 'tanh関数'), document: text('tanh', 'tanh関数'), ...NAME },
  formula: eq(call(NAME, A), frac(minus(pow(E, A), pow(E, neg(A))), add(pow(E, A), pow(E, neg(A))))),
  derivativeFormula,
  derivativeText: unicode(derivativeFormula),
  derivativeAt: (y) => `(1 − ${y}²)`,
  definitionText: () => 'tanh(a) = (e^a − e^(−a)) / (e^a + e^(−a))',
  topic: 'tanh',
  targets: 'signed-unit',
};
