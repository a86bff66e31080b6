// The usage text (`--help`, and after every bad command line), built from the command table in both
// languages: a synopsis line per way of calling each command, then every option of every command.
import { pick, text, type Lang, type Text } from '../text/lang';
import { COMMANDS, GLOBAL_OPTIONS } from './commands';
import { LANG_ENV } from './lang';
import { PARSE } from './messages';
import type { CommandSpec, OptionSpec, Use } from './options';
import { positionalsShown } from './parse';
import { UsageError } from './usage-error';

export { UsageError } from './usage-error';

const PROGRAM = 'backprop-tutor';
/** Synopsis lines wrap before this column. */
const WIDTH = 96;
const DESCRIPTION_INDENT = '      ';

const WORDS = {
  title: text(
    'backprop-tutor — learn backpropagation by hand, with exact numbers',
    'backprop-tutor — 誤差逆伝播法を手計算で学ぶ（厳密な数値で）',
  ),
  usage: text('Usage:', '使い方:'),
  optionsOf: (command: string) => text(`Options of ${command}:`, `${command} のオプション:`),
  byDefault: (value: string) => text(`(default: ${value})`, `（既定: ${value}）`),
  repeatable: text('(repeatable)', '（繰り返し指定できます）'),
  environment: text(
    `Environment:
  ${LANG_ENV}=en|ja   The default for --lang, and the language of error messages and of this
                              help (an explicit --lang wins).
  BACKPROP_TUTOR_CHROMIUM     The browser that prints --format pdf (default: /usr/bin/chromium and the like).`,
    `環境変数:
  ${LANG_ENV}=en|ja   --lang の既定値。エラーメッセージとこの使い方の言語にもなります
                              （--lang を指定すればそちらが優先）。
  BACKPROP_TUTOR_CHROMIUM     --format pdf を印刷するブラウザ（既定: /usr/bin/chromium など）。`,
  ),
  examples: text('Examples:', '例:'),
  everything: text(
    `Every command, the environment and the exit codes: ${PROGRAM} --help`,
    `すべてのコマンド、環境変数、終了コード: ${PROGRAM} --help`,
  ),
  exitCodes: text(
    'Exit codes: 0 success, 1 internal error (or no browser for --format pdf, or a full disk), 2 bad command line,\nbad input file or bad output path. BACKPROP_TUTOR_DEBUG=1 shows the details of an internal error.',
    '終了コード: 0 成功、1 内部エラー（または --format pdf でブラウザが見つからない、ディスクがいっぱい）、\n2 コマンドライン・入力ファイル・出力先の誤り。BACKPROP_TUTOR_DEBUG=1 で内部エラーの詳細を表示します。',
  ),
} as const;

const EXAMPLES = [
  'solve exercises/networks/mazur.yaml',
  'solve exercises/networks/mazur.yaml --format json',
  'solve exercises/graphs/apple.yaml',
  'explain sigmoid --lang ja',
  'exercise --template output-bias-grad --difficulty 2 --seed 7',
  'exercise --template output-bias-grad --seed 7 --format json > ex.json',
  'check ex.json --answer a1=0.12',
  'check exercises/networks/mazur.yaml --work exercises/work/mazur-work.yaml',
  'solve exercises/networks/mazur.yaml --format html --lang ja --output mazur.html',
] as const;

function optionOf(spec: CommandSpec, name: string): OptionSpec {
  const option = spec.options[name];
  if (option === undefined)
    throw new Error(`${spec.name}: the usage names an option "${name}" the command does not have`);
  return option;
}

/** `--format text|json`, `--output OUT`, `--list`; a repeatable option ends in `…`. */
function shownOption(name: string, option: OptionSpec, values?: readonly string[]): string {
  switch (option.type) {
    case 'boolean':
      return `--${name}`;
    case 'enum':
      return `--${name} ${(values ?? option.values).join('|')}`;
    case 'integer':
      return `--${name} ${option.value}`;
    case 'string':
      return `--${name} ${option.value}${option.repeatable ? ' …' : ''}`;
  }
}

