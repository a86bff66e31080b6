// Loss functions per sample and their gradient ∂L/∂y. The batch factor (1/N for a mean) is applied
// by the caller, so these are the formulas for one sample exactly as the seeds write them.
import { div, ln, mul, neg, ratio, sub, sum, type Value } from '../number/value';
import type { LossName, Vector } from '../network/spec';

const HALF = ratio(1, 2);
const TWO = ratio(2);

/** L for one sample: half-sse ½Σ(y−t)², sse Σ(y−t)², mse (1/n)Σ(y−t)², cross-entropy −Σ t·ln y. */
export function sampleLoss(name: LossName, y: Vector, t: Vector): Value {
  switch (name) {
    case 'half-sse':
      return mul(HALF, sumOfSquares(y, t));
    case 'sse':
      return sumOfSquares(y, t);
    case 'mse':
      return div(sumOfSquares(y, t), ratio(y.length));
    case 'cross-entropy':
      // A zero target contributes 0·ln y = 0 exactly.
      return neg(sum(y.map((yk, k) => (t[k].kind === 'rational' && t[k].q.n === 0n ? t[k] : mul(t[k], ln(yk))))));
  }
}

function sumOfSquares(y: Vector, t: Vector): Value {
  return sum(y.map((yk, k) => {
    const e = sub(yk, t[k]);
    return mul(e, e);
  }));
}

/** ∂L/∂y_k for one sample. */
export function lossGradient(name: LossName, y: Vector, t: Vector): Value[] {
  switch (name) {
    case 'half-sse':
      return y.map((yk, k) => sub(yk, t[k]));
    case 'sse':
      return y.map((yk, k) => mul(TWO, sub(yk, t[k])));
    case 'mse':
      return y.map((yk, k) => mul(div(TWO, ratio(y.length)), sub(yk, t[k])));
    case 'cross-entropy':
      return y.map((yk, k) => neg(div(t[k], yk)));
  }
}
