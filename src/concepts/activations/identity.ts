// The identity h(a) = a (a regression output layer): h′ = 1.
import { call, eq, sym } from '../../math/term';
import { ONE } from '../../number/value';
import { text } from '../../text/lang';
import type { Activation } from './activation';
import { A, ONE_TERM } from './symbols';

const NAME = { latex: '\\mathrm{id}', text: 'id' };

export const identity: Activation<'identity'> = {
  name: 'identity',
  value: (a) => a,
  derivative: () => ONE,
  kinks: [],
  stepForm: 'definition',
  slope: false,
  learnsSlope: false,
  defaultSlope: null,
  names: { described: text('identity', '恒等関数'), document: text('identity function', '恒等関数'), ...NAME },
  formula: eq(call(NAME, A), A),
  derivativeFormula: eq(call(sym(NAME, { prime: true }), A), ONE_TERM),
  derivativeText: 'h′(a) = 1',
  derivativeAt: () => '1',
  definitionText: (_alpha, lang) => (lang === 'ja' ? '恒等関数' : 'identity'),
  topic: null,
  targets: 'any',
};
