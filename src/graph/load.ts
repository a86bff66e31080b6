// Reads and checks a computational-graph file (YAML or JSON, failsafe schema: every number arrives
// as text and is parsed exactly). Every problem is reported as one InputError naming the field, e.g.
// `graph.nodes[2].args[1]`, and its line.
import { parseLiteral, type Value } from '../number/value';
import { fail, parseSource, readSource, type Path, type Source } from '../network/source';
import { fieldPath } from '../network/errors';
import { ARITY, MAX_POW_EXPONENT } from './ops';
import { forwardValues, NodeDomainError } from './solve';
import { GRAPH_OPS, type GraphArg, type GraphInput, type GraphNode, type GraphOp, type GraphSpec } from './spec';

export { isGraphSource } from './detect';

export function loadGraph(file: string): GraphSpec {
  return graphFromSource(readSource(file));
}

export function parseGraph(text: string, file = '<input>'): GraphSpec {
  return graphFromSource(parseSource(file, text));
}

/** Names start with a letter or _, then letters, digits or _ (so a name never looks like a number). */
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const NAME_HINT = 'a name made of letters, digits and _ that starts with a letter or _, e.g. apple_price';
const NUMBER_HINT = 'a number such as 100, 1.1, -1 or "1/3"';
const EXAMPLE_NODE = '{name: price, op: mul, args: [apple, tax]}';

type Mapping = Record<string, unknown>;

const isMapping = (x: unknown): x is Mapping => x !== null && typeof x === 'object' && !Array.isArray(x);

function describe(x: unknown): string {
  if (typeof x === 'string') return x === '' ? 'nothing' : JSON.stringify(x);
  if (Array.isArray(x)) return 'a list';
  if (isMapping(x)) return 'a mapping';
  return 'nothing';
}

function requireMapping(source: Source, path: Path, x: unknown, expected: string): Mapping {
  if (!isMapping(x)) fail(source, path, `expected ${expected}, got ${describe(x)}`);
  return x;
}

function checkKeys(source: Source, path: Path, m: Mapping, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(m)) {
    if (!allowed.includes(key)) fail(source, [...path, key], `unknown field (${what} has ${allowed.join(', ')})`);
  }
  for (const key of allowed) {
    if (!Object.hasOwn(m, key)) fail(source, path, `missing required field "${key}" (${what} has ${allowed.join(', ')})`);
  }
}

export function graphFromSource(source: Source): GraphSpec {
  const top = requireMapping(source, [], source.data, 'a mapping with a top-level "graph" key');
  checkKeys(source, [], top, ['graph'], 'a graph file');
  const graph = requireMapping(source, ['graph'], top.graph, 'a mapping with inputs, nodes and output');
  checkKeys(source, ['graph'], graph, ['inputs', 'nodes', 'output'], 'a graph');

  const inputs = readInputs(source, graph.inputs);
  const rawNodes = readRawNodes(source, graph.nodes);

  // Where each name is defined: an input, or the index of its node.
  const definedAt = new Map<string, 'input' | number>();
  for (const input of inputs) definedAt.set(input.name, 'input');
  rawNodes.forEach((node, i) => {
    const previous = definedAt.get(node.name);
    if (previous !== undefined) {
      const where = previous === 'input' ? 'an input' : `graph.nodes[${previous}]`;
      fail(source, ['graph', 'nodes', i, 'name'], `duplicate name "${node.name}": already used by ${where}`);
    }
    definedAt.set(node.name, i);
  });

  const nodes = rawNodes.map((node, i): GraphNode => ({
    name: node.name,
    op: node.op,
    args: node.args.map((text, j) => resolveArg(source, rawNodes, definedAt, inputs, i, j, text)),
  }));
  nodes.forEach((node, i) => checkPowExponent(source, node, i));

  const outputPath = ['graph', 'output'];
  if (typeof graph.output !== 'string' || graph.output === '') {
    fail(source, outputPath, `expected the name of the node (or input) whose gradients are wanted, got ${describe(graph.output)}`);
  }
  if (!definedAt.has(graph.output)) {
    fail(source, outputPath, `unknown name "${graph.output}": expected one of ${[...definedAt.keys()].join(', ')}`);
  }
  const spec: GraphSpec = { inputs, nodes, output: graph.output };
  checkDomains(source, spec);
  return spec;
}

function readInputs(source: Source, raw: unknown): GraphInput[] {
  const path = ['graph', 'inputs'];
  const m = requireMapping(source, path, raw, 'a mapping from input names to numbers, e.g. {apple: 100, tax: 1.1}');
  const names = Object.keys(m);
  if (names.length === 0) fail(source, path, 'expected at least one input, e.g. {apple: 100, tax: 1.1}');
  return names.map((name) => {
    if (!NAME.test(name)) fail(source, [...path, name], `bad input name ${JSON.stringify(name)}: expected ${NAME_HINT}`);
    const text = m[name];
    const value = typeof text === 'string' ? parseLiteral(text) : null;
    if (!value) fail(source, [...path, name], `expected ${NUMBER_HINT}, got ${describe(text)}`);
    return { name, value };
  });
}

interface RawNode {
  readonly name: string;
  readonly op: GraphOp;
  readonly args: readonly string[];
}

