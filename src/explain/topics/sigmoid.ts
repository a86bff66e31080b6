// sigmoid′ = y(1 − y), derived on the computational graph of the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2):
// the nodes ×(−1), exp, +1 and "/" (1/x), then the algebra of that derivation line by line.
import type { Topic } from '../types';

const DLDY = '\\frac{\\partial L}{\\partial y}';

export const sigmoid: Topic = {
  id: 'sigmoid',
  title_en: 'Sigmoid: dy/dx = y(1 − y), on the computational graph',
  title_ja: 'シグモイド関数の微分 y(1 − y) を計算グラフで導く',
  sources: ['000', '003', '004'],
  scope: {
    random: { x: { min: -4, max: 4 }, g: { min: -2, max: 2 } },
    define: [
      ['a', '-x'],
      ['e', 'exp(a)'],
      ['u', '1 + e'],
      ['y', '1 / u'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en: 'The sigmoid function. Write it as a computational graph of four nodes: ×(−1), exp, +1 and "/" (1/x).',
      text_ja: 'シグモイド関数。これを ×(−1)、exp、+1、「/」(1/x) の4つのノードからなる計算グラフで表す。',
      latex:
        'y = \\frac{1}{1 + \\exp(-x)}: \\quad x \\xrightarrow{\\times(-1)} -x \\xrightarrow{\\exp} \\exp(-x) \\xrightarrow{+1} 1 + \\exp(-x) \\xrightarrow{/} y',
      checks: [{ equal: ['y', '1 / (1 + exp(-x))'] }],
    },
    {
      role: 'claim',
      text_en:
        'Backward through the "/" node, u = 1 + exp(−x) and y = 1/u: its local derivative is −1/u² = −y², so it sends back ∂L/∂y times −y².',
      text_ja:
        '「/」ノードの逆伝播。u = 1 + exp(−x)、y = 1/u とすると局所的な微分は −1/u² = −y² なので、上流の ∂L/∂y に −y² を掛けて下流へ流す。',
      latex: `\\frac{\\partial y}{\\partial u} = -\\frac{1}{u^{2}} = -y^{2} \\quad\\Rightarrow\\quad -${DLDY}\\, y^{2}`,
      checks: [{ derivative: { of: '1 / u', wrt: 'u', is: '-1 / u^2' } }, { equal: ['-1 / u^2', '-y^2'] }],
    },
    {
      role: 'claim',
      text_en: 'The "+" node (+1) passes the gradient on unchanged: its local derivative is 1.',
      text_ja: '「+」ノード (+1) は上流の値をそのまま下流へ流す (局所的な微分は 1)。',
      latex: `\\frac{\\partial u}{\\partial \\exp(-x)} = 1 \\quad\\Rightarrow\\quad -${DLDY}\\, y^{2}`,
      checks: [{ derivative: { of: '1 + e', wrt: 'e', is: '1' } }],
    },
    {
      role: 'claim',
      text_en: 'The "exp" node: the derivative of exp(a) is exp(a) itself, so it multiplies by exp(−x).',
      text_ja: '「exp」ノード: exp(a) の微分は exp(a) 自身なので、exp(−x) を掛ける。',
      latex: `\\frac{\\partial \\exp(a)}{\\partial a} = \\exp(a) = \\exp(-x) \\quad\\Rightarrow\\quad -${DLDY}\\, y^{2} \\exp(-x)`,
      checks: [{ derivative: { of: 'exp(a)', wrt: 'a', is: 'exp(-x)' } }],
    },
    {
      role: 'claim',
      text_en:
        'The "×" node multiplies by −1 (the other input), which removes the minus sign. This is the gradient at x.',
      text_ja: '「×」ノードはもう一方の入力 −1 を掛けるので、符号が消える。これが x における勾配である。',
      latex: `\\frac{\\partial L}{\\partial x} = ${DLDY}\\, y^{2} \\exp(-x)`,
      checks: [
        { derivative: { of: '-x', wrt: 'x', is: '-1' } },
        { derivative: { of: 'g / (1 + exp(-x))', wrt: 'x', is: 'g * y^2 * exp(-x)' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Now simplify, as the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2) does. First write y² out in full.',
      text_ja:
        'ここから式を整理する（シグモイドレイヤの導出（『ゼロから作るDeep Learning』5.5.2）と同じ手順）。まず y² を書き下す。',
      latex: `${DLDY}\\, y^{2} \\exp(-x) = ${DLDY} \\frac{1}{\\left(1 + \\exp(-x)\\right)^{2}} \\exp(-x)`,
      checks: [{ equal: ['g * y^2 * exp(-x)', 'g * 1 / (1 + exp(-x))^2 * exp(-x)'] }],
    },
    {
      role: 'claim',
      text_en: 'Split the square into two fractions.',
      text_ja: '2乗を2つの分数に分ける。',
      latex: `= ${DLDY} \\frac{1}{1 + \\exp(-x)} \\cdot \\frac{\\exp(-x)}{1 + \\exp(-x)}`,
      checks: [{ equal: ['g * 1 / (1 + exp(-x))^2 * exp(-x)', 'g * (1 / (1 + exp(-x))) * (exp(-x) / (1 + exp(-x)))'] }],
    },
    {
      role: 'claim',
      text_en: 'The first fraction is y.',
      text_ja: '1つ目の分数は y そのものである。',
      latex: `= ${DLDY}\\, y \\frac{\\exp(-x)}{1 + \\exp(-x)}`,
      checks: [{ equal: ['g * (1 / (1 + exp(-x))) * (exp(-x) / (1 + exp(-x)))', 'g * y * exp(-x) / (1 + exp(-x))'] }],
    },
    {
      role: 'claim',
      text_en: 'Add and subtract 1/(1 + exp(−x)) inside.',
      text_ja: '括弧の中で 1/(1 + exp(−x)) を足して引く。',
      latex: `= ${DLDY}\\, y \\left(\\frac{1 + \\exp(-x)}{1 + \\exp(-x)} - \\frac{1}{1 + \\exp(-x)}\\right)`,
      checks: [
        { equal: ['g * y * exp(-x) / (1 + exp(-x))', 'g * y * ((1 + exp(-x)) / (1 + exp(-x)) - 1 / (1 + exp(-x)))'] },
      ],
    },
    {
      role: 'claim',
      text_en: 'The first term is 1 and the second is y again.',
      text_ja: '1つ目の項は 1、2つ目の項は再び y である。',
      latex: `= ${DLDY}\\, y \\left(1 - y\\right)`,
      checks: [{ equal: ['g * y * ((1 + exp(-x)) / (1 + exp(-x)) - 1 / (1 + exp(-x)))', 'g * y * (1 - y)'] }],
    },
    {
      role: 'claim',
      text_en:
        'So the derivative of the sigmoid is y(1 − y): the backward pass needs only the output y of the forward pass (Sigmoid.backward: dx = dout * (1.0 - out) * out). Its largest value is 1/4, at x = 0.',
      text_ja:
        'したがってシグモイド関数の導関数は y(1 − y) であり、逆伝播には順伝播の出力 y だけがあればよい (Sigmoid レイヤの backward: dx = dout * (1.0 - out) * out)。最大値は x = 0 のときの 1/4 である。',
      latex:
        '\\frac{dy}{dx} = y\\left(1 - y\\right), \\qquad \\left.\\frac{dy}{dx}\\right|_{x=0} = \\frac{1}{2}\\cdot\\frac{1}{2} = \\frac{1}{4}',
      checks: [
        { derivative: { of: '1 / (1 + exp(-x))', wrt: 'x', is: 'y * (1 - y)' } },
        { equal: ['(1 / (1 + exp(0))) * (1 - 1 / (1 + exp(0)))', '1/4'] },
      ],
    },
    {
      role: 'note',
      text_en:
        'A common mistake (the E-shikaku notes): writing the sigmoid as 1/(1 + e^(−1)); the exponent is −x. And in code, 1 / 1 + np.exp(-x) (the Deep Learning from Scratch 2 summary) computes 1 + e^(−x): the parentheses are needed.',
      text_ja:
        'よくある間違い (E資格のノート): シグモイド関数を 1/(1 + e^(−1)) と書くこと。指数は −x である。またコードの 1 / 1 + np.exp(-x) (『ゼロから作るDeep Learning ❷』のまとめ) は 1 + e^(−x) を計算してしまう。括弧が必要である。',
      latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}} \\ne \\frac{1}{1 + e^{-1}}',
    },
  ],
};
