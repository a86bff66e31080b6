// Reads a set file (YAML, failsafe: numbers as text) into an ExerciseSet. Structure is checked by the
// valibot schema through the loaders' shared layer, so a bad file gets the same one-line
// `file:line: field: expected …` error as a network file; then each network question's file is
// loaded with its own validator and every ask is computed once, so an ask the file cannot answer is
// named at its line in the set file.
import { dirname, join } from 'node:path';
import { solve } from '../engine/solve';
import { askValue } from '../exercises/quantities';
import {
  GRAPH_ASK_QUANTITIES,
  type Difficulty,
  type GraphAsk,
  type GraphFile,
  type NetworkAsk,
  type NetworkFile,
} from '../exercises/types';
import { graphAskValue } from '../exercises/variant';
import { isGraphSource } from '../graph/detect';
import { graphFromSource } from '../graph/load';
import { solveGraph } from '../graph/solve';
import { networkFromSource } from '../network/load';
import { InputError } from '../network/errors';
import { isMapping, validate } from '../network/schema-issues';
import { LIMITS } from '../number/limits';
import { fail, parseSource, readSource, type Path, type Source } from '../network/source';
import {
  NetworkQuestionSchema,
  SetSchema,
  TOO_MANY_QUESTIONS,
  TemplateQuestionSchema,
  type RawQuestion,
  isNetworkQuestion,
} from './schema';
import type { ExerciseSet, SetQuestion } from './types';

export function loadSet(file: string): ExerciseSet {
  return setFromSource(readSource(file));
}

export function parseSet(text: string, file = '<set>'): ExerciseSet {
  return setFromSource(parseSource(file, text));
}

/**
 * Checks one question against its own schema, told by its keys, so that the error names the wrong
 * field (a union's issue would only say "expected a question"); the field is named from the set's top.
 */
function checkQuestion(source: Source, i: number, data: unknown): void {
  const schema = isMapping(data) && 'network' in data ? NetworkQuestionSchema : TemplateQuestionSchema;
  const at: Path = ['questions', i];
  const part: Source = { file: source.file, data, lineOf: (path) => source.lineOf([...at, ...path]) };
  try {
    validate(part, schema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const head = `questions[${i}]`;
    const field =
      error.field === null ? head : error.field.startsWith('[') ? head + error.field : `${head}.${error.field}`;
    throw new InputError(error.file, field, error.expectedText, error.line);
  }
}

export function setFromSource(source: Source): ExerciseSet {
  const data = source.data;
  // Too many questions is said before each of them is checked (the schema says the same).
  const tooMany = isMapping(data) && Array.isArray(data.questions) && data.questions.length > LIMITS.setQuestions;
  if (tooMany) fail(source, ['questions'], TOO_MANY_QUESTIONS);
  if (isMapping(data) && Array.isArray(data.questions)) data.questions.forEach((q, i) => checkQuestion(source, i, q));
  const raw = validate(source, SetSchema);
  const base = dirname(source.file);
  return {
    file: source.file,
    title: raw.title,
    lang: raw.lang ?? 'en',
    seed: Number(raw.seed),
    questions: raw.questions.map((q, i) => question(source, base, i, q)),
  };
}

function question(source: Source, base: string, i: number, raw: RawQuestion): SetQuestion {
  const points = Number(raw.points);
  if (!isNetworkQuestion(raw))
    return {
      kind: 'template',
      template: raw.template,
      difficulty: Number(raw.difficulty ?? '1') as Difficulty,
      points,
    };
  const at: Path = ['questions', i];
  const networkSource = readSource(join(base, raw.network));
  const asks = raw.asks.map((a, j) => {
    const ask: Record<string, unknown> = { id: `a${j + 1}`, quantity: a.quantity };
    if (a.layer !== undefined) ask.layer = Number(a.layer);
    if (a.index !== undefined) ask.index = a.index.map(Number);
    if (a.node !== undefined) ask.node = a.node;
    if (a.step !== undefined) ask.step = Number(a.step);
    return ask as unknown as NetworkAsk | GraphAsk;
  });
  const graph = isGraphSource(networkSource.data);
  const wrongKind = (j: number) =>
    fail(source, [...at, 'asks', j, 'quantity'], {
      en: graph
        ? 'a graph file is asked value, gradients (with node), nodes (with node), input_after (with node and step) or value_after (with step)'
        : 'a network file is asked a network quantity (value, gradients and nodes are for graph files)',
      ja: graph
        ? '計算グラフのファイルに対しては value、gradients（node とともに）、nodes（node とともに）、input_after（node と step とともに）、value_after（step とともに）を指定してください'
        : 'ネットワークのファイルに対してはネットワークの量を指定してください（value, gradients, nodes は計算グラフ用です）',
    });
  const computed = (j: number, run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      fail(source, [...at, 'asks', j], {
        en: `cannot be computed from ${raw.network}: ${error.message.replace(/^ask [^:]*: /, '')}`,
        ja: `${raw.network} から計算できません: ${error.message.replace(/^ask [^:]*: /, '')}`,
      });
    }
  };
  const GRAPH_ONLY: readonly string[] = GRAPH_ASK_QUANTITIES;
  if (graph) {
    const solution = solveGraph(graphFromSource(networkSource));
    asks.forEach((ask, j) => {
      if (!GRAPH_ONLY.includes(ask.quantity)) wrongKind(j);
      if (ask.quantity !== 'value' && ask.quantity !== 'value_after' && !('node' in ask && ask.node))
        fail(source, [...at, 'asks', j], {
          en: `${ask.quantity} needs node: the name of an input or node`,
          ja: `${ask.quantity} には node（入力またはノードの名前）が必要です`,
        });
      computed(j, () => graphAskValue(solution, ask as GraphAsk));
    });
    return { kind: 'file', path: raw.network, network: networkSource.data as GraphFile, asks, points };
  }
  const spec = networkFromSource(networkSource);
  const solution = solve(spec);
  asks.forEach((ask, j) => {
    if (GRAPH_ONLY.includes(ask.quantity) || 'node' in ask) wrongKind(j);
    computed(j, () => askValue(spec, solution, new Map(), ask as NetworkAsk));
  });
  return { kind: 'file', path: raw.network, network: networkSource.data as NetworkFile, asks, points };
}
