// Reads an asked quantity out of the engine's solution. Every value comes from solve(): the
// solve-JSON keys directly, and this module's own quantities from the engine's own functions
// (softmaxJacobian, the activation derivative h′(A) that solve records, a pass-through layer for dx).
import { mistakeRules, type Mistake } from '../concepts/misconceptions';
import { correctRules } from '../engine/rules';
import { solve, type LayerResult, type Solution } from '../engine/solve';
import { isBiasState, type LayerState, type OptimizerQuantity } from '../concepts/optimizer';
import { softmaxJacobian } from '../engine/activations';
import type { Matrix, NetworkSpec } from '../concepts/network';
import { ratio, sub, type Value } from '../number/value';
import type { GivenOutputs } from './given';
import type { NetworkAsk } from './types';

/** A scalar, a vector or a matrix of exact values. */
export type AskValue = Value | readonly Value[] | readonly (readonly Value[])[];

/**
 * The whole array (or scalar) that an ask addresses, before `index` picks a cell. `mistake`: the one
 * `solution` was solved with, if any — only ∂L/∂X (grad_input of layer 0) needs it, because that one is
 * solved again (see gradInput).
 */
export function wholeQuantity(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  ask: NetworkAsk,
  mistake?: Mistake,
): AskValue {
  switch (ask.quantity) {
    case 'loss':
      return solution.loss;
    case 'loss_after':
      return solution.lossAfter;
    case 'loss_improvement':
      return sub(solution.loss, solution.lossAfter);
    default:
      break;
  }
  const l = ask.layer;
  if (l === undefined || !Number.isInteger(l) || l < 0 || l >= solution.layers.length) {
    throw new RangeError(`ask ${ask.id}: ${ask.quantity} needs a layer index 0..${solution.layers.length - 1}`);
  }
  const layer = solution.layers[l];
  switch (ask.quantity) {
    case 'preactivation':
      return layer.preactivation;
    case 'output':
      return layer.output;
    case 'delta':
      return layer.delta;
    case 'grad_weights':
      return layer.gradWeights;
    case 'grad_bias':
      return layer.gradBias;
    case 'weights_after':
      return layer.weightsAfter;
    case 'bias_after':
      return layer.biasAfter;
    case 'grad_alpha':
      if (layer.gradAlpha === null) throw new RangeError(`ask ${ask.id}: layer ${l} has no alpha (not prelu)`);
      return layer.gradAlpha;
    case 'activation_derivative':
      if (layer.activationDerivative === null)
        throw new RangeError(`ask ${ask.id}: layer ${l} is softmax (it has a Jacobian)`);
      return layer.activationDerivative;
    case 'softmax_jacobian': {
      if (spec.layers[l].activation !== 'softmax') throw new RangeError(`ask ${ask.id}: layer ${l} is not softmax`);
      // One Jacobian per sample: [i][k] = ∂y_i/∂a_k.
      const s = ask.index?.[0] ?? 0;
      const y = layer.output[s];
      return y.map((_, i) => y.map((__, k) => softmaxJacobian(y, i, k)));
    }
    case 'grad_input':
      return gradInput(spec, solution, given, l, mistake);
    default:
      return optimizerState(layer, ask);
  }
}

/** The optimizer's state after the step: momentum's velocity, Adam's moments and their corrected forms. */
function optimizerState(layer: LayerResult, ask: NetworkAsk): AskValue {
  const q = ask.quantity as OptimizerQuantity;
  const state = layer.optimizer;
  const part = (s: LayerState): AskValue => (isBiasState(q) ? s.bias : s.weights);
  if (q === 'velocity_after' || q === 'velocity_bias_after') {
    if (state?.name !== 'momentum') throw new RangeError(`ask ${ask.id}: ${q} needs the momentum optimizer`);
    return part(state.velocity);
  }
  if (state?.name !== 'adam') throw new RangeError(`ask ${ask.id}: ${q} needs the adam optimizer`);
  switch (q) {
    case 'adam_m_after':
    case 'adam_m_bias_after':
      return part(state.m);
    case 'adam_v_after':
    case 'adam_v_bias_after':
      return part(state.v);
    case 'adam_m_hat':
    case 'adam_m_hat_bias':
      return part(state.mHat);
    case 'adam_v_hat':
    case 'adam_v_hat_bias':
      return part(state.vHat);
  }
  throw new RangeError(`unknown quantity ${String(ask.quantity)}`);
}

/**
 * ∂L/∂(input of layer l), one row per sample. For l > 0 the engine already has it (∂L/∂Z^{l−1});
 * for l = 0 the engine solves the network with an identity pass-through layer in front, whose
 * ∂L/∂Z is then ∂L/∂X — with the same mistake, moved one layer up (so that e.g. dout·W instead of
 * dout·Wᵀ can be recognised in dx).
 */
function gradInput(spec: NetworkSpec, solution: Solution, given: GivenOutputs, l: number, mistake?: Mistake): Matrix {
  if (l > 0) return solution.layers[l - 1].gradOutput;
  const width = spec.input[0].length;
  const identity = Array.from({ length: width }, (_, i) =>
    Array.from({ length: width }, (__, j) => ratio(i === j ? 1 : 0)),
  );
  const passThrough = {
    weights: identity,
    bias: identity[0].map(() => ratio(0)),
    activation: 'identity' as const,
    alpha: null,
  };
  const shifted = new Map([...given.entries()].map(([k, m]) => [k + 1, m] as const));
  const augmented: NetworkSpec = { ...spec, layers: [passThrough, ...spec.layers] };
  const shiftedMistake =
    mistake === undefined
      ? undefined
      : mistake.layer === undefined
        ? mistake
        : { ...mistake, layer: mistake.layer + 1 };
  return solve(augmented, {
    givenOutputs: shifted,
    ...(shiftedMistake ? { rules: mistakeRules(shiftedMistake, augmented, correctRules) } : {}),
  }).layers[0].gradOutput;
}

/**
 * The asked value: one cell when `index` is given (for softmax_jacobian [s, i, k], or [s] for the whole
 * matrix). Pass the `mistake` that `solution` was solved with (grad_input of layer 0 needs it).
 */
export function askValue(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  ask: NetworkAsk,
  mistake?: Mistake,
): AskValue {
  const whole = wholeQuantity(spec, solution, given, ask, mistake);
  const index = ask.quantity === 'softmax_jacobian' ? (ask.index ?? []).slice(1) : ask.index;
  if (index === undefined || index.length === 0) return whole;
  let v: AskValue = whole;
  for (const i of index) {
    if (!Array.isArray(v) || !Number.isInteger(i) || i < 0 || i >= v.length) {
      throw new RangeError(`ask ${ask.id}: index [${index.join(', ')}] is outside ${ask.quantity}`);
    }
    v = (v as readonly AskValue[])[i];
  }
  return v;
}

/** Every scalar in a value (a scalar, a vector, a matrix), in reading order. */
export function cellsOf(v: AskValue): Value[] {
  if (!Array.isArray(v)) return [v as Value];
  return (v as readonly AskValue[]).flatMap(cellsOf);
}
