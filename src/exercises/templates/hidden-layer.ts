// The hidden layer's backward step (the lecture's notation: δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′(a_j^l) with the
// weights before the update, ∂L/∂w_ij^l = δ_j^l x_i^{l−1}; 演習② numerically).
import type { ActivationName, Layout } from '../../concepts/network';
import type { Rng } from '../prng';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Difficulty } from '../types';
import { cellAsks, cellPair, randomNet } from './common';

function hiddenNet(rng: Rng, difficulty: Difficulty, layout: Layout = 'x-w') {
  const hidden: ActivationName = rng.pick(
    difficulty === 3 ? ['relu', 'leaky-relu'] : ['relu', 'sigmoid', 'relu', 'tanh', 'leaky-relu'],
  );
  const output: ActivationName = rng.pick(['identity', 'sigmoid', 'identity']);
  const sizes = difficulty === 1 ? [1, 2, 1] : difficulty === 2 ? [2, 2, 2] : [2, 2, 2, 2];
  return randomNet(rng, {
    sizes,
    hidden,
    output,
    loss: 'half-sse',
    batch: difficulty === 3 ? 2 : 1,
    batchMode: rng.pick(['mean', 'sum'] as const),
    layout,
    nice: difficulty === 3,
  });
}

export const hiddenDelta: Template = {
  name: 'hidden-delta',
  kind: 'network',
  description: t(
    'Hidden-layer delta δ_j = (Σ_k δ_k w_jk)·h′(a_j), with the weights before the update',
    '中間層のデルタ δ_j = (Σ_k δ_k w_jk)·h′(a_j)（更新前の重みを使う）',
  ),
  topic: t(
    'the lecture slides: δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′_l(a_j^l), Δ^l = Δ^{l+1}W^{(l+1)T} ⊙ ∂h/∂A',
    '講義スライドの誤差の漸化式 δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′_l(a_j^l)',
  ),
  draft(rng, difficulty): NetworkDraft {
    const net = hiddenNet(rng, difficulty);
    return {
      kind: 'network',
      net,
      asks:
        difficulty === 3
          ? [{ id: 'a1', quantity: 'delta', layer: 0 }]
          : cellAsks('delta', 0, [
              [0, 0],
              [0, 1],
            ]),
      intro: t(
        'Backpropagation: compute the delta of the first hidden layer (use the weights before any update).',
        '誤差逆伝播法: 最初の中間層のデルタを求めよ（重みは更新前の値を使う）。',
      ),
    };
  },
};

export const hiddenWeightGrad: Template = {
  name: 'hidden-weight-grad',
  kind: 'network',
  description: t('Gradient of a hidden-layer weight ∂L/∂w_ij = x_i·δ_j', '中間層の重みの勾配 ∂L/∂w_ij = x_i·δ_j'),
  topic: t(
    'the lecture slides: ∂L/∂W^l = X^(l−1)ᵀΔ^l; exercise ② (hidden layer)',
    '講義スライドの ∂L/∂W^l = X^(l−1)ᵀΔ^l、演習②（中間層）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const layout: Layout = rng.chance(0.3) ? 'w-x' : 'x-w';
    const net = hiddenNet(rng, difficulty, layout);
    const xw =
      difficulty === 1
        ? [
            [0, 0],
            [0, 1],
          ]
        : cellPair(rng);
    const cells = xw.map(([i, j]) => (layout === 'x-w' ? [i, j] : [j, i]));
    return {
      kind: 'network',
      net,
      asks: difficulty === 3 ? [{ id: 'a1', quantity: 'grad_weights', layer: 0 }] : cellAsks('grad_weights', 0, cells),
      intro: t(
        'Backpropagation: compute the gradient of the loss with respect to weights of the first hidden layer.',
        '誤差逆伝播法: 最初の中間層の重みに関する損失の勾配を求めよ。',
      ),
    };
  },
};
