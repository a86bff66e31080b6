// L2 weight decay applied to the biases too: ∂L/∂b gets λ·b (or λ/N·b) as ∂L/∂w gets λ·w. The penalty
// is on the weights only; a student can make it only in a layer with a bias that is not 0.
import { isZero, mul } from '../../number/value';
import type { NetworkSpec } from '../network';
import { penaltySlope } from '../regularization';
import { text } from '../../text/lang';
import { perLayer, type Misconception } from './misconception';

const hasBias = (n: NetworkSpec, l: number): boolean => n.layers[l].bias.some((b) => !isZero(b));

export const l2OnBiases: Misconception<'l2-on-biases'> = {
  id: 'l2-on-biases',
  words: text(
    'the L2 penalty was applied to the biases too: it is on the weights only, so ∂L/∂b has no λ·b term',
    'L2 正則化をバイアスにも適用しています: 罰則項は重みだけにかかるので、∂L/∂b に λ·b の項はありません',
  ),
  targets: ['grad_bias', 'bias_after'],
  step: {
    quantity: 'grad_bias',
    formula: text(
      'R = (λ/2)·Σw² over the weights only: ∂L/∂w = ∂E/∂w + λ·w, but ∂L/∂b = ∂E/∂b',
      'R = (λ/2)·Σw² は重みだけの和: ∂L/∂w = ∂E/∂w + λ·w、しかし ∂L/∂b = ∂E/∂b',
    ),
  },
  applies: (n) =>
    n.regularization !== undefined && !isZero(n.regularization.l2) && n.layers.some((_, l) => hasBias(n, l)),
  variants: perLayer('l2-on-biases'),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['grad_bias', 'bias_after'] },
  inert: (n, l) => !hasBias(n, l),
  rules: (_mistake, _network, right) => ({
    penaltyGradient: (n, l, weights, bias) => {
      const decay = right.penaltyGradient(n, l, weights, bias);
      if (decay === null || n.regularization === undefined) return decay;
      const k = penaltySlope(n.regularization, n.input.length);
      return { weights: decay.weights, bias: bias.map((b) => mul(k, b)) };
    },
  }),
};
