// Reads an exercise JSON file (the contract of `backprop-tutor exercise --format json`) for grading.
// The file is untrusted like any input: its structure is checked with a valibot schema (through the
// shared layer every input file uses), its network with the project's own network validator, and
// every ask must be one the engine can compute. Any problem is one InputError naming the field and
// its line, in English and Japanese. Numbers stay exact strings (YAML failsafe schema).
import * as v from 'valibot';
import type { Text } from '../text/lang';
import { InputError } from '../network/errors';
import { expected, got, isMapping, mapping, says, unknownField, validate } from '../network/schema-issues';
import { networkFromSource } from '../network/load';
import { fail, readSource, parseSource, type Path, type Source } from '../network/source';
import { graphFromSource } from '../graph/load';
import { givenOutputsOf } from '../exercises/given';
import { parseLiteral, sign } from '../number/value';
import type { Ask, Exercise, GraphFile, NetworkFile } from '../exercises/types';
import type { Tolerance } from './compare';
import { checkFormulaAsk } from './formula-ask';
import { quoted } from '../text/escape';

const text = (what: Text) => v.string(says(expected(what)));
const integerText = (what: Text) => v.pipe(text(what), v.regex(/^\d{1,6}$/, says(expected(what))));

const ToleranceSchema = mapping(
  {
    absolute: v.optional(text({ en: 'a number such as 0.001', ja: '数（例: 0.001）' })),
    relative: v.optional(text({ en: 'a number such as 0.01', ja: '数（例: 0.01）' })),
  },
  {
    expected: expected({
      en: 'a tolerance: a mapping with absolute and/or relative',
      ja: '許容誤差（absolute と relative のどちらかまたは両方を持つマッピング）',
    }),
    unknown: unknownField(
      { en: 'a tolerance', ja: '許容誤差' },
      { en: 'absolute and/or relative', ja: 'absolute と relative' },
    ),
  },
);

const ASK_ID = { en: 'an ask id such as "a1"', ja: '問題の ID（例: "a1"）' };

const AskSchema = mapping(
  {
    id: v.pipe(
      text(ASK_ID),
      v.regex(
        /^[A-Za-z0-9_-]{1,32}$/,
        says({
          en: 'expected an ask id such as "a1" (letters, digits, _ or -)',
          ja: '問題の ID（例: "a1"。英数字、_、- で書きます）を指定してください',
        }),
      ),
    ),
    quantity: text({ en: 'a quantity such as "delta" or "grad_bias"', ja: '求める量（例: "delta", "grad_bias"）' }),
    layer: v.optional(integerText({ en: 'a layer index (0, 1, …)', ja: '層の番号（0, 1, …）' })),
    index: v.optional(
      v.array(
        integerText({ en: 'a cell index (0, 1, …)', ja: '要素の番号（0, 1, …）' }),
        says(expected({ en: 'a list of indices such as [0, 1]', ja: '番号のリスト（例: [0, 1]）' })),
      ),
    ),
    node: v.optional(text({ en: 'a node name', ja: 'ノードの名前' })),
    step: v.optional(
      v.pipe(
        integerText({ en: 'a step number (1, 2, …)', ja: 'ステップの番号（1, 2, …）' }),
        v.check(
          (s) => Number(s) >= 1,
          says({ en: 'expected a step number from 1', ja: '1 以上のステップの番号を指定してください' }),
        ),
      ),
    ),
    tolerance: v.optional(ToleranceSchema),
  },
  {
    expected: expected({ en: 'an ask: a mapping with id and quantity', ja: '問題（id と quantity を持つマッピング）' }),
    unknown: { en: 'unknown field', ja: '不明なフィールドです' },
    loose: true,
  },
);

