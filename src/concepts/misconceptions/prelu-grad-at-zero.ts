// Leaky ReLU′(0) or PReLU′(0) taken as 0, the habit from ReLU: at a = 0 the derivative is α (the left
// derivative) or 1 (the right one), as the network's convention says, never 0 (for α ≠ 0).
import { isZero, ZERO } from '../../number/value';
import { text } from '../../text/lang';
import { kinkDerivativeText } from './kink-text';
import { BACKWARD, allCells, layersWith, perLayer, type Misconception } from './misconception';

const slopeLayers = layersWith((a) => a === 'leaky-relu' || a === 'prelu');

export const preluGradAtZero: Misconception<'prelu-grad-at-zero'> = {
  id: 'prelu-grad-at-zero',
  words: text(
    'the derivative at a = 0 was taken as 0, as for ReLU; with a slope α below 0 it is α (or 1 with the right derivative)',
    'a = 0 での微分を ReLU と同じく 0 としています。a < 0 の傾きが α のときは α（右微分なら 1）です',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'h′(a) = 1 for a > 0 and α for a < 0; at a = 0 it is α (the left derivative) or 1 (the right one), as the exercise says',
      'h′(a) は a > 0 で 1、a < 0 で α。a = 0 では問題の指定により α（左微分）か 1（右微分）',
    ),
    at: 'kink',
    formulaFor: kinkDerivativeText,
  },
  applies: (n) => slopeLayers(n).length > 0,
  variants: perLayer('prelu-grad-at-zero', slopeLayers),
  layerLocal: true,
  madeIn: slopeLayers,
  reach: BACKWARD,
  inert: (_n, l, layers) => allCells(layers[l].preactivation, (a) => !isZero(a)),
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) => {
      const act = n.layers[l].activation;
      return (act === 'leaky-relu' || act === 'prelu') && isZero(a) ? ZERO : right.activationDerivative(n, l, a, y);
    },
  }),
};
