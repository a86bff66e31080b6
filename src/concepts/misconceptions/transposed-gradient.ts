// A matrix used transposed: variant 0 writes ∂L/∂W in the other weight layout, variant 1 passes the
// delta back through W instead of Wᵀ (which only a square W allows).
import type { NetworkSpec } from '../network';
import type { Matrix } from '../../number/vector';
import { text, type Text } from '../../text/lang';
import { PASS_BACK, always, hiddenInputs, perLayer, type Misconception, type RightStep } from './misconception';

const BACKPROP_XW = text(
  '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ik^l — the weights leaving unit i, a row of W^l (W[input][unit]), i.e. ∂L/∂Z^(l−1) = Δ^l·W^lᵀ; then δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
  '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ik^l — ユニット i から出る重み（W[入力][ユニット] の行）、すなわち ∂L/∂Z^(l−1) = Δ^l·W^lᵀ。その後 δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
);
const BACKPROP_WX = text(
  '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ki^l — the weights leaving unit i, a column of W^l (W[unit][input]), i.e. ∂L/∂z^(l−1) = W^lᵀ·δ^l; then δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
  '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ki^l — ユニット i から出る重み（W[ユニット][入力] の列）、すなわち ∂L/∂z^(l−1) = W^lᵀ·δ^l。その後 δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
);

const backpropText = (spec: NetworkSpec): Text => (spec.layout === 'w-x' ? BACKPROP_WX : BACKPROP_XW);

/** Variant 1: the step that passes the delta back, into the layer below. */
const passedBack: RightStep = { quantity: 'grad_output', formula: BACKPROP_XW, at: 'below', formulaFor: backpropText };

const isSquare = (m: Matrix): boolean => m.length === m[0].length;

export const transposedGradient: Misconception<'transposed-gradient'> = {
  id: 'transposed-gradient',
  words: text(
    'a matrix was used transposed: ∂L/∂W in the other weight layout, or the delta passed back through W instead of Wᵀ',
    '行列を転置して使っています: ∂L/∂W を逆の重みの並べ方で書いた、またはデルタを Wᵀ ではなく W で逆伝播した',
  ),
  targets: ['grad_weights', 'weights_after', 'grad_input'],
  step: {
    quantity: 'grad_weights',
    formula: text(
      'x-w layout: ∂L/∂W = Xᵀ·Δ (W[input][unit]), ∂L/∂X = Δ·Wᵀ; w-x layout: ∂L/∂W = Δᵀ·X (W[unit][input])',
      '重みの並べ方 x-w: ∂L/∂W = Xᵀ·Δ（W[入力][ユニット]）、∂L/∂X = Δ·Wᵀ; 重みの並べ方 w-x: ∂L/∂W = Δᵀ·X（W[ユニット][入力]）',
    ),
  },
  applies: always,
  // Variant 1 also applies to a single Affine layer's dx = dout·Wᵀ.
  variants: (n) => [
    ...perLayer('transposed-gradient', undefined, 0)(n),
    ...(n.layers.length === 1
      ? [{ id: 'transposed-gradient' as const, variant: 1 }]
      : perLayer('transposed-gradient', hiddenInputs, 1)(n)),
  ],
  layerLocal: true,
  reach: { kind: 'step', quantities: ['grad_weights', 'weights_after'] },
  perVariant: { 1: { step: passedBack, reach: PASS_BACK } },
  // W for Wᵀ in a non-square layer is a slip the engine cannot make there.
  inert: (n, l, _layers, variant) => variant === 1 && l > 0 && !isSquare(n.layers[l].weights),
  transposedIn: ['grad_weights', 'weights_after'],
  rules: (mistake, _network, right) =>
    mistake.variant === 1
      ? {
          backpropWeights: (n, l, before, after) =>
            isSquare(before) ? before : right.backpropWeights(n, l, before, after),
        }
      : {
          gradWeightsLayout: (n, l, gradXW) =>
            right.gradWeightsLayout({ ...n, layout: n.layout === 'x-w' ? 'w-x' : 'x-w' }, l, gradXW),
        },
};
