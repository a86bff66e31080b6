// End-to-end training with binary cross-entropy: the forward pass to ŷ = σ(u), the loss
// L = −[t ln ŷ + (1 − t) ln(1 − ŷ)], two weight gradients and those two weights after one step of
// gradient descent. Nothing is stated rounded (ŷ is asked), so every asked value is irrational: each
// is a short expression in σ(u) and ln, answered as a decimal to 4 significant figures. δ = ŷ − t at
// the output (σ′ cancels against ∂L/∂ŷ), so the gradients stay short.
import type { ActivationName } from '../../concepts/network';
import { lit } from '../numbers';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { randomNet } from './common';

/** Never η = 1, where forgetting the learning rate changes nothing. */
const RATES = ['0.1', '0.5', '0.2'].map(lit);
/**
 * With a batch of two under a mean, not ½ either: forgetting η then gives the same weights as summing
 * the batch instead of averaging it.
 */
const BATCH_RATES = ['0.1', '0.2'].map(lit);

export const trainOnceBce: Template = {
  name: 'train-once-bce',
  kind: 'network',
  description: t(
    'End-to-end training with binary cross-entropy: ŷ = σ(u), L, two gradients and two updated weights',
    '二値交差エントロピー誤差での学習を通しで: ŷ = σ(u)、L、2 つの勾配と更新後の 2 つの重み',
  ),
  topic: t(
    'logistic regression trained by hand: forward pass, L = −[t ln ŷ + (1 − t) ln(1 − ŷ)], δ = ŷ − t, w ← w − η·∂L/∂w',
    'ロジスティック回帰を手計算で学習: 順伝播、L = −[t ln ŷ + (1 − t) ln(1 − ŷ)]、δ = ŷ − t、w ← w − η·∂L/∂w',
  ),
  draft(rng, difficulty): NetworkDraft {
    // One sigmoid unit on one sample at 1, on a batch of two (targets 0 and 1, averaged) at 2; a
    // ReLU hidden layer in front of it at 3.
    const sizes = difficulty === 3 ? [2, 2, 1] : [2, 1];
    const batch = difficulty === 2 ? 2 : 1;
    const hidden: ActivationName = 'relu';
    const net = randomNet(rng, {
      sizes,
      hidden,
      output: 'sigmoid',
      loss: 'binary-cross-entropy',
      batch,
      batchMode: 'mean',
      nice: difficulty !== 2,
    });
    // A target 0 at difficulty 1 (the (1 − t) term is then the whole loss); one of each in the batch.
    const targets =
      difficulty === 1
        ? [['0']]
        : difficulty === 2
          ? rng.pick([
              [['0'], ['1']],
              [['1'], ['0']],
            ])
          : [[rng.pick(['0', '1'])]];
    const last = sizes.length - 2;
    // Difficulty 3: one weight of the output layer and one of the hidden layer (through δ·w·ReLU′),
    // the same cells for the gradient and the update (a dead unit's cell makes the search draw again).
    const first = difficulty === 3 ? { layer: last, cell: [rng.int(0, 1), 0] } : { layer: 0, cell: [0, 0] };
    const second = difficulty === 3 ? { layer: 0, cell: [rng.int(0, 1), rng.int(0, 1)] } : { layer: 0, cell: [1, 0] };
    const asks: NetworkAsk[] = [
      { id: 'a1', quantity: 'output', layer: last, index: [0, 0] },
      { id: 'a2', quantity: 'loss' },
      { id: 'a3', quantity: 'grad_weights', layer: first.layer, index: first.cell },
      { id: 'a4', quantity: 'grad_weights', layer: second.layer, index: second.cell },
      { id: 'a5', quantity: 'weights_after', layer: first.layer, index: first.cell },
      { id: 'a6', quantity: 'weights_after', layer: second.layer, index: second.cell },
    ];
    return {
      kind: 'network',
      net: {
        ...net,
        target: targets.map((row) => row.map(lit)),
        learningRate: rng.pick(batch > 1 ? BATCH_RATES : RATES),
      },
      asks,
      giveOutputs: [],
      friendliness: { maxExprSize: 16 },
      intro: t(
        'Train this network by hand with the binary cross-entropy L = −[t ln y + (1 − t) ln(1 − y)] (natural logarithm): run the forward pass to the output y = σ(u), compute the loss, the two weight gradients and those two weights after one step of gradient descent (w ← w − η·∂L/∂w). Give decimals to 4 significant figures.',
        '二値交差エントロピー誤差 L = −[t ln y + (1 − t) ln(1 − y)]（自然対数）でこのネットワークを手計算で学習せよ: 出力 y = σ(u) までの順伝播、損失、2 つの重みの勾配、勾配降下法で 1 回更新した後のその 2 つの重み（w ← w − η·∂L/∂w）を求めよ。有効数字 4 桁の小数で答えよ。',
      ),
    };
  },
};
