// Reads and checks a computational-graph file (YAML or JSON, failsafe schema: every number arrives
// as text and is parsed exactly). A valibot schema checks the shape (fields, names, ops, arity); the
// names' definitions, cycles, pow exponents and domains are checked after it. Every problem is one
// InputError naming the field, e.g. `graph.nodes[2].args[1]`, and its line.
import * as v from 'valibot';
import { parseLiteral, type Value } from '../number/value';
import type { Text } from '../text/lang';
import { fail, parseSource, readSource, type Source } from '../network/source';
import { fieldPath } from '../network/errors';
import { LIMITS, LIMIT_WORDS } from '../network/limits';
import { ExactLimitError } from '../number/limits';
import { expected, isMapping, mapping, missingField, says, unknownField, validate } from '../network/schema-issues';
import { ARITY, MAX_POW_EXPONENT } from './ops';
import { forwardValues, NodeDomainError, NodeLimitError, solveGraph, StepDomainError } from './solve';
import { GRAPH_OPS, type GraphArg, type GraphInput, type GraphNode, type GraphOp, type GraphSpec } from './spec';
import { quoted } from '../text/escape';

export { isGraphSource } from './detect';

export function loadGraph(file: string): GraphSpec {
  return graphFromSource(readSource(file));
}

export function parseGraph(text: string, file = '<input>'): GraphSpec {
  return graphFromSource(parseSource(file, text));
}

/** Names start with a letter or _, then letters, digits or _ (so a name never looks like a number). */
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const NAME_HINT: Text = {
  en: 'a name made of letters, digits and _ that starts with a letter or _, e.g. apple_price',
  ja: '文字・数字・_ からなり文字か _ で始まる名前（例: apple_price）',
};
const NUMBER_HINT: Text = { en: 'a number such as 100, 1.1, -1 or "1/3"', ja: '数（例: 100, 1.1, -1, "1/3"）' };
const EXAMPLE_NODE = '{name: price, op: mul, args: [apple, tax]}';
const EXAMPLE_INPUTS = '{apple: 100, tax: 1.1}';

const GRAPH_FILE: Text = { en: 'a graph file', ja: '計算グラフのファイル' };
const GRAPH: Text = { en: 'a graph', ja: '計算グラフ' };
const NODE: Text = { en: 'a node', ja: 'ノード' };

/** A mapping with exactly these fields, each required; an unknown or missing one is named with the list. */
function fields<const E extends v.ObjectEntries>(entries: E, what: Text, notMapping: Text) {
  const names = Object.keys(entries).join(', ');
  return mapping(entries, {
    expected: expected(notMapping),
    unknown: unknownField(what, names),
    missing: (key) => missingField(key, what, names),
  });
}

/** A non-empty text, else `expected …, got …`. */
const someText = (what: Text) => v.pipe(v.string(says(expected(what))), v.minLength(1, says(expected(what))));

const NUMBER_MESSAGE = says(expected(NUMBER_HINT));

/**
 * Input names to exact numbers, in the file's order. Walked by hand rather than with v.record, which
 * drops keys such as __proto__ that are ordinary names here.
 */
const InputsSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    isMapping,
    says(
      expected({
        en: `a mapping from input names to numbers, e.g. ${EXAMPLE_INPUTS}`,
        ja: `入力の名前から数へのマッピング（例: ${EXAMPLE_INPUTS}）`,
      }),
    ),
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const m = dataset.value;
    const names = Object.keys(m);
    if (names.length === 0) {
      addIssue({
        message: says(
          {
            en: `expected at least one input, e.g. ${EXAMPLE_INPUTS}`,
            ja: `入力が少なくとも1つ必要です（例: ${EXAMPLE_INPUTS}）`,
          },
          { got: false },
        ),
      });
      return NEVER;
    }
    const inputs: GraphInput[] = [];
    for (const name of names) {
      const path: [v.IssuePathItem] = [{ type: 'object', origin: 'value', input: m, key: name, value: m[name] }];
      if (!NAME.test(name)) {
        const message = says(
          {
            en: `bad input name ${quoted(name)}: expected ${NAME_HINT.en}`,
            ja: `入力の名前 ${quoted(name)} は使えません: ${NAME_HINT.ja}にしてください`,
          },
          { got: false },
        );
        addIssue({ message, input: name, path });
        return NEVER;
      }
      const text = m[name];
      const value = typeof text === 'string' ? parseLiteral(text) : null;
      if (!value) {
        addIssue({ message: NUMBER_MESSAGE, input: text, path });
        return NEVER;
      }
      inputs.push({ name, value });
    }
    return inputs;
  }),
);

