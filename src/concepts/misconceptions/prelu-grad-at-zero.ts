// Leaky ReLU′(0) or PReLU′(0) taken as 0, the habit from ReLU: at a = 0 the derivative is α (the left
// derivative) or 1 (the right one), as the network's convention says, never 0 (for α ≠ 0).
import { isZero, ZERO } from '../../number/value';
import { text } from '../../text/lang';
import type { NetworkSpec } from '../network';
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
      'h′(a) = 1 for a > 0 and α for a < 0; at a = 0 the convention relu_grad_at_zero picks α (0) or 1 (1)',
      'h′(a) は a > 0 で 1、a < 0 で α。a = 0 では規約 relu_grad_at_zero により α（0 のとき）か 1（1 のとき）',
    ),
    at: 'kink',
    formulaFor: (n: NetworkSpec) => {
      const left = n.conventions.reluGradAtZero === 0;
      return text(
        `h′(a) = 1 for a > 0 and α for a < 0; at a = 0 this exercise takes ${left ? 'the left derivative α' : 'the right derivative 1'}`,
        `h′(a) は a > 0 で 1、a < 0 で α。この問題では a = 0 で${left ? '左微分 α' : '右微分 1'}をとる`,
      );
    },
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
