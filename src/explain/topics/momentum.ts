// Gradient descent with momentum: a velocity that accumulates past gradients.
import type { Topic } from '../types';

export const momentum: Topic = {
  id: 'momentum',
  title_en: 'Momentum: v ← μv − η∂L/∂w, w ← w + v',
  title_ja: 'モーメンタム（Momentum）: v ← μv − η∂L/∂w、w ← w + v',
  sources: ['003', 'cs231n'],
  scope: {
    random: {
      w: { min: -2, max: 2 },
      v: { min: -1, max: 1 },
      g: { min: -2, max: 2 },
      mu: { min: 0, max: 0.95 },
      eta: { min: 0.01, max: 0.5 },
    },
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'Each parameter keeps a velocity v (zero at the start, unless the exercise states the previous one). A step first updates the velocity with the gradient g = ∂L/∂w, then moves the parameter by it (Deep Learning from Scratch 6.1.4).',
      text_ja:
        '各パラメータは速度 v を持つ（最初は 0。問題が前回の値を与えればその値）。1ステップでまず勾配 g = ∂L/∂w で速度を更新し、パラメータをその速度だけ動かす（『ゼロから作るDeep Learning』6.1.4）。',
      latex: 'v^{+} = \\mu v - \\eta \\frac{\\partial L}{\\partial w}, \\qquad w^{+} = w + v^{+}',
    },
    {
      role: 'claim',
      text_en:
        'With μ = 0 it is plain gradient descent. The sign matters: the velocity subtracts η·g, and the parameter adds the velocity (adding η·g, or subtracting v, climbs the loss).',
      text_ja:
        'μ = 0 なら通常の勾配降下法になる。符号に注意: 速度からは η·g を引き、パラメータには速度を足す（η·g を足したり v を引いたりすると損失を登ってしまう）。',
      latex: '\\mu = 0: \\quad w^{+} = w - \\eta \\frac{\\partial L}{\\partial w}',
      checks: [{ equal: ['w + (0 * v - eta * g)', 'w - eta * g'] }],
    },
    {
      role: 'claim',
      text_en:
        'In one step the parameter moves by μv − ηg: the previous velocity carries it on. Under a constant gradient the velocity tends to −ηg/(1 − μ), where v = μv − ηg stops changing: with μ = 0.9 the steps become ten times longer.',
      text_ja:
        '1ステップでパラメータは μv − ηg だけ動き、前回の速度が慣性として残る。勾配が一定なら速度は v = μv − ηg が変わらなくなる値 −ηg/(1 − μ) に近づく。μ = 0.9 なら歩幅は 10 倍になる。',
      latex:
        'w^{+} - w = \\mu v - \\eta g, \\qquad v^{*} = \\mu v^{*} - \\eta g \\;\\Rightarrow\\; v^{*} = -\\frac{\\eta g}{1 - \\mu}',
      checks: [
        { equal: ['(w + (mu * v - eta * g)) - w', 'mu * v - eta * g'] },
        { equal: ['mu * (-eta * g / (1 - mu)) - eta * g', '-eta * g / (1 - mu)'] },
        { equal: ['-eta * g / (1 - 0.9)', '-10 * eta * g'] },
      ],
    },
  ],
};