const ExerciseSchema = mapping(
  {
    network: v.unknown(),
    given: v.optional(v.unknown()),
    asks: v.pipe(
      v.array(
        AskSchema,
        says(
          expected({ en: 'a list of asks, each with id and quantity', ja: '問題のリスト（各問題に id と quantity）' }),
        ),
      ),
      v.minLength(1, says({ en: 'expected at least one ask', ja: '問題が少なくとも1つ必要です' }, { got: false })),
    ),
    expected: v.optional(
      v.pipe(
        v.custom<Record<string, unknown>>(
          isMapping,
          says(expected({ en: 'a mapping from ask id to value', ja: '問題の ID から値へのマッピング' })),
        ),
        v.record(v.string(), v.unknown()),
      ),
    ),
    hints: v.optional(
      v.pipe(
        v.custom<Record<string, unknown>>(
          isMapping,
          says(
            expected({
              en: 'a mapping from ask id to a list of hints',
              ja: '問題の ID からヒントのリストへのマッピング',
            }),
          ),
        ),
        v.record(
          v.string(),
          v.array(
            v.string(says(expected({ en: 'a hint (a text)', ja: 'ヒント（文字列）' }))),
            says(expected({ en: 'a list of hints', ja: 'ヒントのリスト' })),
          ),
        ),
      ),
    ),
    tolerance: v.optional(ToleranceSchema),
  },
  {
    expected: {
      en: 'expected an exercise: a mapping with network, asks and expected (as printed by `backprop-tutor exercise --format json`)',
      ja: '演習（network, asks, expected を持つマッピング。`backprop-tutor exercise --format json` が出力する形）を指定してください',
    },
    got: false,
    unknown: { en: 'unknown field', ja: '不明なフィールドです' },
    loose: true,
  },
);

export interface LoadedExercise {
  readonly exercise: Exercise;
  /** Tolerance overrides: by ask id, '*' for the whole exercise. */
  readonly tolerances: ReadonlyMap<string, Tolerance>;
  readonly source: Source;
}

export function loadExercise(file: string): LoadedExercise {
  return exerciseFromSource(readSource(file));
}

export function parseExercise(textValue: string, file = '<exercise>'): LoadedExercise {
  return exerciseFromSource(parseSource(file, textValue));
}

/** A source for a part of the file, so that errors in the network name `network.…` and its line. */
function subSource(source: Source, prefix: Path): Source {
  let data: unknown = source.data;
  for (const key of prefix) data = (data as Record<string | number, unknown>)[key];
  return { file: source.file, data, lineOf: (path) => source.lineOf([...prefix, ...path]) };
}

function prefixed<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(
        error.file,
        error.field ? `${prefix}.${error.field}` : prefix,
        error.expectedText,
        error.line,
      );
    throw error;
  }
}

function toleranceOf(source: Source, path: Path, raw: { absolute?: string; relative?: string }): Tolerance {
  const read = (key: 'absolute' | 'relative') => {
    const t = raw[key];
    if (t === undefined) return undefined;
    const value = parseLiteral(t);
    if (!value || sign(value) < 0) {
      const shown = got(quoted(t));
      fail(source, [...path, key], {
        en: `expected a non-negative number${shown.en}`,
        ja: `0 以上の数を指定してください${shown.ja}`,
      });
    }
    return value;
  };
  return { absolute: read('absolute'), relative: read('relative') };
}

/** An ask after step k: the graph takes a `step` of at least k steps, and x_k names an input it moves. */
function checkStepAsk(
  source: Source,
  network: unknown,
  ask: { quantity: string; step?: string; node?: string },
  i: number,
): void {
  const graph = isMapping(network) && isMapping(network.graph) ? network.graph : null;
  const step = graph && isMapping(graph.step) ? graph.step : null;
  if (!step) {
    fail(source, ['asks', i, 'quantity'], {
      en: `${ask.quantity} reads a gradient step: expected a graph with a step, e.g. step: {learning_rate: 0.1, update: [x], steps: 4}`,
      ja: `${ask.quantity} は勾配法のステップの結果です: step を持つ計算グラフが必要です（例: step: {learning_rate: 0.1, update: [x], steps: 4}）`,
    });
  }
  const steps = typeof step.steps === 'string' ? Number(step.steps) : 1;
  const k = ask.step === undefined ? Number.NaN : Number(ask.step);
  if (!(k >= 1 && k <= steps)) {
    fail(source, ['asks', i, ask.step === undefined ? 'quantity' : 'step'], {
      en: `expected step: a step number from 1 to ${steps} (the graph takes ${steps})`,
      ja: `step には 1 から ${steps} までのステップの番号を指定してください（計算グラフのステップ数は ${steps}）`,
    });
  }
  if (ask.quantity !== 'input_after') return;
  const update = Array.isArray(step.update) ? (step.update as unknown[]).map(String) : [];
  if (ask.node === undefined || !update.includes(ask.node)) {
    fail(source, ['asks', i, ask.node === undefined ? 'quantity' : 'node'], {
      en: `expected node: one of the inputs the step moves (${update.join(', ')})`,
      ja: `node にはステップで動かす入力（${update.join(', ')}）のいずれかを指定してください`,
    });
  }
}