const OPS = GRAPH_OPS.join(', ');

const NodeSchema = v.pipe(
  fields(
    {
      name: v.pipe(v.string(says(expected(NAME_HINT))), v.regex(NAME, says(expected(NAME_HINT)))),
      op: v.picklist(GRAPH_OPS, says(expected({ en: `one of ${OPS}`, ja: `${OPS} のいずれか` }))),
      args: v.array(
        someText({ en: 'the name of an input or earlier node, or a number', ja: '入力か前のノードの名前、または数' }),
        says(expected({ en: 'a list of arguments, e.g. [apple, tax]', ja: '引数のリスト（例: [apple, tax]）' })),
      ),
    },
    NODE,
    { en: `a node like ${EXAMPLE_NODE}`, ja: `${EXAMPLE_NODE} のようなノード` },
  ),
  v.forward(
    v.check(
      (node) => node.args.length >= ARITY[node.op].min && node.args.length <= ARITY[node.op].max,
      (issue) => says(arityMessage(issue.input as { op: GraphOp; args: readonly string[] }), { got: false }),
    ),
    ['args'],
  ),
);

function arityMessage({ op, args }: { op: GraphOp; args: readonly string[] }): Text {
  const arity = ARITY[op];
  const expected =
    arity.max === Infinity
      ? `${arity.min} or more arguments`
      : arity.min === 1
        ? 'exactly 1 argument'
        : `exactly ${arity.min} arguments`;
  const expectedJa = arity.max === Infinity ? ` ${arity.min} 個以上` : `ちょうど ${arity.min} 個`;
  const example = op === 'pow' ? ' (base and exponent, e.g. [t, 2] or [t, "3/4"])' : '';
  const exampleJa = op === 'pow' ? '（底と指数、例: [t, 2] や [t, "3/4"]）' : '';
  return {
    en: `${op} takes ${expected}${example}, got ${args.length}`,
    ja: `${op} の引数は${expectedJa}${exampleJa}でなければなりませんが、${args.length} 個です`,
  };
}

const EXAMPLE_STEP = '{learning_rate: 0.01, update: [a, b, c]}';
const STEPS_HINT: Text = {
  en: `a whole number of steps from 1 to ${LIMITS.graphSteps}, e.g. 4`,
  ja: `1 から ${LIMITS.graphSteps} までのステップ数（整数、例: 4）`,
};
const STEP: Text = { en: 'a gradient step', ja: '勾配法の1ステップ' };

/** `step: {learning_rate, update, ascent?}`: which inputs to move, how far, and which way. */
const StepSchema = fields(
  {
    learning_rate: v.pipe(
      v.string(NUMBER_MESSAGE),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const value = parseLiteral(dataset.value);
        if (value === null || value.kind !== 'rational' || value.q.s <= 0n || value.q.n === 0n) {
          addIssue({ message: says(expected({ en: 'a positive number such as 0.01', ja: '正の数（例: 0.01）' })) });
          return NEVER;
        }
        return value;
      }),
    ),
    update: v.pipe(
      v.array(
        v.pipe(v.string(says(expected(NAME_HINT))), v.regex(NAME, says(expected(NAME_HINT)))),
        says(expected({ en: 'a list of input names, e.g. [a, b, c]', ja: '入力の名前のリスト（例: [a, b, c]）' })),
      ),
      v.minLength(
        1,
        says(
          { en: 'expected at least one input to move, e.g. [a]', ja: '動かす入力が少なくとも1つ必要です（例: [a]）' },
          { got: false },
        ),
      ),
    ),
    ascent: v.optional(
      v.picklist(['true', 'false'], says({ en: 'expected true or false', ja: 'true または false を指定してください' })),
    ),
    steps: v.optional(v.string(says(expected(STEPS_HINT)))),
  },
  STEP,
  { en: `a mapping like ${EXAMPLE_STEP}`, ja: `${EXAMPLE_STEP} のようなマッピング` },
);

