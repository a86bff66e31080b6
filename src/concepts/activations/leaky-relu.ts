// Leaky ReLU: a for a > 0, α·a below (a fixed slope α, default 1/100). At a = 0 the convention picks 1 or α.
import { call, cases, eq, rel, times } from '../../math/term';
import { ONE, ZERO, mul, ratio, sign } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ALPHA, ONE_TERM, ZERO_TERM, primed, rightOfKink } from './symbols';

const NAME = { latex: '\\mathrm{LeakyReLU}', text: 'LeakyReLU' };

export const leakyRelu: Activation<'leaky-relu'> = {
  name: 'leaky-relu',
  value: (a, alpha) => (sign(a) > 0 ? a : mul(alpha!, a)),
  derivative: (a, _y, alpha, conventions) => (rightOfKink(a, conventions) ? ONE : alpha!),
  kinks: [ZERO],
  stepForm: 'definition',
  slope: true,
  learnsSlope: false,
  defaultSlope: ratio(1, 100),
  names: { described: text('Leaky ReLU', 'Leaky ReLU関数'), document: text('Leaky ReLU', 'Leaky ReLU関数'), ...NAME },
  formula: eq(call(NAME, A), cases([A, rel(A, '>', ZERO_TERM)], [times(ALPHA, A), rel(A, '≤', ZERO_TERM)])),
  derivativeFormula: eq(
    call(primed(NAME), A),
    cases([ONE_TERM, rel(A, '>', ZERO_TERM)], [ALPHA, rel(A, '≤', ZERO_TERM)]),
  ),
  derivativeText: 'h′(a) = 1 (a > 0), α (a < 0)',
  definitionText: (a, lang) =>
    lang === 'en'
      ? `LeakyReLU(a) = a for a > 0, ${a}·a for a ≤ 0 (α = ${a})`
      : `LeakyReLU(a) = a (a > 0)、${a}·a (a ≤ 0)（α = ${a}）`,
  topic: 'leaky-relu',
  targets: 'any',
};
