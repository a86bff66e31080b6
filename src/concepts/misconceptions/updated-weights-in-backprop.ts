// The hidden delta computed with weights already updated; backprop uses the weights before the update.
import { text } from '../../text/lang';
import { PASS_BACK, hiddenInputs, perLayer, type Misconception } from './misconception';

export const updatedWeightsInBackprop: Misconception<'updated-weights-in-backprop'> = {
  id: 'updated-weights-in-backprop',
  words: text(
    'the hidden delta was computed with weights that were already updated; backpropagation uses the weights before the update',
    '更新後の重みで中間層のデルタを計算しています。逆伝播には更新前の重みを使います',
  ),
  targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'delta',
    formula: text(
      'Δ^(l−1) = (Δ^l·W^lᵀ) ⊙ h′(A^(l−1)) with W^l before the update',
      'Δ^(l−1) = (Δ^l·W^lᵀ) ⊙ h′(A^(l−1))（W^l は更新前の重み）',
    ),
  },
  applies: (n) => n.layers.length > 1,
  usesLearningRate: true,
  variants: perLayer('updated-weights-in-backprop', hiddenInputs),
  layerLocal: true,
  reach: PASS_BACK,
  rules: (_mistake, _network, right) => ({
    backpropWeights: (n, l, _before, after) => right.backpropWeights(n, l, after, after),
  }),
};
