// Cross-entropy error, its gradient −t_k/y_k, and the batch mean.
import type { Topic } from '../types';

export const crossEntropy: Topic = {
  id: 'cross-entropy',
  title_en: 'Cross-entropy error and its gradient −t_k / y_k',
  title_ja: '交差エントロピー誤差とその勾配 −t_k / y_k',
  sources: ['002', '003', '004'],
  scope: {
    random: {
      y: { min: 0.05, max: 1, shape: [3] },
      t: { min: 0, max: 1, shape: [3] },
      Y: { min: 0.05, max: 1, shape: [2, 3] },
      T: { min: 0, max: 1, shape: [2, 3] },
    },
    define: [['onehot', '[0, 1, 0]']],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'The cross-entropy error between the output y (probabilities, e.g. from softmax) and the target t; log is the natural logarithm.',
      text_ja:
        '出力 y (ソフトマックス関数などによる確率) と教師データ t の交差エントロピー誤差。log は自然対数である。',
      latex: 'L = -\\sum_{k} t_{k} \\log y_{k}',
    },
    {
      role: 'claim',
      text_en:
        'With a one-hot target (correct label c) only one term is left: L = −log y_c. For example −log 0.6 ≈ 0.5108 and −log 0.1 ≈ 2.3026 (Deep Learning from Scratch 4.2.2): the smaller the probability of the correct class, the larger the loss.',
      text_ja:
        '教師データが one-hot表現 (正解ラベル c) なら残る項は1つだけで L = −log y_c となる。例えば −log 0.6 ≈ 0.5108、−log 0.1 ≈ 2.3026 (『ゼロから作るDeep Learning』4.2.2)。正解クラスの確率が小さいほど損失は大きい。',
      latex: 'L = -\\log y_{c}, \\qquad -\\log 0.6 \\approx 0.5108, \\quad -\\log 0.1 \\approx 2.3026',
      checks: [
        { equal: ['-(onehot[1] * log(y[1]) + onehot[2] * log(y[2]) + onehot[3] * log(y[3]))', '-log(y[2])'] },
        { approx: ['-log(0.6)', '0.5108'] },
        { approx: ['-log(0.1)', '2.3026'] },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Each y_k appears in one term only, so ∂L/∂y_k = −t_k/y_k. (The lecture slides add Σ_{i≠j} t_i/x_i; those terms do not depend on y_k, so they do not belong.)',
      text_ja:
        '各 y_k は1つの項にしか現れないので ∂L/∂y_k = −t_k/y_k である。(講義スライドは Σ_{i≠j} t_i/x_i を加えているが、それらの項は y_k に依存しないので入らない。)',
      latex: '\\frac{\\partial L}{\\partial y_{k}} = -\\frac{t_{k}}{y_{k}}',
      checks: [
        {
          derivative: {
            of: '-(t[1] * log(y[1]) + t[2] * log(y[2]) + t[3] * log(y[3]))',
            wrt: 'y[k]',
            is: '-t[k] / y[k]',
          },
          indices: { k: 3 },
        },
      ],
    },
    {
      role: 'claim',
      text_en:
        'For a mini-batch of N samples the loss is usually the mean, so every gradient is divided by N, the batch size (the Deep Learning from Scratch 2 summary divides by r.ndim, the number of array dimensions: a mistake).',
      text_ja:
        'N 個のサンプルのミニバッチでは損失として平均をとることが多く、勾配はすべてバッチサイズ N で割られる (『ゼロから作るDeep Learning ❷』のまとめは配列の次元数 r.ndim で割っているが誤り)。',
      latex:
        'L = -\\frac{1}{N} \\sum_{n} \\sum_{k} t_{nk} \\log y_{nk}, \\qquad \\frac{\\partial L}{\\partial y_{nk}} = -\\frac{t_{nk}}{N\\, y_{nk}}',
      checks: [
        {
          derivative: {
            of: '-(T[1, 1] * log(Y[1, 1]) + T[1, 2] * log(Y[1, 2]) + T[1, 3] * log(Y[1, 3]) + T[2, 1] * log(Y[2, 1]) + T[2, 2] * log(Y[2, 2]) + T[2, 3] * log(Y[2, 3])) / 2',
            wrt: 'Y',
            is: '-(T ./ Y) / 2',
          },
        },
      ],
    },
  ],
};
