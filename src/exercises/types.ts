// The exercise JSON contract: plain, readonly data that the quiz, the teacher
// sets and the grader read. Numbers in `network` and `given` are exact strings ("0.6", "-3/20").
import type { JsonValue } from '../number/json';
import type { OptimizerQuantity } from '../concepts/optimizer';

export { OPTIMIZER_QUANTITIES, type OptimizerQuantity } from '../concepts/optimizer';

import type { Lang } from '../text/lang';

export type { Lang } from '../text/lang';
export type Difficulty = 1 | 2 | 3;
export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];

/** Keys of `solve --format json` (loss, loss_after, per-layer arrays) plus this module's own quantities. */
export const SOLVE_QUANTITIES = [
  'loss',
  'loss_after',
  'preactivation',
  'output',
  'delta',
  'grad_weights',
  'grad_bias',
  'weights_after',
  'bias_after',
  'grad_alpha',
] as const;

/**
 * Quantities that are not keys of the solve JSON (documented in docs/exercises.md):
 * - loss_improvement: loss − loss_after (the lecture deck's exercise ③);
 * - activation_derivative: h′(A^l) cell by cell, one row per sample (sigmoid′ = y(1 − y) from the given y);
 * - softmax_jacobian: ∂y_i/∂a_k = y_i(δ_ik − y_k) of a softmax layer, index [sample, i, k];
 * - grad_input: ∂L/∂(input of layer l), one row per sample — the Affine layer's dx = dout·Wᵀ.
 */
export const OWN_QUANTITIES = ['loss_improvement', 'activation_derivative', 'softmax_jacobian', 'grad_input'] as const;

export type NetworkQuantity = (typeof SOLVE_QUANTITIES)[number] | (typeof OWN_QUANTITIES)[number] | OptimizerQuantity;

/** Network-level scalars: no `layer`, no `index`. */
export const SCALAR_QUANTITIES: readonly NetworkQuantity[] = ['loss', 'loss_after', 'loss_improvement'];

export interface NetworkAsk {
  readonly id: string;
  readonly quantity: NetworkQuantity;
  /** 0-based layer index (absent for loss, loss_after, loss_improvement). */
  readonly layer?: number;
  /** One cell as `solve` prints it ([sample, unit], [row, col], [unit] for bias vectors); absent: the whole array. */
  readonly index?: readonly number[];
}

export type GraphAsk =
  | { readonly id: string; readonly quantity: 'value' }
  | { readonly id: string; readonly quantity: 'gradients' | 'nodes'; readonly node: string }
  /** An input after step `step` (1-based) of the graph's `step`: x_k. */
  | { readonly id: string; readonly quantity: 'input_after'; readonly node: string; readonly step: number }
  /** The output at the point step `step` reaches: f(x_k). */
  | { readonly id: string; readonly quantity: 'value_after'; readonly step: number };

/** Graph asks read after a gradient step. */
export type GraphStepAsk = Extract<GraphAsk, { readonly step: number }>;

export const GRAPH_ASK_QUANTITIES = ['value', 'gradients', 'nodes', 'input_after', 'value_after'] as const;

/** A sum constraint: the variables' values add up to `equals` (softmax outputs, a distribution of targets). */
export interface SumConstraint {
  readonly sum: readonly string[];
  readonly equals: string;
}

/** A wrong formula that a named misconception produces, over the same variables. */
export interface SymbolicMisconception {
  readonly id: string;
  readonly expression: string;
}

export interface SymbolicAsk {
  readonly id: string;
  readonly quantity: 'expression';
  /** What is asked, in plain text, e.g. "∂L/∂b_2". */
  readonly of: string;
  /** The model answer in the answer syntax: identifiers, numbers, + - * / ^ and parentheses. */
  readonly expression: string;
  /** The only identifiers an answer may use. */
  readonly variables: readonly string[];
  /** Where to draw random rational evaluation points: [min, max] per variable (exact strings). */
  readonly domains: Readonly<Record<string, readonly [string, string]>>;
  /** Relations the variables satisfy; the last variable of each sum is determined by the others. */
  readonly constraints?: readonly SumConstraint[];
  /**
   * Variables that are functions of others, in the answer syntax — e.g. {"x_1": "tanh(a_1)"} for a
   * layer's output x_j = h(a_j): they are not drawn from their domain but computed (in order) from the
   * drawn values, so that an answer written with h′(a_j) and one written with the output x_j agree.
   */
  readonly definitions?: Readonly<Record<string, string>>;
  readonly misconceptions?: readonly SymbolicMisconception[];
}

