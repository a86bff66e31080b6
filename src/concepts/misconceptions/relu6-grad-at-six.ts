// ReLU6′(6) taken as 1: at the upper kink ReLU6 is flat from 6 on, so ReLU6′(6) = 0 (as in PyTorch and
// TensorFlow); a student carrying "1 where the unit is active" over to a = 6 gets 1.
import { compare, ONE } from '../../number/value';
import { SIX } from '../activations/relu6';
import { text } from '../../text/lang';
import { BACKWARD, allCells, layersWith, perLayer, type Misconception } from './misconception';

const relu6Layers = layersWith((a) => a === 'relu6');

export const relu6GradAtSix: Misconception<'relu6-grad-at-six'> = {
  id: 'relu6-grad-at-six',
  words: text(
    'ReLU6′(6) was taken as 1; ReLU6 is flat from a = 6 on, so ReLU6′(a) = 0 for a ≥ 6',
    'ReLU6′(6) を 1 としています。ReLU6 は a = 6 から先は平らなので、a ≥ 6 では ReLU6′(a) = 0 です',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'ReLU6′(a) = 1 for 0 < a < 6 and 0 for a < 0 or a ≥ 6 (ReLU6′(6) = 0, as in PyTorch and TensorFlow)',
      'ReLU6′(a) は 0 < a < 6 で 1、a < 0 または a ≥ 6 で 0（ReLU6′(6) = 0。PyTorch・TensorFlow と同じ）',
    ),
  },
  applies: (n) => relu6Layers(n).length > 0,
  variants: perLayer('relu6-grad-at-six', relu6Layers),
  layerLocal: true,
  madeIn: relu6Layers,
  reach: BACKWARD,
  inert: (_n, l, layers) => allCells(layers[l].preactivation, (a) => compare(a, SIX) !== 0),
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) =>
      n.layers[l].activation === 'relu6' && compare(a, SIX) === 0 ? ONE : right.activationDerivative(n, l, a, y),
  }),
};
