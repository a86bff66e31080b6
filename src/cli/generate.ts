// `backprop-tutor generate SET.yaml --out DIR [--roster roster.csv | --variants N] [--format html,pdf,md,latex]`:
// every student's variant, self-tested, then rendered and written. Nothing is written until every
// variant has passed the self-test, so a failing variant leaves no half-written class behind; then
// each file is written as soon as it is rendered.
import { mkdirSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import type { WorkedDocument } from '../document/model';
import { InputError } from '../network/errors';
import { pick, type Text } from '../text/lang';
import { SelfTestError, studentExam, type Replaced } from '../sets/exam';
import { SET_FORMATS, setFiles, type SetFormat } from '../sets/files';
import { loadSet } from '../sets/load';
import { loadRoster, numberedVariants } from '../sets/roster';
import { selfTest } from '../sets/verify';
import { GENERATE } from './commands';
import { GENERATE as WORDS, SOLVE } from './messages';
import { parseCommand } from './parse';
import { progressBar } from './progress';
import { UsageError } from './usage-error';

function formatsOf(option: string | undefined): SetFormat[] {
  const given = option ?? 'html';
  const list = given.split(',').map((f) => f.trim());
  const known = (f: string): f is SetFormat => (SET_FORMATS as readonly string[]).includes(f);
  if (list.length === 0 || !list.every(known) || new Set(list).size !== list.length)
    throw new UsageError(WORDS.badFormat(given, SET_FORMATS.join(', ')));
  // Always in the table's order, so the tree does not depend on how the flag was written.
  return SET_FORMATS.filter((f) => list.includes(f));
}

export async function generateCommand(args: string[]): Promise<number> {
  // A class is seconds to minutes of work, not the fraction of a second main.ts turns V8's optimising
  // compiler off for: with it back on, KaTeX and the engine run about a quarter faster here.
  setFlagsFromString('--opt');
  const { values, positionals } = parseCommand(GENERATE, args);
  const { lang, roster, variants, out } = values;
  const say = (message: Text) => process.stderr.write(`backprop-tutor: ${pick(message, lang)}\n`);
  if (out === undefined)
    throw new UsageError({ en: 'generate: expected --out DIR', ja: 'generate: --out DIR を指定してください' });
  if ((roster === undefined) === (variants === undefined)) throw new UsageError(WORDS.rosterOrVariants);
  const formats = formatsOf(values.format);
  const set = loadSet(positionals[0]);
  const students = roster === undefined ? numberedVariants(variants ?? 1) : loadRoster(roster);
  if (students.length === 0) throw new InputError(roster ?? '', null, WORDS.emptyRoster(roster ?? ''));

  // A bar on a terminal only (cli-progress, loaded only then): piped or redirected stderr stays quiet.
  const bar = await progressBar('generate', lang);
  const progress = (done: number, total: number) => bar.update(done, total);

  const replaced: Replaced[] = [];
  let exams;
  // Two halves of the bar: every variant self-tested, then every student's files rendered.
  const total = 2 * students.length + 1;
  try {
    exams = students.map((student, i) => {
      const exam = studentExam(set, student, selfTest, replaced);
      progress(i + 1, total);
      return exam;
    });
  } catch (error) {
    bar.stop();
    if (!(error instanceof SelfTestError)) throw error;
    for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));
    say(WORDS.selfTestFailed(error.message));
    return 1;
  }
  for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));

  // No browser for a PDF: said before the first file is written, not after half the class.
  if (formats.includes('pdf')) {
    const { chromiumCandidates, findChromium } = await import('../render/pdf');
    if (findChromium() === null) {
      say(SOLVE.noBrowser(chromiumCandidates().join(', ')));
      return 1;
    }
  }
  const { render, close } = await renderer();
  const write = (path: string, content: string | Uint8Array) => {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  let count: number;
  try {
    count = await setFiles(set, exams, formats, render, write, (done) => progress(students.length + done, total));
  } catch (error) {
    if ((error as Error).name !== 'BrowserError') throw error;
    bar.stop();
    say(SOLVE.browserFailed((error as Error).message));
    return 1;
  } finally {
    bar.stop();
    await close();
  }
  say(WORDS.wrote(count, out, exams.length));
  return 0;
}

/** The shared renderers, loaded only here; PDFs are printed by one browser for the whole class. */
async function renderer() {
  const { renderDocument } = await import('../render/worked');
  const { fixedPdfDates } = await import('../sets/pdf-dates');
  let printer: import('../render/pdf').PdfPrinter | null = null;
  const render = async (doc: WorkedDocument, format: SetFormat) => {
    if (format !== 'pdf') return (await renderDocument(doc, format === 'md' ? 'markdown' : format)) as string;
    if (printer === null) printer = await (await import('../render/pdf')).pdfPrinter();
    const html = (await renderDocument(doc, 'html')) as string;
    return fixedPdfDates(await printer.print(html));
  };
  return { render, close: async () => printer?.close() };
}
