// Where the exercise states the outputs rounded ("use y = 0.6"), h′ worked out from the pre-activation
// instead: the true σ′(a) = σ(a)(1 − σ(a)) (tanh: 1 − tanh²(a)) rather than y(1 − y) of the stated y.
import { isRational, isZero, type Value } from '../../number/value';
import { activation } from '../activations';
import { text } from '../../text/lang';
import { BACKWARD, layersWith, perLayer, type Misconception } from './misconception';
import { outputDerivativeText, tanhWords } from './squashing-text';

const squashing = layersWith((a) => a === 'sigmoid' || a === 'tanh');

/**
 * σ and tanh are irrational except at 0: a rational output elsewhere was stated by the exercise, not
 * computed, so only there can the true h(a) differ from the y the student was given.
 */
const stated = (a: Value, y: Value): boolean => isRational(y) && !isZero(a);

export const derivativeFromExactOutput: Misconception<'derivative-from-exact-output'> = {
  id: 'derivative-from-exact-output',
  words: text(
    'the derivative was computed from the pre-activation, σ(a)(1 − σ(a)), instead of from the stated output y: y(1 − y) with the rounded y the exercise gives (for tanh: 1 − y²)',
    '微分を活性化前の値から σ(a)(1 − σ(a)) と計算しています。問題で与えられた丸めた出力 y を使って y(1 − y)（tanh なら 1 − y²）とします',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'h′ from the stated output y: σ′ = y(1 − y), tanh′ = 1 − y² (use the y the exercise gives)',
      '与えられた出力 y から h′ を計算する: σ′ = y(1 − y)、tanh′ = 1 − y²（問題の y を使う）',
    ),
    formulaFor: (n) =>
      outputDerivativeText(n, text(', the rounded y the exercise states', '。y は問題で与えられた丸めた値')),
  },
  wordsFor: (n, layer) =>
    tanhWords(
      n,
      layer,
      text(
        'the derivative was computed from the pre-activation, 1 − tanh²(a), instead of from the stated output y: 1 − y² with the rounded y the exercise gives',
        '微分を活性化前の値から 1 − tanh²(a) と計算しています。問題で与えられた丸めた出力 y を使って 1 − y² とします',
      ),
    ),
  applies: (n) => squashing(n).length > 0,
  variants: perLayer('derivative-from-exact-output', squashing),
  layerLocal: true,
  madeIn: squashing,
  reach: BACKWARD,
  inert: (_n, l, layers) =>
    layers[l].output.every((row, s) => row.every((y, k) => !stated(layers[l].preactivation[s][k], y))),
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) => {
      const layer = n.layers[l];
      if (!stated(a, y) || (layer.activation !== 'sigmoid' && layer.activation !== 'tanh'))
        return right.activationDerivative(n, l, a, y);
      return right.activationDerivative(n, l, a, activation(layer.activation).value(a, layer.alpha));
    },
  }),
};