const GraphFileSchema = fields(
  {
    graph: fields(
      {
        inputs: InputsSchema,
        nodes: v.pipe(
          v.array(
            NodeSchema,
            says(
              expected({
                en: `a list of nodes, each like ${EXAMPLE_NODE}`,
                ja: `ノードのリスト（各ノードは ${EXAMPLE_NODE} の形）`,
              }),
            ),
          ),
          v.minLength(
            1,
            says(
              {
                en: `expected at least one node, e.g. ${EXAMPLE_NODE}`,
                ja: `ノードが少なくとも1つ必要です（例: ${EXAMPLE_NODE}）`,
              },
              { got: false },
            ),
          ),
        ),
        output: someText({
          en: 'the name of the node (or input) whose gradients are wanted',
          ja: '勾配を求めたいノード（または入力）の名前',
        }),
        step: v.optional(StepSchema),
      },
      GRAPH,
      { en: 'a mapping with inputs, nodes and output', ja: 'inputs, nodes, output を持つマッピング' },
    ),
  },
  GRAPH_FILE,
  { en: 'a mapping with a top-level "graph" key', ja: 'トップレベルに "graph" キーを持つマッピング' },
);

type RawNode = v.InferOutput<typeof NodeSchema>;

export function graphFromSource(source: Source): GraphSpec {
  // The schema checks the shape; the names (defined once, before use, no cycles) are checked below.
  const { graph } = validate(source, GraphFileSchema);
  const inputs = graph.inputs;
  const rawNodes = graph.nodes;
  checkSize(source, inputs.length, rawNodes);

  // Where each name is defined: an input, or the index of its node.
  const definedAt = new Map<string, 'input' | number>();
  for (const input of inputs) definedAt.set(input.name, 'input');
  rawNodes.forEach((node, i) => {
    const previous = definedAt.get(node.name);
    if (previous !== undefined) {
      const where =
        previous === 'input'
          ? { en: 'an input', ja: '入力' }
          : { en: `graph.nodes[${previous}]`, ja: ` graph.nodes[${previous}] ` };
      fail(source, ['graph', 'nodes', i, 'name'], {
        en: `duplicate name "${node.name}": already used by ${where.en}`,
        ja: `名前 "${node.name}" が重複しています: すでに${where.ja}で使われています`,
      });
    }
    definedAt.set(node.name, i);
  });

  const nodes = rawNodes.map(
    (node, i): GraphNode => ({
      name: node.name,
      op: node.op,
      args: node.args.map((text, j) => resolveArg(source, rawNodes, definedAt, inputs, i, j, text)),
    }),
  );
  nodes.forEach((node, i) => checkPowExponent(source, node, i));

  if (!definedAt.has(graph.output)) {
    const names = [...definedAt.keys()].join(', ');
    fail(source, ['graph', 'output'], {
      en: `unknown name ${quoted(String(graph.output))}: expected one of ${names}`,
      ja: `不明な名前 ${quoted(String(graph.output))} です: ${names} のいずれかを指定してください`,
    });
  }
  const step = graph.step && {
    learningRate: graph.step.learning_rate,
    update: checkUpdate(source, graph.step.update, definedAt),
    ascent: graph.step.ascent === 'true',
    steps: graph.step.steps === undefined ? 1 : stepCount(source, graph.step.steps, rawNodes.length),
  };
  const spec: GraphSpec = { inputs, nodes, output: graph.output, ...(step ? { step } : {}) };
  checkDomains(source, spec);
  return spec;
}

