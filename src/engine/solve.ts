// One step of gradient descent on a small network, exactly: forward pass, loss, deltas, gradients,
// the update, and the loss after it. Internally every layer is in the x-w layout (rows are samples,
// A = X·W + b with W[input][unit]); w-x weights are transposed on the way in and out.
//
// Notation (see docs/notation.md): for layer l (0-based), Z^{l-1} is its input (Z^{-1} = X),
// A^l = Z^{l-1}·W^l + b^l its pre-activation, Z^l = h(A^l) its output, Δ^l = ∂L/∂A^l its delta.
import { mul, neg, ratio, sum, sub, sign, type Value } from '../number/value';
import type { LayerSpec, Matrix, NetworkSpec, Vector } from '../network/spec';
import { activate, derivative, softmaxBackward, softmaxRow } from './activations';
import { lossGradient, sampleLoss } from './losses';
import { addRow, hadamard, map, matmul, step, sumRows, transpose } from './matrix';
import {
  crossEntropyGradientWithExtraTerms,
  derivativeOfOutput,
  halfFactor,
  mistakeAt,
  otherBatchFactor,
  softmaxDiagonalBackward,
  type Mistake,
  type MistakeId,
} from './mistakes';

export interface LayerResult {
  /** A^l, one row per sample. */
  readonly preactivation: Matrix;
  /** Z^l = h(A^l), one row per sample. */
  readonly output: Matrix;
  /** ∂L/∂Z^l, the gradient arriving at the layer's output. */
  readonly gradOutput: Matrix;
  /** h′(A^l) element-wise (null for softmax, whose derivative is a Jacobian). */
  readonly activationDerivative: Matrix | null;
  /** Δ^l = ∂L/∂A^l. */
  readonly delta: Matrix;
  /** ∂L/∂W^l in the file's layout. */
  readonly gradWeights: Matrix;
  /** ∂L/∂b^l = Σ over samples of Δ^l. */
  readonly gradBias: Vector;
  /** prelu only: ∂L/∂α = Σ ∂L/∂z · a over a ≤ 0. */
  readonly gradAlpha: Value | null;
  readonly weightsAfter: Matrix;
  readonly biasAfter: Vector;
  readonly alphaAfter: Value | null;
}

export interface Solution {
  readonly network: NetworkSpec;
  /** Per-sample losses before the update. */
  readonly sampleLosses: Vector;
  readonly loss: Value;
  readonly layers: readonly LayerResult[];
  /** The network with every parameter updated once. */
  readonly updated: NetworkSpec;
  readonly sampleLossesAfter: Vector;
  readonly lossAfter: Value;
}

export interface SolveOptions {
  /**
   * Outputs stated in an exercise instead of computed ("the hidden outputs are 0.6 and 0.8"), by
   * layer index: they replace h(A^l) in the forward pass and in h′ (sigmoid′ = y(1 − y) from the
   * given y), so a sigmoid network's backward pass stays exact. loss_after is still computed
   * from the real activations of the updated network.
   */
  readonly givenOutputs?: ReadonlyMap<number, Matrix>;
  /**
   * Make a deliberate mistake (see src/engine/mistakes.ts and src/grader/misconceptions.ts): the
   * grader recomputes what a student making it would get. Default: none.
   */
  readonly mistake?: MistakeId | Mistake;
  /** Sees every intermediate result as it is computed; default keeps them all (see Intermediate). */
  readonly intermediate?: Intermediate;
}

/** The intermediate results of a solve, named as in the solve JSON where they appear there. */
export type Quantity =
  | 'preactivation'
  | 'output'
  | 'loss'
  | 'grad_output'
  | 'activation_derivative'
  | 'delta'
  | 'grad_weights'
  | 'grad_bias'
  | 'grad_alpha'
  | 'weights_after'
  | 'bias_after'
  | 'alpha_after'
  | 'preactivation_after'
  | 'output_after'
  | 'loss_after';

/**
 * Called with each intermediate result as it is computed (vectors as one row, scalars as [[v]],
 * layer −1 for losses) in computation order; the matrix it returns is used from then on. The grader
 * uses it to round as a student does by hand, or to carry on from a student's own values.
 */
export type Intermediate = (quantity: Quantity, layer: number, value: Matrix) => Matrix;

const keepAll: Intermediate = (_quantity, _layer, value) => value;

export interface ForwardOptions {
  readonly mistake?: Mistake | null;
  readonly intermediate?: Intermediate;
  /** The pass after the update: reports preactivation_after, output_after, loss_after. */
  readonly after?: boolean;
}

interface ForwardPass {
  readonly preactivations: Matrix[];
  readonly outputs: Matrix[];
  readonly sampleLosses: Value[];
  readonly loss: Value;
}

