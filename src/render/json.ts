// The `solve --format json` contract: every value as {exact, approx, latex} (number/json.ts).
import { jsonValue, type JsonValue } from '../number/json';
import { sub } from '../number/value';
import type { Matrix, Vector } from '../concepts/network';
import type { LayerOptimizerResult, Solution } from '../engine/solve';
import type { LayerState, Optimizer } from '../concepts/optimizer';
import type { Training } from '../engine/train';

export interface JsonLayer {
  readonly preactivation: JsonValue[][];
  readonly output: JsonValue[][];
  /** ∂L/∂Z, the gradient arriving at the layer's output (batch factor included). */
  readonly grad_output: JsonValue[][];
  /** h′(A) element-wise; null for softmax, whose derivative is a Jacobian. */
  readonly activation_derivative: JsonValue[][] | null;
  readonly delta: JsonValue[][];
  readonly grad_weights: JsonValue[][];
  readonly grad_bias: JsonValue[];
  readonly weights_after: JsonValue[][];
  readonly bias_after: JsonValue[];
  readonly grad_alpha?: JsonValue;
  /** momentum: the velocity after this step, v ← μv − η·g (w ← w + v). */
  readonly velocity_after?: JsonState;
  /** adam: the moments after this step and their bias-corrected values. */
  readonly adam?: { t: number; m: JsonState; v: JsonState; m_hat: JsonState; v_hat: JsonState };
}

/** An optimizer's state of one layer: like its weights (file layout) and its bias. */
export interface JsonState {
  readonly weights: JsonValue[][];
  readonly bias: JsonValue[];
}

export interface JsonSolution {
  /** One per sample, before any batch mean. */
  readonly sample_losses: JsonValue[];
  /** [sample][unit]: each output unit's term of its sample's loss (Mazur's E₁, E₂). */
  readonly unit_losses: JsonValue[][];
  /** With `regularization` in the file: the penalty R, included in `loss`. */
  readonly regularization?: JsonValue;
  readonly loss: JsonValue;
  readonly layers: JsonLayer[];
  /** The forward pass of the updated network (`regularization`: the updated weights' penalty). */
  readonly after: {
    readonly layers: { preactivation: JsonValue[][]; output: JsonValue[][] }[];
    readonly regularization?: JsonValue;
    readonly loss: JsonValue;
  };
  readonly loss_after: JsonValue;
  /** L − L′. */
  readonly loss_improvement: JsonValue;
}

const vector = (v: Vector) => v.map(jsonValue);
const matrix = (m: Matrix) => m.map(vector);
const state = (s: LayerState): JsonState => ({ weights: matrix(s.weights), bias: vector(s.bias) });

function optimizerJson(result: LayerOptimizerResult | null) {
  if (result === null) return {};
  if (result.name === 'momentum') return { velocity_after: state(result.velocity) };
  return {
    adam: { t: result.t, m: state(result.m), v: state(result.v), m_hat: state(result.mHat), v_hat: state(result.vHat) },
  };
}

export function solutionToJson(solution: Solution): JsonSolution {
  return {
    sample_losses: vector(solution.sampleLosses),
    unit_losses: matrix(solution.unitLosses),
    ...(solution.regularization === null ? {} : { regularization: jsonValue(solution.regularization) }),
    loss: jsonValue(solution.loss),
    layers: solution.layers.map((layer) => ({
      preactivation: matrix(layer.preactivation),
      output: matrix(layer.output),
      grad_output: matrix(layer.gradOutput),
      activation_derivative: layer.activationDerivative === null ? null : matrix(layer.activationDerivative),
      delta: matrix(layer.delta),
      grad_weights: matrix(layer.gradWeights),
      grad_bias: vector(layer.gradBias),
      weights_after: matrix(layer.weightsAfter),
      bias_after: vector(layer.biasAfter),
      ...(layer.gradAlpha === null ? {} : { grad_alpha: jsonValue(layer.gradAlpha) }),
      ...optimizerJson(layer.optimizer),
    })),
    after: {
      layers: solution.after.preactivations.map((a, l) => ({
        preactivation: matrix(a),
        output: matrix(solution.after.outputs[l]),
      })),
      ...(solution.regularizationAfter === null ? {} : { regularization: jsonValue(solution.regularizationAfter) }),
      loss: jsonValue(solution.lossAfter),
    },
    loss_after: jsonValue(solution.lossAfter),
    loss_improvement: jsonValue(sub(solution.loss, solution.lossAfter)),
  };
}

export interface JsonHistoryEntry {
  /** The input rows of this step, 0-based, in file order. */
  readonly batch: number[];
  readonly loss: JsonValue;
  /** Full per-layer objects as in `layers`, with rows for this step's batch only. */
  readonly layers: JsonLayer[];
  readonly loss_after: JsonValue;
}

export interface JsonTraining extends JsonSolution {
  /** One entry per step (so the result after 100 steps is history[99]). */
  readonly history: JsonHistoryEntry[];
  /**
   * The parameters after the last step, in the file's layout; with momentum or adam also the
   * optimizer's state (`velocity`, or `m`, `v` and the steps taken), to start a next run from.
   */
  readonly final: {
    readonly layers: { weights: JsonValue[][]; bias: JsonValue[]; alpha?: JsonValue }[];
    readonly optimizer?: { velocity: JsonState[] } | { steps: number; m: JsonState[]; v: JsonState[] };
  };
}

function finalOptimizer(optimizer: Optimizer | undefined) {
  if (!optimizer || optimizer.name === 'sgd') return {};
  if (optimizer.name === 'momentum') return { optimizer: { velocity: optimizer.velocity.map(state) } };
  return { optimizer: { steps: optimizer.steps, m: optimizer.m.map(state), v: optimizer.v.map(state) } };
}

/** Several steps: the top-level fields are step 1's; `history` has every step, `final` the result. */
export function trainingToJson(training: Training): JsonTraining {
  const history = training.steps.map(({ batch, solution }) => {
    const json = solutionToJson(solution);
    return { batch: [...batch], loss: json.loss, layers: json.layers, loss_after: json.loss_after };
  });
  return {
    ...solutionToJson(training.steps[0].solution),
    history,
    final: {
      layers: training.final.layers.map((layer) => ({
        weights: matrix(layer.weights),
        bias: vector(layer.bias),
        ...(layer.alpha === null || layer.activation !== 'prelu' ? {} : { alpha: jsonValue(layer.alpha) }),
      })),
      ...finalOptimizer(training.final.optimizer),
    },
  };
}