export type Ask = NetworkAsk | GraphAsk | SymbolicAsk;

export interface NetworkFileLayer {
  readonly weights: readonly (readonly string[])[];
  readonly bias?: readonly string[];
  readonly activation: string;
  readonly alpha?: string;
}

/** A network file with every scalar as a string, so that it loads exactly. */
export interface NetworkFile {
  readonly layout: 'x-w' | 'w-x';
  readonly layers: readonly NetworkFileLayer[];
  readonly loss: string;
  readonly input: readonly (readonly string[])[];
  readonly target: readonly (readonly string[])[];
  readonly learning_rate: string;
  readonly update_biases?: 'true' | 'false';
  readonly conventions?: { readonly relu_grad_at_zero?: '0' | '1'; readonly batch?: 'mean' | 'sum' };
  readonly regularization?: { readonly l2: string; readonly scale: '1/2' | '1/(2N)' };
  /**
   * Gradient descent with momentum (v ← μ·v − η·g, w ← w + v) from a stated velocity, one entry per
   * layer; or Adam (bias-corrected, from zero moments).
   */
  readonly optimizer?:
    | {
        readonly name: 'momentum';
        readonly momentum: string;
        readonly velocity: readonly {
          readonly weights: readonly (readonly string[])[];
          readonly bias: readonly string[];
        }[];
      }
    | { readonly name: 'adam'; readonly beta1: string; readonly beta2: string; readonly epsilon: string };
}

/** A computational-graph file. */
export interface GraphFile {
  readonly graph: {
    readonly inputs: Readonly<Record<string, string>>;
    readonly nodes: readonly { readonly name: string; readonly op: string; readonly args: readonly string[] }[];
    readonly output: string;
    /** A gradient step on the graph (as in a graph file), which `input_after` and `value_after` read. */
    readonly step?: {
      readonly learning_rate: string;
      readonly update: readonly string[];
      readonly ascent?: 'true' | 'false';
      readonly steps?: string;
    };
  };
}

/** Values stated in the exercise text instead of computed: layer outputs by 0-based layer index. */
export interface Given {
  readonly outputs?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

export interface SymbolicExpected {
  readonly expression: string;
  readonly latex: string;
}

export type ExpectedValue = JsonValue | readonly JsonValue[] | readonly (readonly JsonValue[])[] | SymbolicExpected;

export interface Exercise {
  readonly template: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly lang: Lang;
  /** The generator's version that made it (absent in hand-written files). */
  readonly generator?: number;
  /** A network file, a graph file, or null for symbolic (formula) exercises. */
  readonly network: NetworkFile | GraphFile | null;
  /** Always present in generated exercises ({} when nothing is stated); optional in files read back. */
  readonly given?: Given;
  readonly asks: readonly Ask[];
  readonly prompt: string;
  readonly expected: Readonly<Record<string, ExpectedValue>>;
  /** Per ask: [the formula, the formula with the exercise's numbers]. */
  readonly hints: Readonly<Record<string, readonly string[]>>;
}

export function isGraphFile(network: NetworkFile | GraphFile | null): network is GraphFile {
  return network !== null && 'graph' in network;
}

export function isSymbolicAsk(ask: Ask): ask is SymbolicAsk {
  return ask.quantity === 'expression';
}

export function isGraphAsk(ask: Ask): ask is GraphAsk {
  return (GRAPH_ASK_QUANTITIES as readonly string[]).includes(ask.quantity);
}

export function isGraphStepAsk(ask: Ask): ask is GraphStepAsk {
  return ask.quantity === 'input_after' || ask.quantity === 'value_after';
}