/** Weights as W[input][unit], whatever the file's layout. */
function weightsXW(network: NetworkSpec, layer: LayerSpec): Matrix {
  return network.layout === 'x-w' ? layer.weights : transpose(layer.weights);
}

function applyActivation(layer: LayerSpec, a: Matrix): Matrix {
  if (layer.activation === 'softmax') return a.map(softmaxRow);
  return map(a, (x) => activate(layer.activation, x, layer.alpha));
}

/** The batch factor c in L = c·Σ_s L_s: 1/N for a mean, 1 for a sum. */
function batchFactor(network: NetworkSpec, mistake: Mistake | null = null): Value {
  const c = network.conventions.batch === 'mean' ? ratio(1, network.input.length) : ratio(1);
  if (mistake?.id === 'batch-sum-vs-mean') return otherBatchFactor(network);
  if (mistake?.id === 'half-factor') return mul(c, halfFactor(network.loss, mistake.variant));
  return c;
}

export function forward(network: NetworkSpec, givenOutputs?: ReadonlyMap<number, Matrix>, options: ForwardOptions = {}): ForwardPass {
  const keep = options.intermediate ?? keepAll;
  const after = options.after === true;
  const preactivations: Matrix[] = [];
  const outputs: Matrix[] = [];
  let z: Matrix = network.input;
  for (const [l, layer] of network.layers.entries()) {
    const a = keep(after ? 'preactivation_after' : 'preactivation', l, addRow(matmul(z, weightsXW(network, layer)), layer.bias));
    z = keep(after ? 'output_after' : 'output', l, givenOutputs?.get(l) ?? applyActivation(layer, a));
    preactivations.push(a);
    outputs.push(z);
  }
  const sampleLosses = z.map((y, s) => sampleLoss(network.loss, y, network.target[s]));
  const loss = keep(after ? 'loss_after' : 'loss', -1, [[mul(batchFactor(network, options.mistake), sum(sampleLosses))]])[0][0];
  return { preactivations, outputs, sampleLosses, loss };
}

/** c·∂L_s/∂y for one sample (c·(t − y) instead under sign-flip). */
function outputGradient(network: NetworkSpec, y: Vector, s: number, c: Value, mistake: Mistake | null): Value[] {
  const t = network.target[s];
  const g = mistake?.id === 'ce-extra-terms' && network.loss === 'cross-entropy' ? crossEntropyGradientWithExtraTerms(y, t) : lossGradient(network.loss, y, t);
  return g.map((v) => (mistake?.id === 'sign-flip' ? neg(mul(c, v)) : mul(c, v)));
}

/** The step size η (−η under wrong-update-sign, 1 under forgot-learning-rate). */
function stepSize(network: NetworkSpec, l: number, mistake: Mistake | null): Value {
  if (mistakeAt(mistake, 'wrong-update-sign', l)) return neg(network.learningRate);
  if (mistakeAt(mistake, 'forgot-learning-rate', l)) return ratio(1);
  return network.learningRate;
}

/** W^lᵀ (x-w), by which Δ^l passes back to the layer below; the mistakes use W^l itself or the updated W^l. */
function backpropWeights(network: NetworkSpec, l: number, weightsAfter: Matrix, mistake: Mistake | null): Matrix {
  const layer = network.layers[l];
  const w = mistakeAt(mistake, 'updated-weights-in-backprop', l) ? weightsXW(network, { ...layer, weights: weightsAfter }) : weightsXW(network, layer);
  const square = w.length === w[0].length;
  if (square && mistakeAt(mistake, 'transposed-gradient', l) && mistake?.variant === 1) return w;
  return transpose(w);
}

/** Δ = ∂L/∂A of layer l from the gradient at its output G = ∂L/∂Z. */
function layerDelta(network: NetworkSpec, l: number, a: Matrix, y: Matrix, g: Matrix, mistake: Mistake | null, keep: Intermediate) {
  const layer = network.layers[l];
  const isLast = l === network.layers.length - 1;
  if (layer.activation === 'softmax') {
    if (mistakeAt(mistake, 'softmax-diagonal-only', l)) return { delta: y.map((row, s) => softmaxDiagonalBackward(row, g[s])), activationDerivative: null };
    if (mistakeAt(mistake, 'missing-activation-derivative', l)) return { delta: g, activationDerivative: null };
    if (isLast && network.loss === 'cross-entropy' && mistake?.id !== 'ce-extra-terms') {
      // softmax + cross-entropy: δ = c·(y − t), the well-known simplification (exact, no ln or 1/y).
      const c = batchFactor(network, mistake);
      const delta = map(y, (yk, s, k) => mul(c, sub(yk, network.target[s][k])));
      return { delta: mistake?.id === 'sign-flip' ? map(delta, neg) : delta, activationDerivative: null };
    }
    return { delta: y.map((row, s) => softmaxBackward(row, g[s])), activationDerivative: null };
  }
  const conventions = mistakeAt(mistake, 'relu-grad-at-zero', l)
    ? { ...network.conventions, reluGradAtZero: network.conventions.reluGradAtZero === 1 ? (0 as const) : (1 as const) }
    : network.conventions;
  const ofOutput = mistakeAt(mistake, 'sigmoid-derivative-of-output', l);
  const h = keep('activation_derivative', l, map(a, (x, s, k) =>
    (ofOutput ? derivativeOfOutput(layer.activation, y[s][k]) : null) ?? derivative(layer.activation, x, y[s][k], layer.alpha, conventions),
  ));
  if (mistakeAt(mistake, 'missing-activation-derivative', l)) return { delta: g, activationDerivative: h };
  return { delta: hadamard(g, h), activationDerivative: h };
}