export function exerciseFromSource(source: Source): LoadedExercise {
  const raw = validate(source, ExerciseSchema);
  const rawNetwork = raw.network;
  const isNull =
    rawNetwork === undefined || rawNetwork === null || rawNetwork === 'null' || rawNetwork === '~' || rawNetwork === '';
  let network: NetworkFile | GraphFile | null = null;
  if (!isNull) {
    if (!isMapping(rawNetwork)) {
      fail(source, ['network'], {
        en: 'expected a network file (a mapping with layers, …) or a graph file, or null',
        ja: 'ネットワークのファイル（layers などを持つマッピング）か計算グラフのファイル、または null を指定してください',
      });
    }
    const part = subSource(source, ['network']);
    if ('graph' in (rawNetwork as object)) prefixed('network', () => graphFromSource(part));
    else
      givenOutputsOf(
        raw.given as Exercise['given'],
        prefixed('network', () => networkFromSource(part)),
        source.file,
      );
    network = rawNetwork as unknown as NetworkFile | GraphFile;
  }
  const tolerances = new Map<string, Tolerance>();
  if (raw.tolerance) tolerances.set('*', toleranceOf(source, ['tolerance'], raw.tolerance));
  const seen = new Set<string>();
  const asks: Ask[] = raw.asks.map((a, i) => {
    if (seen.has(a.id))
      fail(source, ['asks', i, 'id'], {
        en: `ask id "${a.id}" is used twice`,
        ja: `問題の ID "${a.id}" が2回使われています`,
      });
    seen.add(a.id);
    if (a.quantity === 'expression') checkFormulaAsk(source, i);
    if (a.tolerance) tolerances.set(a.id, toleranceOf(source, ['asks', i, 'tolerance'], a.tolerance));
    const ask: Record<string, unknown> = { ...a };
    if (a.layer !== undefined) ask.layer = Number(a.layer);
    if (a.index !== undefined) ask.index = a.index.map(Number);
    if (a.step !== undefined) ask.step = Number(a.step);
    if (a.quantity === 'input_after' || a.quantity === 'value_after') checkStepAsk(source, rawNetwork, a, i);
    delete ask.tolerance;
    return ask as unknown as Ask;
  });
  const exercise: Exercise = {
    template:
      typeof (raw as Record<string, unknown>).template === 'string'
        ? ((raw as Record<string, unknown>).template as string)
        : 'custom',
    seed: Number((raw as Record<string, unknown>).seed ?? 0) || 0,
    difficulty: ([1, 2, 3] as const).find((d) => d === Number((raw as Record<string, unknown>).difficulty)) ?? 1,
    // Numbers in the file arrive as their text, so that none passes through a float.
    ...((raw as Record<string, unknown>).generator !== undefined
      ? { generator: Number((raw as Record<string, unknown>).generator) }
      : {}),
    lang: (raw as Record<string, unknown>).lang === 'ja' ? 'ja' : 'en',
    network,
    given: raw.given as Exercise['given'],
    asks,
    prompt:
      typeof (raw as Record<string, unknown>).prompt === 'string'
        ? ((raw as Record<string, unknown>).prompt as string)
        : '',
    expected: (raw.expected ?? {}) as Exercise['expected'],
    hints: (raw.hints ?? {}) as Exercise['hints'],
  };
  return { exercise, tolerances, source };
}
