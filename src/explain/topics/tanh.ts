// tanh′ = 1 − y², by the quotient rule.
import type { Topic } from '../types';

export const tanh: Topic = {
  id: 'tanh',
  title_en: 'tanh: dy/dx = 1 − y²',
  title_ja: 'tanh関数 (双曲線正接関数) の微分 1 − y²',
  sources: ['001', '004'],
  scope: {
    random: { x: { min: -3, max: 3 }, g: { min: -2, max: 2 } },
    define: [['y', 'tanh(x)']],
  },
  steps: [
    {
      role: 'definition',
      text_en: 'The hyperbolic tangent, an activation function with outputs in (−1, 1).',
      text_ja: 'tanh関数 (双曲線正接関数)。出力が (−1, 1) に入る活性化関数。',
      latex: 'y = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
      checks: [{ equal: ['tanh(x)', '(exp(x) - exp(-x)) / (exp(x) + exp(-x))'] }],
    },
    {
      role: 'claim',
      text_en: 'Quotient rule: (f/g)′ = (f′g − fg′)/g². Here f′ = e^x + e^(−x) = g and g′ = e^x − e^(−x) = f.',
      text_ja:
        '商の微分法 (f/g)′ = (f′g − fg′)/g² を使う。ここで f′ = e^x + e^(−x) = g、g′ = e^x − e^(−x) = f である。',
      latex:
        '\\frac{dy}{dx} = \\frac{\\left(e^{x} + e^{-x}\\right)^{2} - \\left(e^{x} - e^{-x}\\right)^{2}}{\\left(e^{x} + e^{-x}\\right)^{2}}',
      checks: [
        {
          derivative: {
            of: 'tanh(x)',
            wrt: 'x',
            is: '((exp(x) + exp(-x))^2 - (exp(x) - exp(-x))^2) / (exp(x) + exp(-x))^2',
          },
        },
      ],
    },
    {
      role: 'claim',
      text_en: 'Divide both terms of the numerator by the denominator: the second is y².',
      text_ja: '分子の2つの項をそれぞれ分母で割ると、2つ目は y² になる。',
      latex: '= 1 - \\left(\\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}\\right)^{2} = 1 - y^{2}',
      checks: [
        {
          equal: [
            '((exp(x) + exp(-x))^2 - (exp(x) - exp(-x))^2) / (exp(x) + exp(-x))^2',
            '1 - ((exp(x) - exp(-x)) / (exp(x) + exp(-x)))^2',
          ],
        },
        { equal: ['1 - ((exp(x) - exp(-x)) / (exp(x) + exp(-x)))^2', '1 - y^2'] },
      ],
    },
    {
      role: 'claim',
      text_en: 'Backward pass: multiply the upstream gradient by 1 − y², computed from the forward output y.',
      text_ja: '逆伝播: 上流から来た微分に、順伝播の出力 y から計算した 1 − y² を掛ける。',
      latex: '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial y} \\left(1 - y^{2}\\right)',
      checks: [{ derivative: { of: 'g * tanh(x)', wrt: 'x', is: 'g * (1 - y^2)' } }],
    },
    {
      role: 'claim',
      text_en:
        'At x = 0 the derivative is 1, four times the sigmoid’s largest slope 1/4: the reason tanh was proposed (the layer-code notes). tanh is a rescaled sigmoid: tanh(x) = 2σ(2x) − 1.',
      text_ja:
        'x = 0 での微分は 1 で、シグモイド関数の微分の最大値 1/4 の4倍である (レイヤのコードのノート: tanh関数が提案された理由)。tanh はシグモイド関数を伸縮したもの: tanh(x) = 2σ(2x) − 1。',
      latex: '\\left.\\frac{dy}{dx}\\right|_{x=0} = 1 - \\tanh(0)^{2} = 1, \\qquad \\tanh(x) = 2\\sigma(2x) - 1',
      checks: [{ equal: ['1 - tanh(0)^2', '1'] }, { equal: ['tanh(x)', '2 / (1 + exp(-2 x)) - 1'] }],
    },
  ],
};
