// PReLU: Leaky ReLU whose slope α is learned (default 1/4); the same value and derivative.
import { call, cases, eq, rel, times } from '../../math/term';
import { ZERO, ratio } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { leakyRelu } from './leaky-relu';
import { A, ALPHA, ONE_TERM, ZERO_TERM, primed } from './symbols';

const NAME = { latex: '\\mathrm{PReLU}', text: 'PReLU' };

export const prelu: Activation<'prelu'> = {
  name: 'prelu',
  value: leakyRelu.value,
  derivative: leakyRelu.derivative,
  kinks: [ZERO],
  stepForm: 'definition',
  slope: true,
  learnsSlope: true,
  defaultSlope: ratio(1, 4),
  names: { described: text('PReLU', 'PReLU関数'), document: text('PReLU', 'PReLU関数'), ...NAME },
  formula: eq(call(NAME, A), cases([A, rel(A, '>', ZERO_TERM)], [times(ALPHA, A), rel(A, '≤', ZERO_TERM)])),
  derivativeFormula: eq(
    call(primed(NAME), A),
    cases([ONE_TERM, rel(A, '>', ZERO_TERM)], [ALPHA, rel(A, '≤', ZERO_TERM)]),
  ),
  derivativeText: leakyRelu.derivativeText,
  definitionText: (a, lang) =>
    lang === 'en'
      ? `PReLU(a) = a for a > 0, α·a for a ≤ 0, with the learned slope α = ${a}`
      : `PReLU(a) = a (a > 0)、α·a (a ≤ 0)、学習された傾き α = ${a}`,
  topic: 'prelu',
  targets: 'any',
};
