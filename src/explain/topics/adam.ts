// Adam: running averages of the gradient and of its square, bias-corrected.
import type { Topic } from '../types';

export const adam: Topic = {
  id: 'adam',
  title_en: 'Adam: moments of the gradient, bias-corrected',
  title_ja: 'Adam: 勾配のモーメントとバイアス補正',
  sources: ['kingma', '003'],
  scope: {
    random: {
      g: { min: 0.1, max: 2 },
      beta1: { min: 0.5, max: 0.99 },
      beta2: { min: 0.9, max: 0.9999 },
      eta: { min: 0.001, max: 0.1 },
      w: { min: -2, max: 2 },
    },
    define: [
      ['m1', '(1 - beta1) * g'],
      ['m2', 'beta1 * m1 + (1 - beta1) * g'],
      ['m3', 'beta1 * m2 + (1 - beta1) * g'],
      ['v3', 'beta2 * (beta2 * ((1 - beta2) * g^2) + (1 - beta2) * g^2) + (1 - beta2) * g^2'],
    ],
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'Each parameter keeps a running average m of its gradient g and v of the square g², both starting at 0; step t (from 1) updates them with β₁ (0.9) and β₂ (0.999).',
      text_ja:
        '各パラメータは勾配 g の移動平均 m と二乗 g² の移動平均 v を持ち、どちらも 0 から始まる。ステップ t（1 から数える）で β₁（0.9）と β₂（0.999）を使って更新する。',
      latex:
        'm_{t} = \\beta_1 m_{t-1} + (1 - \\beta_1) g_{t}, \\qquad v_{t} = \\beta_2 v_{t-1} + (1 - \\beta_2) g_{t}^{2}',
    },
    {
      role: 'claim',
      text_en:
        'Starting from 0 the averages are too small at first: under a constant gradient m_t = (1 − β₁ᵗ)·g, not g. Dividing by 1 − β₁ᵗ (the bias correction) gives back g; the same for v with β₂. Forgetting it makes the first steps far too short (or too long, through √v).',
      text_ja:
        '0 から始まるので最初は平均が小さすぎる。勾配が一定なら m_t = (1 − β₁ᵗ)·g であって g ではない。1 − β₁ᵗ で割る（バイアス補正）と g に戻る。v も β₂ で同じである。補正を忘れると最初のステップが極端に短く（√v を通して長く）なる。',
      latex:
        'm_{3} = (1 - \\beta_1^{3})\\, g, \\qquad \\hat{m}_{t} = \\frac{m_{t}}{1 - \\beta_1^{t}}, \\qquad \\hat{v}_{t} = \\frac{v_{t}}{1 - \\beta_2^{t}}',
      checks: [
        { equal: ['m3', '(1 - beta1^3) * g'] },
        { equal: ['m3 / (1 - beta1^3)', 'g'] },
        { equal: ['v3 / (1 - beta2^3)', 'g^2'] },
      ],
    },
    {
      role: 'claim',
      text_en:
        'The step divides by √v̂: under a constant gradient m̂/√v̂ = g/|g| = ±1, so each parameter moves by about η whatever the size of its gradient (ε, 10⁻⁸, only keeps the division safe).',
      text_ja:
        '更新は √v̂ で割る。勾配が一定なら m̂/√v̂ = g/|g| = ±1 なので、勾配の大きさによらず各パラメータはおよそ η だけ動く（ε = 10⁻⁸ は割り算を安全にするだけ）。',
      latex:
        'w_{t} = w_{t-1} - \\eta \\frac{\\hat{m}_{t}}{\\sqrt{\\hat{v}_{t}} + \\epsilon}, \\qquad \\frac{\\hat{m}_{t}}{\\sqrt{\\hat{v}_{t}}} = \\frac{g}{\\lvert g \\rvert} = 1 \\quad (g > 0)',
      checks: [
        { equal: ['(m3 / (1 - beta1^3)) / sqrt(v3 / (1 - beta2^3))', '1'] },
        { equal: ['w - eta * (m1 / (1 - beta1)) / sqrt(((1 - beta2) * g^2) / (1 - beta2))', 'w - eta'] },
      ],
    },
  ],
};
