// One step of gradient descent on a small network, exactly: forward pass, loss, deltas, gradients,
// the update, and the loss after it. Internally every layer is in the x-w layout (rows are samples,
// A = X·W + b with W[input][unit]); w-x weights are transposed on the way in and out.
//
// Notation (see docs/notation.md): for layer l (0-based), Z^{l-1} is its input (Z^{-1} = X),
// A^l = Z^{l-1}·W^l + b^l its pre-activation, Z^l = h(A^l) its output, Δ^l = ∂L/∂A^l its delta.
import { div, mul, ratio, sum, sub, sign, ZERO, type Value } from '../number/value';
import type { LayerSpec, Matrix, NetworkSpec, Vector } from '../network/spec';
import { activate, derivative, softmaxBackward, softmaxRow } from './activations';
import { lossGradient, sampleLoss } from './losses';
import { addRow, hadamard, map, matmul, step, sumRows, transpose } from './matrix';

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
function batchFactor(network: NetworkSpec): Value {
  return network.conventions.batch === 'mean' ? ratio(1, network.input.length) : ratio(1);
}

export function forward(network: NetworkSpec, givenOutputs?: ReadonlyMap<number, Matrix>): ForwardPass {
  const preactivations: Matrix[] = [];
  const outputs: Matrix[] = [];
  let z: Matrix = network.input;
  for (const [l, layer] of network.layers.entries()) {
    const a = addRow(matmul(z, weightsXW(network, layer)), layer.bias);
    z = givenOutputs?.get(l) ?? applyActivation(layer, a);
    preactivations.push(a);
    outputs.push(z);
  }
  const sampleLosses = z.map((y, s) => sampleLoss(network.loss, y, network.target[s]));
  const loss = mul(batchFactor(network), sum(sampleLosses));
  return { preactivations, outputs, sampleLosses, loss };
}

/** Δ = ∂L/∂A of one layer from the gradient at its output G = ∂L/∂Z. */
function layerDelta(network: NetworkSpec, layer: LayerSpec, a: Matrix, y: Matrix, g: Matrix, isLast: boolean) {
  if (layer.activation === 'softmax') {
    if (isLast && network.loss === 'cross-entropy') {
      // softmax + cross-entropy: δ = c·(y − t), the well-known simplification (exact, no ln or 1/y).
      const c = batchFactor(network);
      return { delta: map(y, (yk, s, k) => mul(c, sub(yk, network.target[s][k]))), activationDerivative: null };
    }
    return { delta: y.map((row, s) => softmaxBackward(row, g[s])), activationDerivative: null };
  }
  const h = map(a, (x, s, k) => derivative(layer.activation, x, y[s][k], layer.alpha, network.conventions));
  return { delta: hadamard(g, h), activationDerivative: h };
}

export function solve(network: NetworkSpec, options: SolveOptions = {}): Solution {
  const pass = forward(network, options.givenOutputs);
  const count = network.layers.length;
  const c = batchFactor(network);
  const results: LayerResult[] = new Array(count);
  const eta = network.learningRate;

  // ∂L/∂Y at the output: c·∂L_s/∂y per sample.
  let g: Matrix = pass.outputs[count - 1].map((y, s) =>
    lossGradient(network.loss, y, network.target[s]).map((v) => mul(c, v)),
  );

  for (let l = count - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const a = pass.preactivations[l];
    const y = pass.outputs[l];
    const { delta, activationDerivative } = layerDelta(network, layer, a, y, g, l === count - 1);
    const input = l === 0 ? network.input : pass.outputs[l - 1];

    // ∂L/∂W = Z^{l−1}ᵀ·Δ (x-w); its transpose Δᵀ·Z^{l−1} in the w-x layout.
    const gradXW = matmul(transpose(input), delta);
    const gradWeights = network.layout === 'x-w' ? gradXW : transpose(gradXW);
    const gradBias = sumRows(delta);

    let gradAlpha: Value | null = null;
    if (layer.activation === 'prelu') {
      const terms: Value[] = [];
      a.forEach((row, s) => row.forEach((x, k) => {
        if (sign(x) <= 0) terms.push(mul(g[s][k], x));
      }));
      gradAlpha = sum(terms);
    }

    results[l] = {
      preactivation: a,
      output: y,
      gradOutput: g,
      activationDerivative,
      delta,
      gradWeights,
      gradBias,
      gradAlpha,
      weightsAfter: step(layer.weights, eta, gradWeights),
      biasAfter: network.updateBiases ? step([layer.bias], eta, [gradBias])[0] : layer.bias,
      alphaAfter: gradAlpha === null ? layer.alpha : sub(layer.alpha!, mul(eta, gradAlpha)),
    };

    // Hidden deltas use the weights *before* the update: ∂L/∂Z^{l−1} = Δ^l·W^lᵀ.
    if (l > 0) g = matmul(delta, transpose(weightsXW(network, layer)));
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
  const after = forward(updated);
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

