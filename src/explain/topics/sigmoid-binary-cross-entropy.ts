// Sigmoid followed by binary cross-entropy (logistic regression): ∂L/∂u = y − t.
import type { Topic } from '../types';

export const sigmoidBinaryCrossEntropy: Topic = {
  id: 'sigmoid-binary-cross-entropy',
  title_en: 'Sigmoid + binary cross-entropy: the gradient is y − t',
  title_ja: 'シグモイド関数 + 二値交差エントロピー誤差: 勾配は y − t',
  sources: ['001', '000'],
  scope: {
    random: {
      u: { min: -4, max: 4 },
      t: { min: 0, max: 1 },
      u2: { min: -4, max: 4 },
      t2: { min: 0, max: 1 },
    },
    define: [
      ['y', '1 / (1 + exp(-u))'],
      ['y2', '1 / (1 + exp(-u2))'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'A sigmoid output y = σ(u) is the probability of class 1; the binary cross-entropy compares it with a target t ∈ [0, 1] (0 or 1 for a label).',
      text_ja:
        'シグモイド関数の出力 y = σ(u) はクラス 1 の確率である。二値交差エントロピー誤差はそれを教師データ t ∈ [0, 1]（ラベルなら 0 か 1）と比べる。',
      latex: 'y = \\sigma(u) = \\frac{1}{1 + e^{-u}}, \\qquad L = -\\left[t \\log y + (1 - t) \\log(1 - y)\\right]',
    },
    {
      role: 'claim',
      text_en:
        'Both terms depend on y. Forgetting the (1 − t) term leaves −t/y, which is 0 for a target 0: the network would never learn from the negative samples.',
      text_ja:
        '2つの項とも y に依存する。(1 − t) の項を忘れると −t/y となり、教師データ 0 では 0 になる。負例からまったく学習しなくなる。',
      latex: '\\frac{\\partial L}{\\partial y} = -\\frac{t}{y} + \\frac{1 - t}{1 - y} = \\frac{y - t}{y(1 - y)}',
      checks: [
        { derivative: { of: '-(t * log(y) + (1 - t) * log(1 - y))', wrt: 'y', is: '-t / y + (1 - t) / (1 - y)' } },
        { equal: ['-t / y + (1 - t) / (1 - y)', '(y - t) / (y * (1 - y))'] },
      ],
    },
    {
      role: 'claim',
      text_en: "The sigmoid's derivative is y(1 − y) (see the sigmoid topic).",
      text_ja: 'シグモイド関数の微分は y(1 − y) である（sigmoid の項を参照）。',
      latex: "\\sigma'(u) = y(1 - y)",
      checks: [{ derivative: { of: '1 / (1 + exp(-u))', wrt: 'u', is: 'y * (1 - y)' } }],
    },
    {
      role: 'claim',
      text_en:
        'In the chain rule y(1 − y) cancels the denominator: the delta of the output is output minus target, as for softmax + cross-entropy.',
      text_ja:
        '連鎖律で y(1 − y) が分母と約分され、出力のデルタは「出力 − 教師データ」になる。ソフトマックス関数 + 交差エントロピー誤差と同じである。',
      latex: '\\frac{\\partial L}{\\partial u} = \\frac{y - t}{y(1 - y)} \\cdot y(1 - y) = y - t',
      checks: [
        {
          derivative: {
            of: '-(t * log(1 / (1 + exp(-u))) + (1 - t) * log(1 - 1 / (1 + exp(-u))))',
            wrt: 'u',
            is: 'y - t',
          },
        },
      ],
    },
    {
      role: 'claim',
      text_en: 'For a batch whose loss is the mean over N samples, each delta is divided by N.',
      text_ja: 'バッチの損失を N 個のサンプルの平均とするときは、各デルタを N で割る。',
      latex: '\\frac{\\partial L}{\\partial u_{n}} = \\frac{y_{n} - t_{n}}{N}',
      checks: [
        {
          derivative: {
            of: '-(t * log(1 / (1 + exp(-u))) + (1 - t) * log(1 - 1 / (1 + exp(-u))) + t2 * log(y2) + (1 - t2) * log(1 - y2)) / 2',
            wrt: 'u',
            is: '(y - t) / 2',
          },
        },
      ],
    },
  ],
};
