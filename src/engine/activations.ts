// Activation functions h and their derivatives h′, one element at a time (softmax is per row): the
// engine's names for what each activation concept defines.
import { activation, softmax, type ActivationName } from '../concepts/activations';
import type { Conventions } from '../concepts/conventions';
import type { Value } from '../number/value';
import type { Vector } from '../number/vector';

export function activate(name: ActivationName, a: Value, alpha: Value | null): Value {
  return activation(name).value(a, alpha);
}

/** h′(a) from a and y = h(a); at a kink the convention decides (see each concept). */
export function derivative(
  name: ActivationName,
  a: Value,
  y: Value,
  alpha: Value | null,
  conventions: Conventions,
): Value {
  return activation(name).derivative(a, y, alpha, conventions);
}

export const softmaxRow = (a: Vector): Value[] => softmax.row(a);
export const softmaxJacobian = (y: Vector, i: number, k: number): Value => softmax.jacobian(y, i, k);
export const softmaxBackward = (y: Vector, g: Vector): Value[] => softmax.backward(y, g);
