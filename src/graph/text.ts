// `solve GRAPH --format text`: forward values, the backward value on each edge (upstream gradient ×
// local derivative), the gradients, and a terminal figure with forward values above each arrow and
// backward values below, as in ゼロから作るDeep Learning's apple figures.
import { valueText } from '../number/format';
import type { Value } from '../number/value';
import { formulaText, localRuleText, opLabel } from './formula';
import { compactOperand, compactValue } from '../number/show';
import { displayWidth, padEnd } from '../text/width';
import { edgesInto, edgesOutOf } from './edges';
import type { GraphEdge, GraphSolution } from './solve';
import type { GraphArg, GraphNode } from './spec';
import { GRAPH_WORDS, type Lang } from './words';

export interface GraphTextOptions {
  readonly lang?: Lang;
  /** Whether to append the terminal figure (default true). */
  readonly figure?: boolean;
}

const argText = (arg: GraphArg) => (arg.kind === 'name' ? arg.name : arg.text);

/**
 * "= a = b = c" without repeats: the symbolic formula, the numbers substituted, the value (fraction
 * and decimal, or symbolic form ≈ decimal for an irrational value).
 */
function chain(parts: readonly string[], v: Value): string {
  const text = valueText(v);
  const approxAt = text.indexOf('≈');
  const exact = approxAt < 0 ? text : text.slice(0, approxAt).trim();
  const all = [...parts, ...(exact === '' ? [] : [exact])].filter((p, i, xs) => i === 0 || p !== xs[i - 1]);
  const approximation = approxAt < 0 ? [] : [text.slice(approxAt)];
  return [...all.map((p) => `= ${p}`), ...approximation].join(' ');
}

function forwardLine(solution: GraphSolution, node: GraphNode): string {
  const names = node.args.map(argText);
  const numbers = node.args.map((arg) =>
    arg.kind === 'literal' ? arg.text : compactValue(solution.values.get(arg.name)!),
  );
  return `${node.name} ${chain([formulaText(node.op, names), formulaText(node.op, numbers)], solution.values.get(node.name)!)}`;
}

/** A rule that can follow "×" without parentheses: one word, not negative. */
const isPlain = (rule: string) => /^[^\s×/()\-−][^\s×/()]*$/.test(rule);

function backwardLine(node: GraphNode, edge: GraphEdge, lang: Lang): string {
  const names = node.args.map(argText);
  const rule = localRuleText(node.op, edge.argIndex, names, node.name, lang);
  if (edge.localDerivative === null || edge.backward === null || rule === null) {
    return `→ ${edge.from}: ${GRAPH_WORDS[lang].exponentNote}`;
  }
  const up = compactOperand(edge.upstream);
  const symbolic = `${up} × ${isPlain(rule) ? rule : `(${rule})`}`;
  const substituted = `${up} × ${compactOperand(edge.localDerivative)}`;
  const suffix = edge.fromKind === 'literal' ? ` (${GRAPH_WORDS[lang].constant})` : '';
  return `→ ${edge.from}${suffix}: ${chain([symbolic, substituted], edge.backward).slice(2)}`;
}

function gradientLine(solution: GraphSolution, name: string): string {
  const output = solution.spec.output;
  const contributions = edgesOutOf(solution, name).filter((e) => e.backward !== null);
  const sum =
    contributions.length > 1 && name !== output
      ? [contributions.map((e, k) => (k === 0 ? compactValue(e.backward!) : compactOperand(e.backward!))).join(' + ')]
      : [];
  return `∂${output}/∂${name} ${chain(sum, solution.gradients.get(name)!)}`;
}

