// `backprop-tutor exercise [--template NAME] [--difficulty 1|2|3] [--seed S] [--lang en|ja] [--format text|json]`
// and `backprop-tutor exercise --list`. Without --seed a random seed is drawn and printed, so every
// exercise can be reproduced; the same template, seed and difficulty always give the same exercise.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { generateExercise } from '../exercises/generate';
import { MAX_SEED } from '../exercises/prng';
import { TEMPLATES, templateByName } from '../exercises/templates/index';
import type { Difficulty, Exercise, Lang } from '../exercises/types';
import { UsageError } from './usage';

/** Random default seeds stay short enough to read out and type: 0..999999. */
const RANDOM_SEED_LIMIT = 1_000_000;

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`exercise: ${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function parseSeed(text: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SEED) throw new UsageError(`exercise: --seed must be an integer from 0 to ${MAX_SEED}, got "${text}"`);
  return Number(text);
}

function listText(lang: Lang): string {
  const width = Math.max(...TEMPLATES.map((tpl) => tpl.name.length));
  const head = lang === 'en' ? 'Templates (backprop-tutor exercise --template NAME):' : 'テンプレート（backprop-tutor exercise --template NAME）:';
  return `${head}\n${TEMPLATES.map((tpl) => `  ${tpl.name.padEnd(width)}  ${tpl.description[lang]}`).join('\n')}\n`;
}

function exerciseText(exercise: Exercise): string {
  const { template, difficulty, seed, lang } = exercise;
  const again = `backprop-tutor exercise --template ${template} --difficulty ${difficulty} --seed ${seed}${lang === 'ja' ? ' --lang ja' : ''}`;
  const ids = exercise.asks.map((a) => a.id);
  const example = ids.map((id) => `--answer ${id}=...`).join(' ');
  const lines =
    lang === 'en'
      ? [
          `Exercise ${template} · difficulty ${difficulty} · seed ${seed}`,
          `(the same exercise again: ${again})`,
          '',
          exercise.prompt,
          '',
          `To have your answers checked, save the exercise as JSON and run check:`,
          `  ${again} --format json > exercise.json`,
          `  backprop-tutor check exercise.json ${example}`,
        ]
      : [
          `演習 ${template}・難易度 ${difficulty}・シード ${seed}`,
          `（同じ問題をもう一度: ${again}）`,
          '',
          exercise.prompt,
          '',
          '解答を採点するには、問題を JSON で保存して check を実行する:',
          `  ${again} --format json > exercise.json`,
          `  backprop-tutor check exercise.json ${example}`,
        ];
  return `${lines.join('\n')}\n`;
}

/** Runs the command, writes its output, returns the exit code. */
export async function exerciseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      template: { type: 'string', short: 't' },
      difficulty: { type: 'string', short: 'd', default: '1' },
      seed: { type: 'string', short: 's' },
      lang: { type: 'string', default: 'en' },
      format: { type: 'string', short: 'f', default: 'text' },
      list: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`exercise: unexpected argument "${positionals[0]}" (use --template NAME)`);
  const lang = choice('--lang', values.lang as string, ['en', 'ja'] as const);
  const format = choice('--format', values.format as string, ['text', 'json'] as const);
  if (values.list) {
    const list = TEMPLATES.map((tpl) => ({ name: tpl.name, kind: tpl.kind, description: tpl.description[lang], topic: tpl.topic[lang] }));
    process.stdout.write(format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : listText(lang));
    return 0;
  }
  const difficulty = Number(choice('--difficulty', values.difficulty as string, ['1', '2', '3'] as const)) as Difficulty;
  const template = values.template as string | undefined;
  if (template !== undefined && !templateByName(template)) {
    throw new UsageError(`exercise: unknown template "${template}"; expected one of ${TEMPLATES.map((tpl) => tpl.name).join(', ')}`);
  }
  const seed = values.seed === undefined ? randomInt(RANDOM_SEED_LIMIT) : parseSeed(values.seed as string);
  const exercise = generateExercise({ template, seed, difficulty, lang });
  process.stdout.write(format === 'json' ? `${JSON.stringify(exercise, null, 2)}\n` : exerciseText(exercise));
  return 0;
}
