// One step of gradient descent on a small network, exactly: forward pass, loss, deltas, gradients,
// the update, and the loss after it. Internally every layer is in the x-w layout (rows are samples,
// A = X·W + b with W[input][unit]); w-x weights are transposed on the way in and out.
//
// Notation (see docs/notation.md): for layer l (0-based), Z^{l-1} is its input (Z^{-1} = X),
// A^l = Z^{l-1}·W^l + b^l its pre-activation, Z^l = h(A^l) its output, Δ^l = ∂L/∂A^l its delta.
//
// Each step a student can get wrong is a rule (src/concepts/rules.ts), correct unless the caller
// overrides it (a misconception, src/concepts/misconceptions/): this file is the correct computation.
import type { Rules } from '../concepts/rules';
import { add, mul, sum, sub, sign, type Value } from '../number/value';
import { penalty } from '../concepts/regularization';
import type { AdamCell, LayerState, Optimizer } from '../concepts/optimizer';
import type { LayerSpec, Matrix, NetworkSpec, Vector } from '../concepts/network';
import { activate, softmaxRow } from './activations';
import { unitLosses } from './losses';
import { addRow, map, matmul, step, transpose } from './matrix';
import { correctRules } from './rules';

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
  /** The optimizer's state after this step (momentum's velocity, Adam's moments); null for sgd. */
  readonly optimizer: LayerOptimizerResult | null;
}

export type LayerOptimizerResult =
  | { readonly name: 'momentum'; readonly velocity: LayerState }
  | {
      readonly name: 'adam';
      /** The step number t (from 1) of the bias correction. */
      readonly t: number;
      readonly m: LayerState;
      readonly v: LayerState;
      readonly mHat: LayerState;
      readonly vHat: LayerState;
    };

