// Forward values and reverse-mode gradients of a computational graph, exactly. Each edge keeps the
// numbers the seeds write on it: the value going forward above, and going back below it the upstream
// gradient times the local derivative.
import { ONE, ZERO, add, mul, sub, type Value } from '../number/value';
import { valueText } from '../number/format';
import { ExactLimitError } from '../number/limits';
import { GraphDomainError, applyOp, localDerivatives } from './ops';
import type { GraphArg, GraphSpec, GraphStep } from './spec';

/** An operation applied outside its domain at a given node. */
export class NodeDomainError extends Error {
  override name = 'NodeDomainError';
  constructor(
    readonly nodeIndex: number,
    readonly nodeName: string,
    message: string,
  ) {
    super(message);
  }
}

/** A node whose exact value outgrows the limit of exact values (2 squared 31 times). */
export class NodeLimitError extends NodeDomainError {
  override name = 'NodeLimitError';
}

export interface GraphEdge {
  /** The argument's name, or the literal as written for a number in the file. */
  readonly from: string;
  readonly fromKind: 'input' | 'node' | 'literal';
  /** The node that uses the argument. */
  readonly to: string;
  readonly argIndex: number;
  /** The argument's value, flowing from `from` to `to`. */
  readonly forward: Value;
  /** ∂to/∂from; null for pow's exponent, which is a fixed number. */
  readonly localDerivative: Value | null;
  /** ∂output/∂to, the gradient arriving at `to` from the output side. */
  readonly upstream: Value;
  /** upstream × localDerivative, flowing back from `to` to `from`; null with localDerivative. */
  readonly backward: Value | null;
}

export interface GraphSolution {
  readonly spec: GraphSpec;
  /** The output's value. */
  readonly value: Value;
  /** Every input's and node's value. */
  readonly values: ReadonlyMap<string, Value>;
  /** ∂output/∂name for every input and node (0 for nodes the output does not depend on). */
  readonly gradients: ReadonlyMap<string, Value>;
  /** One edge per argument of each node, in node order then argument order. */
  readonly edges: readonly GraphEdge[];
  /** With a `step`: the inputs after its last step (every input, moved or not) and the output evaluated again. */
  readonly after: GraphAfter | null;
  /** With a `step`: one entry per step, in order (the last one is `after`); empty without. */
  readonly history: readonly GraphStepRecord[];
}

export interface GraphAfter {
  readonly inputs: ReadonlyMap<string, Value>;
  readonly value: Value;
}

/** One gradient step: the gradients it moved along (at the point before it), then the point it reached. */
export interface GraphStepRecord extends GraphAfter {
  readonly gradients: ReadonlyMap<string, Value>;
}

/**
 * Called with the inputs each step reaches (k = 0 for the first step) before the graph is evaluated
 * there: the grader rounds them, or puts in a student's own values, to follow the chain they worked.
 */
export type StepHook = (k: number, inputs: ReadonlyMap<string, Value>) => ReadonlyMap<string, Value>;

/**
 * How one input moves in a step: x − η·g (x + η·g for ascent) by default; the grader passes the rule a
 * student with a misconception applies (`value` is the output at the point before the step).
 */
export type StepRule = (x: Value, eta: Value, gradient: Value, value: Value, ascent: boolean) => Value;

export const RIGHT_STEP: StepRule = (x, eta, g, _value, ascent) => (ascent ? add(x, mul(eta, g)) : sub(x, mul(eta, g)));

export interface GraphSolveOptions {
  readonly afterStep?: StepHook;
  readonly rule?: StepRule;
}

/** A step (1-based) reaches a point where the graph cannot be evaluated. */
export class StepDomainError extends Error {
  override name = 'StepDomainError';
  constructor(
    readonly step: number,
    readonly error: NodeDomainError,
  ) {
    super(error.message);
  }
}

const argValue = (values: ReadonlyMap<string, Value>, arg: GraphArg): Value =>
  arg.kind === 'literal' ? arg.value : values.get(arg.name)!;

/** The value of every input and node, in order. Throws NodeDomainError (e.g. log of −1). */
export function forwardValues(spec: GraphSpec): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const input of spec.inputs) values.set(input.name, input.value);
  spec.nodes.forEach((node, i) => {
    const args = node.args.map((arg) => argValue(values, arg));
    try {
      values.set(node.name, applyOp(node.op, args));
    } catch (error) {
      if (error instanceof ExactLimitError) throw new NodeLimitError(i, node.name, error.message);
      if (!(error instanceof GraphDomainError)) throw error;
      const shown = args.map((v) => valueText(v)).join(', ');
      throw new NodeDomainError(i, node.name, `${node.op}(${shown}): ${error.message}`);
    }
  });
  return values;
}

