// The worked solution of a graph as plain data for the LaTeX / Markdown / HTML renderers: each forward
// step, each edge's backward step and each gradient, with LaTeX already formed (names escaped, negative
// numbers parenthesised after an operator) and the exact values for any other formatting.
import { valueLatex } from '../number/format';
import type { Value } from '../number/value';
import { formulaLatex, localRuleLatex } from './formula';
import type { GraphEdge, GraphSolution } from './solve';
import type { GraphArg, GraphOp } from './spec';

export interface GraphForwardStep {
  readonly node: string;
  readonly op: GraphOp;
  readonly value: Value;
  /** e.g. "\text{apple\_price} = \text{apple} \times \text{apple\_num} = 100 \times 2 = 200" */
  readonly latex: string;
}

export interface GraphBackwardStep {
  readonly edge: GraphEdge;
  /** e.g. "\text{price} \rightarrow \text{tax}:\; 1 \times \text{apple\_price} = 1 \times 200 = 200"; null for pow's exponent. */
  readonly latex: string | null;
}

export interface GraphGradientStep {
  readonly name: string;
  readonly value: Value;
  /** The backward values of the edges leaving `name`, which add up to the gradient. */
  readonly contributions: readonly Value[];
  readonly latex: string;
}

export interface GraphSteps {
  readonly forward: readonly GraphForwardStep[];
  /** In the order the backward pass visits them: last node first. */
  readonly backward: readonly GraphBackwardStep[];
  readonly gradients: readonly GraphGradientStep[];
}

/** A name in math mode: one letter stays italic (x, t); longer names are upright text, _ escaped. */
export function nameLatex(name: string): string {
  return /^[A-Za-z]$/.test(name) ? name : `\\text{${name.replace(/_/g, '\\_')}}`;
}

/** A value as an operand: parenthesised when negative. */
function operandLatex(v: Value): string {
  const t = valueLatex(v);
  return t.startsWith('-') ? `\\left(${t}\\right)` : t;
}

const argLatex = (arg: GraphArg) => (arg.kind === 'name' ? nameLatex(arg.name) : operandLatex(arg.value));
const partial = (of: string, by: string) => `\\frac{\\partial ${nameLatex(of)}}{\\partial ${nameLatex(by)}}`;

/** "A = B = C" without repeating equal neighbours. */
const chain = (parts: readonly string[]) => parts.filter((p, i) => i === 0 || p !== parts[i - 1]).join(' = ');

export function graphSteps(solution: GraphSolution): GraphSteps {
  const { spec, values } = solution;
  const forward = spec.nodes.map((node): GraphForwardStep => {
    const value = values.get(node.name)!;
    const names = node.args.map(argLatex);
    const numbers = node.args.map((arg) => (arg.kind === 'name' ? operandLatex(values.get(arg.name)!) : operandLatex(arg.value)));
    return {
      node: node.name,
      op: node.op,
      value,
      latex: chain([nameLatex(node.name), formulaLatex(node.op, names), formulaLatex(node.op, numbers), valueLatex(value)]),
    };
  });

  const backward: GraphBackwardStep[] = [];
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const node = spec.nodes[i];
    const names = node.args.map(argLatex);
    for (const edge of solution.edges.filter((e) => e.to === node.name)) {
      const rule = localRuleLatex(node.op, edge.argIndex, names, nameLatex(node.name));
      if (rule === null || edge.localDerivative === null || edge.backward === null) {
        backward.push({ edge, latex: null });
        continue;
      }
      const up = operandLatex(edge.upstream);
      const from = edge.fromKind === 'literal' ? operandLatex(edge.forward) : nameLatex(edge.from);
      const factor = /^(\\text\{[^}]*\}|[A-Za-z0-9]+)$/.test(rule) ? rule : `\\left(${rule}\\right)`;
      backward.push({
        edge,
        latex: `${nameLatex(node.name)} \\rightarrow ${from}:\\; ${chain([`${up} \\times ${factor}`, `${up} \\times ${operandLatex(edge.localDerivative)}`, valueLatex(edge.backward)])}`,
      });
    }
  }

  const gradients = [...solution.gradients].map(([name, value]): GraphGradientStep => {
    const contributions = solution.edges.filter((e) => e.fromKind !== 'literal' && e.from === name && e.backward !== null).map((e) => e.backward!);
    const sum = contributions.length > 1 && name !== spec.output ? [contributions.map((v, k) => (k === 0 ? valueLatex(v) : operandLatex(v))).join(' + ')] : [];
    return { name, value, contributions, latex: chain([partial(spec.output, name), ...sum, valueLatex(value)]) };
  });
  return { forward, backward, gradients };
}
