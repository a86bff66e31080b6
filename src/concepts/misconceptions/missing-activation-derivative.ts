// The activation's derivative h′(a) left out of the delta: δ = ∂L/∂z.
import { ONE, compare } from '../../number/value';
import { text } from '../../text/lang';
import { BACKWARD, allCells, layersWith, perLayer, type Misconception } from './misconception';

const nonlinear = layersWith((a) => a !== 'identity');

export const missingActivationDerivative: Misconception<'missing-activation-derivative'> = {
  id: 'missing-activation-derivative',
  words: text(
    "the activation's derivative h′(a) was left out of the delta",
    'デルタに活性化関数の微分 h′(a) を掛け忘れています',
  ),
  targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: { quantity: 'delta', formula: text('δ^l = ∂L/∂z^l ⊙ h′(a^l)', 'δ^l = ∂L/∂z^l ⊙ h′(a^l)') },
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
