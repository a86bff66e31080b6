// "The right way" for a recognised mistake, matched to the exercise: the step of the worked solution
// that shows it (its quantity, layer and cell) and the formula in the exercise's own terms — the
// loss's derivative for a flipped sign (½Σ(y − t)², Σ(y − t)², mean, cross-entropy), the backward
// pass through Wᵀ for a δ passed back through W, the unit where a = 0 for ReLU′(0).
import type { Mistake } from '../engine/mistakes';
import { isGraphAsk, type Ask } from '../exercises/types';
import type { NetworkSpec } from '../network/spec';
import { sign } from '../number/value';
import type { GradingContext } from './context';
import { formulaFor } from './formulas';
import { misconception } from './misconceptions';
import { text, type Text } from './text';

export interface RightWay {
  /** The step to point at: a trace quantity, its layer (null for the loss) and cell (null: the first). */
  readonly quantity: string;
  readonly layer: number | null;
  readonly index: readonly number[] | null;
  readonly formula: Text;
  /** Replaces the catalogue's description of the mistake (a graph has no t − y). */
  readonly description: Text | null;
}

const RELU_FAMILY = new Set(['relu', 'leaky-relu', 'prelu', 'relu6']);

function askLayer(ask: Ask): number | null {
  return 'layer' in ask && typeof ask.layer === 'number' ? ask.layer : null;
}

/** The cell of the ask (or of the answer's cell `index` in the asked array) when the ask is this quantity in this layer. */
function sameCell(ask: Ask, quantity: string, layer: number | null, index: readonly number[] | null): readonly number[] | null {
  if (ask.quantity !== quantity || askLayer(ask) !== layer) return null;
  return ('index' in ask && ask.index) || index;
}

/** ∂L/∂y for the network's loss, and where the sign comes from. */
export function lossGradientText(spec: NetworkSpec): Text {
  const last = spec.layers[spec.layers.length - 1].activation;
  const batch = spec.input.length > 1 && spec.conventions.batch === 'mean' ? text(', each sample’s term ×1/N for the mean over the batch', '（バッチ平均なので各サンプルの項に 1/N）') : text('', '');
  switch (spec.loss) {
    case 'half-sse':
      return text(`L = ½Σ(y − t)² gives ∂L/∂y = y − t (not t − y)${batch.en}, so δ = (y − t) ⊙ h′(a)`, `L = ½Σ(y − t)² より ∂L/∂y = y − t（t − y ではない）${batch.ja}、よって δ = (y − t) ⊙ h′(a)`);
    case 'sse':
      return text(`L = Σ(y − t)² gives ∂L/∂y = 2(y − t) (not 2(t − y))${batch.en}, so δ = 2(y − t) ⊙ h′(a)`, `L = Σ(y − t)² より ∂L/∂y = 2(y − t)（2(t − y) ではない）${batch.ja}、よって δ = 2(y − t) ⊙ h′(a)`);
    case 'mse':
      return text(
        `L = (1/n)Σ(y − t)² over the n outputs gives ∂L/∂y = (2/n)(y − t) (not (2/n)(t − y))${batch.en}, so δ = (2/n)(y − t) ⊙ h′(a)`,
        `n 個の出力について L = (1/n)Σ(y − t)² より ∂L/∂y = (2/n)(y − t)（(2/n)(t − y) ではない）${batch.ja}、よって δ = (2/n)(y − t) ⊙ h′(a)`,
      );
    case 'cross-entropy':
      return last === 'softmax'
        ? text(`with softmax and L = −Σ t·ln y the delta is δ = y − t (not t − y)${batch.en}`, `ソフトマックスと L = −Σ t·ln y の組み合わせではデルタは δ = y − t（t − y ではない）${batch.ja}`)
        : text(`L = −Σ t·ln y gives ∂L/∂y = −t/y (negative where t > 0)${batch.en}, so δ = (−t/y) ⊙ h′(a)`, `L = −Σ t·ln y より ∂L/∂y = −t/y（t > 0 なら負）${batch.ja}、よって δ = (−t/y) ⊙ h′(a)`);
  }
}

