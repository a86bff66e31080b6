// The structure of a set file, as one valibot schema. The file is read with YAML's failsafe schema
// (every scalar a string, as for network files), so numbers arrive as text; each such field carries
// `editor` metadata saying what an editor sees (an integer, a number) for the generated JSON Schema.
import * as v from 'valibot';
import { MAX_SEED } from '../exercises/prng';
import { LIMITS } from '../number/limits';
import { TEMPLATES } from '../exercises/templates/index';
import { GRAPH_ASK_QUANTITIES, OPTIMIZER_QUANTITIES, OWN_QUANTITIES, SOLVE_QUANTITIES } from '../exercises/types';
import { expected, mapping, says, unknownField } from '../network/schema-issues';
import type { Text } from '../text/lang';

/** What a text field is in the editor's view of the file (JSON Schema), where YAML gives numbers. */
export type EditorView = Readonly<Record<string, unknown>>;

const editor = <T extends string>(view: EditorView) => v.metadata<T, { editor: EditorView }>({ editor: view });

const wholeNumber = (what: Text, min: number, max: number) =>
  v.pipe(
    v.string(says(expected(what))),
    v.regex(/^\d{1,10}$/, says(expected(what))),
    v.check((s) => Number(s) >= min && Number(s) <= max, says(expected(what))),
    editor<string>({ type: 'integer', minimum: min, maximum: max }),
  );

export const TEMPLATE_NAMES = TEMPLATES.map((tpl) => tpl.name);

export const GRAPH_QUANTITIES = GRAPH_ASK_QUANTITIES;
export const ASK_QUANTITIES = [
  ...SOLVE_QUANTITIES,
  ...OWN_QUANTITIES,
  ...OPTIMIZER_QUANTITIES,
  ...GRAPH_QUANTITIES,
] as const;

const POINTS: Text = { en: 'points: a positive number such as 2 or 1.5', ja: '配点（正の数。例: 2, 1.5）' };
const points = v.pipe(
  v.string(says(expected(POINTS))),
  v.regex(/^(?:0|[1-9]\d{0,5})(?:\.\d{1,2})?$/, says(expected(POINTS))),
  v.check((s) => Number(s) > 0, says(expected(POINTS))),
  editor<string>({ type: 'number', exclusiveMinimum: 0, maximum: 999999 }),
);

export const TemplateQuestionSchema = mapping(
  {
    template: v.picklist(
      TEMPLATE_NAMES,
      says({
        en: `expected a template: one of ${TEMPLATE_NAMES.join(', ')}`,
        ja: `テンプレートとして ${TEMPLATE_NAMES.join(', ')} のいずれかを指定してください`,
      }),
    ),
    difficulty: v.optional(
      v.pipe(
        v.picklist(['1', '2', '3'], says({ en: 'expected 1, 2 or 3', ja: '1, 2, 3 のいずれかを指定してください' })),
        editor<'1' | '2' | '3'>({ type: 'integer', enum: [1, 2, 3] }),
      ),
    ),
    points,
  },
  {
    expected: expected({
      en: 'a question: {template, difficulty, points} or {network, asks, points}',
      ja: '問題（{template, difficulty, points} または {network, asks, points}）',
    }),
    unknown: unknownField({ en: 'a template question', ja: 'テンプレートの問題' }, 'template, difficulty, points'),
  },
);

const INDEX: Text = { en: 'a cell index (0, 1, …)', ja: '要素の番号（0, 1, …）' };

