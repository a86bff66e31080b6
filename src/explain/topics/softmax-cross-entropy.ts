// Softmax followed by cross-entropy: the gradient with respect to the scores is y − t.
import type { Topic } from '../types';

export const softmaxCrossEntropy: Topic = {
  id: 'softmax-cross-entropy',
  title_en: 'Softmax + cross-entropy: the gradient is y − t',
  title_ja: 'ソフトマックス関数 + 交差エントロピー誤差: 勾配は y − t',
  sources: ['002', '003', '004'],
  scope: {
    random: {
      a: { min: -3, max: 3, shape: [3] },
      r: { min: 0.1, max: 1, shape: [3] },
      a2: { min: -3, max: 3, shape: [3] },
      r2: { min: 0.1, max: 1, shape: [3] },
    },
    define: [
      ['t', 'r / sum(r)'],
      ['y', 'map(a, exp) / sum(map(a, exp))'],
      ['t2', 'r2 / sum(r2)'],
      ['y2', 'map(a2, exp) / sum(map(a2, exp))'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'The output layer of a classifier (the Softmax-with-Loss layer): y = softmax(a), then L = −Σ t_k log y_k, with a target t that sums to 1 (one-hot, for example).',
      text_ja:
        '分類の出力層 (Softmax-with-Loss レイヤ): y = softmax(a) のあと L = −Σ t_k log y_k。教師データ t の総和は 1 (例えば one-hot表現)。',
      latex:
        'y_{k} = \\frac{\\exp(a_{k})}{\\sum_{i} \\exp(a_{i})}, \\qquad L = -\\sum_{k} t_{k} \\log y_{k}, \\qquad \\sum_{k} t_{k} = 1',
      checks: [{ equal: ['sum(t)', '1'] }],
    },
    {
      role: 'claim',
      text_en:
        'Chain rule through every y_i, with ∂L/∂y_i = −t_i/y_i and the softmax Jacobian y_i(δ_ik − y_k): the y_i cancel.',
      text_ja:
        'すべての y_i を通る連鎖律。∂L/∂y_i = −t_i/y_i とソフトマックス関数のヤコビ行列 y_i(δ_ik − y_k) を使うと y_i が約分される。',
      latex:
        '\\frac{\\partial L}{\\partial a_{k}} = \\sum_{i} \\left(-\\frac{t_{i}}{y_{i}}\\right) y_{i}\\left(\\delta_{ik} - y_{k}\\right) = -\\sum_{i} t_{i}\\left(\\delta_{ik} - y_{k}\\right)',
      checks: [
        {
          equal: [
            '(-t[1] / y[1]) * y[1] * ((1 == k ? 1 : 0) - y[k]) + (-t[2] / y[2]) * y[2] * ((2 == k ? 1 : 0) - y[k]) + (-t[3] / y[3]) * y[3] * ((3 == k ? 1 : 0) - y[k])',
            '-(t[1] * ((1 == k ? 1 : 0) - y[k]) + t[2] * ((2 == k ? 1 : 0) - y[k]) + t[3] * ((3 == k ? 1 : 0) - y[k]))',
          ],
          indices: { k: 3 },
        },
      ],
    },
    {
      role: 'claim',
      text_en: 'δ_ik keeps only the term i = k, and Σ t_i = 1.',
      text_ja: 'δ_ik により i = k の項だけが残り、Σ t_i = 1 である。',
      latex: '= -t_{k} + y_{k} \\sum_{i} t_{i} = y_{k} - t_{k}',
      checks: [
        {
          equal: [
            '-(t[1] * ((1 == k ? 1 : 0) - y[k]) + t[2] * ((2 == k ? 1 : 0) - y[k]) + t[3] * ((3 == k ? 1 : 0) - y[k]))',
            '-t[k] + y[k] * sum(t)',
          ],
          indices: { k: 3 },
        },
        { equal: ['-t[k] + y[k] * sum(t)', 'y[k] - t[k]'], indices: { k: 3 } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'So the error that flows back is simply the output minus the target. This is why softmax is paired with cross-entropy (and the identity function with squared error).',
      text_ja:
        'したがって逆伝播で流れる誤差は単に「出力 − 教師データ」である。ソフトマックス関数を交差エントロピー誤差と組み合わせる (恒等関数を二乗和誤差と組み合わせる) のはこのためである。',
      latex: '\\frac{\\partial L}{\\partial a} = y - t',
      checks: [
        { derivative: { of: '-(t[1] * log(y[1]) + t[2] * log(y[2]) + t[3] * log(y[3]))', wrt: 'a', is: 'y - t' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'For a batch whose loss is the mean over N samples, each row is divided by N: SoftmaxWithLoss.backward returns (y − t) / batch_size.',
      text_ja:
        'バッチの損失を N 個のサンプルの平均とするときは各行を N で割る。SoftmaxWithLoss レイヤの backward は (y − t) / batch_size を返す。',
      latex: '\\frac{\\partial L}{\\partial a_{n}} = \\frac{y_{n} - t_{n}}{N}',
      checks: [
        {
          derivative: {
            of: '-(t[1] * log(y[1]) + t[2] * log(y[2]) + t[3] * log(y[3]) + t2[1] * log(y2[1]) + t2[2] * log(y2[2]) + t2[3] * log(y2[3])) / 2',
            wrt: 'a',
            is: '(y - t) / 2',
          },
        },
      ],
    },
  ],
};
