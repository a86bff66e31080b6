// `backprop-tutor key CODE --set SET.yaml [--format text|json|html|pdf|md|latex] [--output OUT]
// [--pdf-timeout SECONDS]`: a lost key regenerated. The code printed on a sheet is the student's
// seed, which with the set file fixes every question (a variant the self-test replaced is replaced
// again, the same way); the code does not say which set it belongs to, so the set file is an
// argument. The student's id and name are not in the code: the key is headed by the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { examOfSeed, SelfTestError, type Replaced } from '../sets/exam';
import { loadSet } from '../sets/load';
import { seedOfCode, studentCode } from '../sets/seed';
import { selfTest } from '../sets/verify';
import { KEY } from './commands';
import { KEY as WORDS } from './messages';
import { parseCommand } from './parse';
import { pdfFailure, pdfTimeoutOf } from './pdf-options';
import { pick } from '../text/lang';
import { UsageError } from './usage-error';

export async function keyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(KEY, args);
  const { format, output, lang } = values;
  const seed = seedOfCode(positionals[0]);
  if (seed === null) throw new UsageError(WORDS.badCode(positionals[0]));
  if (values.set === undefined) throw new UsageError(WORDS.needSet);
  if (format === 'pdf' && output === undefined) throw new UsageError(WORDS.pdfNeedsOutput);
  const pdfTimeout = pdfTimeoutOf(values['pdf-timeout'], format === 'pdf', WORDS.pdfTimeoutWithoutPdf);
  const set = loadSet(values.set);
  const code = studentCode(seed);
  const replaced: Replaced[] = [];
  let exam;
  try {
    exam = examOfSeed(set, seed, { id: code, name: '' }, selfTest, replaced);
  } catch (error) {
    if (!(error instanceof SelfTestError)) throw error;
    process.stderr.write(`backprop-tutor: key: ${error.message}\n`);
    return 1;
  }
  let content: string | Uint8Array;
  if (format === 'json') {
    const questions = exam.questions.map((q) => ({ ...q.exercise, points: q.points }));
    content = `${JSON.stringify({ title: set.title, set_seed: set.seed, code, questions }, null, 2)}\n`;
  } else {
    const { keyAndSolutionsDocument } = await import('../sets/documents');
    const doc = keyAndSolutionsDocument(set, exam);
    if (format === 'text') {
      const { renderTerminal } = await import('../render/terminal');
      content = renderTerminal(doc, { width: process.stdout.columns ?? 80 });
    } else {
      const { renderDocument } = await import('../render/worked');
      let rendered: string | Uint8Array;
      try {
        rendered = await renderDocument(doc, format === 'md' ? 'markdown' : format, {
          pdf: { timeoutSeconds: pdfTimeout },
        });
      } catch (error) {
        const failure = pdfFailure(error);
        if (failure === null) throw error;
        process.stderr.write(`backprop-tutor: ${pick(failure, lang)}\n`);
        return 1;
      }
      content = typeof rendered === 'string' ? rendered : (await import('../sets/pdf-dates')).fixedPdfDates(rendered);
    }
  }
  if (output === undefined) process.stdout.write(content);
  else {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, content);
  }
  return 0;
}
