// ReLU(a) = max(0, a). Its derivative at the kink a = 0 is a convention (left: 0, right: 1).
import { call, cases, eq, rel } from '../../math/term';
import { ONE, ZERO, sign } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ONE_TERM, ZERO_TERM, primed, rightOfKink } from './symbols';

const MAX = { latex: '\\max', text: 'max' };
const NAME = { latex: '\\mathrm{ReLU}', text: 'ReLU' };

export const relu: Activation<'relu'> = {
  name: 'relu',
  value: (a) => (sign(a) > 0 ? a : ZERO),
  derivative: (a, _y, _alpha, conventions) => (rightOfKink(a, conventions) ? ONE : ZERO),
  kinks: [ZERO],
  stepForm: 'definition',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('ReLU', 'ReLU関数'), document: text('ReLU', 'ReLU関数'), ...NAME },
  formula: eq(call(NAME, A), call(MAX, ZERO_TERM, A)),
  derivativeFormula: eq(
    call(primed(NAME), A),
    cases([ONE_TERM, rel(A, '>', ZERO_TERM)], [ZERO_TERM, rel(A, '≤', ZERO_TERM)]),
  ),
  derivativeText: 'ReLU′(a) = 1 (a > 0), 0 (a < 0)',
  definitionText: () => 'ReLU(a) = max(0, a)',
  topic: 'relu',
  targets: 'non-negative',
};
