// The hints of an optimizer's step: momentum's velocity, Adam's moments, their bias-corrected forms and
// the parameter after an Adam step, each as its formula and then with this exercise's numbers (the
// state before the step from the network, the state after it from the engine's solution).
import { isBiasState, type LayerState, OPTIMIZER_QUANTITIES, type OptimizerQuantity } from '../concepts/optimizer';
import type { Value } from '../number/value';
import { show, showSmall } from './show';
import type { NetworkContext } from './template';
import { t } from './text';
import type { Lang, NetworkAsk } from './types';

/** A value as an operand: negative numbers in parentheses. */
function op(v: Value): string {
  const s = show(v);
  return s.startsWith('-') ? `(${s})` : s;
}

const STATE_QUANTITIES: ReadonlySet<string> = new Set<string>(OPTIMIZER_QUANTITIES);

/** [formula, formula with numbers] of an optimizer-state ask, or of an Adam step's parameter; else null. */
export function optimizerHints(ctx: NetworkContext, ask: NetworkAsk, lang: Lang): [string, string] | null {
  const { spec, solution } = ctx;
  const o = spec.optimizer;
  const q = ask.quantity;
  const adamParam = o?.name === 'adam' && (q === 'weights_after' || q === 'bias_after');
  if (!STATE_QUANTITIES.has(q) && !adamParam) return null;
  const l = ask.layer ?? 0;
  const layer = solution.layers[l];
  const bias = q === 'bias_after' || (!adamParam && isBiasState(q as OptimizerQuantity));
  const whole = ask.index === undefined || ask.index.length === 0;
  const [r, c] = whole ? [0, 0] : bias ? [ask.index![0], 0] : ask.index!;
  const example = whole ? t('For example, the first entry: ', '例えば最初の要素: ')[lang] : '';
  const pick = (s: LayerState): Value => (bias ? s.bias[r] : s.weights[r][c]);
  // A gradient written in the other layout (a transposed ∂L/∂W) is read at the weight's own cell.
  const sameLayout = layer.gradWeights.length === spec.layers[l].weights.length;
  const g = bias ? layer.gradBias[r] : sameLayout ? layer.gradWeights[r][c] : layer.gradWeights[c][r];
  const p = bias ? '∂L/∂b' : '∂L/∂w';
  const eta = op(spec.learningRate);
  const state = layer.optimizer;
  if (o?.name === 'momentum' && state?.name === 'momentum') {
    return [`v′ = μ·v − η·${p}`, `${example}v′ = ${op(o.momentum)} × ${op(pick(o.velocity[l]))} − ${eta} × ${op(g)}`];
  }
  if (o?.name !== 'adam' || state?.name !== 'adam') return null;
  const b1 = op(o.beta1);
  const b2 = op(o.beta2);
  const tt = state.t;
  const stepNote = t(`(step t = ${tt})`, `（ステップ t = ${tt}）`)[lang];
  switch (q) {
    case 'adam_m_after':
    case 'adam_m_bias_after':
      return [`m′ = β₁·m + (1 − β₁)·${p}`, `${example}m′ = ${b1} × ${op(pick(o.m[l]))} + (1 − ${b1}) × ${op(g)}`];
    case 'adam_v_after':
    case 'adam_v_bias_after':
      return [`v′ = β₂·v + (1 − β₂)·(${p})²`, `${example}v′ = ${b2} × ${op(pick(o.v[l]))} + (1 − ${b2}) × ${op(g)}²`];
    case 'adam_m_hat':
    case 'adam_m_hat_bias':
      return [`m̂ = m′/(1 − β₁ᵗ) ${stepNote}`, `${example}m̂ = ${op(pick(state.m))} / (1 − ${b1}^${tt})`];
    case 'adam_v_hat':
    case 'adam_v_hat_bias':
      return [`v̂ = v′/(1 − β₂ᵗ) ${stepNote}`, `${example}v̂ = ${op(pick(state.v))} / (1 − ${b2}^${tt})`];
    default: {
      const w = bias ? spec.layers[l].bias[r] : spec.layers[l].weights[r][c];
      const name = bias ? 'b' : 'w';
      return [
        `${name}′ = ${name} − η·m̂/(√v̂ + ε), m̂ = m′/(1 − β₁ᵗ), v̂ = v′/(1 − β₂ᵗ) ${stepNote}`,
        `${example}${name}′ = ${show(w)} − ${eta} × ${op(pick(state.mHat))} / (√${op(pick(state.vHat))} + ${showSmall(o.epsilon)})  (${p} = ${show(g)})`,
      ];
    }
  }
}