export function graphSolutionToText(solution: GraphSolution, options: GraphTextOptions = {}): string {
  const lang = options.lang ?? 'en';
  const words = GRAPH_WORDS[lang];
  const { spec } = solution;
  const lines: string[] = [`${words.title} (${words.output}: ${spec.output})`, '', words.forward];
  for (const input of spec.inputs) lines.push(`  ${input.name} ${chain([], input.value)}`);
  for (const node of spec.nodes) lines.push(`  ${forwardLine(solution, node)}`);

  lines.push('', `${words.backward} (${words.backwardNote})`, `  ${words.start(spec.output)}`);
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const node = spec.nodes[i];
    lines.push(`  ${words.atNode(node.name, compactValue(solution.gradients.get(node.name)!))}`);
    for (const edge of edgesInto(solution, node.name)) lines.push(`    ${backwardLine(node, edge, lang)}`);
  }

  lines.push('', words.gradients(spec.output));
  for (const name of solution.gradients.keys()) lines.push(`  ${gradientLine(solution, name)}`);
  if (solution.after && spec.step) lines.push('', ...stepLines(solution, lang));
  if (options.figure !== false)
    lines.push('', `${words.figure} (${words.figureNote})`, ...graphFigureText(solution, lang).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
/** x₁₂: a name at step k of several. */
export const atStep = (name: string, k: number) => name + [...String(k)].map((d) => SUBSCRIPT[Number(d)]).join('');

/** x′ = x − η·∂f/∂x = 1 − 0.01 × (−0.1) = 1.001 for each moved input, then the output again. */
function stepLines(solution: GraphSolution, lang: Lang): string[] {
  const { spec } = solution;
  const step = spec.step!;
  if (step.steps > 1) return walkLines(solution, lang);
  const after = solution.after!;
  const words = GRAPH_WORDS[lang];
  const sign = step.ascent ? '+' : '−';
  const lines = [words.step(step.ascent, compactValue(step.learningRate))];
  for (const name of step.update) {
    const x = solution.values.get(name)!;
    const g = solution.gradients.get(name)!;
    const symbolic = `${name} ${sign} η·∂${spec.output}/∂${name}`;
    const numbers = `${compactValue(x)} ${sign} ${compactOperand(step.learningRate)} × ${compactOperand(g)}`;
    lines.push(`  ${name}′ ${chain([symbolic, numbers], after.inputs.get(name)!)}`);
  }
  lines.push(`  ${words.again(spec.output)}: ${spec.output}′ ${chain([], after.value)}`);
  return lines;
}

/** Each of several steps: its gradients, x_k = x_(k−1) − η·∂f/∂x with the numbers, and the output there. */
function walkLines(solution: GraphSolution, lang: Lang): string[] {
  const { spec, history } = solution;
  const step = spec.step!;
  const words = GRAPH_WORDS[lang];
  const sign = step.ascent ? '+' : '−';
  const lines = [words.steps(step.ascent, compactValue(step.learningRate), step.steps)];
  history.forEach((record, i) => {
    const before = i === 0 ? solution.values : history[i - 1].inputs;
    const point = step.update.map((name) => `${atStep(name, i)} = ${compactValue(before.get(name)!)}`).join(', ');
    lines.push(`  ${words.stepNumber(i + 1, point)}`);
    for (const name of step.update)
      lines.push(`    ∂${spec.output}/∂${name} ${chain([], record.gradients.get(name)!)}`);
    for (const name of step.update) {
      const g = record.gradients.get(name)!;
      const symbolic = `${atStep(name, i)} ${sign} η·∂${spec.output}/∂${name}`;
      const numbers = `${compactValue(before.get(name)!)} ${sign} ${compactOperand(step.learningRate)} × ${compactOperand(g)}`;
      lines.push(`    ${atStep(name, i + 1)} ${chain([symbolic, numbers], record.inputs.get(name)!)}`);
    }
    lines.push(`    ${words.valueAfter(spec.output, i + 1)}: ${atStep(spec.output, i + 1)} ${chain([], record.value)}`);
  });
  return lines;
}

function arrowPair(forward: string, backward: string, width: number): [string, string] {
  const centred = (label: string, head: string, tail: string) => {
    const room = width - displayWidth(label) - 2;
    const left = Math.max(2, Math.floor(room / 2));
    const right = Math.max(2, room - left);
    return `${head}${'─'.repeat(left - 1)} ${label} ${'─'.repeat(right - 1)}${tail}`;
  };
  return [centred(forward, '─', '▶'), backward === '' ? '' : centred(backward, '◀', '─')];
}

/**
 * The graph as terminal lines: for each node, one arrow per argument with the forward value above
 * and the backward value below, then the output arrow with its gradient 1.
 */
export function graphFigureText(solution: GraphSolution, lang: Lang = 'en'): string[] {
  const { spec } = solution;
  const words = GRAPH_WORDS[lang];
  const fromLabel = (e: GraphEdge) => (e.fromKind === 'literal' ? `${e.from} (${words.constant})` : e.from);
  const labels = solution.edges.flatMap((e) => [
    compactValue(e.forward),
    e.backward === null ? '' : compactValue(e.backward),
  ]);
  labels.push(compactValue(solution.value));
  // A loop, not Math.max(...xs): a big graph has more labels than a call has room for arguments.
  const widest = (xs: Iterable<string>) => {
    let w = 0;
    for (const x of xs) w = Math.max(w, displayWidth(x));
    return w;
  };
  const width = widest(labels) + 8;
  const nameWidth = Math.max(widest(solution.edges.map(fromLabel)), displayWidth(spec.output));
  const lines: string[] = [];
  for (const node of spec.nodes) {
    const exponent = node.op === 'pow' && node.args[1].kind === 'literal' ? node.args[1].text : null;
    const target = `(${opLabel(node.op, exponent)}) ${node.name}`;
    for (const edge of edgesInto(solution, node.name)) {
      const showBackward = edge.backward !== null && edge.fromKind !== 'literal';
      const [top, bottom] = arrowPair(
        compactValue(edge.forward),
        showBackward ? compactValue(edge.backward!) : '',
        width,
      );
      lines.push(`${padEnd(fromLabel(edge), nameWidth)} ${top} ${target}`);
      if (bottom) lines.push(`${' '.repeat(nameWidth)} ${bottom}`);
    }
  }
  const [top, bottom] = arrowPair(compactValue(solution.value), '1', width);
  lines.push(`${padEnd(spec.output, nameWidth)} ${top}`, `${' '.repeat(nameWidth)} ${bottom}`);
  return lines;
}
