// ReLU6(a) = min(max(0, a), 6). ReLU6′ is 0 at a = 6 and above (as in PyTorch and TensorFlow); at
// a = 0 the ReLU convention decides.
import { call, cases, eq, num, rel } from '../../math/term';
import { ONE, ZERO, compare, ratio, sign } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ONE_TERM, ZERO_TERM, primed, rightOfKink } from './symbols';

const MAX = { latex: '\\max', text: 'max' };
const MIN = { latex: '\\min', text: 'min' };
const NAME = { latex: '\\mathrm{ReLU6}', text: 'ReLU6' };
export const SIX = ratio(6);

export const relu6: Activation<'relu6'> = {
  name: 'relu6',
  value: (a) => (sign(a) <= 0 ? ZERO : compare(a, SIX) >= 0 ? SIX : a),
  derivative: (a, _y, _alpha, conventions) => (compare(a, SIX) >= 0 ? ZERO : rightOfKink(a, conventions) ? ONE : ZERO),
  kinks: [ZERO, SIX],
  stepForm: 'definition',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('ReLU6', 'ReLU6関数'), document: text('ReLU6', 'ReLU6関数'), ...NAME },
  formula: eq(call(NAME, A), call(MIN, call(MAX, ZERO_TERM, A), num(6))),
  derivativeFormula: eq(
    call(primed(NAME), A),
    cases([ONE_TERM, rel(ZERO_TERM, '<', rel(A, '<', num(6)))], [ZERO_TERM, rel(A, '≥', num(6))]),
  ),
  derivativeText: 'ReLU6′(a) = 1 (0 < a < 6), 0 (a ∉ [0, 6])',
  definitionText: () => 'ReLU6(a) = min(max(0, a), 6)',
  topic: 'relu6',
  targets: 'non-negative',
};
