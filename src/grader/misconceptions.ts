// The misconceptions the grader recognises: named, data-described "buggy rules". Each one says what
// the mistake is (one sentence, English and Japanese), which quantities it typically shows up in,
// where the right way is shown (the formula of the step), and how to recompute a value under it:
// the engine solves the network again with `mistake` set (src/engine/mistakes.ts holds the arithmetic),
// in every variant in which a student could make it (all layers or one layer, ½ dropped or added, …).
import type { Mistake, MistakeId } from '../engine/mistakes';
import type { NetworkSpec } from '../network/spec';

export type { MistakeId } from '../engine/mistakes';

export interface Misconception {
  readonly id: MistakeId;
  readonly description_en: string;
  readonly description_ja: string;
  /** Quantities in which this mistake is the first explanation to offer (diagnosis order). */
  readonly targets: readonly string[];
  /** The step that shows the right way: its quantity (a trace step / solve JSON key) and formula. */
  readonly step: { readonly quantity: string; readonly formula_en: string; readonly formula_ja: string };
  /** Whether the mistake can change anything in this network (saves solving when it cannot). */
  readonly applies: (network: NetworkSpec) => boolean;
  /** The variants to recompute, each a `mistake` for solve(). */
  readonly variants: (network: NetworkSpec) => readonly Mistake[];
  /** Made in one layer at a time as well as in all layers. */
  readonly layerLocal: boolean;
}

const GRADIENTS = ['delta', 'grad_weights', 'grad_bias', 'grad_alpha', 'grad_input', 'activation_derivative'];
const UPDATES = ['weights_after', 'bias_after', 'loss_after', 'loss_improvement'];

const always = () => true;
const hasLayers = (test: (activation: string) => boolean) => (n: NetworkSpec) => n.layers.some((layer) => test(layer.activation));
const RELU_FAMILY = new Set(['relu', 'leaky-relu', 'prelu', 'relu6']);

/** One variant per layer-restriction: every layer, then each layer alone (when there is more than one). */
function perLayer(id: MistakeId, layers: (n: NetworkSpec) => readonly number[] = (n) => n.layers.map((_, l) => l), variant?: number) {
  return (n: NetworkSpec): Mistake[] => {
    const base: Mistake = variant === undefined ? { id } : { id, variant };
    const own = layers(n);
    if (own.length === 0) return [];
    return [base, ...(n.layers.length > 1 ? own.map((layer) => ({ ...base, layer })) : [])];
  };
}

const hiddenInputs = (n: NetworkSpec) => n.layers.map((_, l) => l).filter((l) => l > 0);
const layersWith = (test: (activation: string) => boolean) => (n: NetworkSpec) =>
  n.layers.flatMap((layer, l) => (test(layer.activation) ? [l] : []));

