// The lecture deck's cross-entropy derivative: ∂L/∂y_j = −t_j/y_j + Σ_{i≠j} t_i/y_i (the right one is −t_j/y_j).
import { add, div, mul, neg, sub, sum } from '../../number/value';
import type { Vector } from '../../number/vector';
import { text } from '../../text/lang';
import { BACKWARD, type Misconception } from './misconception';

function crossEntropyGradientWithExtraTerms(y: Vector, t: Vector) {
  const ratios = y.map((yi, i) => div(t[i], yi));
  const total = sum(ratios);
  return ratios.map((r) => add(neg(r), sub(total, r)));
}

export const ceExtraTerms: Misconception<'ce-extra-terms'> = {
  id: 'ce-extra-terms',
  words: text(
    'the cross-entropy derivative got extra terms: −t_j/y_j + Σ_{i≠j} t_i/y_i instead of −t_j/y_j',
    '交差エントロピー誤差の微分に余分な項があります: −t_j/y_j + Σ_{i≠j} t_i/y_i ではなく −t_j/y_j',
  ),
  targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'delta',
    formula: text(
      'L = −Σ t·ln y gives ∂L/∂y_j = −t_j/y_j; with softmax the delta is y − t',
      'L = −Σ t·ln y より ∂L/∂y_j = −t_j/y_j。ソフトマックスと組み合わせるとデルタは y − t',
    ),
  },
  applies: (n) => n.loss === 'cross-entropy',
  variants: () => [{ id: 'ce-extra-terms' }],
  layerLocal: false,
  reach: BACKWARD,
  // The delta then goes the long way, through the softmax Jacobian.
  rules: (_mistake, _network, right) => ({
    outputGradient: (n, y, t, c) =>
      n.loss === 'cross-entropy'
        ? crossEntropyGradientWithExtraTerms(y, t).map((v) => mul(c, v))
        : right.outputGradient(n, y, t, c),
    softmaxCrossEntropyDelta: () => null,
  }),
};
