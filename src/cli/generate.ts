// `backprop-tutor generate SET.yaml --out DIR [--roster roster.csv | --variants N] [--format html,pdf,md,latex]`:
// every student's variant, self-tested, then rendered and written. Nothing is written until every
// variant has passed the self-test, so a failing variant leaves no half-written class behind; then
// each file is written as soon as it is rendered.
import { mkdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import type { WorkedDocument } from '../document/model';
import { InputError } from '../network/errors';
import { pick, type Text } from '../text/lang';
import { SelfTestError, studentExam, type Replaced } from '../sets/exam';
import { SET_FORMATS, setFiles, type DocumentFormat, type PracticePage, type SetFormat } from '../sets/files';
import type { ExerciseSet } from '../sets/types';
import { loadSet } from '../sets/load';
import { loadRoster, numberedVariants } from '../sets/roster';
import { selfTest } from '../sets/verify';
import { GENERATE } from './commands';
import { GENERATE as WORDS, SOLVE } from './messages';
import { outputError, writeOutputFile } from './output';
import { parseCommand } from './parse';
import { progressBar } from './progress';
import { UsageError } from './usage-error';
import pkg from '../../package.json';
import { echo } from '../text/escape';

function formatsOf(option: string | undefined): SetFormat[] {
  const given = option ?? 'html';
  const list = given.split(',').map((f) => f.trim());
  const known = (f: string): f is SetFormat => (SET_FORMATS as readonly string[]).includes(f);
  if (list.length === 0 || !list.every(known) || new Set(list).size !== list.length)
    throw new UsageError(WORDS.badFormat(echo(given), SET_FORMATS.join(', ')));
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
  // No browser for a PDF: said before anything is made or written, not after half the class.
  if (formats.includes('pdf')) {
    const { chromiumCandidates, findChromium } = await import('../render/pdf');
    if (findChromium() === null) {
      say(SOLVE.noBrowser(chromiumCandidates().join(', ')));
      return 1;
    }
  }
  // A folder that cannot be made (a file in the way, no permission) is said before the work starts.
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw outputError(out, error);
  }
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

  const { render, close } = await renderer();
  // The practice pages are also zipped for the class, so they are kept as they are written.
  const practicePagesWritten = new Map<string, string | Uint8Array>();
  const write = (path: string, content: string | Uint8Array) => {
    const target = join(out, path);
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (error) {
      throw outputError(dirname(target), error);
    }
    writeOutputFile(target, content);
    if (path.endsWith('/practice.html'))
      practicePagesWritten.set(`${path.slice(0, -'/practice.html'.length)}.html`, content);
  };
  let count: number;
  try {
    const practice = formats.includes('practice') ? await practicePages(set) : undefined;
    count = await setFiles(
      set,
      exams,
      formats,
      render,
      write,
      (done) => progress(students.length + done, total),
      practice,
    );
  } catch (error) {
    if ((error as Error).name !== 'BrowserError') throw error;
    bar.stop();
    say(SOLVE.browserFailed((error as Error).message));
    return 1;
  } finally {
    bar.stop();
    await close();
  }
  if (formats.includes('practice')) {
    const { zipFiles } = await import('../web/zip');
    write('practice.zip', zipFiles(practicePagesWritten));
    count++;
  }
  say(WORDS.wrote(count, out, exams.length));
  return 0;
}

/** The shared renderers, loaded only here; PDFs are printed by one browser for the whole class. */
async function renderer() {
  const { renderDocument } = await import('../render/worked');
  const { fixedPdfDates } = await import('../sets/pdf-dates');
  let printer: import('../render/pdf').PdfPrinter | null = null;
  const render = async (doc: WorkedDocument, format: DocumentFormat) => {
    if (format !== 'pdf') return (await renderDocument(doc, format === 'md' ? 'markdown' : format)) as string;
    if (printer === null) printer = await (await import('../render/pdf')).pdfPrinter();
    const html = (await renderDocument(doc, 'html')) as string;
    return fixedPdfDates(await printer.print(html));
  };
  return { render, close: async () => printer?.close() };
}

/** A student's practice page: the exam's questions, the set's title and language, the student's id for the CSV. */
async function practicePages(set: ExerciseSet): Promise<PracticePage> {
  const { practiceQuestions } = await import('../web/content');
  const { practicePage } = await import('../web/page');
  const { practiceScript } = await import('../web/script');
  const script = practiceScript();
  return async (exam) =>
    practicePage(
      await practiceQuestions(
        exam.questions.map((q) => q.exercise),
        set.lang,
      ),
      {
        lang: set.lang,
        script,
        title: `${set.title} — ${exam.student.name === '' ? exam.student.id : exam.student.name}`,
        student: { id: exam.student.id, name: exam.student.name },
        version: pkg.version,
      },
    );
}
