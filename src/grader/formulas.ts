// The formula of each quantity in plain text (English and Japanese), following the network's layout:
// the first hint of an ask, and the pointer printed with a wrong value in "check my own work".
import { activation } from '../concepts/activations';
import { loss } from '../concepts/losses';
import type { NetworkSpec } from '../concepts/network';
import { text, type Text } from './text';

/** The formula for a quantity, in plain text, following the network's layout. */
export function formulaFor(quantity: string, spec: NetworkSpec | null): Text {
  const wx = spec?.layout === 'w-x';
  switch (quantity) {
    case 'preactivation':
      return wx
        ? text('a^l = W^l·z^(l−1) + b^l', 'a^l = W^l·z^(l−1) + b^l')
        : text('a^l = z^(l−1)·W^l + b^l', 'a^l = z^(l−1)·W^l + b^l');
    case 'output':
      return text(
        'z^l = h(a^l), the activation applied to the pre-activation',
        'z^l = h(a^l)（重み付き和に活性化関数を適用）',
      );
    case 'loss':
      return lossFormula(spec);
    case 'grad_output':
      return text(
        '∂L/∂z^l = Δ^(l+1)·W^(l+1)ᵀ (at the output: ∂L/∂y)',
        '∂L/∂z^l = Δ^(l+1)·W^(l+1)ᵀ（出力層では ∂L/∂y）',
      );
    case 'activation_derivative':
      if (spec) {
        // The exercise's own activations only (a tanh exercise reads tanh′ = 1 − y², not σ′).
        const rules = [...new Set(spec.layers.map((l) => l.activation))]
          .filter((name) => name !== 'identity')
          .map((name) => activation(name).derivativeText);
        if (rules.length > 0) return text(rules.join('; '), rules.join('。'));
      }
      return text(
        'h′(a): sigmoid y(1 − y), tanh 1 − y², ReLU 1 for a > 0 and 0 for a < 0',
        'h′(a): シグモイド y(1 − y)、tanh 1 − y²、ReLU は a > 0 で 1、a < 0 で 0',
      );
    case 'delta':
      return text(
        'δ^l = ∂L/∂z^l ⊙ h′(a^l) (softmax with cross-entropy: δ = y − t)',
        'δ^l = ∂L/∂z^l ⊙ h′(a^l)（ソフトマックス＋交差エントロピー誤差なら δ = y − t）',
      );
    case 'grad_weights':
      return wx
        ? text('∂L/∂W^l = Δ^lᵀ·Z^(l−1), i.e. ∂L/∂w_ji = δ_j·z_i', '∂L/∂W^l = Δ^lᵀ·Z^(l−1)、すなわち ∂L/∂w_ji = δ_j·z_i')
        : text(
            '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l, i.e. ∂L/∂w_ij = z_i·δ_j',
            '∂L/∂W^l = Z^(l−1)ᵀ·Δ^l、すなわち ∂L/∂w_ij = z_i·δ_j',
          );
    case 'grad_bias':
      return text('∂L/∂b^l = Σ over the samples of the rows of Δ^l', '∂L/∂b^l = Δ^l の行（サンプル）の和');
    case 'grad_alpha':
      return text('∂L/∂α = Σ over a ≤ 0 of ∂L/∂z·a', '∂L/∂α = a ≤ 0 の要素についての ∂L/∂z·a の和');
    case 'weights_after':
      if (spec?.optimizer?.name === 'momentum')
        return text('V ← μ·V − η·∂L/∂W, W ← W + V', 'V ← μ·V − η·∂L/∂W、W ← W + V');
      if (spec?.optimizer?.name === 'adam')
        return text('W ← W − η·m̂/(√v̂ + ε), element by element', 'W ← W − η·m̂/(√v̂ + ε)（要素ごと）');
      return text('W ← W − η·∂L/∂W', 'W ← W − η·∂L/∂W');
    case 'bias_after':
      if (spec?.optimizer?.name === 'momentum')
        return text('v ← μ·v − η·∂L/∂b, b ← b + v', 'v ← μ·v − η·∂L/∂b、b ← b + v');
      if (spec?.optimizer?.name === 'adam')
        return text('b ← b − η·m̂/(√v̂ + ε), element by element', 'b ← b − η·m̂/(√v̂ + ε)（要素ごと）');
      return text('b ← b − η·∂L/∂b', 'b ← b − η·∂L/∂b');
    case 'velocity_after':
    case 'velocity_bias_after':
      return text('v′ = μ·v − η·g (g the gradient of the parameter)', 'v′ = μ·v − η·g（g はそのパラメータの勾配）');
    case 'adam_m_after':
    case 'adam_m_bias_after':
      return text('m′ = β₁·m + (1 − β₁)·g (g the gradient)', 'm′ = β₁·m + (1 − β₁)·g（g は勾配）');
    case 'adam_v_after':
    case 'adam_v_bias_after':
      return text('v′ = β₂·v + (1 − β₂)·g² (g the gradient)', 'v′ = β₂·v + (1 − β₂)·g²（g は勾配）');
    case 'adam_m_hat':
    case 'adam_m_hat_bias':
      return text('m̂ = m′/(1 − β₁ᵗ), t the step number from 1', 'm̂ = m′/(1 − β₁ᵗ)（t は 1 から数えたステップ数）');
    case 'adam_v_hat':
    case 'adam_v_hat_bias':
      return text('v̂ = v′/(1 − β₂ᵗ), t the step number from 1', 'v̂ = v′/(1 − β₂ᵗ)（t は 1 から数えたステップ数）');
    case 'loss_after':
      return text(
        'the loss of the updated network: the forward pass again with the new parameters',
        '更新後のパラメータでもう一度順伝播したときの損失',
      );
    case 'loss_improvement':
      return text(
        'L − L_after: the loss before the update minus the loss after it',
        'L − L_after: 更新前の損失 − 更新後の損失',
      );
    case 'softmax_jacobian':
      return text(activation('softmax').derivativeText, activation('softmax').derivativeText);
    case 'grad_input':
      return text('∂L/∂X = Δ·Wᵀ (the Affine layer: dx = dout·Wᵀ)', '∂L/∂X = Δ·Wᵀ（Affine レイヤ: dx = dout·Wᵀ）');
    case 'value':
    case 'nodes':
      return text('the forward pass through the graph, node by node', '計算グラフを順にたどる順伝播');
    case 'input_after':
      return text(
        'x_k = x_(k−1) − η·∂f/∂x, the gradient taken at x_(k−1) (gradient descent goes against the gradient)',
        'x_k = x_(k−1) − η·∂f/∂x（勾配は x_(k−1) での値。勾配降下法は勾配と逆向きに進む）',
      );
    case 'value_after':
      return text(
        'the forward pass through the graph again, at the point the step reaches',
        'ステップで到達した点で、もう一度計算グラフを順伝播する',
      );
    case 'gradients':
      return text(
        'backward: the upstream gradient times the local derivative, summed over every path',
        '逆伝播: 上流の勾配 × 局所的な微分を、すべての経路について足し合わせる',
      );
    default:
      return text(quantity, quantity);
  }
}

function lossFormula(spec: NetworkSpec | null): Text {
  const batch =
    spec && spec.input.length > 1
      ? spec.conventions.batch === 'mean'
        ? ' averaged over the samples'
        : ' summed over the samples'
      : '';
  const batchJa =
    spec && spec.input.length > 1
      ? spec.conventions.batch === 'mean'
        ? '（サンプルの平均）'
        : '（サンプルの和）'
      : '';
  // Without a network (a graph exercise) the loss is the lecture deck's ½Σ(y − t)².
  const formula = loss(spec?.loss ?? 'half-sse').text;
  return text(`${formula}${batch}`, `${formula}${batchJa}`);
}
