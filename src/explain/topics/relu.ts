// ReLU and its relatives (Leaky ReLU, PReLU, ReLU6): piecewise derivatives, and the choice at a kink,
// where the sources disagree (the E-shikaku notes and the layer-code notes).
import type { Topic } from '../types';

const CHOICE_EN =
  'At x = 0 the function has a kink: the left derivative and the right derivative differ, so the derivative does not exist there and a value must be chosen. Any value between the two is a valid subgradient. The sources differ: the formula in the E-shikaku notes and the Relu layer of Deep Learning from Scratch (mask = x <= 0) use the left value; the layer-code notes and the code in the E-shikaku notes (grad[x>=0] = 1) use 1. backprop-tutor uses the left value by default; set conventions.relu_grad_at_zero: 1 in a network file for the other choice.';
const CHOICE_JA =
  'x = 0 では関数が折れ曲がっていて左微分と右微分が異なるので、微分は存在せず値を決める必要がある。2つの間のどの値も劣勾配として正しい。資料によって異なり、E資格のノートの式と『ゼロから作るDeep Learning』の Relu レイヤ (mask = x <= 0) は左側の値を、レイヤのコードのノートと E資格のノートのコード (grad[x>=0] = 1) は 1 を使う。backprop-tutor の既定は左側の値で、ネットワークファイルで conventions.relu_grad_at_zero: 1 とすればもう一方になる。';

export const relu: Topic = {
  id: 'relu',
  title_en: 'ReLU: derivative 1 or 0, and the choice at 0',
  title_ja: 'ReLU関数の微分 (1 または 0) と x = 0 での選び方',
  sources: ['001', '004'],
  scope: { random: { x: { min: -4, max: 4 }, g: { min: -2, max: 2 } } },
  steps: [
    {
      role: 'definition',
      text_en: 'ReLU passes positive inputs and replaces the others by 0.',
      text_ja: 'ReLU関数は正の入力をそのまま出力し、それ以外を 0 にする。',
      latex: 'h(x) = \\max(0, x) = \\begin{cases} x & (x > 0) \\\\ 0 & (x \\le 0) \\end{cases}',
      checks: [{ equal: ['max(0, x)', 'x > 0 ? x : 0'] }],
    },
    {
      role: 'claim',
      text_en:
        'Away from 0 each piece is a line: the derivative h′(x) (not h(x), as the E-shikaku notes print it) is 1 for x > 0 and 0 for x < 0.',
      text_ja:
        '0 以外では各部分が直線なので、導関数 h′(x) (E資格のノートのように h(x) と書くのは誤り) は x > 0 で 1、x < 0 で 0 である。',
      latex: "h'(x) = \\begin{cases} 1 & (x > 0) \\\\ 0 & (x < 0) \\end{cases}",
      checks: [{ derivative: { of: 'max(0, x)', wrt: 'x', is: 'x > 0 ? 1 : 0' } }],
    },
    {
      role: 'claim',
      text_en: CHOICE_EN.replace('the left value', 'the left value 0').replace(
        'uses the left value by default',
        'uses 0 by default',
      ),
      text_ja: CHOICE_JA.replace('左側の値を、', '左側の値 0 を、').replace('既定は左側の値', '既定は 0 '),
      latex:
        "\\lim_{\\epsilon \\to 0^{-}} \\frac{h(\\epsilon) - h(0)}{\\epsilon} = 0 \\ne 1 = \\lim_{\\epsilon \\to 0^{+}} \\frac{h(\\epsilon) - h(0)}{\\epsilon}, \\qquad h'(0) \\in \\{\\, 0, 1 \\,\\}",
      checks: [{ kink: { of: 'max(0, x)', wrt: 'x', at: '0', left: '0', right: '1' } }],
    },
    {
      role: 'claim',
      text_en:
        'Backward pass: the gradient flows through where the input was positive and is blocked (set to 0) elsewhere, like a switch.',
      text_ja:
        '逆伝播: 順伝播の入力が正だったところでは上流の値をそのまま流し、それ以外では 0 にして止める (スイッチのように働く)。',
      latex:
        '\\frac{\\partial L}{\\partial x} = \\begin{cases} \\frac{\\partial L}{\\partial y} & (x > 0) \\\\ 0 & (x \\le 0) \\end{cases}',
      checks: [{ derivative: { of: 'g * max(0, x)', wrt: 'x', is: 'x > 0 ? g : 0' } }],
    },
  ],
};

