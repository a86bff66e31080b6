// The overflow trick of softmax: subtracting the largest score changes nothing and keeps exp ≤ 1.
import type { Topic } from '../types';

export const softmaxOverflow: Topic = {
  id: 'softmax-overflow',
  title_en: 'Softmax without overflow: subtract the largest score first',
  title_ja: 'オーバーフローしないソフトマックス関数: 先に最大値を引く',
  sources: ['003', '004'],
  scope: {
    random: {
      a: { min: -5, max: 5, shape: [3] },
      c: { min: -10, max: 10 },
    },
    define: [
      ['y', 'map(a, exp) / sum(map(a, exp))'],
      ['m', 'max(a)'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'exp grows fast: e^1000 is beyond any floating-point number (it overflows to infinity), and softmax of large scores such as (1010, 1000, 990) divides infinity by infinity.',
      text_ja:
        'exp は急激に大きくなる。e^1000 は浮動小数点数で表せず（オーバーフローして無限大）、(1010, 1000, 990) のような大きな値のソフトマックス関数は無限大を無限大で割ることになる。',
      latex: 'y_{k} = \\frac{\\exp(a_{k})}{\\sum_{i} \\exp(a_{i})}',
    },
    {
      role: 'claim',
      text_en: 'Multiplying the numerator and the denominator by the same constant e^{−c} changes nothing, for any c.',
      text_ja: '分子と分母に同じ定数 e^{−c} を掛けても値は変わらない（c は任意）。',
      latex:
        'y_{k} = \\frac{e^{-c} \\exp(a_{k})}{e^{-c} \\sum_{i} \\exp(a_{i})} = \\frac{\\exp(a_{k} - c)}{\\sum_{i} \\exp(a_{i} - c)}',
      checks: [{ equal: ['map(a - c, exp) / sum(map(a - c, exp))', 'y'] }],
    },
    {
      role: 'claim',
      text_en:
        'Taking c = max a (the largest score) makes every exponent ≤ 0, so every exp is at most 1 and the largest is exactly 1: nothing overflows, and the sum is at least 1. For (1010, 1000, 990) the shifted scores are (0, −10, −20).',
      text_ja:
        'c = max a（最大の値）とすると指数はすべて 0 以下になり、各 exp は 1 以下で最大のものはちょうど 1 になる。オーバーフローせず、和は 1 以上である。(1010, 1000, 990) なら (0, −10, −20) を使う。',
      latex: 'c = \\max_{i} a_{i}: \\qquad a_{k} - c \\le 0, \\qquad \\exp(a_{k} - c) \\le 1',
      checks: [
        { equal: ['max(a - m)', '0'] },
        { equal: ['max(map(a - m, exp))', '1'] },
        { equal: ['map(a - m, exp) / sum(map(a - m, exp))', 'y'] },
        { equal: ['[1010, 1000, 990] - max([1010, 1000, 990])', '[0, -10, -20]'] },
      ],
    },
  ],
};
