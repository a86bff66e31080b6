// A computational graph as the seeds draw it (ゼロから作るDeep Learning ch. 5): named inputs, then
// nodes that each apply one operation to inputs, earlier nodes or number literals; one output.
import type { Value } from '../number/value';

export const GRAPH_OPS = [
  'add',
  'sub',
  'mul',
  'div',
  'neg',
  'square',
  'pow',
  'exp',
  'log',
  'reciprocal',
  'sigmoid',
  'tanh',
  'relu',
  'max',
  'min',
  'abs',
] as const;
export type GraphOp = (typeof GRAPH_OPS)[number];

/** An argument: a named input or earlier node, or a number written in the file. */
export type GraphArg =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: Value; readonly text: string };

export interface GraphInput {
  readonly name: string;
  readonly value: Value;
}

export interface GraphNode {
  readonly name: string;
  readonly op: GraphOp;
  readonly args: readonly GraphArg[];
}

/**
 * A gradient step on the graph itself: each named input moves along −η·∂out/∂input (or +η·… with
 * `ascent`, as Karpathy's neuron climbs its output), and the graph is evaluated again.
 */
export interface GraphStep {
  readonly learningRate: Value;
  /** Names of inputs, in the file's order. */
  readonly update: readonly string[];
  readonly ascent: boolean;
  /** How many steps in a row (1 unless the file says), each from the point the previous one reached. */
  readonly steps: number;
}

export interface GraphSpec {
  readonly inputs: readonly GraphInput[];
  readonly nodes: readonly GraphNode[];
  readonly output: string;
  /** Absent: no step. */
  readonly step?: GraphStep;
}
