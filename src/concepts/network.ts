// A network as every part sees it: plain typed data after validation, numbers as exact Values.
import type { Value } from '../number/value';

/** x-w: a = x·W + b, W[input][unit] (DLfS, lecture deck); w-x: a = W·x + b, W[unit][input] (E資格 notes). */
export type Layout = 'x-w' | 'w-x';

import type { ActivationName } from './activations';
import type { LossName } from './losses';
import type { Conventions } from './conventions';
import type { Regularization } from './regularization';
import type { Optimizer } from './optimizer';

export type { Regularization, RegularizationScale } from './regularization';

export { ACTIVATIONS, type ActivationName } from './activations';
export { LOSSES, type LossName } from './losses';
export { DEFAULT_CONVENTIONS, type Conventions } from './conventions';
export { REGULARIZATION_SCALES } from './regularization';

import type { Matrix, Vector } from '../number/vector';

export type { Matrix, Vector } from '../number/vector';

export interface LayerSpec {
  /** In the file's layout: W[input][unit] for x-w, W[unit][input] for w-x. */
  readonly weights: Matrix;
  /** One per unit; with `sharedBias` every entry is the one shared bias. */
  readonly bias: Vector;
  /** One bias shared by every unit of the layer (Mazur's b₁): its gradient is Σ over units and samples of δ. */
  readonly sharedBias?: boolean;
  readonly activation: ActivationName;
  /** Slope for a < 0: leaky-relu (default 1/100) and prelu (learnable, default 1/4); null otherwise. */
  readonly alpha: Value | null;
}

export interface NetworkSpec {
  readonly layout: Layout;
  readonly layers: readonly LayerSpec[];
  readonly loss: LossName;
  /** One row per sample. */
  readonly input: Matrix;
  readonly target: Matrix;
  readonly learningRate: Value;
  readonly updateBiases: boolean;
  readonly conventions: Conventions;
  /** Gradient-descent steps (default 1). */
  readonly steps?: number;
  /** Rows of `input` per step, in file order, a mini-batch each; absent: the whole batch every step. */
  readonly batchSize?: number;
  /** L2 weight decay added to the loss; absent: none. */
  readonly regularization?: Regularization;
  /** momentum or adam, with their state before this step; absent: plain gradient descent. */
  readonly optimizer?: Optimizer;
}

/** Most steps a network file may ask for: enough for any walkthrough, small enough to stay instant. */
export const MAX_STEPS = 1000;

/** Units of a layer (its output width) and inputs to it, whatever the layout. */
export function layerShape(layout: Layout, weights: Matrix): { inputs: number; units: number } {
  const rows = weights.length;
  const cols = rows > 0 ? weights[0].length : 0;
  return layout === 'x-w' ? { inputs: rows, units: cols } : { inputs: cols, units: rows };
}

/** Weight from input i to unit j of layer l, whatever the layout. */
export function weightAt(network: NetworkSpec, l: number, i: number, j: number): Value {
  const w = network.layers[l].weights;
  return network.layout === 'x-w' ? w[i][j] : w[j][i];
}
