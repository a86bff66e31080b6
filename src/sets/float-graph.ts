// A float64 evaluation of a computational-graph exercise, from the ops' definitions, sharing no code
// with src/graph: the nodes in order; `nudge` adds h to one input or node (for finite differences).
import type { GraphFile } from '../exercises/types';
import { num } from './float-network';

function apply(op: string, x: readonly number[]): number {
  switch (op) {
    case 'add':
      return x.reduce((a, b) => a + b, 0);
    case 'sub':
      return x[0] - x[1];
    case 'mul':
      return x.reduce((a, b) => a * b, 1);
    case 'div':
      return x[0] / x[1];
    case 'neg':
      return -x[0];
    case 'square':
      return x[0] * x[0];
    case 'pow':
      return x[0] ** x[1];
    case 'exp':
      return Math.exp(x[0]);
    case 'log':
      return Math.log(x[0]);
    case 'reciprocal':
      return 1 / x[0];
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x[0]));
    case 'tanh':
      return Math.tanh(x[0]);
    case 'relu':
      return Math.max(0, x[0]);
    case 'max':
      return Math.max(...x);
    case 'min':
      return Math.min(...x);
    case 'abs':
      return Math.abs(x[0]);
  }
  return Number.NaN;
}

/**
 * The points a graph file's `step` reaches in float64, each step along central-difference gradients
 * (step h), and the output there: the independent check of x_k and f(x_k).
 */
export function floatDescent(file: GraphFile, h = 1e-6): { inputs: Map<string, number>; value: number }[] {
  const step = file.graph.step;
  if (!step) return [];
  const eta = num(step.learning_rate);
  const sign = step.ascent === 'true' ? 1 : -1;
  const output = file.graph.output;
  const at = (inputs: ReadonlyMap<string, number>) =>
    floatGraph({ graph: { ...file.graph, inputs: Object.fromEntries([...inputs].map(([n, v]) => [n, String(v)])) } });
  let point = new Map(Object.entries(file.graph.inputs).map(([name, text]) => [name, num(String(text))]));
  const out: { inputs: Map<string, number>; value: number }[] = [];
  for (let k = 0; k < Number(step.steps ?? '1'); k++) {
    const next = new Map(point);
    for (const name of step.update) {
      const nudged = (d: number) => at(new Map(point).set(name, point.get(name)! + d)).get(output)!;
      next.set(name, point.get(name)! + sign * eta * ((nudged(h) - nudged(-h)) / (2 * h)));
    }
    point = next;
    out.push({ inputs: point, value: at(point).get(output)! });
  }
  return out;
}

/** Every input's and node's value, by name. */
export function floatGraph(
  file: GraphFile,
  nudge?: { readonly name: string; readonly h: number },
): Map<string, number> {
  const values = new Map<string, number>();
  const bump = (name: string, v: number) => (nudge?.name === name ? v + nudge.h : v);
  for (const [name, text] of Object.entries(file.graph.inputs)) values.set(name, bump(name, num(String(text))));
  for (const node of file.graph.nodes) {
    const args = node.args.map((arg) => values.get(String(arg)) ?? num(String(arg)));
    values.set(node.name, bump(node.name, apply(node.op, args)));
  }
  return values;
}
