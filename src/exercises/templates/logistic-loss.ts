// The logistic loss: binary cross-entropy L = −[t ln y + (1 − t) ln(1 − y)] of a sigmoid output, for
// a batch with a target 1 and a target 0 (the (1 − t) term is what a target 0 needs), summed or
// averaged. The sigmoid outputs are stated rounded, so the loss is a short sum of logarithms of
// stated numbers, answered as a decimal to 4 significant figures (or as the logarithms).
import { lit } from '../numbers';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import { randomNet } from './common';

export const logisticLoss: Template = {
  name: 'logistic-loss',
  kind: 'network',
  description: t(
    'Logistic loss: binary cross-entropy −[t ln y + (1 − t) ln(1 − y)] of a sigmoid output, targets 0 and 1',
    'ロジスティック損失: シグモイド関数の出力の二値交差エントロピー誤差 −[t ln y + (1 − t) ln(1 − y)]（教師データ 0 と 1）',
  ),
  topic: t(
    'logistic regression: L = −[t ln y + (1 − t) ln(1 − y)], summed or averaged over the batch',
    'ロジスティック回帰: L = −[t ln y + (1 − t) ln(1 − y)]、バッチの和または平均',
  ),
  draft(rng, difficulty): NetworkDraft {
    // One sigmoid unit at 1 and 2 (one sample, then a batch of two); a ReLU hidden layer in front at 3.
    const sizes = difficulty === 3 ? [2, 2, 1] : [2, 1];
    const batch = difficulty === 1 ? 1 : 2;
    const net = randomNet(rng, {
      sizes,
      hidden: 'relu',
      output: 'sigmoid',
      loss: 'binary-cross-entropy',
      batch,
      batchMode: rng.pick(['mean', 'sum'] as const),
      nice: difficulty === 3,
    });
    // A target 0 always: forgetting the (1 − t) term then changes the loss.
    const targets =
      batch === 1
        ? [['0']]
        : rng.pick([
            [['0'], ['1']],
            [['1'], ['0']],
          ]);
    return {
      kind: 'network',
      net: { ...net, target: targets.map((row) => row.map(lit)) },
      asks: [{ id: 'a1', quantity: 'loss' }],
      friendliness: { maxExprSize: 12 },
      intro: t(
        'Logistic loss: run the forward pass and compute the binary cross-entropy L = −[t ln y + (1 − t) ln(1 − y)] (natural logarithm; a decimal to 4 significant figures, or an expression such as ln 2).',
        'ロジスティック損失: 順伝播を計算し、二値交差エントロピー誤差 L = −[t ln y + (1 − t) ln(1 − y)] を求めよ（自然対数。有効数字 4 桁の小数、または ln 2 のような式で答えてよい）。',
      ),
    };
  },
};