export interface Solution {
  readonly network: NetworkSpec;
  /** Per-sample losses before the update. */
  readonly sampleLosses: Vector;
  /** Each output unit's term of each sample's loss, [sample][unit], before any batch mean. */
  readonly unitLosses: Matrix;
  /** The L2 penalty R included in `loss`; null without regularization. */
  readonly regularization: Value | null;
  readonly loss: Value;
  readonly layers: readonly LayerResult[];
  /** The network with every parameter updated once. */
  readonly updated: NetworkSpec;
  /** The forward pass of the updated network. */
  readonly after: { readonly preactivations: readonly Matrix[]; readonly outputs: readonly Matrix[] };
  readonly sampleLossesAfter: Vector;
  /** The penalty of the updated weights (included in lossAfter); null without regularization. */
  readonly regularizationAfter: Value | null;
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
   * Rules to use instead of the correct ones (src/engine/rules.ts): a misconception's override
   * (src/concepts/misconceptions/), with which the grader recomputes what a student making that
   * mistake would get. Default: none.
   */
  readonly rules?: Partial<Rules>;
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
  | 'loss_after'
  | 'sample_loss'
  | 'sample_loss_after'
  | 'regularization'
  | 'regularization_after';

/**
 * Called with each intermediate result as it is computed (vectors as one row, scalars as [[v]],
 * layer −1 for losses) in computation order; the matrix it returns is used from then on. The grader
 * uses it to round as a student does by hand, or to carry on from a student's own values.
 */
export type Intermediate = (quantity: Quantity, layer: number, value: Matrix) => Matrix;

const keepAll: Intermediate = (_quantity, _layer, value) => value;

/** A + B; a B written in the other layout (a transposed-gradient mistake) is added as Bᵀ. */
function addMatrix(a: Matrix, b: Matrix): Matrix {
  const other = a.length !== b.length ? transpose(b) : b;
  return a.map((row, i) => row.map((x, j) => add(x, other[i][j])));
}

export interface ForwardOptions {
  /** As in SolveOptions (the forward pass uses only the loss factor). */
  readonly rules?: Partial<Rules>;
  readonly intermediate?: Intermediate;
  /** The pass after the update: reports preactivation_after, output_after, loss_after. */
  readonly after?: boolean;
}

interface ForwardPass {
  readonly preactivations: Matrix[];
  readonly outputs: Matrix[];
  readonly sampleLosses: Value[];
  readonly regularization: Value | null;
  readonly loss: Value;
}

/** Weights as W[input][unit], whatever the file's layout. */
function weightsXW(network: NetworkSpec, weights: Matrix): Matrix {
  return network.layout === 'x-w' ? weights : transpose(weights);
}

function applyActivation(layer: LayerSpec, a: Matrix): Matrix {
  if (layer.activation === 'softmax') return a.map(softmaxRow);
  return map(a, (x) => activate(layer.activation, x, layer.alpha));
}

/** The correct rules with an override's in their place. */
const withOverride = (rules: Partial<Rules> | undefined): Rules =>
  rules === undefined || rules === correctRules ? correctRules : { ...correctRules, ...rules };

export function forward(
  network: NetworkSpec,
  givenOutputs?: ReadonlyMap<number, Matrix>,
  options: ForwardOptions = {},
): ForwardPass {
  const rules = withOverride(options.rules);
  const keep = options.intermediate ?? keepAll;
  const after = options.after === true;
  const preactivations: Matrix[] = [];
  const outputs: Matrix[] = [];
  let z: Matrix = network.input;
  for (const [l, layer] of network.layers.entries()) {
    const a = keep(
      after ? 'preactivation_after' : 'preactivation',
      l,
      addRow(matmul(z, weightsXW(network, layer.weights)), layer.bias),
    );
    z = keep(after ? 'output_after' : 'output', l, givenOutputs?.get(l) ?? applyActivation(layer, a));
    preactivations.push(a);
    outputs.push(z);
  }
  const exactLosses = z.map((y, s) => rules.sampleLoss(network, y, network.target[s]));
  // Over a batch the per-sample losses are intermediates a student writes down (and rounds) on the
  // way to the batch's loss: (0.9163 + 0.5108)/2.
  const sampleLosses =
    exactLosses.length > 1 ? [...keep(after ? 'sample_loss_after' : 'sample_loss', -1, [exactLosses])[0]] : exactLosses;
  const dataLoss = mul(rules.lossFactor(network), sum(sampleLosses));
  // L2 weight decay: L = data loss + R, R = (λ/2)·Σw² (or λ/(2N)), over the weights only.
  const reg = network.regularization;
  const regularization = reg
    ? keep(after ? 'regularization_after' : 'regularization', -1, [
        [
          penalty(
            reg,
            network.input.length,
            network.layers.map((layer) => layer.weights),
          ),
        ],
      ])[0][0]
    : null;
  const total = regularization === null ? dataLoss : add(dataLoss, regularization);
  const loss = keep(after ? 'loss_after' : 'loss', -1, [[total]])[0][0];
  return { preactivations, outputs, sampleLosses, regularization, loss };
}

/** Δ = ∂L/∂A of layer l from the gradient at its output G = ∂L/∂Z, and h′(A) where it is element-wise. */
function layerDelta(
  network: NetworkSpec,
  l: number,
  a: Matrix,
  y: Matrix,
  g: Matrix,
  c: Value,
  rules: Rules,
  keep: Intermediate,
) {
  const layer = network.layers[l];
  if (layer.activation === 'softmax') {
    // Softmax output + cross-entropy: δ = c·(y − t) from the targets, unless the rules go the long way.
    const isLast = l === network.layers.length - 1;
    const fromTarget =
      isLast && network.loss === 'cross-entropy'
        ? rules.softmaxCrossEntropyDelta(network, l, y, network.target, c)
        : null;
    if (fromTarget !== null) return { delta: fromTarget, activationDerivative: null };
    return { delta: y.map((row, s) => rules.softmaxBackward(network, l, row, g[s])), activationDerivative: null };
  }
  const h = keep(
    'activation_derivative',
    l,
    map(a, (x, s, k) => rules.activationDerivative(network, l, x, y[s][k])),
  );
  // Sigmoid output + binary cross-entropy: (y − t)/(y(1 − y)) · y(1 − y) = y − t, so δ = c·(y − t)
  // exactly, by the same rule as softmax + cross-entropy.
  if (l === network.layers.length - 1 && layer.activation === 'sigmoid' && network.loss === 'binary-cross-entropy') {
    const fromTarget = rules.softmaxCrossEntropyDelta(network, l, y, network.target, c);
    if (fromTarget !== null) return { delta: fromTarget, activationDerivative: h };
  }
  return { delta: rules.deltaThroughActivation(network, l, g, h), activationDerivative: h };
}

/**
 * The weights and bias after one momentum or Adam step, with the optimizer's new state; null for
 * sgd (the plain step). Biases move only with update_biases, and then keep their state.
 */
function optimizerStep(
  optimizer: Optimizer | undefined,
  l: number,
  eta: Value,
  weights: Matrix,
  gradWeights: Matrix,
  bias: Vector,
  gradBias: Vector,
  network: NetworkSpec,
  rules: Rules,
): { weights: Matrix; bias: Vector; state: LayerOptimizerResult } | null {
  if (!optimizer || optimizer.name === 'sgd') return null;
  const moveBias = network.updateBiases;
  if (optimizer.name === 'momentum') {
    const v = optimizer.velocity[l];
    const w = weights.map((row, i) =>
      row.map((x, j) => rules.momentumStep(network, l, optimizer.momentum, eta, x, v.weights[i][j], gradWeights[i][j])),
    );
    const b = bias.map((x, j) =>
      moveBias ? rules.momentumStep(network, l, optimizer.momentum, eta, x, v.bias[j], gradBias[j]) : null,
    );
    return {
      weights: w.map((row) => row.map((c) => c.w)),
      bias: b.map((c, j) => c?.w ?? bias[j]),
      state: {
        name: 'momentum',
        velocity: { weights: w.map((row) => row.map((c) => c.v)), bias: b.map((c, j) => c?.v ?? v.bias[j]) },
      },
    };
  }
  const t = optimizer.steps + 1;
  const m = optimizer.m[l];
  const s = optimizer.v[l];
  const w = weights.map((row, i) =>
    row.map((x, j) =>
      rules.adamStep(network, l, optimizer, t, eta, x, m.weights[i][j], s.weights[i][j], gradWeights[i][j]),
    ),
  );
  const b = bias.map((x, j) =>
    moveBias ? rules.adamStep(network, l, optimizer, t, eta, x, m.bias[j], s.bias[j], gradBias[j]) : null,
  );
  const part = (key: keyof AdamCell, fallback: Vector): LayerState => ({
    weights: w.map((row) => row.map((c) => c[key])),
    bias: b.map((c, j) => c?.[key] ?? fallback[j]),
  });
  return {
    weights: w.map((row) => row.map((c) => c.w)),
    bias: b.map((c, j) => c?.w ?? bias[j]),
    state: {
      name: 'adam',
      t,
      m: part('m', m.bias),
      v: part('v', s.bias),
      mHat: part('mHat', m.bias),
      vHat: part('vHat', s.bias),
    },
  };
}

/** The optimizer as the next step starts from it. */
function nextOptimizer(optimizer: Optimizer, results: readonly LayerResult[]): Optimizer {
  if (optimizer.name === 'momentum')
    return { ...optimizer, velocity: results.map((r) => (r.optimizer as { velocity: LayerState }).velocity) };
  if (optimizer.name === 'adam') {
    const states = results.map((r) => r.optimizer as Extract<LayerOptimizerResult, { name: 'adam' }>);
    return { ...optimizer, steps: optimizer.steps + 1, m: states.map((s) => s.m), v: states.map((s) => s.v) };
  }
  return optimizer;
}

export function solve(network: NetworkSpec, options: SolveOptions = {}): Solution {
  const rules = withOverride(options.rules);
  const keep = options.intermediate ?? keepAll;
  const pass = forward(network, options.givenOutputs, { rules, intermediate: keep });
  const count = network.layers.length;
  const c = rules.lossFactor(network);
  const results: LayerResult[] = new Array(count);

  // ∂L/∂Y at the output: c·∂L_s/∂y per sample.
  let g: Matrix = pass.outputs[count - 1].map((y, s) => rules.outputGradient(network, y, network.target[s], c));

  for (let l = count - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const a = pass.preactivations[l];
    const y = pass.outputs[l];
    g = keep('grad_output', l, g);
    const { delta: layerDeltaValue, activationDerivative } = layerDelta(network, l, a, y, g, c, rules, keep);
    const delta = keep('delta', l, layerDeltaValue);
    const input =
      l === 0 ? network.input : rules.gradWeightsInput(network, l, pass.preactivations[l - 1], pass.outputs[l - 1]);

    // ∂L/∂W = Z^{l−1}ᵀ·Δ (x-w); its transpose Δᵀ·Z^{l−1} in the w-x layout.
    // With weight decay ∂L/∂W also has the penalty's gradient λ·W.
    const decay = rules.penaltyGradient(network, l, layer.weights, layer.bias);
    const gradData = rules.gradWeightsLayout(network, l, matmul(transpose(input), delta));
    const gradWeights = keep('grad_weights', l, decay ? addMatrix(gradData, decay.weights) : gradData);
    // A shared bias is one parameter added to every unit: its gradient sums the units' as well.
    const perUnit = rules.gradBias(network, l, delta);
    const biasData = layer.sharedBias ? perUnit.map(() => sum(perUnit)) : perUnit;
    const decayBias = decay?.bias ?? null;
    const gradBias = keep('grad_bias', l, [decayBias ? biasData.map((g, j) => add(g, decayBias[j])) : biasData])[0];

    let gradAlpha: Value | null = null;
    if (layer.activation === 'prelu') {
      const terms: Value[] = [];
      a.forEach((row, s) =>
        row.forEach((x, k) => {
          if (sign(x) <= 0) terms.push(mul(g[s][k], x));
        }),
      );
      gradAlpha = keep('grad_alpha', l, [[sum(terms)]])[0][0];
    }

    const eta = rules.stepSize(network, l);
    // A ∂L/∂W written in the other layout can only be subtracted from a square W; otherwise the step uses W's own.
    const update = gradWeights.length !== layer.weights.length ? transpose(gradWeights) : gradWeights;
    const stepped = optimizerStep(
      network.optimizer,
      l,
      eta,
      layer.weights,
      update,
      layer.bias,
      gradBias,
      network,
      rules,
    );
    results[l] = {
      preactivation: a,
      output: y,
      gradOutput: g,
      activationDerivative,
      delta,
      gradWeights,
      gradBias,
      gradAlpha,
      weightsAfter: keep('weights_after', l, stepped?.weights ?? step(layer.weights, eta, update)),
      biasAfter: keep('bias_after', l, [
        stepped?.bias ?? (network.updateBiases ? step([layer.bias], eta, [gradBias])[0] : layer.bias),
      ])[0],
      optimizer: stepped?.state ?? null,
      alphaAfter:
        gradAlpha === null ? layer.alpha : keep('alpha_after', l, [[sub(layer.alpha!, mul(eta, gradAlpha))]])[0][0],
    };

    // Hidden deltas use the weights *before* the update: ∂L/∂Z^{l−1} = Δ^l·W^lᵀ.
    if (l > 0)
      g = matmul(
        delta,
        rules.backpropWeights(
          network,
          l,
          weightsXW(network, layer.weights),
          weightsXW(network, results[l].weightsAfter),
        ),
      );
  }

  const updated: NetworkSpec = {
    ...network,
    ...(network.optimizer ? { optimizer: nextOptimizer(network.optimizer, results) } : {}),
    layers: network.layers.map((layer, l) => ({
      ...layer,
      weights: results[l].weightsAfter,
      bias: results[l].biasAfter,
      alpha: results[l].alphaAfter,
    })),
  };
  const after = forward(updated, undefined, { rules, intermediate: keep, after: true });
  return {
    network,
    sampleLosses: pass.sampleLosses,
    regularization: pass.regularization,
    unitLosses: pass.outputs[count - 1].map((y, s) => unitLosses(network.loss, y, network.target[s])),
    loss: pass.loss,
    layers: results,
    updated,
    after: { preactivations: after.preactivations, outputs: after.outputs },
    sampleLossesAfter: after.sampleLosses,
    regularizationAfter: after.regularization,
    lossAfter: after.loss,
  };
}
