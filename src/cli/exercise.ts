// `backprop-tutor exercise [--template NAME] [--difficulty 1|2|3] [--seed S] [--lang en|ja] [--format text|json]`
// and `backprop-tutor exercise --list`. Without --seed a random seed is drawn and printed, so every
// exercise can be reproduced; the same template, seed and difficulty always give the same exercise.
import { randomInt } from 'node:crypto';
import { generateExercise } from '../exercises/generate';
import { TEMPLATES, templateByName } from '../exercises/templates/index';
import type { Difficulty, Exercise, Lang } from '../exercises/types';
import { EXERCISE } from './commands';
import { EXERCISE as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';
import { echo } from '../text/escape';

/** Random default seeds stay short enough to read out and type: 0..999999. */
const RANDOM_SEED_LIMIT = 1_000_000;

function listText(lang: Lang): string {
  const width = Math.max(...TEMPLATES.map((tpl) => tpl.name.length));
  const head =
    lang === 'en'
      ? 'Templates (backprop-tutor exercise --template NAME):'
      : 'テンプレート（backprop-tutor exercise --template NAME）:';
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
  const { values } = parseCommand(EXERCISE, args);
  const { lang, format, template } = values;
  if (values.list) {
    const list = TEMPLATES.map((tpl) => ({
      name: tpl.name,
      kind: tpl.kind,
      description: tpl.description[lang],
      topic: tpl.topic[lang],
    }));
    process.stdout.write(format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : listText(lang));
    return 0;
  }
  const difficulty = Number(values.difficulty) as Difficulty;
  if (template !== undefined && !templateByName(template))
    throw new UsageError(WORDS.unknownTemplate(echo(template), TEMPLATES.map((tpl) => tpl.name).join(', ')));
  const seed = values.seed ?? randomInt(RANDOM_SEED_LIMIT);
  const exercise = generateExercise({ template, seed, difficulty, lang });
  process.stdout.write(format === 'json' ? `${JSON.stringify(exercise, null, 2)}\n` : exerciseText(exercise));
  return 0;
}
