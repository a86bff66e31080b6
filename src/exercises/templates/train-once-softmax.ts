// The lecture deck's exercise ③ in its own form: ReLU hidden layers, a softmax output and the
// cross-entropy loss; update every parameter once by gradient descent and say by how much the loss
// improves (L − L′). The losses are logarithms, answered as decimals to 4 significant figures; the
// softmax outputs are stated rounded (the backward pass runs on them, as in the other softmax
// templates), and L′ comes from the forward pass with the updated parameters.
import { sign, sub } from '../../number/value';
import { lit } from '../numbers';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import { randomNet, SMALL_WEIGHTS } from './common';

export const trainOnceSoftmax: Template = {
  name: 'train-once-softmax',
  kind: 'network',
  description: t(
    "Exercise ③ as in the lecture: ReLU hidden layer, softmax + cross-entropy; update once, L − L'",
    "講義どおりの演習③: ReLU の中間層、ソフトマックス関数 + 交差エントロピー誤差。1 回更新して L − L'",
  ),
  topic: t(
    "the lecture slides' exercise ③: train the network by hand (ReLU hidden layers, softmax + cross-entropy)",
    '講義スライドの演習③ 手計算で NN を学習せよ（ReLU の中間層、ソフトマックス関数 + 交差エントロピー誤差）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const sizes = difficulty === 1 ? [2, 2, 2] : difficulty === 2 ? [2, 2, 3] : [2, 2, 2, 3];
    const net = randomNet(rng, {
      sizes,
      hidden: 'relu',
      output: 'softmax',
      loss: 'cross-entropy',
      batch: 1,
      weights: SMALL_WEIGHTS,
    });
    return {
      kind: 'network',
      net: { ...net, learningRate: lit(rng.pick(['0.1', '0.5', '0.2'])) },
      asks: [
        { id: 'a1', quantity: 'loss' },
        { id: 'a2', quantity: 'loss_after' },
        { id: 'a3', quantity: 'loss_improvement' },
      ],
      friendliness: { maxExprSize: 200 },
      accept: (ctx) => sign(sub(ctx.solution.loss, ctx.solution.lossAfter)) > 0,
      intro: t(
        'Exercise ③: train this network by hand — update every parameter (weights and biases) once by gradient descent, then compute the loss again. By how much does the loss improve (L − L′)? Give the losses as decimals to 4 significant figures (natural logarithm).',
        '演習③: このネットワークを手計算で学習せよ。すべてのパラメータ（重みとバイアス）を勾配降下法で 1 回更新し、もう一度損失を計算せよ。損失はいくら改善するか（L − L′）？損失は有効数字 4 桁の小数で答えよ（自然対数）。',
      ),
    };
  },
};
