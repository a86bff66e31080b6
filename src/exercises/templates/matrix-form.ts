// Matrix form for a batch (the lecture slides: Δ^K = ∂f_L/∂X^K ⊙ ∂h/∂A^K, ∂L/∂W = X^(l−1)ᵀΔ^l, Δ^l = Δ^{l+1}W^{(l+1)T} ⊙ ∂h/∂A^l;
// the Deep Learning from Scratch 2 summary: dW = xᵀ·dout), with whole matrices as answers.
import type { ActivationName } from '../../concepts/network';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import { randomNet } from './common';

export const matrixForm: Template = {
  name: 'matrix-form',
  kind: 'network',
  description: t(
    'Matrix form for a batch: the delta matrix Δ and ∂L/∂W = Xᵀ·Δ',
    'バッチの行列表現: デルタの行列 Δ と ∂L/∂W = Xᵀ·Δ',
  ),
  topic: t(
    'the lecture slides: ∂L/∂W^l = X^(l−1)ᵀΔ^l, Δ^l = Δ^{l+1}W^{(l+1)T} ⊙ ∂h/∂A^l; the Deep Learning from Scratch 2 summary: dW = xᵀ·dout',
    '講義スライドの行列表現 ∂L/∂W^l = X^(l−1)ᵀΔ^l、Δ^l = Δ^{l+1}W^{(l+1)T} ⊙ ∂h/∂A^l、『ゼロから作るDeep Learning ❷』のまとめの dW = xᵀ·dout',
  ),
  draft(rng, difficulty): NetworkDraft {
    const hidden: ActivationName = rng.pick(
      difficulty === 3 ? ['relu', 'sigmoid', 'leaky-relu'] : ['relu', 'leaky-relu'],
    );
    const sizes = difficulty === 1 ? [2, 2] : [2, 2, 2];
    const net = randomNet(rng, {
      sizes,
      hidden,
      output: 'identity',
      loss: 'half-sse',
      batch: 2,
      batchMode: rng.pick(['mean', 'sum'] as const),
      nice: difficulty >= 2,
    });
    const layer = difficulty === 2 ? 1 : 0;
    return {
      kind: 'network',
      net,
      asks: [
        { id: 'a1', quantity: 'delta', layer },
        { id: 'a2', quantity: 'grad_weights', layer },
      ],
      intro: t(
        `Matrix form: for the whole batch at once, compute the delta matrix Δ${difficulty === 2 ? '²' : '¹'} (one row per sample) and ∂L/∂W${difficulty === 2 ? '²' : '¹'} = ${difficulty === 2 ? 'Z¹ᵀ' : 'Xᵀ'}·Δ.`,
        `行列表現: バッチ全体についてまとめて、デルタの行列 Δ${difficulty === 2 ? '²' : '¹'}（1 行が 1 サンプル）と ∂L/∂W${difficulty === 2 ? '²' : '¹'} = ${difficulty === 2 ? 'Z¹ᵀ' : 'Xᵀ'}·Δ を求めよ。`,
      ),
    };
  },
};
