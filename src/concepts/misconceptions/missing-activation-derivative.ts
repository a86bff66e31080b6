// The activation's derivative h′(a) left out of the delta: δ = ∂L/∂z.
import { ONE, compare } from '../../number/value';
import { text } from '../../text/lang';
import type { NetworkSpec } from '../network';
import { BACKWARD, allCells, layersWith, perLayer, type Misconception } from './misconception';

const nonlinear = layersWith((a) => a !== 'identity');

const softmaxWithCrossEntropy = (n: NetworkSpec): boolean =>
  n.loss === 'cross-entropy' && n.layers[n.layers.length - 1].activation === 'softmax';

/** The words when the activation is softmax: ∂L/∂y (the cross-entropy's −t/y) taken as the delta. */
export const SOFTMAX_LEFT_OUT = text(
  'the softmax was left out: ∂L/∂y (for cross-entropy −t/y) was taken as the delta, without the softmax Jacobian',
  'ソフトマックス関数が抜けています: ∂L/∂y（交差エントロピー誤差なら −t/y）をソフトマックス関数のヤコビ行列を通さずにデルタとしています',
);

/** The right way for softmax with cross-entropy: the Jacobian and −t/y together give y − t. */
export const SOFTMAX_CE_DELTA = text(
  'through the softmax Jacobian, ∂L/∂y = −t/y gives δ = y − t (softmax with cross-entropy)',
  'ソフトマックス関数のヤコビ行列を通すと ∂L/∂y = −t/y から δ = y − t（ソフトマックス関数＋交差エントロピー誤差）',
);

export const missingActivationDerivative: Misconception<'missing-activation-derivative'> = {
  id: 'missing-activation-derivative',
  words: text(
    "the activation's derivative h′(a) was left out of the delta",
    'デルタに活性化関数の微分 h′(a) を掛け忘れています',
  ),
  targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'delta',
    formula: text('δ^l = ∂L/∂z^l ⊙ h′(a^l)', 'δ^l = ∂L/∂z^l ⊙ h′(a^l)'),
    formulaFor: (n) =>
      softmaxWithCrossEntropy(n) ? SOFTMAX_CE_DELTA : text('δ^l = ∂L/∂z^l ⊙ h′(a^l)', 'δ^l = ∂L/∂z^l ⊙ h′(a^l)'),
  },
  wordsFor: (n, layer) =>
    (layer === undefined ? nonlinear(n) : [layer]).every((l) => n.layers[l]?.activation === 'softmax')
      ? SOFTMAX_LEFT_OUT
      : null,
  applies: (n) => nonlinear(n).length > 0,
  variants: perLayer('missing-activation-derivative', nonlinear),
  layerLocal: true,
  madeIn: nonlinear,
  reach: BACKWARD,
  // h′ = 1 everywhere (identity, active ReLU units) hides it; softmax has no element-wise h′.
  inert: (n, l, layers) => {
    const h = layers[l].activationDerivative;
    return n.layers[l].activation !== 'softmax' && h !== null && allCells(h, (v) => compare(v, ONE) === 0);
  },
  rules: () => ({
    deltaThroughActivation: (_n, _l, g) => g,
    softmaxBackward: (_n, _l, _y, g) => g,
    softmaxCrossEntropyDelta: () => null,
  }),
};
