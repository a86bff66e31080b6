// L2 regularization (weight decay): a penalty on the weights, never the biases, added to the loss.
// scale "1/2": R = (λ/2)·Σw², so ∂R/∂w = λ·w; scale "1/(2N)" (Coursera's ML course, N samples in the
// batch): R = (λ/2N)·Σw², so ∂R/∂w = (λ/N)·w.
import { div, dot, mul, ratio, sum, type Value } from '../number/value';
import type { Matrix } from '../number/vector';

export const REGULARIZATION_SCALES = ['1/2', '1/(2N)'] as const;
export type RegularizationScale = (typeof REGULARIZATION_SCALES)[number];

export interface Regularization {
  /** λ ≥ 0. */
  readonly l2: Value;
  readonly scale: RegularizationScale;
}

/** The coefficient k in ∂R/∂w = k·w: λ, or λ/N for a batch of N samples. */
export function penaltySlope(reg: Regularization, samples: number): Value {
  return reg.scale === '1/2' ? reg.l2 : div(reg.l2, ratio(samples));
}

/** The factor in front of Σw²: λ/2, or λ/(2N). */
export function penaltyFactor(reg: Regularization, samples: number): Value {
  return mul(ratio(1, 2), penaltySlope(reg, samples));
}

/** Σ over the entries of a weight matrix of w². */
export function sumOfSquares(weights: Matrix): Value {
  return sum(weights.map((row) => dot(row, row)));
}

/** R = factor·Σ over every layer's weights of w². */
export function penalty(reg: Regularization, samples: number, weights: readonly Matrix[]): Value {
  return mul(penaltyFactor(reg, samples), sum(weights.map(sumOfSquares)));
}
