// Deliberate mistakes ("buggy rules") the engine can make on request, so that the grader can
// recompute what a student who makes that mistake would get and recognise it in a wrong answer.
// The catalogue with descriptions and feedback lives in src/grader/misconceptions.ts; this file
// holds only the arithmetic that differs from the correct rule. The correct path never calls it.
import { add, div, mul, neg, ratio, sigmoid, sub, sum, tanh, ONE, type Value } from '../number/value';
import type { ActivationName, LossName, NetworkSpec, Vector } from '../network/spec';

export const MISTAKE_IDS = [
  'sign-flip',
  'missing-activation-derivative',
  'sigmoid-derivative-of-output',
  'transposed-gradient',
  'half-factor',
  'wrong-update-sign',
  'forgot-learning-rate',
  'updated-weights-in-backprop',
  'batch-sum-vs-mean',
  'relu-grad-at-zero',
  'softmax-diagonal-only',
  'ce-extra-terms',
  'preactivation-as-input',
  'bias-not-summed',
] as const;

export type MistakeId = (typeof MISTAKE_IDS)[number];

export interface Mistake {
  readonly id: MistakeId;
  /** Make a layer-local mistake in this layer only (default: in every layer). */
  readonly layer?: number;
  /**
   * For a mistake that can be made in more than one way:
   * half-factor 0 = the usual slip for the loss (½ dropped from half-sse, ½ added to sse/mse), 1 = the other way;
   * transposed-gradient 0 = ∂L/∂W given transposed, 1 = W instead of Wᵀ when passing the delta back;
   * bias-not-summed: the sample whose delta row is taken as ∂L/∂b.
   */
  readonly variant?: number;
}

export function isMistakeId(text: string): text is MistakeId {
  return (MISTAKE_IDS as readonly string[]).includes(text);
}

/** True when the mistake is made in layer l. */
export function mistakeAt(mistake: Mistake | null, id: MistakeId, l: number): boolean {
  return mistake !== null && mistake.id === id && (mistake.layer === undefined || mistake.layer === l);
}

/** The factor half-factor puts on the loss and its gradient. */
export function halfFactor(loss: LossName, variant = 0): Value {
  const natural = loss === 'half-sse' ? ratio(2) : ratio(1, 2);
  if (loss === 'cross-entropy') return ONE;
  return variant === 0 ? natural : div(ONE, natural);
}

/** The batch factor of the other convention: 1 for a mean, 1/N for a sum. */
export function otherBatchFactor(network: NetworkSpec): Value {
  return network.conventions.batch === 'mean' ? ONE : ratio(1, network.input.length);
}

/**
 * The lecture deck's mistaken cross-entropy derivative: ∂L/∂y_j = −t_j/y_j + Σ_{i≠j} t_i/y_i
 * (the correct one is −t_j/y_j).
 */
export function crossEntropyGradientWithExtraTerms(y: Vector, t: Vector): Value[] {
  const ratios = y.map((yi, i) => div(t[i], yi));
  const total = sum(ratios);
  return ratios.map((r) => add(neg(r), sub(total, r)));
}

/** The lecture deck's mistaken softmax derivative: only the diagonal y_k(1 − y_k) of the Jacobian. */
export function softmaxDiagonalBackward(y: Vector, g: Vector): Value[] {
  return y.map((yk, k) => mul(g[k], mul(yk, sub(ONE, yk))));
}

/** h′ applied to the output y instead of the pre-activation: σ(y)(1 − σ(y)), 1 − tanh²(y). */
export function derivativeOfOutput(name: ActivationName, y: Value): Value | null {
  if (name === 'sigmoid') {
    const s = sigmoid(y);
    return mul(s, sub(ONE, s));
  }
  if (name === 'tanh') {
    const t = tanh(y);
    return sub(ONE, mul(t, t));
  }
  return null;
}
