// Binary cross-entropy on a sigmoid output: δ = ∂L/∂a = y − t (÷ N for a batch mean), for a target 0
// and a target 1 in the same batch, then the gradients of the output weights and bias.
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { lit } from '../numbers';
import { randomNet } from './common';

export const bceGradient: Template = {
  name: 'bce-gradient',
  kind: 'network',
  description: t(
    'Binary cross-entropy with a sigmoid output: δ = y − t for targets 0 and 1, then ∂L/∂w and ∂L/∂b',
    'シグモイド関数の出力と二値交差エントロピー誤差: 教師データ 0 と 1 の δ = y − t と ∂L/∂w, ∂L/∂b',
  ),
  topic: t(
    'logistic regression: L = −[t ln y + (1 − t) ln(1 − y)], sigmoid + binary cross-entropy → y − t',
    'ロジスティック回帰: L = −[t ln y + (1 − t) ln(1 − y)]、シグモイド関数 + 二値交差エントロピー誤差 → y − t',
  ),
  draft(rng, difficulty): NetworkDraft {
    // One sigmoid unit (logistic regression) at 1 and 3, a ReLU hidden layer in front of it at 2.
    const sizes = difficulty === 2 ? [2, 2, 1] : [2, 1];
    const net = randomNet(rng, {
      sizes,
      hidden: 'relu',
      output: 'sigmoid',
      loss: 'binary-cross-entropy',
      batch: 2,
      batchMode: difficulty === 1 ? 'sum' : rng.pick(['mean', 'sum'] as const),
      nice: difficulty === 3,
    });
    // One sample of each class, in random order: the (1 − t) term matters for the target 0.
    const targets = rng.pick([
      ['0', '1'],
      ['1', '0'],
    ]);
    const last = sizes.length - 2;
    const asks: NetworkAsk[] = [
      { id: 'a1', quantity: 'delta', layer: last, index: [0, 0] },
      { id: 'a2', quantity: 'delta', layer: last, index: [1, 0] },
      { id: 'a3', quantity: 'grad_weights', layer: last, index: [rng.int(0, 1), 0] },
      { id: 'a4', quantity: 'grad_bias', layer: last, index: [0] },
    ];
    return {
      kind: 'network',
      net: { ...net, target: targets.map((x) => [lit(x)]) },
      asks,
      intro: t(
        'Binary cross-entropy L = −[t ln y + (1 − t) ln(1 − y)] on a sigmoid output: compute the delta of each sample and the gradients of the output layer.',
        'シグモイド関数の出力に二値交差エントロピー誤差 L = −[t ln y + (1 − t) ln(1 − y)]: 各サンプルのデルタと出力層の勾配を求めよ。',
      ),
    };
  },
};
