// The words of the graph outputs in English and Japanese (terms from the shared glossary).
import type { Lang } from '../text/lang';

export type { Lang } from '../text/lang';

export interface GraphWords {
  readonly title: string;
  readonly forward: string;
  readonly backward: string;
  readonly backwardNote: string;
  readonly atNode: (node: string, upstream: string) => string;
  readonly start: (output: string) => string;
  readonly gradients: (output: string) => string;
  readonly figure: string;
  readonly figureNote: string;
  readonly constant: string;
  readonly exponentNote: string;
  readonly output: string;
  /** The heading of the gradient step, with its rule. */
  readonly step: (ascent: boolean, eta: string) => string;
  readonly again: (output: string) => string;
  /** The heading of several gradient steps, with their rule. */
  readonly steps: (ascent: boolean, eta: string, n: number) => string;
  /** One of several steps, with the point its gradients are taken at. */
  readonly stepNumber: (k: number, point: string) => string;
  /** The output at the point a step reaches. */
  readonly valueAfter: (output: string, k: number) => string;
}

export const GRAPH_WORDS: Readonly<Record<Lang, GraphWords>> = {
  en: {
    title: 'Computational graph',
    forward: 'Forward pass',
    backward: 'Backward pass',
    backwardNote: 'each edge carries back: upstream gradient × local derivative',
    atNode: (node, upstream) => `at ${node} (upstream gradient ${upstream}):`,
    start: (output) => `start: ∂${output}/∂${output} = 1`,
    gradients: (output) => `Gradients of ${output}`,
    figure: 'Figure',
    figureNote: 'forward values above each arrow, backward values below',
    constant: 'constant',
    exponentNote: 'the exponent is a fixed number: no gradient',
    output: 'output',
    step: (ascent, eta) =>
      ascent
        ? `Gradient ascent step (x′ = x + η·∂out/∂x, η = ${eta})`
        : `Gradient descent step (x′ = x − η·∂out/∂x, η = ${eta})`,
    again: (output) => `${output} evaluated again after the step`,
    steps: (ascent, eta, n) =>
      ascent
        ? `Gradient ascent, ${n} steps (x_k = x_(k−1) + η·∂out/∂x at x_(k−1), η = ${eta})`
        : `Gradient descent, ${n} steps (x_k = x_(k−1) − η·∂out/∂x at x_(k−1), η = ${eta})`,
    stepNumber: (k, point) => `Step ${k} (gradients at ${point})`,
    valueAfter: (output, k) => `${output} at the point step ${k} reaches`,
  },
  ja: {
    title: '計算グラフ',
    forward: '順伝播',
    backward: '逆伝播',
    backwardNote: '各エッジを逆向きに流れる値 = 上流から伝わる微分 × 局所的な微分',
    atNode: (node, upstream) => `ノード ${node}（上流から伝わる微分 ${upstream}）:`,
    start: (output) => `出発点: ∂${output}/∂${output} = 1`,
    gradients: (output) => `${output} の勾配`,
    figure: '図',
    figureNote: '矢印の上が順伝播の値、下が逆伝播の値',
    constant: '定数',
    exponentNote: '指数は固定された数なので勾配はない',
    output: '出力',
    step: (ascent, eta) =>
      ascent
        ? `勾配上昇法の1ステップ（x′ = x + η·∂out/∂x、η = ${eta}）`
        : `勾配降下法の1ステップ（x′ = x − η·∂out/∂x、η = ${eta}）`,
    again: (output) => `ステップ後にもう一度計算した ${output}`,
    steps: (ascent, eta, n) =>
      ascent
        ? `勾配上昇法 ${n} ステップ（x_k = x_(k−1) + η·∂out/∂x（x_(k−1) での値）、η = ${eta}）`
        : `勾配降下法 ${n} ステップ（x_k = x_(k−1) − η·∂out/∂x（x_(k−1) での値）、η = ${eta}）`,
    stepNumber: (k, point) => `ステップ ${k}（勾配は ${point} での値）`,
    valueAfter: (output, k) => `ステップ ${k} で到達した点での ${output}`,
  },
};
