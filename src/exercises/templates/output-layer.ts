// The output layer's backward step (the lecture's notation: Δ^K = ∂f_L/∂X^K ⊙ ∂h_K/∂A^K, ∂L/∂B^K = Δ^K,
// ∂L/∂W^K = X^(K−1)ᵀΔ^K; the E-shikaku notes: ∂E/∂w_ji = (y_j − d_j)·z_i in the W·x layout; 演習① numerically).
import type { ActivationName, Layout, LossName } from '../../concepts/network';
import type { Rng } from '../prng';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Difficulty, NetworkAsk, NetworkQuantity } from '../types';
import { cellAsks, cellPair, randomNet } from './common';

function outputNet(
  rng: Rng,
  difficulty: Difficulty,
  layout: Layout = 'x-w',
  hiddenChoices: readonly ActivationName[] = ['relu', 'sigmoid'],
  deepOutputs: readonly ActivationName[] = ['sigmoid', 'identity', 'identity', 'relu'],
) {
  // Difficulty 3 (two hidden layers, a batch) keeps to outputs whose derivative adds few decimals.
  const output: ActivationName = rng.pick(
    difficulty === 3 ? deepOutputs : ['sigmoid', 'identity', 'identity', 'tanh', 'relu'],
  );
  const loss: LossName = rng.pick(['half-sse', 'half-sse', 'sse']);
  const sizes = difficulty === 1 ? [2, 1] : difficulty === 2 ? [2, 2, 2] : [2, 2, 2, 2];
  // Difficulty 3 has two hidden layers and a batch: piecewise-linear hidden layers keep it short.
  const hidden = difficulty === 3 ? rng.pick(['relu', 'leaky-relu'] as const) : rng.pick(hiddenChoices);
  return randomNet(rng, {
    sizes,
    hidden,
    output,
    loss,
    batch: difficulty === 3 ? 2 : 1,
    batchMode: rng.pick(['mean', 'sum'] as const),
    layout,
    nice: difficulty === 3,
  });
}

function outputAsks(quantity: NetworkQuantity, last: number, difficulty: Difficulty, cells: number[][]): NetworkAsk[] {
  return difficulty === 3 ? [{ id: 'a1', quantity, layer: last }] : cellAsks(quantity, last, cells);
}

const lastOf = (draft: { layers: readonly unknown[] }) => draft.layers.length - 1;

export const outputDelta: Template = {
  name: 'output-delta',
  kind: 'network',
  description: t('Output-layer delta δ = ∂L/∂a = (∂L/∂y)·h′(a)', '出力層のデルタ δ = ∂L/∂a = (∂L/∂y)·h′(a)'),
  topic: t(
    'the lecture slides: Δ^K = ∂f_L/∂X^K ⊙ ∂h_K/∂A^K; the E-shikaku notes: y − d',
    '講義スライドの Δ^K = ∂f_L/∂X^K ⊙ ∂h_K/∂A^K、E資格のノートの y − d',
  ),
  draft(rng, difficulty): NetworkDraft {
    const net = outputNet(rng, difficulty);
    const last = lastOf(net);
    return {
      kind: 'network',
      net,
      asks: outputAsks(
        'delta',
        last,
        difficulty,
        difficulty === 1
          ? [[0, 0]]
          : [
              [0, 0],
              [0, 1],
            ],
      ),
      intro: t(
        'Backpropagation: compute the delta (error) of the output layer.',
        '誤差逆伝播法: 出力層のデルタ（誤差）を求めよ。',
      ),
    };
  },
};

export const outputBiasGrad: Template = {
  name: 'output-bias-grad',
  kind: 'network',
  description: t(
    'Gradient of the output-layer bias ∂L/∂b = δ (summed over the batch)',
    '出力層のバイアスの勾配 ∂L/∂b = δ（バッチで足し合わせる）',
  ),
  topic: t(
    "the lecture slides' exercise ① (output-layer bias), ∂L/∂B^K = Δ^K; the Deep Learning from Scratch 2 summary: db = Σ dout",
    '講義スライドの演習①（出力層のバイアスの更新）、∂L/∂B^K = Δ^K、『ゼロから作るDeep Learning ❷』のまとめの db = Σ dout',
  ),
  draft(rng, difficulty): NetworkDraft {
    const net = outputNet(rng, difficulty);
    const last = lastOf(net);
    const asks: NetworkAsk[] =
      difficulty === 3
        ? [{ id: 'a1', quantity: 'grad_bias', layer: last }]
        : cellAsks('grad_bias', last, difficulty === 1 ? [[0]] : [[0], [1]]);
    return {
      kind: 'network',
      net,
      asks,
      intro: t(
        'Backpropagation: compute the gradient of the loss with respect to the output-layer bias.',
        '誤差逆伝播法: 出力層のバイアスに関する損失の勾配を求めよ。',
      ),
    };
  },
};

export const outputWeightGrad: Template = {
  name: 'output-weight-grad',
  kind: 'network',
  description: t(
    'Gradient of an output-layer weight ∂L/∂w = z·δ (input times delta)',
    '出力層の重みの勾配 ∂L/∂w = z·δ（入力 × デルタ）',
  ),
  topic: t(
    'the lecture slides: ∂L/∂W^K = X^(K−1)ᵀΔ^K; the E-shikaku notes: ∂E/∂w_ji = (y_j − d_j)z_i (W·x layout)',
    '講義スライドの ∂L/∂W^K = X^(K−1)ᵀΔ^K、E資格のノートの ∂E/∂w_ji = (y_j − d_j)z_i（重みの並べ方 W·x）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const layout: Layout = rng.chance(0.4) ? 'w-x' : 'x-w';
    // A hidden layer whose output differs from its pre-activation, so that using a instead of z shows.
    // At difficulty 3, XᵀΔ sums two samples' products: identity or ReLU outputs keep it short.
    const net = outputNet(rng, difficulty, layout, ['sigmoid', 'leaky-relu', 'relu'], ['identity', 'relu']);
    const last = lastOf(net);
    const cells = (
      difficulty === 1
        ? [
            [0, 0],
            [1, 0],
          ]
        : cellPair(rng)
    ).map(([i, j]) => (layout === 'x-w' ? [i, j] : [j, i]));
    return {
      kind: 'network',
      net,
      asks: outputAsks('grad_weights', last, difficulty, cells),
      intro: t(
        'Backpropagation: compute the gradient of the loss with respect to output-layer weights.',
        '誤差逆伝播法: 出力層の重みに関する損失の勾配を求めよ。',
      ),
    };
  },
};