export const AskSchema = mapping(
  {
    quantity: v.picklist(
      ASK_QUANTITIES,
      says({
        en: `expected a quantity: one of ${ASK_QUANTITIES.join(', ')}`,
        ja: `求める量として ${ASK_QUANTITIES.join(', ')} のいずれかを指定してください`,
      }),
    ),
    layer: v.optional(wholeNumber({ en: 'a layer index (0, 1, …)', ja: '層の番号（0, 1, …）' }, 0, 99)),
    index: v.optional(
      v.array(
        wholeNumber(INDEX, 0, 9999),
        says(expected({ en: 'a list of indices such as [0, 1]', ja: '番号のリスト（例: [0, 1]）' })),
      ),
    ),
    node: v.optional(v.string(says(expected({ en: 'a node name', ja: 'ノードの名前' })))),
    step: v.optional(wholeNumber({ en: 'a step number (1, 2, …)', ja: 'ステップの番号（1, 2, …）' }, 1, 1000)),
  },
  {
    expected: expected({
      en: 'an ask: a mapping such as {quantity: delta, layer: 1, index: [0, 0]}',
      ja: '問い（例: {quantity: delta, layer: 1, index: [0, 0]} のようなマッピング）',
    }),
    unknown: unknownField({ en: 'an ask', ja: '問い' }, 'quantity, layer, index, node, step'),
  },
);

export const NetworkQuestionSchema = mapping(
  {
    network: v.pipe(
      v.string(
        says(
          expected({
            en: 'the path of a network or graph file, relative to the set file',
            ja: 'ネットワークまたは計算グラフのファイルのパス（セットのファイルからの相対パス）',
          }),
        ),
      ),
      v.minLength(1, says(expected({ en: 'a file path', ja: 'ファイルのパス' }))),
    ),
    asks: v.pipe(
      v.array(
        AskSchema,
        says(expected({ en: 'a list of asks, each with a quantity', ja: '問いのリスト（各問いに quantity）' })),
      ),
      v.minLength(1, says({ en: 'expected at least one ask', ja: '問いが少なくとも1つ必要です' }, { got: false })),
    ),
    points,
  },
  {
    expected: expected({
      en: 'a question: {template, difficulty, points} or {network, asks, points}',
      ja: '問題（{template, difficulty, points} または {network, asks, points}）',
    }),
    unknown: unknownField({ en: 'a network question', ja: 'ネットワークの問題' }, 'network, asks, points'),
  },
);

export const QuestionSchema = v.union(
  [TemplateQuestionSchema, NetworkQuestionSchema],
  says({
    en: 'expected a question: {template, difficulty, points} or {network, asks, points}',
    ja: '問題（{template, difficulty, points} または {network, asks, points}）を指定してください',
  }),
);

export const TOO_MANY_QUESTIONS: Text = {
  en: `too many questions: the limit is ${LIMITS.setQuestions} questions in a set`,
  ja: `問題が多すぎます: 1つのセットの問題は ${LIMITS.setQuestions} 問までです`,
};

export const SetSchema = mapping(
  {
    title: v.pipe(
      v.string(says(expected({ en: 'a title (a text)', ja: 'タイトル（文字列）' }))),
      v.minLength(1, says(expected({ en: 'a title (a text)', ja: 'タイトル（文字列）' }))),
    ),
    lang: v.optional(
      v.picklist(['en', 'ja'], says({ en: 'expected en or ja', ja: 'en または ja を指定してください' })),
    ),
    seed: wholeNumber({ en: `a seed: an integer 0…${MAX_SEED}`, ja: `シード（0…${MAX_SEED} の整数）` }, 0, MAX_SEED),
    questions: v.pipe(
      v.array(QuestionSchema, says(expected({ en: 'a list of questions', ja: '問題のリスト' }))),
      v.minLength(1, says({ en: 'expected at least one question', ja: '問題が少なくとも1つ必要です' }, { got: false })),
      v.maxLength(LIMITS.setQuestions, says(TOO_MANY_QUESTIONS, { got: false })),
    ),
  },
  {
    expected: {
      en: 'expected a set: a mapping with title, seed and questions',
      ja: 'セット（title, seed, questions を持つマッピング）を指定してください',
    },
    got: false,
    unknown: unknownField({ en: 'a set', ja: 'セット' }, 'title, lang, seed, questions'),
  },
);

export type RawSet = v.InferOutput<typeof SetSchema>;
export type RawQuestion = v.InferOutput<typeof QuestionSchema>;
export type RawTemplateQuestion = v.InferOutput<typeof TemplateQuestionSchema>;
export type RawNetworkQuestion = v.InferOutput<typeof NetworkQuestionSchema>;

export const isNetworkQuestion = (raw: RawQuestion): raw is RawNetworkQuestion => 'network' in raw;
