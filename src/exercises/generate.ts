// Generates one exercise: the template's seeded search gives a variant solved by the engine; this
// file turns it into the exercise JSON (prompt, asks, expected values, hints) in the chosen language.
import { formulaText } from '../graph/formula';
import type { GraphOp, GraphStep } from '../graph/spec';
import { atStep } from '../graph/text';
import { jsonValue } from '../number/json';
import type { Value } from '../number/value';
import { describeNetwork } from './describe';
import { givenToJson } from './given';
import { graphHints, networkHints } from './hints';
import { askLabel } from './labels';
import { MAX_SEED, mixSeed } from './prng';
import { cellsOf, type AskValue } from './quantities';
import { findVariant } from './search';
import { show } from './show';
import { TEMPLATES, templateByName } from './templates/index';
import type { Template } from './template';
import { t } from './text';
import type { Difficulty, Exercise, ExpectedValue, Lang } from './types';
import type { GraphVariant, NetworkVariant, SymbolicVariant } from './variant';

export interface ExerciseOptions {
  /** A template name; absent: chosen by the seed. */
  readonly template?: string;
  readonly seed: number;
  readonly difficulty?: Difficulty;
  readonly lang?: Lang;
}

export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
}

/** The template a seed picks when none is named (the same seed always picks the same one). */
export function templateForSeed(seed: number): Template {
  return TEMPLATES[mixSeed(seed, 0x7e3) % TEMPLATES.length];
}

function expectedJson(v: AskValue): ExpectedValue {
  if (!Array.isArray(v)) return jsonValue(v as Value);
  return (v as readonly AskValue[]).map((x) => expectedJson(x)) as ExpectedValue;
}

const findLine = t(
  'Find (give exact values: fractions or decimals):',
  '次の値を求めよ（分数または小数で正確に答えよ）:',
);
const findLineIrrational = t('Find:', '次の値を求めよ:');