function shownUse(spec: CommandSpec, use: Use): string {
  const [name, values] = typeof use === 'string' ? [use, undefined] : [use.option, use.values];
  return shownOption(name, optionOf(spec, name), values);
}

/** `  backprop-tutor WORDS…`, wrapped before WIDTH with continuation lines under the first word. */
function synopsis(words: readonly string[]): string {
  const [first, ...rest] = words;
  const lines = [`  ${PROGRAM} ${first}`];
  const indent = ' '.repeat(lines[0].length + 1);
  for (const word of rest) {
    const last = lines.length - 1;
    if (lines[last].length + 1 + word.length > WIDTH && lines[last].trim() !== '') lines.push(indent + word);
    else lines[last] += ` ${word}`;
  }
  return lines.join('\n');
}

const described = (description: Text, lang: Lang): string =>
  pick(description, lang)
    .split('\n')
    .map((line) => DESCRIPTION_INDENT + line)
    .join('\n');

function commandSynopses(spec: CommandSpec, lang: Lang): string[] {
  return spec.forms.map((form) => {
    const words = [
      spec.name,
      ...(form.args ?? positionalsShown(spec)),
      ...(form.required ?? []).map((use) => shownUse(spec, use)),
      ...(form.optional ?? []).map((use) => `[${shownUse(spec, use)}]`),
    ];
    return `${synopsis(words)}\n${described(form.description, lang)}`;
  });
}

function commandOptions(spec: CommandSpec, lang: Lang): string {
  const entries = [
    ...spec.positionals.map((p) => `  ${p.name}\n${described(p.description, lang)}`),
    ...Object.entries(spec.options).map(([name, option]) => {
      const notes = [
        option.type === 'enum' && option.default !== undefined ? pick(WORDS.byDefault(option.default), lang) : null,
        option.type === 'string' && option.repeatable ? pick(WORDS.repeatable, lang) : null,
      ].filter((note) => note !== null);
      const head = `  ${option.short === undefined ? '' : `-${option.short}, `}${shownOption(name, option).replace(/ …$/, '')}`;
      return `${[head, ...notes].join('  ')}\n${described(option.description, lang)}`;
    }),
  ];
  return `${pick(WORDS.optionsOf(spec.name), lang)}\n${entries.join('\n')}`;
}

function build(lang: Lang): string {
  const global = GLOBAL_OPTIONS.map((option) => `${synopsis([option.shown])}\n${described(option.description, lang)}`);
  return `${[
    pick(WORDS.title, lang),
    [pick(WORDS.usage, lang), ...COMMANDS.flatMap((spec) => commandSynopses(spec, lang)), ...global].join('\n'),
    ...COMMANDS.map((spec) => commandOptions(spec, lang)),
    pick(WORDS.environment, lang),
    [pick(WORDS.examples, lang), ...EXAMPLES.map((example) => `  ${PROGRAM} ${example}`)].join('\n'),
    pick(WORDS.exitCodes, lang),
  ].join('\n\n')}\n`;
}

export const USAGE = build('en');
export const USAGE_JA = build('ja');

/** The usage text in `lang`. */
export function usage(lang: Lang): string {
  return lang === 'ja' ? USAGE_JA : USAGE;
}

/** One command's part of the usage (`backprop-tutor CMD --help`, and after a bad CMD command line). */
export function commandUsage(name: string, lang: Lang): string {
  const spec = COMMANDS.find((command) => command.name === name);
  if (spec === undefined) return usage(lang);
  return `${[
    [pick(WORDS.usage, lang), ...commandSynopses(spec, lang)].join('\n'),
    commandOptions(spec, lang),
    pick(WORDS.everything, lang),
  ].join('\n\n')}\n`;
}

/** The message of a bad command line in `lang`: a UsageError's own text, or node:util parseArgs's, translated. */
export function usageMessage(error: Error, lang: Lang): string {
  return error instanceof UsageError ? error.messageIn(lang) : pick(PARSE.parseArgs(error), lang);
}