export function solve(network: NetworkSpec, options: SolveOptions = {}): Solution {
  const mistake: Mistake | null = typeof options.mistake === 'string' ? { id: options.mistake } : options.mistake ?? null;
  const keep = options.intermediate ?? keepAll;
  const pass = forward(network, options.givenOutputs, { mistake, intermediate: keep });
  const count = network.layers.length;
  const c = batchFactor(network, mistake);
  const results: LayerResult[] = new Array(count);

  // ∂L/∂Y at the output: c·∂L_s/∂y per sample.
  let g: Matrix = pass.outputs[count - 1].map((y, s) => outputGradient(network, y, s, c, mistake));

  for (let l = count - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const a = pass.preactivations[l];
    const y = pass.outputs[l];
    g = keep('grad_output', l, g);
    const { delta: layerDeltaValue, activationDerivative } = layerDelta(network, l, a, y, g, mistake, keep);
    const delta = keep('delta', l, layerDeltaValue);
    const input = l === 0 ? network.input : mistakeAt(mistake, 'preactivation-as-input', l) ? pass.preactivations[l - 1] : pass.outputs[l - 1];

    // ∂L/∂W = Z^{l−1}ᵀ·Δ (x-w); its transpose Δᵀ·Z^{l−1} in the w-x layout.
    const gradXW = matmul(transpose(input), delta);
    const transposedGradient = mistakeAt(mistake, 'transposed-gradient', l) && (mistake?.variant ?? 0) === 0;
    const gradInLayout = network.layout === 'x-w' ? gradXW : transpose(gradXW);
    const gradWeights = keep('grad_weights', l, transposedGradient ? transpose(gradInLayout) : gradInLayout);
    const gradBias = keep('grad_bias', l, [
      mistakeAt(mistake, 'bias-not-summed', l) ? delta[mistake?.variant ?? 0] ?? sumRows(delta) : sumRows(delta),
    ])[0];

    let gradAlpha: Value | null = null;
    if (layer.activation === 'prelu') {
      const terms: Value[] = [];
      a.forEach((row, s) => row.forEach((x, k) => {
        if (sign(x) <= 0) terms.push(mul(g[s][k], x));
      }));
      gradAlpha = keep('grad_alpha', l, [[sum(terms)]])[0][0];
    }

    const eta = stepSize(network, l, mistake);
    // A transposed ∂L/∂W can only be subtracted from a square W; otherwise the step uses the right one.
    const update = transposedGradient && gradWeights.length !== layer.weights.length ? transpose(gradWeights) : gradWeights;
    results[l] = {
      preactivation: a,
      output: y,
      gradOutput: g,
      activationDerivative,
      delta,
      gradWeights,
      gradBias,
      gradAlpha,
      weightsAfter: keep('weights_after', l, step(layer.weights, eta, update)),
      biasAfter: keep('bias_after', l, [network.updateBiases ? step([layer.bias], eta, [gradBias])[0] : layer.bias])[0],
      alphaAfter: gradAlpha === null ? layer.alpha : keep('alpha_after', l, [[sub(layer.alpha!, mul(eta, gradAlpha))]])[0][0],
    };

    // Hidden deltas use the weights *before* the update: ∂L/∂Z^{l−1} = Δ^l·W^lᵀ.
    if (l > 0) g = matmul(delta, backpropWeights(network, l, results[l].weightsAfter, mistake));
  }

  const updated: NetworkSpec = {
    ...network,
    layers: network.layers.map((layer, l) => ({
      ...layer,
      weights: results[l].weightsAfter,
      bias: results[l].biasAfter,
      alpha: results[l].alphaAfter,
    })),
  };
  const after = forward(updated, undefined, { mistake, intermediate: keep, after: true });
  return {
    network,
    sampleLosses: pass.sampleLosses,
    loss: pass.loss,
    layers: results,
    updated,
    sampleLossesAfter: after.sampleLosses,
    lossAfter: after.loss,
  };
}