/** The exercise JSON of a solved network variant (also for a teacher's own network file). */
export function networkExercise(
  base: Pick<Exercise, 'template' | 'seed' | 'difficulty' | 'lang' | 'generator'>,
  variant: Pick<NetworkVariant, 'file' | 'ctx'> & {
    readonly draft: Pick<NetworkVariant['draft'], 'asks' | 'intro' | 'statement' | 'label'>;
  },
): Exercise {
  const { draft, ctx, file } = variant;
  const lang = base.lang;
  const statement = draft.statement
    ? draft.statement(ctx, lang)
    : describeNetwork(ctx.spec, ctx.given, draft.asks, lang);
  const labels = draft.asks.map(
    (ask) => `  ${ask.id}: ${draft.label?.(ctx, ask, lang) ?? askLabel(ctx.spec, ask, lang)}`,
  );
  const irrational = ctx.values.some((v) => cellsOf(v).some((c) => c.kind !== 'rational'));
  const prompt = [
    draft.intro?.[lang],
    '',
    ...statement,
    '',
    (irrational ? findLineIrrational : findLine)[lang],
    ...labels,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  return {
    ...base,
    network: file,
    given: givenToJson(ctx.given),
    asks: draft.asks,
    prompt,
    expected: Object.fromEntries(draft.asks.map((ask, i) => [ask.id, expectedJson(ctx.values[i])])),
    hints: Object.fromEntries(draft.asks.map((ask) => [ask.id, networkHints(ctx, ask, lang)])),
  };
}

/** The exercise JSON of a solved graph variant (also for a teacher's own graph file). */
export function graphExercise(
  base: Pick<Exercise, 'template' | 'seed' | 'difficulty' | 'lang' | 'generator'>,
  variant: Pick<GraphVariant, 'solution' | 'values'> & {
    readonly draft: Pick<GraphVariant['draft'], 'file' | 'asks' | 'intro' | 'names' | 'findLine'>;
  },
): Exercise {
  const { draft, solution, values } = variant;
  const lang = base.lang;
  const names = draft.names ?? {};
  const named = (n: string) => (names[n] ? ` (${names[n][lang]})` : '');
  const output = solution.spec.output;
  const lines = [
    t('Inputs:', '入力:')[lang],
    ...solution.spec.inputs.map((input) => `  ${input.name} = ${show(input.value)}${named(input.name)}`),
    t('Nodes of the computational graph, in order:', '計算グラフのノード（順に計算する）:')[lang],
    ...draft.file.graph.nodes.map(
      (node) => `  ${node.name} = ${formulaText(node.op as GraphOp, node.args)}${named(node.name)}`,
    ),
    `${t('Output', '出力')[lang]}: ${output}`,
    ...(solution.spec.step ? [descentLine(solution.spec.step, output, lang)] : []),
  ];
  const labels = draft.asks.map((ask) => {
    const what =
      ask.quantity === 'value'
        ? t(`the value of ${output}`, `${output} の値`)[lang]
        : ask.quantity === 'input_after'
          ? t(
              `${atStep(ask.node, ask.step)}, the value of ${ask.node} after step ${ask.step}`,
              `${atStep(ask.node, ask.step)}（ステップ ${ask.step} の後の ${ask.node} の値）`,
            )[lang]
          : ask.quantity === 'value_after'
            ? t(
                `${output} after step ${ask.step}: its value at the point step ${ask.step} reaches`,
                `ステップ ${ask.step} の後の ${output}: ステップ ${ask.step} で到達した点での値`,
              )[lang]
            : ask.quantity === 'gradients'
              ? `∂${output}/∂${ask.node}${named(ask.node)}`
              : t(`the value of node ${ask.node}`, `ノード ${ask.node} の値`)[lang];
    return `  ${ask.id}: ${what}`;
  });
  return {
    ...base,
    network: draft.file,
    given: {},
    asks: draft.asks,
    prompt: [draft.intro[lang], '', ...lines, '', (draft.findLine ?? findLine)[lang], ...labels].join('\n'),
    expected: Object.fromEntries(draft.asks.map((ask, i) => [ask.id, jsonValue(values[i])])),
    hints: Object.fromEntries(draft.asks.map((ask) => [ask.id, graphHints(solution, ask, lang)])),
  };
}

/** The gradient step(s) the exercise takes, with the rule. */
function descentLine(step: GraphStep, output: string, lang: Lang): string {
  const moved = step.update.join(', ');
  const eta = show(step.learningRate);
  const sign = step.ascent ? '+' : '−';
  const rule = `x_k = x_(k−1) ${sign} η·∂${output}/∂x (${t('at x_(k−1)', 'x_(k−1) での値')[lang]})`;
  const what = step.ascent
    ? t(`Gradient ascent on ${moved}`, `${moved} について勾配上昇法`)
    : t(`Gradient descent on ${moved}`, `${moved} について勾配降下法`);
  return t(
    `${what.en}: learning rate η = ${eta}, ${step.steps} step${step.steps === 1 ? '' : 's'} from the inputs above, ${rule}.`,
    `${what.ja}: 学習率 η = ${eta}、上の入力から ${step.steps} ステップ、${rule}。`,
  )[lang];
}

function symbolicExercise(
  base: Pick<Exercise, 'template' | 'seed' | 'difficulty' | 'lang' | 'generator'>,
  variant: SymbolicVariant,
): Exercise {
  const { draft } = variant;
  const lang = base.lang;
  const labels = draft.asks.map((ask) => `  ${ask.id}: ${ask.of}`);
  return {
    ...base,
    network: null,
    given: {},
    asks: draft.asks,
    prompt: [draft.prompt[lang], '', t('Answer:', '解答:')[lang], ...labels].join('\n'),
    expected: Object.fromEntries(
      draft.asks.map((ask) => [ask.id, { expression: ask.expression, latex: draft.latex[ask.id] }]),
    ),
    hints: Object.fromEntries(draft.asks.map((ask) => [ask.id, (draft.hints[ask.id] ?? []).map((h) => h[lang])])),
  };
}

/**
 * The version of the generator: raise it whenever a template changes what a seed makes, so that a file
 * saved before the change is still graded as it was made (see grader/provenance.ts).
 */
export const GENERATOR_VERSION = 2;

export function generateExercise(options: ExerciseOptions): Exercise {
  const { seed } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new RangeError(`seed must be an integer 0..${MAX_SEED}, got ${seed}`);
  const template = options.template === undefined ? templateForSeed(seed) : templateByName(options.template);
  if (!template) throw new UnknownTemplateError(`unknown template "${options.template}" (see --list)`);
  const difficulty = options.difficulty ?? 1;
  const lang = options.lang ?? 'en';
  const { variant } = findVariant(template, seed, difficulty);
  const base = { template: template.name, seed, difficulty, lang, generator: GENERATOR_VERSION };
  switch (variant.kind) {
    case 'network':
      return networkExercise(base, variant);
    case 'graph':
      return graphExercise(base, variant);
    case 'symbolic':
      return symbolicExercise(base, variant);
  }
}