export const leakyRelu: Topic = {
  id: 'leaky-relu',
  title_en: 'Leaky ReLU: derivative 1 or α, and the choice at 0',
  title_ja: 'Leaky ReLU関数の微分 (1 または α) と x = 0 での選び方',
  sources: ['004'],
  scope: { random: { x: { min: -4, max: 4 }, alpha: { min: 0.01, max: 0.3 }, g: { min: -2, max: 2 } } },
  steps: [
    {
      role: 'definition',
      text_en:
        'Leaky ReLU keeps a small slope α (such as 0.01) for negative inputs, so the gradient never dies completely.',
      text_ja: 'Leaky ReLU関数は負の入力にも小さな傾き α (0.01 など) を残すので、勾配が完全に 0 になることがない。',
      latex: 'h(x) = \\begin{cases} x & (x > 0) \\\\ \\alpha x & (x \\le 0) \\end{cases}',
      checks: [{ equal: ['x > 0 ? x : alpha * x', 'max(x, alpha * x)'] }],
    },
    {
      role: 'claim',
      text_en: 'The derivative is 1 for x > 0 and α for x < 0.',
      text_ja: '導関数は x > 0 で 1、x < 0 で α である。',
      latex: "h'(x) = \\begin{cases} 1 & (x > 0) \\\\ \\alpha & (x < 0) \\end{cases}",
      checks: [{ derivative: { of: 'x > 0 ? x : alpha * x', wrt: 'x', is: 'x > 0 ? 1 : alpha' } }],
    },
    {
      role: 'claim',
      text_en: CHOICE_EN.replace('the left value', 'the left value α').replace(
        'uses the left value by default',
        'uses α by default',
      ),
      text_ja: CHOICE_JA.replace('左側の値を、', '左側の値 α を、').replace('既定は左側の値', '既定は α '),
      latex: "h'(0^{-}) = \\alpha \\ne 1 = h'(0^{+}), \\qquad h'(0) \\in \\{\\, \\alpha, 1 \\,\\}",
      checks: [{ kink: { of: 'x > 0 ? x : alpha * x', wrt: 'x', at: '0', left: 'alpha', right: '1' } }],
    },
    {
      role: 'claim',
      text_en: 'Backward pass: multiply the upstream gradient by 1 or α.',
      text_ja: '逆伝播: 上流から来た微分に 1 または α を掛ける。',
      latex:
        '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial y} \\cdot \\begin{cases} 1 & (x > 0) \\\\ \\alpha & (x \\le 0) \\end{cases}',
      checks: [{ derivative: { of: 'g * (x > 0 ? x : alpha * x)', wrt: 'x', is: 'g * (x > 0 ? 1 : alpha)' } }],
    },
  ],
};