// Catalogue order is the diagnosis order among equally targeted mistakes: a mistake that changes only a
// few values (relu-grad-at-zero changes only cells at a kink) comes before a broader one that can give
// the same number there (missing-activation-derivative); with a batch, summing instead of averaging
// (×N) comes before a dropped ½ (×2), which it equals for two samples.
export const MISCONCEPTIONS: readonly Misconception[] = [
  {
    id: 'sign-flip',
    description_en: 'the sign is flipped: the error was taken as t − y instead of y − t (or the gradient was negated)',
    description_ja: '符号が逆です: 誤差を y − t ではなく t − y としている（または勾配の符号を反転している）',
    targets: GRADIENTS,
    step: { quantity: 'delta', formula_en: '∂L/∂y = y − t for ½Σ(y − t)², so δ = (y − t) ⊙ h′(a)', formula_ja: '½Σ(y − t)² なら ∂L/∂y = y − t、よって δ = (y − t) ⊙ h′(a)' },
    applies: always,
    variants: () => [{ id: 'sign-flip' }],
    layerLocal: false,
  },
  {
    id: 'relu-grad-at-zero',
    description_en: "the ReLU derivative at a = 0 was taken with the other convention",
    description_ja: 'a = 0 での ReLU の微分を別の規約で取っています',
    targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
    step: { quantity: 'activation_derivative', formula_en: "ReLU′(a) = 1 for a > 0, 0 for a < 0; at a = 0 the network's convention relu_grad_at_zero decides", formula_ja: 'ReLU′(a) は a > 0 で 1、a < 0 で 0。a = 0 ではネットワークの規約 relu_grad_at_zero に従う' },
    applies: hasLayers((a) => RELU_FAMILY.has(a)),
    variants: perLayer('relu-grad-at-zero', layersWith((a) => RELU_FAMILY.has(a))),
    layerLocal: true,
  },
  {
    id: 'missing-activation-derivative',
    description_en: "the activation's derivative h′(a) was left out of the delta",
    description_ja: 'デルタに活性化関数の微分 h′(a) を掛け忘れています',
    targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
    step: { quantity: 'delta', formula_en: 'δ^l = ∂L/∂z^l ⊙ h′(a^l)', formula_ja: 'δ^l = ∂L/∂z^l ⊙ h′(a^l)' },
    applies: hasLayers((a) => a !== 'identity'),
    variants: perLayer('missing-activation-derivative', layersWith((a) => a !== 'identity')),
    layerLocal: true,
  },
  {
    id: 'sigmoid-derivative-of-output',
    description_en: 'the sigmoid derivative was applied to the output: σ(y)(1 − σ(y)) instead of y(1 − y) (for tanh: 1 − tanh²(y) instead of 1 − y²)',
    description_ja: 'シグモイドの微分を出力に適用しています: y(1 − y) ではなく σ(y)(1 − σ(y))（tanh なら 1 − y² ではなく 1 − tanh²(y)）',
    targets: ['activation_derivative', 'delta', 'grad_weights', 'grad_bias'],
    step: { quantity: 'activation_derivative', formula_en: "σ′(a) = σ(a)(1 − σ(a)) = y(1 − y), with the output y = σ(a) you already have", formula_ja: 'σ′(a) = σ(a)(1 − σ(a)) = y(1 − y)（y = σ(a) は計算済みの出力）' },
    applies: hasLayers((a) => a === 'sigmoid' || a === 'tanh'),
    variants: perLayer('sigmoid-derivative-of-output', layersWith((a) => a === 'sigmoid' || a === 'tanh')),
    layerLocal: true,
  },
  {
    id: 'transposed-gradient',
    description_en: 'a matrix was used transposed: ∂L/∂W in the other weight layout, or the delta passed back through W instead of Wᵀ',
    description_ja: '行列を転置して使っています: ∂L/∂W を逆のレイアウトで書いた、またはデルタを Wᵀ ではなく W で逆伝播した',
    targets: ['grad_weights', 'weights_after', 'grad_input'],
    step: { quantity: 'grad_weights', formula_en: 'x-w layout: ∂L/∂W = Xᵀ·Δ (W[input][unit]), ∂L/∂X = Δ·Wᵀ; w-x layout: ∂L/∂W = Δᵀ·X (W[unit][input])', formula_ja: 'x-w レイアウト: ∂L/∂W = Xᵀ·Δ（W[入力][ユニット]）、∂L/∂X = Δ·Wᵀ; w-x レイアウト: ∂L/∂W = Δᵀ·X（W[ユニット][入力]）' },
    applies: always,
    // variant 1 (δ passed back through W instead of Wᵀ) also applies to a single Affine layer's dx = dout·Wᵀ.
    variants: (n) => [
      ...perLayer('transposed-gradient', undefined, 0)(n),
      ...(n.layers.length === 1 ? [{ id: 'transposed-gradient' as const, variant: 1 }] : perLayer('transposed-gradient', hiddenInputs, 1)(n)),
    ],
    layerLocal: true,
  },
  {
    id: 'batch-sum-vs-mean',
    description_en: 'the batch was summed instead of averaged (or averaged instead of summed): with a mean loss every gradient carries 1/N',
    description_ja: 'バッチの和と平均を取り違えています: 平均の損失では勾配に 1/N が付きます',
    targets: ['loss', 'loss_after', 'loss_improvement', 'delta', 'grad_weights', 'grad_bias', 'grad_input'],
    step: { quantity: 'loss', formula_en: 'L = (1/N)·Σ_s L_s for a mean over N samples, so ∂L/∂y_s = (1/N)·∂L_s/∂y_s', formula_ja: 'N サンプルの平均なら L = (1/N)·Σ_s L_s、よって ∂L/∂y_s = (1/N)·∂L_s/∂y_s' },
    applies: (n) => n.input.length > 1,
    variants: () => [{ id: 'batch-sum-vs-mean' }],
    layerLocal: false,
  },
  {
    id: 'half-factor',
    description_en: 'a factor ½ was dropped or added: ½Σ(y − t)² has the gradient y − t, Σ(y − t)² has 2(y − t)',
    description_ja: '係数 ½ を落とした、または余分に付けています: ½Σ(y − t)² の勾配は y − t、Σ(y − t)² の勾配は 2(y − t)',
    targets: ['loss', 'delta', 'grad_weights', 'grad_bias', 'grad_input'],
    step: { quantity: 'loss', formula_en: 'half-sse L = ½Σ(y − t)², ∂L/∂y = y − t; sse L = Σ(y − t)², ∂L/∂y = 2(y − t)', formula_ja: '二乗和誤差 L = ½Σ(y − t)² なら ∂L/∂y = y − t、L = Σ(y − t)² なら ∂L/∂y = 2(y − t)' },
    applies: (n) => n.loss !== 'cross-entropy',
    variants: () => [{ id: 'half-factor', variant: 0 }, { id: 'half-factor', variant: 1 }],
    layerLocal: false,
  },
  {
    id: 'wrong-update-sign',
    description_en: 'the update went uphill: w + η·∂L/∂w instead of w − η·∂L/∂w',
    description_ja: '更新の符号が逆です: w − η·∂L/∂w ではなく w + η·∂L/∂w としている',
    targets: UPDATES,
    step: { quantity: 'weights_after', formula_en: 'w ← w − η·∂L/∂w (gradient descent goes against the gradient)', formula_ja: 'w ← w − η·∂L/∂w（勾配降下法は勾配と逆向きに進む）' },
    applies: always,
    variants: perLayer('wrong-update-sign'),
    layerLocal: true,
  },
  {
    id: 'forgot-learning-rate',
    description_en: 'the learning rate was left out of the update: w − ∂L/∂w instead of w − η·∂L/∂w',
    description_ja: '学習率を掛け忘れています: w − η·∂L/∂w ではなく w − ∂L/∂w としている',
    targets: UPDATES,
    step: { quantity: 'weights_after', formula_en: 'w ← w − η·∂L/∂w', formula_ja: 'w ← w − η·∂L/∂w' },
    applies: always,
    variants: perLayer('forgot-learning-rate'),
    layerLocal: true,
  },
  {
    id: 'updated-weights-in-backprop',
    description_en: 'the hidden delta was computed with weights that were already updated; backpropagation uses the weights before the update',
    description_ja: '更新後の重みで中間層のデルタを計算しています。逆伝播には更新前の重みを使います',
    targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
    step: { quantity: 'delta', formula_en: 'Δ^(l−1) = (Δ^l·W^lᵀ) ⊙ h′(A^(l−1)) with W^l before the update', formula_ja: 'Δ^(l−1) = (Δ^l·W^lᵀ) ⊙ h′(A^(l−1))（W^l は更新前の重み）' },
    applies: (n) => n.layers.length > 1,
    variants: perLayer('updated-weights-in-backprop', hiddenInputs),
    layerLocal: true,
  },
  {
    id: 'softmax-diagonal-only',
    description_en: 'only the diagonal y_k(1 − y_k) of the softmax Jacobian was used; the off-diagonal terms −y_i·y_k were dropped',
    description_ja: 'ソフトマックスのヤコビ行列の対角成分 y_k(1 − y_k) だけを使い、非対角成分 −y_i·y_k を落としています',
    targets: ['softmax_jacobian', 'delta', 'grad_weights', 'grad_bias'],
    step: { quantity: 'delta', formula_en: '∂y_i/∂a_k = y_i(δ_ik − y_k); with cross-entropy the delta is y − t', formula_ja: '∂y_i/∂a_k = y_i(δ_ik − y_k)。交差エントロピー誤差と組み合わせるとデルタは y − t' },
    applies: hasLayers((a) => a === 'softmax'),
    variants: perLayer('softmax-diagonal-only', layersWith((a) => a === 'softmax')),
    layerLocal: true,
  },
  {
    id: 'ce-extra-terms',
    description_en: 'the cross-entropy derivative got extra terms: −t_j/y_j + Σ_{i≠j} t_i/y_i instead of −t_j/y_j',
    description_ja: '交差エントロピー誤差の微分に余分な項があります: −t_j/y_j + Σ_{i≠j} t_i/y_i ではなく −t_j/y_j',
    targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
    step: { quantity: 'delta', formula_en: 'L = −Σ t·ln y gives ∂L/∂y_j = −t_j/y_j; with softmax the delta is y − t', formula_ja: 'L = −Σ t·ln y より ∂L/∂y_j = −t_j/y_j。ソフトマックスと組み合わせるとデルタは y − t' },
    applies: (n) => n.loss === 'cross-entropy',
    variants: () => [{ id: 'ce-extra-terms' }],
    layerLocal: false,
  },
  {
    id: 'preactivation-as-input',
    description_en: "∂L/∂W used the previous layer's pre-activation a instead of its output z = h(a)",
    description_ja: '∂L/∂W に前の層の出力 z = h(a) ではなく活性化前の値 a を使っています',
    targets: ['grad_weights', 'weights_after'],
    step: { quantity: 'grad_weights', formula_en: '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l, with Z^(l−1) = h(A^(l−1)) the outputs of the layer below', formula_ja: '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l（Z^(l−1) = h(A^(l−1)) は下の層の出力）' },
    applies: (n) => n.layers.length > 1,
    variants: perLayer('preactivation-as-input', hiddenInputs),
    layerLocal: true,
  },
  {
    id: 'bias-not-summed',
    description_en: '∂L/∂b was not summed over the batch: it is the sum of the delta rows, one per sample',
    description_ja: '∂L/∂b をバッチについて合計していません: ∂L/∂b はデルタの各行（サンプルごと）の和です',
    targets: ['grad_bias', 'bias_after'],
    step: { quantity: 'grad_bias', formula_en: '∂L/∂b^l = Σ over samples of the rows of Δ^l (db = Σ dout)', formula_ja: '∂L/∂b^l = Δ^l の行（サンプル）の和（db = Σ dout）' },
    applies: (n) => n.input.length > 1,
    variants: (n) => n.input.flatMap((_, s) => perLayer('bias-not-summed', undefined, s)(n)),
    layerLocal: true,
  },
];

const BY_ID = new Map(MISCONCEPTIONS.map((m) => [m.id, m]));

export function misconception(id: MistakeId): Misconception {
  return BY_ID.get(id)!;
}

/**
 * Misconceptions in diagnosis order for an asked quantity: those that target it first, then the rest,
 * each in catalogue order.
 */
export function diagnosisOrder(quantity: string): readonly Misconception[] {
  const first = MISCONCEPTIONS.filter((m) => m.targets.includes(quantity));
  return [...first, ...MISCONCEPTIONS.filter((m) => !m.targets.includes(quantity))];
}
