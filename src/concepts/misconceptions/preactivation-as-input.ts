// ∂L/∂W computed with the previous layer's pre-activation a instead of its output z = h(a).
import { compare } from '../../number/value';
import { text } from '../../text/lang';
import { hiddenInputs, perLayer, type Misconception } from './misconception';

export const preactivationAsInput: Misconception<'preactivation-as-input'> = {
  id: 'preactivation-as-input',
  words: text(
    "∂L/∂W used the previous layer's pre-activation a instead of its output z = h(a)",
    '∂L/∂W に前の層の出力 z = h(a) ではなく活性化前の値 a を使っています',
  ),
  targets: ['grad_weights', 'weights_after'],
  step: {
    quantity: 'grad_weights',
    formula: text(
      '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l, with Z^(l−1) = h(A^(l−1)) the outputs of the layer below',
      '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l（Z^(l−1) = h(A^(l−1)) は下の層の出力）',
    ),
  },
  applies: (n) => n.layers.length > 1,
  variants: perLayer('preactivation-as-input', hiddenInputs),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['grad_weights', 'weights_after'] },
  // Where a = z = h(a) in the layer below.
  inert: (_n, l, layers) => {
    if (l === 0) return true;
    const a = layers[l - 1].preactivation.flat();
    const z = layers[l - 1].output.flat();
    return a.length === z.length && a.every((v, i) => compare(v, z[i]) === 0);
  },
  rules: () => ({ gradWeightsInput: (_n, _l, preactivation) => preactivation }),
};