function readRawNodes(source: Source, raw: unknown): RawNode[] {
  const path = ['graph', 'nodes'];
  if (!Array.isArray(raw)) fail(source, path, `expected a list of nodes, each like ${EXAMPLE_NODE}, got ${describe(raw)}`);
  if (raw.length === 0) fail(source, path, `expected at least one node, e.g. ${EXAMPLE_NODE}`);
  return raw.map((item, i): RawNode => {
    const at = [...path, i];
    const m = requireMapping(source, at, item, `a node like ${EXAMPLE_NODE}`);
    checkKeys(source, at, m, ['name', 'op', 'args'], 'a node');
    const { name, op, args } = m;
    if (typeof name !== 'string' || !NAME.test(name)) fail(source, [...at, 'name'], `expected ${NAME_HINT}, got ${describe(name)}`);
    if (typeof op !== 'string' || !(GRAPH_OPS as readonly string[]).includes(op)) {
      fail(source, [...at, 'op'], `expected one of ${GRAPH_OPS.join(', ')}, got ${describe(op)}`);
    }
    if (!Array.isArray(args)) fail(source, [...at, 'args'], `expected a list of arguments, e.g. [apple, tax], got ${describe(args)}`);
    args.forEach((arg, j) => {
      if (typeof arg !== 'string' || arg === '') {
        fail(source, [...at, 'args', j], `expected the name of an input or earlier node, or a number, got ${describe(arg)}`);
      }
    });
    const arity = ARITY[op as GraphOp];
    if (args.length < arity.min || args.length > arity.max) {
      const expected = arity.max === Infinity ? `${arity.min} or more arguments` : arity.min === 1 ? 'exactly 1 argument' : `exactly ${arity.min} arguments`;
      const example = op === 'pow' ? ' (base and integer exponent, e.g. [t, 2])' : '';
      fail(source, [...at, 'args'], `${op} takes ${expected}${example}, got ${args.length}`);
    }
    return { name, op: op as GraphOp, args: args as string[] };
  });
}

function resolveArg(
  source: Source,
  nodes: readonly RawNode[],
  definedAt: ReadonlyMap<string, 'input' | number>,
  inputs: readonly GraphInput[],
  i: number,
  j: number,
  text: string,
): GraphArg {
  const path = ['graph', 'nodes', i, 'args', j];
  const literal = parseLiteral(text);
  if (literal) return { kind: 'literal', value: literal, text: text.trim() };
  const where = definedAt.get(text);
  if (where === undefined) {
    const known = [
      inputs.length > 0 ? `an input (${inputs.map((x) => x.name).join(', ')})` : null,
      i > 0 ? `an earlier node (${nodes.slice(0, i).map((n) => n.name).join(', ')})` : null,
      NUMBER_HINT,
    ].filter(Boolean);
    const why = NAME.test(text) ? `unknown name "${text}"` : `${JSON.stringify(text)} is neither a name nor a number`;
    fail(source, path, `${why}: expected ${known.join(', or ')}`);
  }
  if (where !== 'input' && where >= i) {
    const cycle = findCycle(nodes, definedAt, i, where);
    if (cycle) fail(source, path, `cycle: ${cycle.join(' → ')} (each node uses the next; a node cannot depend on itself)`);
    fail(
      source,
      path,
      `"${text}" is defined later (${fieldPath(['graph', 'nodes', where])}); a node may use only inputs and earlier nodes, so list "${text}" before "${nodes[i].name}"`,
    );
  }
  return { kind: 'name', name: text };
}

/** A path of node names from node `from` (which uses node `via`) back to `from`, if there is one. */
function findCycle(nodes: readonly RawNode[], definedAt: ReadonlyMap<string, 'input' | number>, from: number, via: number): string[] | null {
  const seen = new Set<number>();
  const search = (k: number, path: string[]): string[] | null => {
    if (k === from) return path;
    if (seen.has(k)) return null;
    seen.add(k);
    for (const arg of nodes[k].args) {
      const next = definedAt.get(arg);
      if (typeof next === 'number') {
        const found = search(next, [...path, nodes[next].name]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(via, [nodes[from].name, nodes[via].name]);
}

function checkPowExponent(source: Source, node: GraphNode, i: number): void {
  if (node.op !== 'pow') return;
  const exponent = node.args[1];
  const path = ['graph', 'nodes', i, 'args', 1];
  const value: Value | null = exponent.kind === 'literal' ? exponent.value : null;
  if (!value || value.kind !== 'rational' || value.q.d !== 1n) {
    fail(source, path, `the exponent of pow must be an integer written as a number, e.g. 2 or -1, got ${JSON.stringify(exponent.kind === 'literal' ? exponent.text : exponent.name)}`);
  }
  if (value.q.n > BigInt(MAX_POW_EXPONENT)) {
    // fraction.js keeps the sign apart: n is |exponent|.
    fail(source, path, `the exponent of pow must be between -${MAX_POW_EXPONENT} and ${MAX_POW_EXPONENT}`);
  }
}

/** Evaluates the graph once so that log(−1), 1/0 and the like are reported at the node. */
function checkDomains(source: Source, spec: GraphSpec): void {
  try {
    forwardValues(spec);
  } catch (error) {
    if (error instanceof NodeDomainError) fail(source, ['graph', 'nodes', error.nodeIndex], `cannot be evaluated: ${error.message}`);
    throw error;
  }
}
