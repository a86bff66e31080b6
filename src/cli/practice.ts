// `backprop-tutor practice [--template NAME …] [--count N] [--difficulty 1|2|3] [--seed S] [--lang en|ja]
// [--title TITLE] [--scorm] [--output OUT]`: a self-contained practice page (or a SCORM 1.2 zip of it).
// The exercises are dealt as the quiz deals them, so the same seed gives the same questions.
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { generateExercise } from '../exercises/generate';
import { TEMPLATES, templateByName } from '../exercises/templates/index';
import type { Difficulty } from '../exercises/types';
import { InputError } from '../network/errors';
import { planSession } from '../quiz/plan';
import { TOPICS } from '../quiz/topics';
import { pick } from '../text/lang';
import { practiceQuestions } from '../web/content';
import { practicePage } from '../web/page';
import { scormPackage } from '../web/scorm';
import { practiceScript } from '../web/script';
import { WORDS } from '../web/words';
import pkg from '../../package.json';
import { PRACTICE } from './commands';
import { PRACTICE as MESSAGES } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

const DEFAULT_COUNT = 5;
const RANDOM_SEED_LIMIT = 1_000_000;

export async function practiceCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(PRACTICE, args);
  const { lang, output, scorm } = values;
  for (const t of values.template)
    if (!templateByName(t)) throw new UsageError(MESSAGES.unknownTemplate(t, TEMPLATES.map((x) => x.name).join(', ')));
  if (scorm && output === undefined) throw new UsageError(MESSAGES.scormNeedsOutput);
  const seed = values.seed ?? randomInt(RANDOM_SEED_LIMIT);
  const plan = planSession({
    type: 'session',
    version: 1,
    seed,
    count: values.count ?? DEFAULT_COUNT,
    topics: TOPICS.map((t) => t.id),
    difficulty: Number(values.difficulty) as Difficulty,
    lang,
    ...(values.template.length > 0 ? { templates: [...new Set(values.template)] } : {}),
  });
  const exercises = plan.map((q) =>
    generateExercise({ template: q.template, seed: q.seed, difficulty: q.difficulty, lang }),
  );
  const title = values.title ?? pick(WORDS.title, lang);
  const page = practicePage(await practiceQuestions(exercises, lang), {
    lang,
    script: practiceScript(),
    title,
    scorm,
    version: pkg.version,
  });
  if (output === undefined) {
    process.stdout.write(page);
    // The page is on standard output: a drawn seed is said on stderr, so the page can be made again.
    if (values.seed === undefined)
      process.stderr.write(`backprop-tutor: ${pick(MESSAGES.drawn(exercises.length, seed), lang)}\n`);
    return 0;
  }
  try {
    writeFileSync(output, scorm ? scormPackage(title, page) : page);
  } catch (error) {
    // A folder that does not exist, no permission: the file named, no stack trace.
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(output, null, MESSAGES.cannotWrite(code));
  }
  process.stderr.write(`backprop-tutor: ${pick(MESSAGES.wrote(output, exercises.length, seed), lang)}\n`);
  return 0;
}
