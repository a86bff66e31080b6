// L2 regularization (weight decay): the penalty (λ/2)·Σw², its gradient λw, and why it decays w.
import type { Topic } from '../types';

export const l2Regularization: Topic = {
  id: 'l2-regularization',
  title_en: 'L2 regularization: (λ/2)Σw² adds λw to the gradient (weight decay)',
  title_ja: 'L2正則化: (λ/2)Σw² で勾配に λw が加わる（荷重減衰）',
  sources: ['coursera', '003'],
  scope: {
    random: {
      w: { min: -2, max: 2, shape: [3] },
      b: { min: -2, max: 2 },
      g: { min: -2, max: 2, shape: [3] },
      lambda: { min: 0, max: 1 },
      eta: { min: 0.01, max: 0.5 },
      N: { min: 1, max: 10 },
    },
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'The loss gains a penalty on the size of the weights: (λ/2)·Σw² over every weight of every layer — the biases are not included. Coursera writes (λ/2m)·Σw² with m the number of samples.',
      text_ja:
        '損失に重みの大きさの罰則 (λ/2)·Σw² を加える（すべての層のすべての重みについて。バイアスは含めない）。Coursera の講座では m をサンプル数として (λ/2m)·Σw² と書く。',
      latex: '\\tilde{L} = L + \\frac{\\lambda}{2} \\sum_{l} \\sum_{i,j} \\left(w^{(l)}_{ij}\\right)^{2}',
    },
    {
      role: 'claim',
      text_en:
        'Each weight appears in one square, so the penalty adds λw to its gradient (λw/m for the Coursera scale).',
      text_ja: '各重みは1つの二乗にだけ現れるので、罰則はその勾配に λw を加える（Coursera の書き方では λw/m）。',
      latex:
        '\\frac{\\partial \\tilde{L}}{\\partial w} = \\frac{\\partial L}{\\partial w} + \\lambda w, \\qquad \\frac{\\partial}{\\partial w} \\frac{\\lambda}{2N} \\sum w^{2} = \\frac{\\lambda}{N} w',
      checks: [
        { derivative: { of: 'dot(g, w) + lambda / 2 * sum(dotPow(w, 2))', wrt: 'w', is: 'g + lambda * w' } },
        { derivative: { of: 'lambda / (2 * N) * sum(dotPow(w, 2))', wrt: 'w', is: 'lambda / N * w' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'The biases are not in the penalty: their gradient does not change (regularising the biases is a common mistake).',
      text_ja: 'バイアスは罰則に含まれないので、その勾配は変わらない（バイアスを正則化するのはよくある誤り）。',
      latex: '\\frac{\\partial \\tilde{L}}{\\partial b} = \\frac{\\partial L}{\\partial b}',
      checks: [{ derivative: { of: 'b * 0.7 + lambda / 2 * sum(dotPow(w, 2))', wrt: 'b', is: '0.7' } }],
    },
    {
      role: 'claim',
      text_en:
        'In gradient descent the penalty shrinks every weight by the factor 1 − ηλ before the usual step: hence the name weight decay.',
      text_ja: '勾配降下法では、罰則により通常の更新の前に各重みが 1 − ηλ 倍に縮む。これが荷重減衰の名前の由来である。',
      latex:
        'w^{+} = w - \\eta\\left(\\frac{\\partial L}{\\partial w} + \\lambda w\\right) = (1 - \\eta\\lambda)\\, w - \\eta \\frac{\\partial L}{\\partial w}',
      checks: [{ equal: ['w - eta * (g + lambda * w)', '(1 - eta * lambda) * w - eta * g'] }],
    },
  ],
};