/** The first cell with a = 0 in a ReLU-family layer (the ask's layer and cell first). */
function kink(ctx: GradingContext, ask: Ask, layer: number | undefined): { layer: number; index: number[] } | null {
  const solution = ctx.solution;
  const spec = ctx.spec;
  if (!solution || !spec) return null;
  const own = askLayer(ask);
  const candidates = layer !== undefined ? [layer] : [...(own !== null ? [own] : []), ...spec.layers.map((_, l) => l).filter((l) => l !== own)];
  for (const l of candidates) {
    if (!RELU_FAMILY.has(spec.layers[l]?.activation ?? '')) continue;
    const a = solution.layers[l].preactivation;
    const asked = 'index' in ask && ask.index && ask.index.length === 2 && own === l ? ask.index : null;
    if (asked && a[asked[0]]?.[asked[1]] && sign(a[asked[0]][asked[1]]) === 0) return { layer: l, index: [...asked] };
    for (let s = 0; s < a.length; s++) for (let j = 0; j < a[s].length; j++) if (sign(a[s][j]) === 0) return { layer: l, index: [s, j] };
  }
  return null;
}

function backpropText(spec: NetworkSpec | null): Text {
  return spec?.layout === 'w-x'
    ? text(
        '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ki^l — the weights leaving unit i, a column of W^l (W[unit][input]), i.e. ∂L/∂z^(l−1) = W^lᵀ·δ^l; then δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
        '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ki^l — ユニット i から出る重み（W[ユニット][入力] の列）、すなわち ∂L/∂z^(l−1) = W^lᵀ·δ^l。その後 δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
      )
    : text(
        '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ik^l — the weights leaving unit i, a row of W^l (W[input][unit]), i.e. ∂L/∂Z^(l−1) = Δ^l·W^lᵀ; then δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
        '∂L/∂z_i^(l−1) = Σ_k δ_k^l·w_ik^l — ユニット i から出る重み（W[入力][ユニット] の行）、すなわち ∂L/∂Z^(l−1) = Δ^l·W^lᵀ。その後 δ^(l−1) = ∂L/∂z^(l−1) ⊙ h′(a^(l−1))',
      );
}

/** The right way for `mistake` in `ask`, at the answer's cell `index` (within the asked array) when known. */
export function rightWay(ctx: GradingContext, ask: Ask, mistake: Mistake, index: readonly number[] | null = null): RightWay {
  const m = misconception(mistake.id);
  const catalogue = text(m.step.formula_en, m.step.formula_ja);
  const spec = ctx.spec;
  const last = spec ? spec.layers.length - 1 : null;
  const own = askLayer(ask);
  if (isGraphAsk(ask)) {
    return {
      quantity: ask.quantity,
      layer: null,
      index: null,
      formula: formulaFor(ask.quantity, null),
      description: mistake.id === 'sign-flip' ? text('the sign of the gradient is flipped', '勾配の符号が逆になっています') : null,
    };
  }
  switch (mistake.id) {
    case 'sign-flip': {
      const quantity = 'delta';
      return { quantity, layer: last, index: sameCell(ask, quantity, last, index), formula: spec ? lossGradientText(spec) : catalogue, description: null };
    }
    case 'transposed-gradient': {
      if (mistake.variant === 1) {
        // δ passed back through W instead of Wᵀ: the step that passes it back, into the layer below.
        const layer = mistake.layer !== undefined ? mistake.layer - 1 : own !== null && own < (last ?? 0) ? own : 0;
        return { quantity: 'grad_output', layer, index: sameCell(ask, 'delta', layer, index) ?? sameCell(ask, 'grad_output', layer, index), formula: backpropText(spec), description: null };
      }
      const layer = mistake.layer ?? own ?? last;
      return { quantity: 'grad_weights', layer, index: sameCell(ask, 'grad_weights', layer, index), formula: catalogue, description: null };
    }
    case 'relu-grad-at-zero': {
      const at = kink(ctx, ask, mistake.layer);
      const layer = at?.layer ?? mistake.layer ?? own ?? last;
      return { quantity: 'activation_derivative', layer, index: at?.index ?? null, formula: catalogue, description: null };
    }
    default: {
      const quantity = m.step.quantity;
      const layer = quantity === 'loss' ? null : mistake.layer ?? own ?? last;
      return { quantity, layer, index: sameCell(ask, quantity, layer, index), formula: catalogue, description: null };
    }
  }
}
