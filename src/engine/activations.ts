// Activation functions h and their derivatives h′, one element at a time (softmax is per row).
// The derivative gets both the pre-activation a and the output y = h(a), so sigmoid′ = y(1 − y) and
// tanh′ = 1 − y² are computed from y exactly as students do by hand.
import { div, exp, mul, neg, ratio, sigmoid, sign, sub, sum, tanh, compare, max, ONE, ZERO, type Value } from '../number/value';
import type { ActivationName, Conventions, Vector } from '../network/spec';

const SIX = ratio(6);

export function activate(name: ActivationName, a: Value, alpha: Value | null): Value {
  switch (name) {
    case 'identity':
      return a;
    case 'sigmoid':
      return sigmoid(a);
    case 'tanh':
      return tanh(a);
    case 'relu':
      return sign(a) > 0 ? a : ZERO;
    case 'leaky-relu':
    case 'prelu':
      return sign(a) > 0 ? a : mul(alpha!, a);
    case 'relu6':
      return sign(a) <= 0 ? ZERO : compare(a, SIX) >= 0 ? SIX : a;
    case 'softmax':
      throw new Error('softmax is applied to a whole row: use softmaxRow');
  }
}

/**
 * h′(a). At a kink the convention decides: relu_grad_at_zero 0 takes the left derivative
 * (relu 0, leaky/prelu alpha, relu6 0), 1 the right one (1). ReLU6′ is 0 at a = 6 and above
 * (as in PyTorch and TensorFlow).
 */
export function derivative(name: ActivationName, a: Value, y: Value, alpha: Value | null, conventions: Conventions): Value {
  const s = sign(a);
  const atZeroRight = conventions.reluGradAtZero === 1;
  switch (name) {
    case 'identity':
      return ONE;
    case 'sigmoid':
      return mul(y, sub(ONE, y));
    case 'tanh':
      return sub(ONE, mul(y, y));
    case 'relu':
      return s > 0 || (s === 0 && atZeroRight) ? ONE : ZERO;
    case 'leaky-relu':
    case 'prelu':
      return s > 0 || (s === 0 && atZeroRight) ? ONE : alpha!;
    case 'relu6':
      if (compare(a, SIX) >= 0) return ZERO;
      return s > 0 || (s === 0 && atZeroRight) ? ONE : ZERO;
    case 'softmax':
      throw new Error('softmax has a Jacobian, not an element-wise derivative');
  }
}

/** softmax(a)_k = exp(a_k − m) / Σ_i exp(a_i − m) with m = max a (the overflow trick; same value). */
export function softmaxRow(a: Vector): Value[] {
  const m = a.reduce(max);
  const e = a.map((x) => exp(sub(x, m)));
  const total = sum(e);
  return e.map((x) => div(x, total));
}

/** ∂y_i/∂a_k = y_i(δ_ik − y_k), the softmax Jacobian. */
export function softmaxJacobian(y: Vector, i: number, k: number): Value {
  return mul(y[i], sub(i === k ? ONE : ZERO, y[k]));
}

/** The delta through softmax for an upstream gradient g = ∂L/∂y: δ_k = Σ_i g_i y_i(δ_ik − y_k) = y_k(g_k − Σ_i g_i y_i). */
export function softmaxBackward(y: Vector, g: Vector): Value[] {
  const weighted = sum(g.map((gi, i) => mul(gi, y[i])));
  return y.map((yk, k) => mul(yk, sub(g[k], weighted)));
}

