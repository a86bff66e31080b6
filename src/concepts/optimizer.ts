// The optimizers a network file can ask for, and one step of each on one parameter array, exactly.
//   sgd:      w ← w − η·g
//   momentum: v ← μ·v − η·g,  w ← w + v                         (velocity v, default zeros)
//   adam:     m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²,
//             m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),  w ← w − η·m̂/(√v̂ + ε)   (Kingma & Ba, bias-corrected)
// The state is per layer, in the file's layout, and goes from one step to the next with the network.
import { ONE, add, div, mul, sqrt, sub, type Value } from '../number/value';
import { powNatural } from '../number/power';
import type { Matrix, Vector } from '../number/vector';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** One layer's state for one kind of moment: a matrix like its weights and a vector like its bias. */
export interface LayerState {
  readonly weights: Matrix;
  readonly bias: Vector;
}

export interface Momentum {
  readonly name: 'momentum';
  /** μ in v ← μ·v − η·g. */
  readonly momentum: Value;
  /** The velocity before this step, one entry per layer. */
  readonly velocity: readonly LayerState[];
}

export interface Adam {
  readonly name: 'adam';
  readonly beta1: Value;
  readonly beta2: Value;
  readonly epsilon: Value;
  /** Steps taken before this one (t − 1). */
  readonly steps: number;
  /** First and second moments before this step, one entry per layer. */
  readonly m: readonly LayerState[];
  readonly v: readonly LayerState[];
}

export type Optimizer = { readonly name: 'sgd' } | Momentum | Adam;

/**
 * The optimizer's state after a step, by the names a worked step and an exercise's ask give it (in the
 * solve JSON: `velocity_after` and `adam` of each layer); a weight's by [row, col] as `weights_after`,
 * a bias's by [unit] as `bias_after`:
 * - velocity_after, velocity_bias_after: momentum's v⁺ = μ·v − η·∂L/∂w;
 * - adam_m_after, adam_m_bias_after: Adam's first moment m⁺ = β₁·m + (1 − β₁)·g;
 * - adam_v_after, adam_v_bias_after: its second moment v⁺ = β₂·v + (1 − β₂)·g²;
 * - adam_m_hat, adam_m_hat_bias, adam_v_hat, adam_v_hat_bias: the bias-corrected m̂ = m⁺/(1 − β₁ᵗ), v̂ = v⁺/(1 − β₂ᵗ).
 */
export const OPTIMIZER_QUANTITIES = [
  'velocity_after',
  'velocity_bias_after',
  'adam_m_after',
  'adam_m_bias_after',
  'adam_v_after',
  'adam_v_bias_after',
  'adam_m_hat',
  'adam_m_hat_bias',
  'adam_v_hat',
  'adam_v_hat_bias',
] as const;
export type OptimizerQuantity = (typeof OPTIMIZER_QUANTITIES)[number];

/** Whether an optimizer-state quantity is a bias's (a vector by unit) rather than a weight's (a matrix). */
export const isBiasState = (q: OptimizerQuantity): boolean => q.includes('_bias');

/** Adam's defaults, as Kingma & Ba and every framework use them. */
export const ADAM_DEFAULTS = { beta1: '0.9', beta2: '0.999', epsilon: '1e-8' } as const;

/** One momentum step of one parameter: the new velocity and the new value. */
export function momentumStep(mu: Value, eta: Value, w: Value, v: Value, g: Value): { v: Value; w: Value } {
  const velocity = sub(mul(mu, v), mul(eta, g));
  return { v: velocity, w: add(w, velocity) };
}

export interface AdamCell {
  readonly m: Value;
  readonly v: Value;
  readonly mHat: Value;
  readonly vHat: Value;
  readonly w: Value;
}

/** 1 − βᵗ, the bias correction of step t. */
export function correction(beta: Value, t: number): Value {
  return sub(ONE, powNatural(beta, BigInt(t)));
}

/** One Adam step (step number t, from 1) of one parameter. */
export function adamStep(adam: Adam, t: number, eta: Value, w: Value, m: Value, v: Value, g: Value): AdamCell {
  const m1 = add(mul(adam.beta1, m), mul(sub(ONE, adam.beta1), g));
  const v1 = add(mul(adam.beta2, v), mul(sub(ONE, adam.beta2), mul(g, g)));
  const mHat = div(m1, correction(adam.beta1, t));
  const vHat = div(v1, correction(adam.beta2, t));
  const after = sub(w, mul(eta, div(mHat, add(sqrt(vHat), adam.epsilon))));
  return { m: m1, v: v1, mHat, vHat, w: after };
}
