// Forward pass and loss: propagate the input through known weights (the lecture's "data
// propagation when the weights are known"; the layer-code notes) and evaluate the loss (the E-shikaku notes' ½‖y − d‖²,
// the lecture slides' cross-entropy).
import type { ActivationName, LossName } from '../../concepts/network';
import type { Template } from '../template';
import { t } from '../text';
import { cellAsks, randomNet, SMALL_WEIGHTS } from './common';

export const forwardPass: Template = {
  name: 'forward-pass',
  kind: 'network',
  description: t(
    'Forward pass: compute the network output from the input and the weights',
    '順伝播: 入力と重みからネットワークの出力を計算する',
  ),
  topic: t(
    'the lecture slides: forward propagation with known weights; the layer-code notes: Affine/ReLU layers',
    '講義スライドの重みが既知のときの順伝播、レイヤのコードのノートの Affine・ReLU レイヤ',
  ),
  draft(rng, difficulty) {
    const hidden: ActivationName = rng.pick(['relu', 'relu', 'leaky-relu']);
    const output: ActivationName = rng.pick(['identity', 'identity', 'relu']);
    const sizes = difficulty === 1 ? [2, 2] : difficulty === 2 ? [2, 2, 2] : [2, 2, 2, 2];
    const batch = difficulty === 3 ? 2 : 1;
    const net = randomNet(rng, { sizes, hidden, output, loss: 'half-sse', batch });
    const last = sizes.length - 2;
    const asks =
      difficulty === 3
        ? [{ id: 'a1', quantity: 'output' as const, layer: last }]
        : cellAsks('output', last, [
            [0, 0],
            [0, 1],
          ]);
    return {
      kind: 'network',
      net,
      asks,
      intro: t(
        'Forward pass: compute the output of the network for the given input.',
        '順伝播: 与えられた入力に対するネットワークの出力を求めよ。',
      ),
    };
  },
};

export const lossTemplate: Template = {
  name: 'loss',
  kind: 'network',
  description: t(
    'Loss: squared error (½ or not, mean) or cross-entropy of the network output',
    '損失関数: ネットワークの出力の二乗和誤差・平均二乗誤差・交差エントロピー誤差',
  ),
  topic: t(
    'the E-shikaku notes: E = ½‖y − d‖²; the lecture slides and the Deep Learning from Scratch 2 summary: cross-entropy −Σ t ln y; batch mean',
    'E資格のノートの二乗和誤差 E = ½‖y − d‖²、講義スライドと『ゼロから作るDeep Learning ❷』のまとめの交差エントロピー誤差、バッチ平均',
  ),
  draft(rng, difficulty) {
    if (difficulty === 3) {
      const net = randomNet(rng, {
        sizes: [2, 3],
        hidden: 'identity',
        output: 'softmax',
        loss: 'cross-entropy',
        batch: 2,
        batchMode: 'mean',
        weights: SMALL_WEIGHTS,
      });
      return {
        kind: 'network',
        net,
        asks: [{ id: 'a1', quantity: 'loss' }],
        friendliness: { maxExprSize: 9 },
        intro: t(
          'Loss: compute the cross-entropy loss of this softmax classifier (natural logarithm; answers such as ln 2 or a decimal to 4 significant figures are fine).',
          '損失関数: このソフトマックス分類器の交差エントロピー誤差を求めよ（自然対数。ln 2 のような式、または有効数字 4 桁の小数で答えてよい）。',
        ),
      };
    }
    const loss: LossName =
      difficulty === 1 ? rng.pick(['half-sse', 'sse'] as const) : rng.pick(['mse', 'half-sse'] as const);
    const output: ActivationName = difficulty === 1 ? 'identity' : rng.pick(['identity', 'relu']);
    const batch = difficulty === 1 ? 1 : 2;
    const net = randomNet(rng, {
      sizes: [2, 2],
      hidden: 'identity',
      output,
      loss,
      batch,
      batchMode: rng.pick(['mean', 'sum'] as const),
    });
    return {
      kind: 'network',
      net,
      asks: [{ id: 'a1', quantity: 'loss' }],
      intro: t('Loss: run the forward pass and compute the loss.', '損失関数: 順伝播を計算し、損失を求めよ。'),
    };
  },
};
