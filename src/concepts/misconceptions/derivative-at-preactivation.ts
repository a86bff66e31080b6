// The output form of h′ fed the pre-activation: a(1 − a) instead of y(1 − y) for the sigmoid, 1 − a²
// instead of 1 − y² for tanh (the mirror of sigmoid-derivative-of-output, which feeds y to σ′).
import { mul, ONE, sub, type Value } from '../../number/value';
import type { ActivationName } from '../network';
import { text } from '../../text/lang';
import { BACKWARD, layersWith, perLayer, type Misconception } from './misconception';
import { outputDerivativeText, tanhWords } from './squashing-text';

/** y(1 − y) or 1 − y² with a in place of y (activation knowledge); null where it is no slip. */
export function outputFormAt(name: ActivationName, a: Value): Value | null {
  if (name === 'sigmoid') return mul(a, sub(ONE, a));
  if (name === 'tanh') return sub(ONE, mul(a, a));
  return null;
}

const squashing = layersWith((a) => a === 'sigmoid' || a === 'tanh');

export const derivativeAtPreactivation: Misconception<'derivative-at-preactivation'> = {
  id: 'derivative-at-preactivation',
  words: text(
    'the derivative was evaluated at the pre-activation a: a(1 − a) instead of y(1 − y) with the output y = σ(a) (for tanh: 1 − a² instead of 1 − y²)',
    '微分を活性化前の値 a で計算しています: 出力 y = σ(a) を使った y(1 − y) ではなく a(1 − a)（tanh なら 1 − y² ではなく 1 − a²）',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'σ′(a) = y(1 − y) and tanh′(a) = 1 − y², with the output y = h(a), not with a',
      'σ′(a) = y(1 − y)、tanh′(a) = 1 − y²（a ではなく出力 y = h(a) を使う）',
    ),
    formulaFor: (n) => outputDerivativeText(n, text(', not with a', '。a ではなく y を使う')),
  },
  wordsFor: (n, layer) =>
    tanhWords(
      n,
      layer,
      text(
        'the derivative was evaluated at the pre-activation a: 1 − a² instead of 1 − y² with the output y = tanh(a)',
        '微分を活性化前の値 a で計算しています: 出力 y = tanh(a) を使った 1 − y² ではなく 1 − a²',
      ),
    ),
  applies: (n) => squashing(n).length > 0,
  variants: perLayer('derivative-at-preactivation', squashing),
  layerLocal: true,
  madeIn: squashing,
  reach: BACKWARD,
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) =>
      outputFormAt(n.layers[l].activation, a) ?? right.activationDerivative(n, l, a, y),
  }),
};