/** The size limits of a graph (inputs, nodes, arguments of a node), before any name is resolved. */
function checkSize(source: Source, inputs: number, nodes: readonly RawNode[]): void {
  if (inputs > LIMITS.graphInputs)
    fail(source, ['graph', 'inputs'], LIMIT_WORDS.count({ en: 'inputs', ja: '入力' }, inputs, LIMITS.graphInputs));
  if (nodes.length > LIMITS.graphNodes)
    fail(source, ['graph', 'nodes'], LIMIT_WORDS.count({ en: 'nodes', ja: 'ノード' }, nodes.length, LIMITS.graphNodes));
  nodes.forEach((node, i) => {
    if (node.args.length > LIMITS.nodeArgs)
      fail(
        source,
        ['graph', 'nodes', i, 'args'],
        LIMIT_WORDS.count({ en: 'arguments', ja: '引数' }, node.args.length, LIMITS.nodeArgs),
      );
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
    const inputNames = inputs.map((x) => x.name).join(', ');
    const earlier = nodes
      .slice(0, i)
      .map((n) => n.name)
      .join(', ');
    const known = [
      inputs.length > 0 ? { en: `an input (${inputNames})`, ja: `入力（${inputNames}）` } : null,
      i > 0 ? { en: `an earlier node (${earlier})`, ja: `前のノード（${earlier}）` } : null,
      NUMBER_HINT,
    ].filter((x): x is Text => x !== null);
    const why = NAME.test(text)
      ? { en: `unknown name ${quoted(text)}`, ja: `不明な名前 ${quoted(text)} です` }
      : {
          en: `${quoted(text)} is neither a name nor a number`,
          ja: `${quoted(text)} は名前でも数でもありません`,
        };
    fail(source, path, {
      en: `${why.en}: expected ${known.map((k) => k.en).join(', or ')}`,
      ja: `${why.ja}: ${known.map((k) => k.ja).join('、')}のいずれかを指定してください`,
    });
  }
  if (where !== 'input' && where >= i) {
    const cycle = findCycle(nodes, definedAt, i, where);
    if (cycle) {
      const loop = cycle.join(' → ');
      fail(source, path, {
        en: `cycle: ${loop} (each node uses the next; a node cannot depend on itself)`,
        ja: `循環しています: ${loop}（各ノードが次のノードを使っています。ノードは自分自身に依存できません）`,
      });
    }
    const later = fieldPath(['graph', 'nodes', where]);
    const user = nodes[i].name;
    fail(source, path, {
      en: `"${text}" is defined later (${later}); a node may use only inputs and earlier nodes, so list "${text}" before "${user}"`,
      ja: `"${text}" はこのノードより後（${later}）で定義されています。ノードが使えるのは入力と前のノードだけなので、"${text}" を "${user}" より前に書いてください`,
    });
  }
  return { kind: 'name', name: text };
}

/** A path of node names from node `from` (which uses node `via`) back to `from`, if there is one. */
function findCycle(
  nodes: readonly RawNode[],
  definedAt: ReadonlyMap<string, 'input' | number>,
  from: number,
  via: number,
): string[] | null {
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
  if (value?.kind !== 'rational') {
    const shown = quoted(exponent.kind === 'literal' ? exponent.text : exponent.name);
    fail(source, path, {
      en: `the exponent of pow must be a number written in the file, e.g. 2, -1 or "3/4", got ${shown}`,
      ja: `pow の指数は 2、-1、"3/4" のようにファイルに数で書かなければなりません（指定値: ${shown}）`,
    });
  }
  if (value.q.n > BigInt(MAX_POW_EXPONENT) * value.q.d || value.q.d > BigInt(MAX_POW_EXPONENT)) {
    // fraction.js keeps the sign apart: n is |numerator|.
    fail(source, path, {
      en: `the exponent of pow must be between -${MAX_POW_EXPONENT} and ${MAX_POW_EXPONENT}, with a denominator of at most ${MAX_POW_EXPONENT}`,
      ja: `pow の指数は -${MAX_POW_EXPONENT} 以上 ${MAX_POW_EXPONENT} 以下で、分母は ${MAX_POW_EXPONENT} 以下でなければなりません`,
    });
  }
}

/** `steps`: a whole number within LIMITS.graphSteps, and nodes × steps within LIMITS.graphStepWork. */
function stepCount(source: Source, text: string, nodes: number): number {
  const path = ['graph', 'step', 'steps'];
  const n = /^\s*\d{1,7}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= LIMITS.graphSteps)) {
    fail(source, path, {
      en: `expected ${STEPS_HINT.en}, got ${quoted(text)}`,
      ja: `${STEPS_HINT.ja}を指定してください（指定値: ${quoted(text)}）`,
    });
  }
  if (n * nodes > LIMITS.graphStepWork) {
    const most = Math.floor(LIMITS.graphStepWork / nodes);
    fail(source, path, {
      en: `${n} steps of a graph of ${nodes} nodes is more than the limit of ${LIMITS.graphStepWork.toLocaleString('en')} node evaluations (nodes × steps): at most ${most} steps here`,
      ja: `${nodes} ノードの計算グラフで ${n} ステップは上限（ノード数 × ステップ数 ${LIMITS.graphStepWork.toLocaleString('en')}）を超えます: ここでは ${most} ステップまでです`,
    });
  }
  return n;
}

