// The chain rule with one, two and n intermediate variables, on the computational
// graph z = t², t = x + y (the layer-code notes), and the add and multiply nodes it gives.
import type { Topic } from '../types';

export const chainRule: Topic = {
  id: 'chain-rule',
  title_en: 'The chain rule with 1, 2 and n variables',
  title_ja: '連鎖律 (1変数・2変数・多変数)',
  sources: ['002', '004'],
  scope: {
    random: {
      x: { min: -2, max: 2 },
      y: { min: -2, max: 2 },
      g: { min: -2, max: 2 },
      W: { min: -2, max: 2, shape: [3, 2] },
      v: { min: -2, max: 2, shape: [2] },
    },
    define: [
      ['t', 'x + y'],
      ['s', '2 x + 1'],
      ['p', 'x + y'],
      ['q', 'x * y'],
      ['u', 'W * v'],
    ],
  },
  steps: [
    {
      role: 'claim',
      text_en:
        'One variable: if y = f(x) and z = g(y), the derivative of the composite function is the product of the derivatives. Example: z = s³ with s = 2x + 1 gives dz/dx = 3s² · 2.',
      text_ja:
        '1変数: y = f(x)、z = g(y) のとき、合成関数の微分はそれぞれの微分の積になる。例: z = s³、s = 2x + 1 なら dz/dx = 3s² · 2。',
      latex:
        '\\frac{dz}{dx} = \\frac{dz}{dy} \\frac{dy}{dx}; \\qquad z = s^{3},\\; s = 2x + 1: \\quad \\frac{dz}{dx} = 3 s^{2} \\cdot 2',
      checks: [{ derivative: { of: '(2 x + 1)^3', wrt: 'x', is: '3 s^2 * 2' } }],
    },
    {
      role: 'claim',
      text_en:
        'On a computational graph (the layer-code notes): z = t², t = x + y. ∂z/∂t = 2t and ∂t/∂x = 1, so ∂z/∂x = 2t · 1 = 2(x + y). Going backward, each node multiplies what arrives by its local derivative.',
      text_ja:
        '計算グラフで (レイヤのコードのノート): z = t²、t = x + y。∂z/∂t = 2t、∂t/∂x = 1 なので ∂z/∂x = 2t · 1 = 2(x + y)。逆伝播では各ノードが、届いた値に局所的な微分を掛けて下流へ流す。',
      latex:
        '\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial t} \\frac{\\partial t}{\\partial x} = 2t \\cdot 1 = 2(x + y)',
      checks: [
        { derivative: { of: 't^2', wrt: 't', is: '2 t' } },
        { derivative: { of: 'x + y', wrt: 'x', is: '1' } },
        { derivative: { of: '(x + y)^2', wrt: 'x', is: '2 (x + y)' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'An add node passes the upstream gradient to both inputs unchanged; a multiply node sends each input the upstream gradient times the other input (the inputs are swapped).',
      text_ja:
        '加算ノードは上流の値をそのまま両方の入力へ流す。乗算ノードは上流の値に「もう一方の入力」を掛けて流す (入力をひっくり返して掛ける)。',
      latex:
        '\\frac{\\partial (x + y)}{\\partial x} = \\frac{\\partial (x + y)}{\\partial y} = 1, \\qquad \\frac{\\partial (x y)}{\\partial x} = y, \\quad \\frac{\\partial (x y)}{\\partial y} = x',
      checks: [
        { derivative: { of: 'g * (x + y)', wrt: 'y', is: 'g' } },
        { derivative: { of: 'g * x * y', wrt: 'x', is: 'g * y' } },
        { derivative: { of: 'g * x * y', wrt: 'y', is: 'g * x' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'Two variables: if z = z(u, v) with u = u(x, y) and v = v(x, y), x reaches z along two paths and their contributions add up. Example: z = uv with u = x + y, v = xy gives ∂z/∂x = v · 1 + u · y.',
      text_ja:
        '2変数: z = z(u, v)、u = u(x, y)、v = v(x, y) のとき、x は2つの経路で z に影響し、その寄与を足し合わせる。例: z = uv、u = x + y、v = xy なら ∂z/∂x = v · 1 + u · y。',
      latex:
        '\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial u} \\frac{\\partial u}{\\partial x} + \\frac{\\partial z}{\\partial v} \\frac{\\partial v}{\\partial x}; \\qquad z = uv: \\quad \\frac{\\partial z}{\\partial x} = v \\cdot 1 + u \\cdot y',
      checks: [{ derivative: { of: '(x + y) * (x * y)', wrt: 'x', is: 'q * 1 + p * y' } }],
    },
    {
      role: 'claim',
      text_en:
        'n variables: if z depends on u_1, …, u_n and each u_i on x_1, …, x_m, sum over every path. Example: z = Σ u_i² with u = Wv, so u_i = Σ_j W_ij v_j: ∂z/∂v_k = Σ_i 2u_i W_ik, that is (2Wᵀu)_k. This sum is what backpropagation computes layer by layer.',
      text_ja:
        '多変数: z が u_1, …, u_n に、各 u_i が x_1, …, x_m に依存するとき、すべての経路について足し合わせる。例: z = Σ u_i²、u = Wv (u_i = Σ_j W_ij v_j) なら ∂z/∂v_k = Σ_i 2u_i W_ik、つまり (2Wᵀu)_k。誤差逆伝播法が層ごとに計算しているのはこの和である。',
      latex:
        '\\frac{\\partial z}{\\partial x_{k}} = \\sum_{i=1}^{n} \\frac{\\partial z}{\\partial u_{i}} \\frac{\\partial u_{i}}{\\partial x_{k}}; \\qquad z = \\sum_{i} u_{i}^{2},\\; u = W v: \\quad \\frac{\\partial z}{\\partial v_{k}} = \\sum_{i} 2 u_{i} W_{ik}',
      checks: [
        {
          derivative: { of: 'sum((W * v) .^ 2)', wrt: 'v[k]', is: '2 u[1] W[1, k] + 2 u[2] W[2, k] + 2 u[3] W[3, k]' },
          indices: { k: 2 },
        },
        { equal: ['2 u[1] W[1, k] + 2 u[2] W[2, k] + 2 u[3] W[3, k]', '(2 * transpose(W) * u)[k]'], indices: { k: 2 } },
      ],
    },
  ],
};
