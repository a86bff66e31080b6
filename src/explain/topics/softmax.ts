// Softmax: the definition, the max-subtraction trick against overflow, and the Jacobian
// ∂y_i/∂a_k = y_i(δ_ik − y_k) (the layer-code notes), with the backward pass it gives.
import type { Topic } from '../types';

export const softmax: Topic = {
  id: 'softmax',
  title_en: 'Softmax: the max-subtraction trick and the Jacobian y_i(δ_ik − y_k)',
  title_ja: 'ソフトマックス関数: 最大値を引く工夫とヤコビ行列 y_i(δ_ik − y_k)',
  sources: ['002', '003', '004'],
  scope: {
    random: { a: { min: -3, max: 3, shape: [3] }, C: { min: -5, max: 5 }, g: { min: -2, max: 2, shape: [3] } },
    define: [
      ['s', 'sum(map(a, exp))'],
      ['y', 'map(a, exp) / s'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'The softmax function turns n scores a_1, …, a_n into probabilities: every y_k is in (0, 1) and they sum to 1. The sum in the denominator runs over i (the layer-code notes print Σ exp(a_k), a misprint).',
      text_ja:
        'ソフトマックス関数は n 個の値 a_1, …, a_n を確率に変える。各 y_k は 0 と 1 の間にあり、総和は 1 になる。分母の和は i についてとる (レイヤのコードのノートの Σ exp(a_k) は誤植)。',
      latex: 'y_{k} = \\frac{\\exp(a_{k})}{\\sum_{i=1}^{n} \\exp(a_{i})}, \\qquad \\sum_{k=1}^{n} y_{k} = 1',
      checks: [
        { equal: ['sum(y)', '1'] },
        { equal: ['y[k]', 'exp(a[k]) / (exp(a[1]) + exp(a[2]) + exp(a[3]))'], indices: { k: 3 } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Subtracting the same constant C from every a_i does not change the result: exp(a − C) = exp(a)·exp(−C), and exp(−C) cancels.',
      text_ja:
        'すべての a_i から同じ定数 C を引いても結果は変わらない。exp(a − C) = exp(a)·exp(−C) で、exp(−C) が分子と分母で約分されるからである。',
      latex:
        '\\frac{\\exp(a_{k} - C)}{\\sum_{i=1}^{n} \\exp(a_{i} - C)} = \\frac{\\exp(-C) \\exp(a_{k})}{\\exp(-C) \\sum_{i=1}^{n} \\exp(a_{i})} = y_{k}',
      checks: [{ equal: ['map(a - C, exp) / sum(map(a - C, exp))', 'y'] }],
    },
    {
      role: 'claim',
      text_en:
        'Take C = max a (the overflow trick): every exponent is then ≤ 0, so exp never overflows, even for scores such as 1000, 1001, 1002 where exp(1000) is too large for a float64.',
      text_ja:
        'C = max a とする (オーバーフロー対策)。すると指数はすべて 0 以下になり、exp(1000) が float64 で表せない 1000, 1001, 1002 のような値でも exp がオーバーフローしない。',
      latex:
        '\\operatorname{softmax}(1000, 1001, 1002) = \\operatorname{softmax}(-2, -1, 0) \\approx (0.0900, 0.2447, 0.6652)',
      checks: [
        { equal: ['exp(1000) / (exp(1000) + exp(1001) + exp(1002))', 'exp(-2) / (exp(-2) + exp(-1) + exp(0))'] },
        { approx: ['exp(-2) / (exp(-2) + exp(-1) + 1)', '0.0900'] },
        { approx: ['exp(-1) / (exp(-2) + exp(-1) + 1)', '0.2447'] },
        { approx: ['1 / (exp(-2) + exp(-1) + 1)', '0.6652'] },
      ],
    },
    {
      role: 'claim',
      text_en: 'Derivative of y_i with respect to its own score a_i (quotient rule, with S = Σ exp(a_j)).',
      text_ja: 'y_i を自分自身の a_i で微分する (商の微分法、S = Σ exp(a_j) とおく)。',
      latex:
        '\\frac{\\partial y_{i}}{\\partial a_{i}} = \\frac{\\exp(a_{i}) S - \\exp(a_{i}) \\exp(a_{i})}{S^{2}} = y_{i} - y_{i}^{2} = y_{i}\\left(1 - y_{i}\\right)',
      checks: [
        {
          derivative: { of: 'y[i]', wrt: 'a[i]', is: '(exp(a[i]) * s - exp(a[i]) * exp(a[i])) / s^2' },
          indices: { i: 3 },
        },
        { equal: ['(exp(a[i]) * s - exp(a[i]) * exp(a[i])) / s^2', 'y[i] - y[i]^2'], indices: { i: 3 } },
      ],
    },
    {
      role: 'claim',
      text_en: 'Derivative of y_i with respect to another score a_k (k ≠ i): only the denominator depends on a_k.',
      text_ja: 'y_i を別の a_k (k ≠ i) で微分する。a_k を含むのは分母だけである。',
      latex:
        '\\frac{\\partial y_{i}}{\\partial a_{k}} = -\\frac{\\exp(a_{i}) \\exp(a_{k})}{S^{2}} = -y_{i} y_{k} \\qquad (i \\ne k)',
      checks: [
        { derivative: { of: 'y[i]', wrt: 'a[k]', is: '-y[i] * y[k]' }, indices: { i: 3, k: 3 }, when: 'i != k' },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Both cases in one formula with Kronecker’s delta δ_ik (1 if i = k, else 0): the Jacobian of softmax. Keeping only the diagonal y_j(1 − y_j), as the lecture slides do, drops the terms −y_i y_k.',
      text_ja:
        'クロネッカーのデルタ δ_ik (i = k のとき 1、それ以外 0) で2つの場合をまとめるとソフトマックス関数のヤコビ行列になる。講義スライドのように対角成分 y_j(1 − y_j) だけを残すと、−y_i y_k の項が抜け落ちる。',
      latex: '\\frac{\\partial y_{i}}{\\partial a_{k}} = y_{i}\\left(\\delta_{ik} - y_{k}\\right)',
      checks: [
        { derivative: { of: 'y[i]', wrt: 'a[k]', is: 'y[i] * ((i == k ? 1 : 0) - y[k])' }, indices: { i: 3, k: 3 } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Backward pass: every y_i depends on a_k, so by the chain rule the upstream gradients are summed over i.',
      text_ja: '逆伝播: どの y_i も a_k に依存するので、連鎖律により上流の微分を i について足し合わせる。',
      latex:
        '\\frac{\\partial L}{\\partial a_{k}} = \\sum_{i=1}^{n} \\frac{\\partial L}{\\partial y_{i}} y_{i}\\left(\\delta_{ik} - y_{k}\\right) = y_{k}\\left(\\frac{\\partial L}{\\partial y_{k}} - \\sum_{i=1}^{n} \\frac{\\partial L}{\\partial y_{i}} y_{i}\\right)',
      checks: [
        {
          derivative: {
            of: 'sum(g .* y)',
            wrt: 'a[k]',
            is: 'g[1] * y[1] * ((1 == k ? 1 : 0) - y[k]) + g[2] * y[2] * ((2 == k ? 1 : 0) - y[k]) + g[3] * y[3] * ((3 == k ? 1 : 0) - y[k])',
          },
          indices: { k: 3 },
        },
        {
          equal: [
            'g[1] * y[1] * ((1 == k ? 1 : 0) - y[k]) + g[2] * y[2] * ((2 == k ? 1 : 0) - y[k]) + g[3] * y[3] * ((3 == k ? 1 : 0) - y[k])',
            'y[k] * (g[k] - sum(g .* y))',
          ],
          indices: { k: 3 },
        },
      ],
    },
    {
      role: 'note',
      text_en:
        'In code (Softmax.backward): dx = y * dout; dx -= y * sum(dx). The layer-code notes write "dx = -= …", a syntax error.',
      text_ja:
        'コードでは (Softmax レイヤの backward): dx = y * dout; dx -= y * sum(dx)。レイヤのコードのノートの「dx = -= …」は文法エラーである。',
      latex: '\\mathtt{dx} = y \\odot \\mathtt{dout} - y \\sum_{i} \\left(y \\odot \\mathtt{dout}\\right)_{i}',
    },
  ],
};