/** The step moves inputs only, each named once. */
function checkUpdate(
  source: Source,
  update: readonly string[],
  definedAt: ReadonlyMap<string, 'input' | number>,
): string[] {
  update.forEach((name, k) => {
    const path = ['graph', 'step', 'update', k];
    const where = definedAt.get(name);
    if (where === undefined || typeof where === 'number') {
      const inputs = [...definedAt].filter(([, w]) => w === 'input').map(([n]) => n);
      const why =
        where === undefined
          ? { en: `unknown name ${quoted(name)}`, ja: `不明な名前 ${quoted(name)} です` }
          : { en: `"${name}" is a node, not an input`, ja: `"${name}" は入力ではなくノードです` };
      fail(source, path, {
        en: `${why.en}: a step moves inputs only: expected one of ${inputs.join(', ')}`,
        ja: `${why.ja}: 勾配法で動かせるのは入力だけです: ${inputs.join(', ')} のいずれかを指定してください`,
      });
    }
    if (update.indexOf(name) !== k) {
      fail(source, path, { en: `"${name}" is listed twice`, ja: `"${name}" が2回書かれています` });
    }
  });
  return [...update];
}

/**
 * Evaluates the graph once (and after its step, if any) so that log(−1), 1/0 and the like are
 * reported at the node.
 */
function checkDomains(source: Source, spec: GraphSpec): void {
  try {
    forwardValues(spec);
    // The backward pass too: a derivative can fail where the value does not ((x^(1/2))′ at 0).
    solveGraph({ ...spec, step: undefined });
  } catch (error) {
    if (error instanceof NodeLimitError) fail(source, ['graph', 'nodes', error.nodeIndex], LIMIT_WORDS.exact);
    if (error instanceof NodeDomainError) {
      fail(source, ['graph', 'nodes', error.nodeIndex], {
        en: `cannot be evaluated: ${error.message}`,
        ja: `計算できません: ${domainJa(error.message)}`,
      });
    }
    throw error;
  }
  if (!spec.step) return;
  try {
    solveGraph(spec);
  } catch (error) {
    if (error instanceof NodeLimitError || error instanceof ExactLimitError)
      fail(source, ['graph', 'step'], LIMIT_WORDS.exact);
    if (error instanceof StepDomainError) {
      const { nodeIndex, message } = error.error;
      const after =
        spec.step.steps === 1
          ? { en: 'after the step', ja: 'ステップの後' }
          : { en: `after step ${error.step}`, ja: `${error.step} ステップ目の後` };
      fail(source, ['graph', 'step'], {
        en: `${after.en}, graph.nodes[${nodeIndex}] cannot be evaluated: ${message}`,
        ja: `${after.ja}、graph.nodes[${nodeIndex}] が計算できません: ${domainJa(message)}`,
      });
    }
    throw error;
  }
}

/** ops.ts's reasons (GraphDomainError), in Japanese; the message is `op(args): reason`. */
const DOMAIN_JA: readonly (readonly [string, string])[] = [
  ['0 cannot be raised to a negative power', '0 を負の数で累乗することはできません'],
  ['the exponent of pow must be a rational number', 'pow の指数は有理数でなければなりません'],
  [
    'a negative number has no real root of even degree (the denominator of the exponent)',
    '負の数には偶数次（指数の分母）の実数の累乗根がありません',
  ],
  ['the derivative of x^r with r < 1 is infinite at x = 0', 'r < 1 のとき x^r の x = 0 での微分は無限大です'],
  ['division by zero', '0 で割ることはできません'],
  ['log (natural logarithm) needs a positive argument', 'log（自然対数）の引数は正の数でなければなりません'],
  ['the reciprocal of 0 is undefined', '0 の逆数は定義されていません'],
];

function domainJa(message: string): string {
  const found = DOMAIN_JA.find(([en]) => message.endsWith(en));
  return found ? message.slice(0, message.length - found[0].length) + found[1] : message;
}