export function solveGraph(spec: GraphSpec, options: GraphSolveOptions = {}): GraphSolution {
  const { values, gradients, edges } = backward(spec);
  const history = spec.step
    ? descend(spec, spec.step, { values, gradients }, options.afterStep, options.rule ?? RIGHT_STEP)
    : [];
  const after = history.length > 0 ? { inputs: history.at(-1)!.inputs, value: history.at(-1)!.value } : null;
  return { spec, value: values.get(spec.output)!, values, gradients, edges, after, history };
}

/** The forward values, the reverse-mode gradients and the edges of the graph at its inputs. */
function backward(spec: GraphSpec): { values: Map<string, Value>; gradients: Map<string, Value>; edges: GraphEdge[] } {
  const values = forwardValues(spec);
  const gradients = new Map<string, Value>();
  for (const name of values.keys()) gradients.set(name, ZERO);
  gradients.set(spec.output, ONE);

  // Reverse mode: a node's gradient is complete once every later node has been visited.
  const edgesByNode: GraphEdge[][] = [];
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const node = spec.nodes[i];
    const upstream = gradients.get(node.name)!;
    const args = node.args.map((arg) => argValue(values, arg));
    let locals: (Value | null)[];
    try {
      locals = localDerivatives(node.op, args, values.get(node.name)!);
    } catch (error) {
      // A derivative that does not exist where the value does: (x^(1/2))′ at x = 0.
      if (!(error instanceof GraphDomainError)) throw error;
      const shown = args.map((v) => valueText(v)).join(', ');
      throw new NodeDomainError(i, node.name, `${node.op}(${shown}): ${error.message}`);
    }
    edgesByNode[i] = node.args.map((arg, j): GraphEdge => {
      const local = locals[j];
      const backward = local === null ? null : mul(upstream, local);
      if (arg.kind === 'name' && backward !== null) gradients.set(arg.name, add(gradients.get(arg.name)!, backward));
      return {
        from: arg.kind === 'name' ? arg.name : arg.text,
        fromKind: arg.kind === 'literal' ? 'literal' : spec.inputs.some((x) => x.name === arg.name) ? 'input' : 'node',
        to: node.name,
        argIndex: j,
        forward: args[j],
        localDerivative: local,
        upstream,
        backward,
      };
    });
  }
  return { values, gradients, edges: edgesByNode.flat() };
}

/**
 * x_{k+1} = x_k − η·∂out/∂x(x_k) (+ for ascent) for each input named by the step, `steps` times, the
 * graph evaluated at each point reached (and differentiated there for the next step).
 */
function descend(
  spec: GraphSpec,
  step: GraphStep,
  first: { readonly values: ReadonlyMap<string, Value>; readonly gradients: ReadonlyMap<string, Value> },
  hook: StepHook | undefined,
  rule: StepRule,
): GraphStepRecord[] {
  const moved = new Set(step.update);
  const history: GraphStepRecord[] = [];
  let point = new Map(spec.inputs.map((x) => [x.name, x.value]));
  let { values, gradients } = first;
  for (let k = 0; k < step.steps; k++) {
    const at = { ...spec, inputs: [...point].map(([name, value]) => ({ name, value })) };
    try {
      if (k > 0) ({ values, gradients } = backward(at));
      const here = values.get(spec.output)!;
      let next: ReadonlyMap<string, Value> = new Map(
        [...point].map(([name, x]) =>
          moved.has(name) ? [name, rule(x, step.learningRate, gradients.get(name)!, here, step.ascent)] : [name, x],
        ),
      );
      if (hook) next = hook(k, next);
      const value = forwardValues({ ...spec, inputs: [...next].map(([name, v]) => ({ name, value: v })) }).get(
        spec.output,
      )!;
      history.push({ inputs: next, value, gradients });
      point = new Map(next);
    } catch (error) {
      if (error instanceof NodeLimitError) throw error;
      if (error instanceof NodeDomainError) throw new StepDomainError(k + 1, error);
      throw error;
    }
  }
  return history;
}
