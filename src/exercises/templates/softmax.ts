// Softmax: the Jacobian ∂y_i/∂a_k = y_i(δ_ik − y_k) (the layer-code notes; the lecture slides kept only the diagonal
// y_j(1 − y_j), a mistake) and softmax + cross-entropy, whose delta is y − t, divided by the batch
// size for a mean (the lecture slides' corrected form; SoftmaxWithLoss.backward in the Deep Learning from Scratch 2 summary and the layer-code notes).
import { compare, type Value } from '../../number/value';
import type { Rng } from '../prng';
import { lit } from '../numbers';
import { showVector } from '../show';
import type { NetworkContext, NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Lang, NetworkAsk } from '../types';
import { oneHot, randomNet, SMALL_WEIGHTS } from './common';

/** Distributions of distinct tenths (so the stated outputs sum to exactly 1 and no two are equal). */
const DISTRIBUTIONS: Readonly<Record<number, readonly (readonly number[])[]>> = {
  3: [
    [1, 2, 7],
    [1, 3, 6],
    [1, 4, 5],
    [2, 3, 5],
  ],
  4: [[1, 2, 3, 4]],
};

/**
 * Logits for the chosen outputs: ln y rounded to one decimal, shifted by a constant (softmax does not
 * change). This only builds the network; the stated outputs are then the engine's softmax of these
 * logits, rounded, and the draw is rejected if they do not come back as distinct tenths.
 */
function logitsFor(rng: Rng, n: number): Value[] {
  const tenths = rng.sample(rng.pick(DISTRIBUTIONS[n]), n);
  const shift = rng.int(0, 3);
  return tenths.map((k) => lit((Math.round(Math.log(k / 10) * 10) / 10 + shift).toFixed(1)));
}

/** Stated softmax outputs must differ from each other, or a swapped index i ↔ k would not show. */
function distinctOutputs(ctx: NetworkContext, layer: number): boolean {
  const rows = ctx.given.get(layer) ?? [];
  return rows.every((row) => row.every((v, i) => row.every((w, k) => i === k || compare(v, w) !== 0)));
}

function jacobianStatement(ctx: NetworkContext, lang: Lang): string[] {
  const a = ctx.spec.layers[0].weights[0];
  const y = ctx.given.get(0)![0];
  return lang === 'en'
    ? [
        `A softmax layer y = softmax(a), y_i = e^(a_i) / Σ_k e^(a_k), receives a = ${showVector(a)}.`,
        `Its outputs, rounded to one decimal, are y = ${showVector(y)}; use these values.`,
      ]
    : [
        `Softmaxレイヤ y = softmax(a)、y_i = e^(a_i) / Σ_k e^(a_k) に a = ${showVector(a)} が入力される。`,
        `その出力を小数第1位に丸めた値は y = ${showVector(y)}。この値を使うこと。`,
      ];
}

export const softmaxJacobian: Template = {
  name: 'softmax-jacobian',
  kind: 'network',
  description: t(
    'Softmax Jacobian entries ∂y_i/∂a_k = y_i(δ_ik − y_k), diagonal and off-diagonal',
    'ソフトマックス関数のヤコビ行列の要素 ∂y_i/∂a_k = y_i(δ_ik − y_k)（対角・非対角）',
  ),
  topic: t(
    "the layer-code notes: ∂y_i/∂z_k = y_i(δ_ik − y_k); the lecture slides' mistake: diagonal y_j(1 − y_j) only",
    'レイヤのコードのノートの ∂y_i/∂z_k = y_i(δ_ik − y_k)、講義スライドの誤り: 対角成分 y_j(1 − y_j) のみ',
  ),
  draft(rng, difficulty): NetworkDraft {
    const n = difficulty === 3 ? 4 : 3;
    const logits = logitsFor(rng, n);
    const i = rng.int(0, n - 1);
    const k = (i + rng.int(1, n - 1)) % n;
    const cells =
      difficulty === 1
        ? [[0, i, i]]
        : difficulty === 2
          ? rng.sample(
              [
                [0, i, i],
                [0, i, k],
              ],
              2,
            )
          : logits.map((_, c) => [0, i, c]);
    const asks: NetworkAsk[] = cells.map((index, m) => ({
      id: `a${m + 1}`,
      quantity: 'softmax_jacobian',
      layer: 0,
      index,
    }));
    return {
      kind: 'network',
      net: {
        layout: 'x-w',
        layers: [{ weights: [logits], bias: logits.map(() => lit('0')), activation: 'softmax' }],
        loss: 'cross-entropy',
        input: [[lit('1')]],
        target: [oneHot(rng, n)],
        learningRate: lit('0.1'),
      },
      asks,
      intro: t(
        'Softmax: compute entries of the Jacobian ∂y_i/∂a_k.',
        'ソフトマックス関数: ヤコビ行列 ∂y_i/∂a_k の要素を求めよ。',
      ),
      statement: jacobianStatement,
      accept: (ctx) => distinctOutputs(ctx, 0),
    };
  },
};

export const softmaxCeGradient: Template = {
  name: 'softmax-ce-gradient',
  kind: 'network',
  description: t(
    'Softmax + cross-entropy: δ = y − t (÷ batch size for a mean) and the weight gradient',
    'ソフトマックス関数 + 交差エントロピー誤差: δ = y − t（平均ならバッチサイズで割る）と重みの勾配',
  ),
  topic: t(
    'the lecture slides, corrected: δ = x − t; SoftmaxWithLoss backward (y − t)/batch_size in the Deep Learning from Scratch 2 summary and the layer-code notes',
    '講義スライド（正しくは δ = x − t）、『ゼロから作るDeep Learning ❷』のまとめとレイヤのコードのノートの SoftmaxWithLoss の逆伝播 (y − t)/batch_size',
  ),
  draft(rng, difficulty): NetworkDraft {
    const batch = difficulty === 3 ? 2 : 1;
    const net = randomNet(rng, {
      sizes: [2, 3],
      hidden: 'identity',
      output: 'softmax',
      loss: 'cross-entropy',
      batch,
      batchMode: 'mean',
      weights: SMALL_WEIGHTS,
    });
    const hot = net.target[0].findIndex((v) => v.kind === 'rational' && v.q.n === 1n);
    const other = (hot + rng.int(1, 2)) % 3;
    let asks: NetworkAsk[];
    if (difficulty === 1) {
      asks = [
        { id: 'a1', quantity: 'delta', layer: 0, index: [0, hot] },
        { id: 'a2', quantity: 'delta', layer: 0, index: [0, other] },
      ];
    } else if (difficulty === 2) {
      asks = [
        { id: 'a1', quantity: 'delta', layer: 0, index: [0, hot] },
        { id: 'a2', quantity: 'grad_weights', layer: 0, index: [rng.int(0, 1), rng.int(0, 2)] },
      ];
    } else {
      asks = [
        { id: 'a1', quantity: 'delta', layer: 0 },
        { id: 'a2', quantity: 'grad_bias', layer: 0 },
      ];
    }
    return {
      kind: 'network',
      net,
      asks,
      intro: t(
        'Softmax with cross-entropy loss (SoftmaxWithLoss): backpropagate through the loss and the softmax together.',
        'ソフトマックス関数と交差エントロピー誤差（SoftmaxWithLoss）: 損失関数とソフトマックス関数をまとめて逆伝播せよ。',
      ),
      accept: (ctx) => distinctOutputs(ctx, 0),
    };
  },
};
