// One gradient-descent step w ← w − η·∂L/∂w, and the lecture deck's exercise ③ (演習③
// 手計算でNNを学習せよ): update every parameter once; by how much does the loss improve?
import type { ActivationName } from '../../concepts/network';
import { sign, sub, type Value } from '../../number/value';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { randomNet } from './common';
import { lit } from '../numbers';

/**
 * Learning rates of weight-update: never 1, where forgetting η changes nothing; deeper nets mostly
 * 0.2, which adds one decimal place at most, and not ½, where forgetting η gives the same number as
 * dropping the ½ of the loss (or as summing a batch of two instead of averaging it).
 */
const UPDATE_RATES: Record<number, readonly Value[]> = {
  1: ['0.1', '0.5', '0.2'].map(lit),
  2: ['0.2', '0.2', '0.1'].map(lit),
  3: ['0.2', '0.2', '0.1'].map(lit),
};

export const weightUpdate: Template = {
  name: 'weight-update',
  kind: 'network',
  description: t(
    'One gradient-descent update w − η·∂L/∂w of weights and a bias',
    '勾配降下法による 1 回の更新 w − η·∂L/∂w（重みとバイアス）',
  ),
  topic: t(
    'the lecture slides: w_ij^l ← w_ij^l − η ∂L/∂w_ij^l (gradient method)',
    '講義スライドの勾配法 w_ij^l ← w_ij^l − η ∂L/∂w_ij^l',
  ),
  draft(rng, difficulty): NetworkDraft {
    const output: ActivationName = rng.pick(['identity', 'sigmoid', 'identity']);
    const hidden: ActivationName = difficulty === 3 ? rng.pick(['relu', 'leaky-relu']) : rng.pick(['relu', 'sigmoid']);
    const sizes = difficulty === 1 ? [2, 1] : difficulty === 2 ? [2, 2, 1] : [2, 2, 2, 1];
    // Leaky ReLU with α = ½ at difficulty 3: α = 0.2 would add a decimal place to every update through it.
    const net = randomNet(rng, {
      sizes,
      hidden,
      output,
      loss: 'half-sse',
      batch: difficulty === 3 ? 2 : 1,
      batchMode: rng.pick(['mean', 'sum'] as const),
      nice: difficulty === 3,
      ...(difficulty === 3 ? { alpha: lit('0.5') } : {}),
    });
    const last = sizes.length - 2;
    // Every cell in a random order: the first is asked, the others replace it if its gradient is 0
    // (a dead ReLU unit) or its value is unusable.
    const order = (cells: number[][]) => rng.sample(cells, cells.length);
    const outputCells = order([
      [0, 0],
      [1, 0],
    ]);
    const hiddenCells = order([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const biasCells = order([[0], [1]]);
    const asks: NetworkAsk[] =
      difficulty === 1
        ? [
            { id: 'a1', quantity: 'weights_after', layer: 0, index: [0, 0] },
            { id: 'a2', quantity: 'weights_after', layer: 0, index: [1, 0] },
            { id: 'a3', quantity: 'bias_after', layer: 0, index: [0] },
          ]
        : [
            { id: 'a1', quantity: 'weights_after', layer: last, index: outputCells[0] },
            { id: 'a2', quantity: 'weights_after', layer: 0, index: hiddenCells[0] },
            ...(difficulty === 3 ? [{ id: 'a3', quantity: 'bias_after' as const, layer: 1, index: biasCells[0] }] : []),
          ];
    const alternatives: Record<string, NetworkAsk[]> =
      difficulty === 1
        ? {}
        : {
            a1: outputCells.slice(1).map((index) => ({ id: 'a1', quantity: 'weights_after', layer: last, index })),
            a2: hiddenCells.slice(1).map((index) => ({ id: 'a2', quantity: 'weights_after', layer: 0, index })),
            a3: biasCells.slice(1).map((index) => ({ id: 'a3', quantity: 'bias_after', layer: 1, index })),
          };
    // η = 1 would make "forgot the learning rate" (w − ∂L/∂w) give the right answer.
    const learningRate = rng.pick(UPDATE_RATES[difficulty]);
    return {
      kind: 'network',
      net: { ...net, learningRate },
      asks,
      alternatives,
      intro: t(
        'Gradient descent: update the parameters once (w ← w − η·∂L/∂w). Hidden deltas use the weights before the update.',
        '勾配降下法: パラメータを 1 回更新せよ（w ← w − η·∂L/∂w）。中間層のデルタには更新前の重みを使う。',
      ),
    };
  },
};

/** Weights for exercise ③ at difficulty 3: three layers of updates multiply their decimal places. */
const HALVES = ['0.5', '-0.5', '1', '-1', '2', '-2', '1.5'].map(lit);

/**
 * Learning rates for exercise ③ by difficulty. One neuron: the error shrinks by 1 − η(|x|² + 1), so a
 * small η keeps the step a descent; deeper nets: η = 0.2 adds at most one decimal place to the updates.
 * Never η = 1, where forgetting the learning rate would give the right L′, and rarely ½, where it
 * gives the same L′ as dropping the ½ of the loss.
 */
const RATES: Record<number, readonly string[]> = {
  1: ['0.1', '0.2', '0.1', '0.5'],
  2: ['0.2', '0.2', '0.1'],
  3: ['0.2', '0.5', '0.1'],
};

export const trainOnce: Template = {
  name: 'train-once',
  kind: 'network',
  description: t(
    "Exercise ③: update every parameter once; by how much does the loss improve (L − L')?",
    "演習③: すべてのパラメータを 1 回更新し、損失がどれだけ改善するか（L − L'）を求める",
  ),
  topic: t("the lecture slides' exercise ③: train the network by hand", '講義スライドの演習③ 手計算で NN を学習せよ'),
  draft(rng, difficulty): NetworkDraft {
    // Piecewise-linear activations only: the loss after the update is then exact (no stated values).
    // One sample at every difficulty: with a batch, the loss after an update of three layers is too
    // long to compute by hand (difficulty 3 is two hidden layers; batches are in matrix-form).
    const hidden: ActivationName = rng.pick(['relu', 'relu', 'leaky-relu']);
    const sizes = difficulty === 1 ? [2, 1] : difficulty === 2 ? [2, 2, 1] : [2, 2, 2, 1];
    const net = randomNet(rng, {
      sizes,
      hidden,
      output: 'identity',
      loss: rng.pick(['half-sse', 'half-sse', 'mse']),
      batch: 1,
      batchMode: 'mean',
      nice: true,
      ...(difficulty === 3 ? { weights: HALVES } : {}),
    });
    return {
      kind: 'network',
      net: { ...net, learningRate: lit(rng.pick(RATES[difficulty])) },
      asks: [
        { id: 'a1', quantity: 'loss' },
        { id: 'a2', quantity: 'loss_after' },
        { id: 'a3', quantity: 'loss_improvement' },
      ],
      friendliness: { maxPlaces: difficulty === 3 ? 5 : 4 },
      // The exercise asks how much the loss improves: it must go down.
      accept: (ctx) => sign(sub(ctx.solution.loss, ctx.solution.lossAfter)) > 0,
      intro: t(
        'Exercise ③: train this network by hand — update every parameter (weights and biases) once by gradient descent, then compute the loss again. By how much does the loss improve?',
        '演習③: このネットワークを手計算で学習せよ。すべてのパラメータ（重みとバイアス）を勾配降下法で 1 回更新し、もう一度損失を計算せよ。損失はいくら改善するか？',
      ),
    };
  },
};