export const prelu: Topic = {
  id: 'prelu',
  title_en: 'PReLU: Leaky ReLU with a learned slope α, and ∂L/∂α',
  title_ja: 'PReLU関数: 傾き α を学習する Leaky ReLU と ∂L/∂α',
  sources: ['004'],
  scope: {
    random: { x: { min: -4, max: 4, shape: [3] }, alpha: { min: 0.05, max: 0.5 }, g: { min: -2, max: 2, shape: [3] } },
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'PReLU (Parametric ReLU) has the form of Leaky ReLU, but α is a parameter learned by gradient descent like the weights.',
      text_ja: 'PReLU関数 (Parametric ReLU) は Leaky ReLU と同じ形だが、α を重みと同じように勾配降下法で学習する。',
      latex: 'h(x) = \\begin{cases} x & (x > 0) \\\\ \\alpha x & (x \\le 0) \\end{cases}',
      checks: [{ equal: ['x[i] > 0 ? x[i] : alpha * x[i]', 'max(0, x[i]) + alpha * min(0, x[i])'], indices: { i: 3 } }],
    },
    {
      role: 'claim',
      text_en: 'With respect to x the derivative is the same as Leaky ReLU’s: 1 or α (with the same choice at 0).',
      text_ja: 'x についての微分は Leaky ReLU と同じく 1 または α である (x = 0 での選び方も同じ)。',
      latex: '\\frac{\\partial h}{\\partial x} = \\begin{cases} 1 & (x > 0) \\\\ \\alpha & (x < 0) \\end{cases}',
      checks: [
        {
          derivative: { of: 'x[i] > 0 ? x[i] : alpha * x[i]', wrt: 'x[i]', is: 'x[i] > 0 ? 1 : alpha' },
          indices: { i: 3 },
        },
      ],
    },
    {
      role: 'claim',
      text_en: 'With respect to α the derivative is 0 for x > 0 and x for x ≤ 0, that is min(0, x).',
      text_ja: 'α についての微分は x > 0 で 0、x ≤ 0 で x、つまり min(0, x) である。',
      latex:
        '\\frac{\\partial h}{\\partial \\alpha} = \\begin{cases} 0 & (x > 0) \\\\ x & (x \\le 0) \\end{cases} = \\min(0, x)',
      checks: [
        { derivative: { of: 'x[i] > 0 ? x[i] : alpha * x[i]', wrt: 'alpha', is: 'min(0, x[i])' }, indices: { i: 3 } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'One α is shared by all the units of a layer (and all samples of a batch), so by the chain rule its gradient is a sum over them.',
      text_ja:
        '1つの α を層のすべてのユニット (とバッチのすべてのサンプル) が共有するので、連鎖律によりその勾配はそれらの和になる。',
      latex: '\\frac{\\partial L}{\\partial \\alpha} = \\sum_{i} \\frac{\\partial L}{\\partial y_{i}} \\min(0, x_{i})',
      checks: [
        {
          derivative: {
            of: 'g[1] * (x[1] > 0 ? x[1] : alpha * x[1]) + g[2] * (x[2] > 0 ? x[2] : alpha * x[2]) + g[3] * (x[3] > 0 ? x[3] : alpha * x[3])',
            wrt: 'alpha',
            is: 'g[1] * min(0, x[1]) + g[2] * min(0, x[2]) + g[3] * min(0, x[3])',
          },
        },
      ],
    },
  ],
};

export const relu6: Topic = {
  id: 'relu6',
  title_en: 'ReLU6: derivative 1 between 0 and 6, two kinks',
  title_ja: 'ReLU6 の微分 (0 と 6 の間で 1) と微分できない点が2つ',
  sources: ['004'],
  scope: { random: { x: { min: -3, max: 9 }, g: { min: -2, max: 2 } } },
  steps: [
    {
      role: 'definition',
      text_en: 'ReLU6 is ReLU with its output capped at 6 (used in MobileNet).',
      text_ja: 'ReLU6 は ReLU関数の出力の最大値を 6 にしたもの (MobileNet で使われる)。',
      latex:
        'h(x) = \\min\\left(\\max(0, x), 6\\right) = \\begin{cases} 0 & (x \\le 0) \\\\ x & (0 < x < 6) \\\\ 6 & (x \\ge 6) \\end{cases}',
      checks: [{ equal: ['min(max(0, x), 6)', 'x <= 0 ? 0 : (x < 6 ? x : 6)'] }],
    },
    {
      role: 'claim',
      text_en: 'The derivative is 1 between 0 and 6 and 0 outside.',
      text_ja: '導関数は 0 と 6 の間で 1、それ以外で 0 である。',
      latex: "h'(x) = \\begin{cases} 1 & (0 < x < 6) \\\\ 0 & (x \\notin [0, 6]) \\end{cases}",
      checks: [{ derivative: { of: 'min(max(0, x), 6)', wrt: 'x', is: 'x > 0 and x < 6 ? 1 : 0' } }],
    },
    {
      role: 'claim',
      text_en:
        'There are two kinks. At 0 the choice is the same as ReLU’s (0 by default, 1 with relu_grad_at_zero: 1). At 6 the left derivative is 1 and the right one 0; backprop-tutor takes 0 there, as PyTorch and TensorFlow do.',
      text_ja:
        '微分できない点が2つある。0 での選び方は ReLU と同じ (既定は 0、relu_grad_at_zero: 1 なら 1)。6 では左微分が 1、右微分が 0 で、backprop-tutor は PyTorch や TensorFlow と同じく 0 を使う。',
      latex: "h'(0^{-}) = 0,\\; h'(0^{+}) = 1; \\qquad h'(6^{-}) = 1,\\; h'(6^{+}) = 0 \\;\\Rightarrow\\; h'(6) := 0",
      checks: [
        { kink: { of: 'min(max(0, x), 6)', wrt: 'x', at: '0', left: '0', right: '1' } },
        { kink: { of: 'min(max(0, x), 6)', wrt: 'x', at: '6', left: '1', right: '0' } },
      ],
    },
    {
      role: 'claim',
      text_en: 'Backward pass: the gradient flows only where 0 < x < 6.',
      text_ja: '逆伝播: 0 < x < 6 のところだけ上流の値が流れる。',
      latex:
        '\\frac{\\partial L}{\\partial x} = \\begin{cases} \\frac{\\partial L}{\\partial y} & (0 < x < 6) \\\\ 0 & (x \\notin (0, 6)) \\end{cases}',
      checks: [{ derivative: { of: 'g * min(max(0, x), 6)', wrt: 'x', is: 'x > 0 and x < 6 ? g : 0' } }],
    },
  ],
};
