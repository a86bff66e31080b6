// Gradient descent in one variable: x ← x − η·f′(x), why it goes down, and what η does on a parabola.
import type { Topic } from '../types';

/** f(x) = a x² + b x + c and its derivative, in the checks' syntax. */
const F = (x: string) => `a*(${x})^2 + b*(${x}) + c`;
const FP = (x: string) => `2*a*(${x}) + b`;

export const gradientDescent: Topic = {
  id: 'gradient-descent',
  title_en: 'Gradient descent in one variable: x ← x − η·f′(x)',
  title_ja: '1変数の勾配降下法: x ← x − η·f′(x)',
  sources: ['002', 'cs231n'],
  scope: {
    random: {
      x: { min: -3, max: 3 },
      a: { min: 0.5, max: 2 },
      b: { min: -3, max: 3 },
      c: { min: -3, max: 3 },
      eta: { min: 0.01, max: 0.5 },
      t: { min: 0, max: 0.5 },
    },
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'Each step moves x against the derivative, by the learning rate η times it, and the next step starts from where this one ended (Deep Learning from Scratch 4.4.1): x₁ from x₀, x₂ from x₁, and so on.',
      text_ja:
        '各ステップは x を微分と逆向きに、学習率 η 倍だけ動かす。次のステップはこのステップの結果から始める（『ゼロから作るDeep Learning』4.4.1）: x₀ から x₁、x₁ から x₂、…。',
      latex: "x_{k} = x_{k-1} - \\eta\\, f'(x_{k-1})",
    },
    {
      role: 'claim',
      text_en:
        'It goes downhill: along the step, the slope of f with respect to the step size t is −f′(x − t·f′(x))·f′(x), which at t = 0 is −f′(x)² < 0 wherever f′(x) ≠ 0, so a small enough η lowers f. Here f(x) = ax² + bx + c.',
      text_ja:
        '関数の値は下がる: ステップ幅 t に対する f の傾きは −f′(x − t·f′(x))·f′(x) で、t = 0 では −f′(x)² < 0（f′(x) ≠ 0 のとき）。よって η が十分小さければ f は小さくなる。ここでは f(x) = ax² + bx + c。',
      latex: "\\frac{d}{dt} f(x - t f'(x)) = -f'(x - t f'(x))\\, f'(x), \\qquad t = 0: \\; -f'(x)^2",
      checks: [
        { derivative: { of: F('x'), wrt: 'x', is: FP('x') } },
        {
          derivative: {
            of: F(`x - t*(${FP('x')})`),
            wrt: 't',
            is: `-(${FP(`x - t*(${FP('x')})`)})*(${FP('x')})`,
          },
        },
      ],
    },
    {
      role: 'claim',
      text_en:
        'On a parabola f(x) = ax² + bx + c (a > 0) each step multiplies the distance to the minimum m = −b/(2a) by r = 1 − 2aη. With η = 1/4 on x² − 4x + 1 (a = 1, m = 2), r = 1/2: from x₀ = 0 the steps halve the distance, 1, 1.5, 1.75, 1.875.',
      text_ja:
        '放物線 f(x) = ax² + bx + c（a > 0）では、1ステップごとに最小点 m = −b/(2a) までの距離が r = 1 − 2aη 倍になる。x² − 4x + 1（a = 1、m = 2）で η = 1/4 なら r = 1/2: x₀ = 0 から距離が半分ずつになり 1, 1.5, 1.75, 1.875。',
      latex: 'x_{k} - m = (1 - 2a\\eta)(x_{k-1} - m), \\qquad m = -\\frac{b}{2a}',
      checks: [
        { equal: [`(x - eta*(${FP('x')})) + b/(2*a)`, '(1 - 2*a*eta)*(x + b/(2*a))'] },
        { equal: ['2 - (1 - 2*1*(1/4))^4 * (2 - 0)', '1.875'] },
      ],
    },
    {
      role: 'claim',
      text_en:
        'So η decides: 0 < η < 1/(2a) creeps towards m from one side; η = 1/(2a) lands on m in one step; 1/(2a) < η < 1/a overshoots and oscillates while closing in (r < 0); η ≥ 1/a never settles (|r| ≥ 1) and η > 1/a runs away.',
      text_ja:
        'したがって η で振る舞いが決まる: 0 < η < 1/(2a) なら片側から m に近づく。η = 1/(2a) なら 1 ステップで m に着く。1/(2a) < η < 1/a なら行き過ぎて振動しながら近づく（r < 0）。η ≥ 1/a では収束せず（|r| ≥ 1）、η > 1/a では発散する。',
      latex:
        '0 < \\eta \\, < \\frac{1}{a} \\Rightarrow |1 - 2a\\eta| < 1, \\qquad \\eta \\, = \\frac{1}{2a} \\Rightarrow x_1 = m',
      checks: [{ equal: [`x - (1/(2*a))*(${FP('x')})`, '-b/(2*a)'] }],
    },
    {
      role: 'note',
      text_en:
        'Three slips to avoid: adding the step (x + η·f′(x) climbs, which is gradient ascent); leaving η out (x − f′(x) takes a step of size 1); and stepping along the function instead of its derivative (x − η·f(x) follows the height, not the slope).',
      text_ja:
        'よくある誤り: ステップを足す（x + η·f′(x) は上り坂を登る。これは勾配上昇法）、η を掛け忘れる（x − f′(x) は幅 1 のステップ）、微分ではなく関数の値で動かす（x − η·f(x) は傾きではなく高さに従う）。',
      latex: "x_{k} = x_{k-1} - \\eta\\, f'(x_{k-1}) \\quad\\text{(not } + \\eta f', \\; - f', \\; - \\eta f \\text{)}",
    },
  ],
};
