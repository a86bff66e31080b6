// ReLU′(0) taken with the other convention (the left derivative for the right one, or back).
import type { Conventions } from '../network';
import { kinkDerivativeText } from './kink-text';
import { isZero } from '../../number/value';
import { text } from '../../text/lang';
import { BACKWARD, allCells, layersWith, perLayer, type Misconception } from './misconception';

/** The activations with a kink at a = 0 where the convention relu_grad_at_zero decides (activation knowledge). */
export const RELU_FAMILY: ReadonlySet<string> = new Set(['relu', 'leaky-relu', 'prelu', 'relu6']);

const reluLayers = layersWith((a) => RELU_FAMILY.has(a));

const otherConvention = (c: Conventions): Conventions => ({ ...c, reluGradAtZero: c.reluGradAtZero === 1 ? 0 : 1 });

export const reluGradAtZero: Misconception<'relu-grad-at-zero'> = {
  id: 'relu-grad-at-zero',
  words: text(
    'the derivative at the kink a = 0 was taken from the other side (the right derivative for the left one, or back)',
    'a = 0 での微分を反対側からとっています（左微分と右微分を取り違えています）',
  ),
  targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'activation_derivative',
    formula: text(
      'ReLU′(a) = 1 for a > 0, 0 for a < 0; at a = 0 the exercise says which (the left derivative 0 or the right derivative 1)',
      'ReLU′(a) は a > 0 で 1、a < 0 で 0。a = 0 では問題の指定に従う（左微分 0 または右微分 1）',
    ),
    at: 'kink',
    formulaFor: kinkDerivativeText,
  },
  applies: (n) => reluLayers(n).length > 0,
  variants: perLayer('relu-grad-at-zero', reluLayers),
  layerLocal: true,
  madeIn: reluLayers,
  reach: BACKWARD,
  inert: (_n, l, layers) => allCells(layers[l].preactivation, (a) => !isZero(a)),
  rules: (_mistake, _network, right) => ({
    activationDerivative: (n, l, a, y) =>
      right.activationDerivative({ ...n, conventions: otherConvention(n.conventions) }, l, a, y),
  }),
};
