// Loss functions per sample and their gradient ∂L/∂y: the engine's names for what each loss concept
// defines. The batch factor (1/N for a mean) is applied by the caller.
import { loss, type LossName } from '../concepts/losses';
import type { Value } from '../number/value';
import type { Vector } from '../number/vector';

export function sampleLoss(name: LossName, y: Vector, t: Vector): Value {
  return loss(name).sampleLoss(y, t);
}

/** Each output unit's term of the loss for one sample (they add up to sampleLoss). */
export function unitLosses(name: LossName, y: Vector, t: Vector): Value[] {
  return loss(name).unitLosses(y, t);
}

/** ∂L/∂y_k for one sample. */
export function lossGradient(name: LossName, y: Vector, t: Vector): Value[] {
  return loss(name).gradient(y, t);
}
