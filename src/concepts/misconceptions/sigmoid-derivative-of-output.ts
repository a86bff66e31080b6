// The sigmoid's derivative applied to the output: σ(y)(1 − σ(y)) instead of y(1 − y) (tanh: 1 − tanh²(y)).
import type { ActivationName } from '../network';
import { mul, ONE, sigmoid, sub, tanh, type Value } from '../../number/value';
import { text } from '../../text/lang';
import { BACKWARD, layersWith, perLayer, type Misconception } from './misconception';
import { outputDerivativeText, tanhWords } from './squashing-text';

/** h′ applied to the output y instead of the pre-activation (activation knowledge); null where it is no slip. */
export function derivativeOfOutput(name: ActivationName, y: Value): Value | null {
  if (name === 'sigmoid') {
    const s = sigmoid(y);
    return mul(s, sub(ONE, s));
  }
  if (name === 'tanh') {
    const t = tanh(y);
    return sub(ONE, mul(t, t));
  }
  return null;
}

const squashing = layersWith((a) => a === 'sigmoid' || a === 'tanh');

export const sigmoidDerivativeOfOutput: Misconception<'sigmoid-derivative-of-output'> = {
  id: 'sigmoid-derivative-of-output',
  words: text(
    'the sigmoid derivative was applied to the output: σ(y)(1 − σ(y)) instead of y(1 − y) (for tanh: 1 − tanh²(y) instead of 1 − y²)',
    'シグモイドの微分を出力に適用しています: y(1 − y) ではなく σ(y)(1 − σ(y))（tanh なら 1 − y² ではなく 1 − tanh²(y)）',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'σ′(a) = σ(a)(1 − σ(a)) = y(1 − y), with the output y = σ(a) you already have',
      'σ′(a) = σ(a)(1 − σ(a)) = y(1 − y)（y = σ(a) は計算済みの出力）',
    ),
    formulaFor: (n) => outputDerivativeText(n, text(', the output you already have', '。出力は計算済み')),
  },
  wordsFor: (n, layer) =>
    tanhWords(
      n,
      layer,
      text(
        'the tanh derivative was applied to the output: 1 − tanh²(y) instead of 1 − y²',
        'tanh関数の微分を出力に適用しています: 1 − y² ではなく 1 − tanh²(y)',
      ),
    ),
  applies: (n) => squashing(n).length > 0,
  variants: perLayer('sigmoid-derivative-of-output', squashing),
  layerLocal: true,
  madeIn: squashing,
  reach: BACKWARD,
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) =>
      derivativeOfOutput(n.layers[l].activation, y) ?? right.activationDerivative(n, l, a, y),
  }),
};
