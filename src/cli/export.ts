// `backprop-tutor export SET.yaml --to moodle|qti [--variants N] --out FILE`: the set's variants
// (the same as generate --variants N, self-tested the same way) as a question bank for a
// learning-management system. The XML and zip libraries load only here.
import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../network/errors';
import { SelfTestError, studentExam, type Replaced } from '../sets/exam';
import { loadSet } from '../sets/load';
import { numberedVariants } from '../sets/roster';
import { selfTest } from '../sets/verify';
import { pick, type Text } from '../text/lang';
import { EXPORT } from './commands';
import { EXPORT as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(EXPORT, args);
  const { lang, to, out } = values;
  const say = (message: Text) => process.stderr.write(`backprop-tutor: ${pick(message, lang)}\n`);
  if (to === undefined) throw new UsageError(WORDS.needTo);
  if (out === undefined) throw new UsageError(WORDS.needOut);
  if (out === '-' && to === 'qti') throw new UsageError(WORDS.qtiToStdout);
  if (out !== '-') checkWritable(out);
  const set = loadSet(positionals[0]);
  const count = values.variants ?? 1;

  // A progress line on a terminal only; piped or redirected stderr stays quiet.
  const tty = process.stderr.isTTY === true;
  const progress = (done: number) => {
    if (tty) process.stderr.write(`\r${pick(WORDS.progress(done, count), lang)}${done === count ? '\n' : ''}`);
  };
  const replaced: Replaced[] = [];
  let exams;
  try {
    exams = numberedVariants(count).map((variant, i) => {
      const exam = studentExam(set, variant, selfTest, replaced);
      progress(i + 1);
      return exam;
    });
  } catch (error) {
    if (!(error instanceof SelfTestError)) throw error;
    for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));
    say(WORDS.selfTestFailed(error.message));
    return 1;
  }
  for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));

  const { exportSet } = await import('../export/questions');
  const { workedStepsFragments } = await import('../export/solution');
  const exported = await exportSet(set, exams, (exercise, n, variant) =>
    workedStepsFragments(exercise, n, variant, set.lang),
  );
  for (const n of exported.formulaOnly) say(WORDS.formulaOnly(n));
  for (const [n, ask] of exported.formulaAsks) say(WORDS.formulaAsk(n, ask));
  if (exported.questions.length === 0) throw new InputError(set.file, 'questions', WORDS.noNumeric);

  const bytes =
    to === 'moodle'
      ? (await import('../export/moodle')).moodleXml(exported)
      : (await import('../export/qti')).qtiZip(exported);
  if (out === '-') process.stdout.write(bytes);
  else write(out, bytes);
  say(WORDS.wrote(out === '-' ? 'stdout' : out, to, exported.questions.length, count));
  return 0;
}

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Before any work: FILE's folder exists and FILE is not itself a folder. */
function checkWritable(out: string): void {
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'none';
    }
  };
  if (kind(dirname(out)) !== 'folder') throw new InputError(out, null, WORDS.noFolder(dirname(out)));
  if (kind(out) === 'folder') throw new InputError(out, null, WORDS.isFolder);
}

function write(out: string, bytes: string | Uint8Array): void {
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    throw new InputError(out, null, WORDS.cannotWrite(reason(error)));
  }
}
