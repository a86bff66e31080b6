// Read-only views of a network that the step builders share: weights by (input, unit) whatever the
// file's layout, each layer's input, the batch factor, and the constant in ∂L/∂z.
import { loss } from '../concepts/losses';
import { ONE, mul, ratio, type Value } from '../number/value';
import { layerShape, type Matrix, type NetworkSpec } from '../concepts/network';

/** The forward values a step builder reads: the engine's (before or after the update). */
export interface Pass {
  readonly network: NetworkSpec;
  readonly preactivations: readonly Matrix[];
  readonly outputs: readonly Matrix[];
}

export { weightAt } from '../concepts/network';

/** Inputs and units of layer l. */
export function shapeOf(network: NetworkSpec, l: number): { inputs: number; units: number } {
  return layerShape(network.layout, network.layers[l].weights);
}

/** The matrix entering layer l (rows are samples). */
export function layerInput(pass: Pass, l: number): Matrix {
  return l === 0 ? pass.network.input : pass.outputs[l - 1];
}

/** c in L = c·Σ_n L_n: 1/N for a batch mean, 1 for a sum. */
export function batchFactor(network: NetworkSpec): Value {
  return network.conventions.batch === 'mean' ? ratio(1, network.input.length) : ratio(1);
}

/**
 * The constant k in ∂L/∂z_k = k·(z_k − t_k) (squared errors) or −k·t_k/z_k (cross-entropy),
 * batch factor included: half-sse c, sse 2c, mse 2c/m, cross-entropy c.
 */
export function lossGradientFactor(network: NetworkSpec): Value {
  const k = loss(network.loss).gradientFactor(network.target[0].length);
  const c = batchFactor(network);
  return k === ONE ? c : mul(k, c);
}
