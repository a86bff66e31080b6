// The E-shikaku notation of the squared error: E = ½‖y − d‖² with d the target and u the weighted
// sum; with an identity output its gradient is y − d.
import type { Topic } from '../types';

export const squaredError: Topic = {
  id: 'squared-error',
  title_en: 'Squared error ½‖y − d‖²: the gradient is y − d',
  title_ja: '二乗誤差 ½‖y − d‖²: 勾配は y − d',
  sources: ['001', '002'],
  scope: {
    random: {
      u: { min: -3, max: 3, shape: [3] },
      d: { min: -2, max: 2, shape: [3] },
    },
    define: [['y', 'u']],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'In the E-shikaku notes the weighted sum of a unit is u = Wz + b, its output y = f(u), and d is the target (the desired output). The error of one sample is half the squared distance.',
      text_ja:
        'E資格のノートでは、ユニットの総入力を u = Wz + b、出力を y = f(u)、目標値（教師データ）を d と書く。1サンプルの誤差は距離の二乗の半分である。',
      latex: 'E = \\frac{1}{2} \\lVert y - d \\rVert^{2} = \\frac{1}{2} \\sum_{k} \\left(y_{k} - d_{k}\\right)^{2}',
      checks: [
        {
          equal: ['0.5 * ((y[1] - d[1])^2 + (y[2] - d[2])^2 + (y[3] - d[3])^2)', '0.5 * sum(dotPow(y - d, 2))'],
        },
      ],
    },
    {
      role: 'claim',
      text_en: 'Each y_k appears in one term; the ½ cancels the 2 of the square.',
      text_ja: '各 y_k は1つの項にだけ現れ、½ が二乗の 2 と約分される。',
      latex:
        '\\frac{\\partial E}{\\partial y_{k}} = \\frac{1}{2} \\cdot 2 \\left(y_{k} - d_{k}\\right) = y_{k} - d_{k}',
      checks: [
        {
          derivative: { of: '0.5 * sum(dotPow(y - d, 2))', wrt: 'y[k]', is: 'y[k] - d[k]' },
          indices: { k: 3 },
        },
      ],
    },
    {
      role: 'claim',
      text_en:
        'With the identity function at the output (regression), y = u, so the delta of the output layer is the error itself: δ = ∂E/∂u = y − d.',
      text_ja: '出力層が恒等関数（回帰）なら y = u なので、出力層のデルタは誤差そのもの δ = ∂E/∂u = y − d である。',
      latex:
        '\\delta = \\frac{\\partial E}{\\partial u} = \\frac{\\partial E}{\\partial y} \\frac{\\partial y}{\\partial u} = y - d',
      checks: [{ derivative: { of: '0.5 * sum(dotPow(u - d, 2))', wrt: 'u', is: 'y - d' } }],
    },
  ],
};
