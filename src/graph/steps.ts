// The worked solution of a graph as plain data for the LaTeX / Markdown / HTML renderers: each forward
// step, each edge's backward step and each gradient, with LaTeX already formed (names escaped, negative
// numbers parenthesised after an operator) and the exact values for any other formatting.
import { edgesInto, edgesOutOf } from './edges';
import {
  graphNumberLatex as numberLatex,
  graphOperandLatex as operandLatex,
  graphResultParts as resultParts,
} from '../number/show';
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

/**
 * One line of a gradient step on the graph: the gradient it moves along (at the point before it), an
 * input moved (x₁ = x₀ − η·∂f/∂x = 3 − 0.25 × 2 = 2.5), or the output evaluated at the point reached.
 */
export interface GraphDescentStep {
  /** 1-based step. */
  readonly step: number;
  readonly kind: 'gradient' | 'update' | 'value';
  /** The input (gradient, update) or the output (value). */
  readonly name: string;
  readonly value: Value;
  readonly latex: string;
}

export interface GraphSteps {
  readonly forward: readonly GraphForwardStep[];
  /** In the order the backward pass visits them: last node first. */
  readonly backward: readonly GraphBackwardStep[];
  readonly gradients: readonly GraphGradientStep[];
  /** With a `step`: for each step, the gradients, the inputs moved and the output again; else empty. */
  readonly descent: readonly GraphDescentStep[];
}

/** A name at step k: x_{1} for a walk of several steps, x′ for the one step of a single-step file. */
export function atStepLatex(name: string, k: number, single: boolean): string {
  if (single) return k === 0 ? nameLatex(name) : `${nameLatex(name)}'`;
  return `${nameLatex(name)}_{${k}}`;
}

/** A name in math mode: one letter stays italic (x, t); longer names are upright text, _ escaped. */
export function nameLatex(name: string): string {
  return /^[A-Za-z]$/.test(name) ? name : `\\text{${name.replace(/_/g, '\\_')}}`;
}

const argLatex = (arg: GraphArg) =>
  arg.kind === 'name' ? nameLatex(arg.name) : operandLatex(arg.value, arg.text.includes('/'));
const partial = (of: string, by: string) => `\\frac{\\partial ${nameLatex(of)}}{\\partial ${nameLatex(by)}}`;

/** "A = B = C = exact = decimal" without repeating equal neighbours. */
function chain(parts: readonly string[], result: Value): string {
  const { exact, decimal } = resultParts(result);
  const all = [...parts, exact];
  const text = all.filter((p, i) => i === 0 || p !== all[i - 1]).join(' = ');
  return decimal === null ? text : `${text} ${decimal}`;
}

/** Whether a factor must be bracketed after "×": not a name, a plain number, or one bracketed group. */
function needsBrackets(rule: string): boolean {
  if (/^(\\text\{[^}]*\}|[A-Za-z0-9.]+)$/.test(rule)) return false;
  if (!rule.startsWith('\\left(') || !rule.endsWith('\\right)')) return true;
  // \left(a\right) \times \left(b\right) starts and ends with brackets but is not one group.
  let depth = 0;
  for (const m of rule.matchAll(/\\left\(|\\right\)/g)) {
    depth += m[0] === '\\left(' ? 1 : -1;
    if (depth === 0 && (m.index ?? 0) + m[0].length < rule.length) return true;
  }
  return false;
}

export function graphSteps(solution: GraphSolution): GraphSteps {
  const { spec, values } = solution;
  const forward = spec.nodes.map((node): GraphForwardStep => {
    const value = values.get(node.name)!;
    const names = node.args.map(argLatex);
    const numbers = node.args.map((arg) => (arg.kind === 'name' ? operandLatex(values.get(arg.name)!) : argLatex(arg)));
    return {
      node: node.name,
      op: node.op,
      value,
      latex: chain([nameLatex(node.name), formulaLatex(node.op, names), formulaLatex(node.op, numbers)], value),
    };
  });

  const backward: GraphBackwardStep[] = [];
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const node = spec.nodes[i];
    const names = node.args.map(argLatex);
    for (const edge of edgesInto(solution, node.name)) {
      const rule = localRuleLatex(node.op, edge.argIndex, names, nameLatex(node.name));
      if (rule === null || edge.localDerivative === null || edge.backward === null) {
        backward.push({ edge, latex: null });
        continue;
      }
      const up = operandLatex(edge.upstream);
      const from = edge.fromKind === 'literal' ? argLatex(node.args[edge.argIndex]) : nameLatex(edge.from);
      // A rule that is already one bracketed number, (−1), is not bracketed again.
      const factor = needsBrackets(rule) ? `\\left(${rule}\\right)` : rule;
      backward.push({
        edge,
        latex: `${nameLatex(node.name)} \\rightarrow ${from}:\\; ${chain([`${up} \\times ${factor}`, `${up} \\times ${operandLatex(edge.localDerivative)}`], edge.backward)}`,
      });
    }
  }

  const gradients = [...solution.gradients].map(([name, value]): GraphGradientStep => {
    const contributions = edgesOutOf(solution, name)
      .filter((e) => e.backward !== null)
      .map((e) => e.backward!);
    const sum =
      contributions.length > 1 && name !== spec.output
        ? [contributions.map((v, k) => (k === 0 ? numberLatex(v) : operandLatex(v))).join(' + ')]
        : [];
    return { name, value, contributions, latex: chain([partial(spec.output, name), ...sum], value) };
  });
  return { forward, backward, gradients, descent: descentSteps(solution) };
}

/** x_{k} = x_{k-1} − η ∂f/∂x = numbers = result for every moved input of every step, then f_{k}. */
function descentSteps(solution: GraphSolution): GraphDescentStep[] {
  const { spec, history } = solution;
  const step = spec.step;
  if (!step) return [];
  const single = step.steps === 1;
  const sign = step.ascent ? '+' : '-';
  const eta = operandLatex(step.learningRate);
  const out: GraphDescentStep[] = [];
  history.forEach((record, i) => {
    const k = i + 1;
    const before = i === 0 ? solution.values : history[i - 1].inputs;
    const at = (name: string) => atStepLatex(name, i, single);
    // One step moves along the gradients already worked out above; several repeat them at each point.
    for (const name of single ? [] : step.update) {
      const g = record.gradients.get(name)!;
      const point = step.update.map((u) => `${at(u)} = ${numberLatex(before.get(u)!)}`).join(',\\ ');
      out.push({
        step: k,
        kind: 'gradient',
        name,
        value: g,
        latex: chain([`\\left.${partial(spec.output, name)}\\right|_{${point}}`], g),
      });
    }
    for (const name of step.update) {
      const x = record.inputs.get(name)!;
      const g = record.gradients.get(name)!;
      const symbolic = `${at(name)} ${sign} \\eta\\, ${partial(spec.output, name)}`;
      const numbers = `${numberLatex(before.get(name)!)} ${sign} ${eta} \\times ${operandLatex(g)}`;
      out.push({
        step: k,
        kind: 'update',
        name,
        value: x,
        latex: chain([atStepLatex(name, k, single), symbolic, numbers], x),
      });
    }
    out.push({
      step: k,
      kind: 'value',
      name: spec.output,
      value: record.value,
      latex: chain([atStepLatex(spec.output, k, single)], record.value),
    });
  });
  return out;
}
