// Builds the network file of an exercise from exact values, and loads it back through the project's
// own validator (networkFromSource), so an exercise can only carry a network that `solve` accepts.
import { networkFromSource } from '../network/load';
import type { ActivationName, Layout, LossName, Matrix, NetworkSpec, Vector } from '../concepts/network';
import type { Value } from '../number/value';
import { exactText } from './numbers';
import type { NetworkFile } from './types';

/** A network under construction, with exact values; layers in the x-w orientation (W[input][unit]). */
export interface NetDraft {
  readonly layout: Layout;
  readonly layers: readonly {
    /** Always W[input][unit]; written transposed for the w-x layout. */
    readonly weights: Matrix;
    readonly bias: Vector;
    readonly activation: ActivationName;
    readonly alpha?: Value;
  }[];
  readonly loss: LossName;
  readonly input: Matrix;
  readonly target: Matrix;
  readonly learningRate: Value;
  readonly updateBiases?: boolean;
  readonly reluGradAtZero?: 0 | 1;
  readonly batch?: 'mean' | 'sum';
  /** L2 weight decay (λ/2)·Σw² ("1/2") or (λ/2N)·Σw² ("1/(2N)"). */
  readonly regularization?: { readonly l2: Value; readonly scale: '1/2' | '1/(2N)' };
  /** Momentum μ and the velocity before the step, per layer (weights W[input][unit], like the layers'). */
  readonly momentum?: {
    readonly mu: Value;
    readonly velocity: readonly { readonly weights: Matrix; readonly bias: Vector }[];
  };
  /** Adam from zero moments (bias-corrected). */
  readonly adam?: { readonly beta1: Value; readonly beta2: Value; readonly epsilon: Value };
}

const row = (v: Vector): string[] => v.map(exactText);
const rows = (m: Matrix): string[][] => m.map(row);
const transposed = (m: Matrix): Value[][] => (m.length === 0 ? [] : m[0].map((_, j) => m.map((r) => r[j])));

export function toNetworkFile(draft: NetDraft): NetworkFile {
  const conventions: { relu_grad_at_zero?: '0' | '1'; batch?: 'mean' | 'sum' } = {};
  if (draft.reluGradAtZero !== undefined) conventions.relu_grad_at_zero = draft.reluGradAtZero === 1 ? '1' : '0';
  if (draft.batch !== undefined) conventions.batch = draft.batch;
  return {
    layout: draft.layout,
    layers: draft.layers.map((layer) => ({
      weights: rows(draft.layout === 'x-w' ? layer.weights : transposed(layer.weights)),
      bias: row(layer.bias),
      activation: layer.activation,
      ...(layer.alpha === undefined ? {} : { alpha: exactText(layer.alpha) }),
    })),
    loss: draft.loss,
    input: rows(draft.input),
    target: rows(draft.target),
    learning_rate: exactText(draft.learningRate),
    ...(draft.updateBiases === false ? { update_biases: 'false' as const } : {}),
    ...(Object.keys(conventions).length > 0 ? { conventions } : {}),
    ...(draft.regularization
      ? { regularization: { l2: exactText(draft.regularization.l2), scale: draft.regularization.scale } }
      : {}),
    ...(draft.momentum
      ? {
          optimizer: {
            name: 'momentum' as const,
            momentum: exactText(draft.momentum.mu),
            velocity: draft.momentum.velocity.map((v) => ({
              weights: rows(draft.layout === 'x-w' ? v.weights : transposed(v.weights)),
              bias: row(v.bias),
            })),
          },
        }
      : {}),
    ...(draft.adam
      ? {
          optimizer: {
            name: 'adam' as const,
            beta1: exactText(draft.adam.beta1),
            beta2: exactText(draft.adam.beta2),
            epsilon: exactText(draft.adam.epsilon),
          },
        }
      : {}),
  };
}

/** Validates and loads an exercise's network file (throws InputError naming the field when it is bad). */
export function networkSpecOf(file: NetworkFile, name = '<exercise network>'): NetworkSpec {
  return networkFromSource({ file: name, data: file, lineOf: () => null });
}
