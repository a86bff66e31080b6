// `backprop-tutor generate SET.yaml --out DIR [--roster roster.csv | --variants N] [--format html,pdf,md,latex]
// [--only class|students] [--pdf-timeout SECONDS]`:
// every student's variant, self-tested, then rendered and written. Nothing is written until every
// variant has passed the self-test, so a failing variant leaves no half-written class behind; then
// each file is written as soon as it is rendered.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../network/errors';
import { pick, type Text } from '../text/lang';
import { SelfTestError, studentExam, type Exam, type Replaced } from '../sets/exam';
import {
  allOf,
  classFiles,
  SET_FORMATS,
  STUDENTS_AT_ONCE,
  setFiles,
  studentFiles,
  type PracticePage,
  type Render,
  type SetFormat,
  type SetPart,
  type Write,
  writeInOrder,
} from '../sets/files';
import type { ExerciseSet } from '../sets/types';
import { loadSet } from '../sets/load';
import { loadRoster, numberedVariants, type Student } from '../sets/roster';
import { selfTest } from '../sets/verify';
import { GENERATE } from './commands';
import { GENERATE as WORDS, SOLVE } from './messages';
import { outputError } from './output';
import { parseCommand } from './parse';
import { pdfFailure, pdfTimeoutOf } from './pdf-options';
import type { Pool } from './generate-pool';
import { practicePages, renderer, writeSetFile } from './generate-render';
import { progressBar } from './progress';
import { UsageError } from './usage-error';
import { echo } from '../text/escape';

/** Worker threads at most unless --jobs asks for more (each holds a few hundred MB at its busiest). */
const DEFAULT_JOBS_MAX = 8;
/** Students a worker must have to be worth starting, by default. */
const STUDENTS_PER_WORKER = 32;

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
  const { lang, roster, variants, out, only } = values;
  const say = (message: Text) => process.stderr.write(`backprop-tutor: ${pick(message, lang)}\n`);
  if (out === undefined)
    throw new UsageError({ en: 'generate: expected --out DIR', ja: 'generate: --out DIR を指定してください' });
  if ((roster === undefined) === (variants === undefined)) throw new UsageError(WORDS.rosterOrVariants);
  const formats = formatsOf(values.format);
  const pdfTimeout = pdfTimeoutOf(values['pdf-timeout'], formats.includes('pdf'), WORDS.pdfTimeoutWithoutPdf);
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

  // Students side by side on every core (worker threads), unless there is one core, one student or
  // --jobs 1; by default at most DEFAULT_JOBS_MAX, as each worker holds its own caches and heap, and
  // one worker per STUDENTS_PER_WORKER students: a worker starts with empty caches (the formulas'
  // shapes, the 64-digit function values), which a small class does not win back (40 students took
  // 4.6 s on one thread and 5.1 s with two workers on two cores; 80 took 7.8 s and 7.0 s).
  const jobs = Math.min(
    values.jobs ??
      Math.max(
        1,
        Math.min(availableParallelism(), DEFAULT_JOBS_MAX, Math.floor(students.length / STUDENTS_PER_WORKER)),
      ),
    students.length,
  );
  const pool = jobs > 1 ? (await import('./generate-pool')).generatePool(jobs, { set, formats, out }) : null;
  try {
    const replaced: Replaced[] = [];
    let exams: Exam[];
    // Two halves of the bar: every variant self-tested, then every student's files rendered.
    const total = 2 * students.length + 1;
    try {
      exams = await studentExams(set, students, pool, replaced, (done) => progress(done, total));
    } catch (error) {
      bar.stop();
      if (!(error instanceof SelfTestError)) throw error;
      for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));
      say(WORDS.selfTestFailed(error.message));
      return 1;
    }
    for (const r of replaced) say(WORDS.replaced(r.student, r.question, r.seed, r.why));

    const { render, print, close } = await renderer(pdfTimeout);
    // The practice pages are also zipped for the class, so they are kept as they are written.
    const practicePagesWritten = new Map<string, string | Uint8Array>();
    let count: number;
    const keepPractice = (path: string, content: string | Uint8Array) => {
      if (path.endsWith('/practice.html'))
        practicePagesWritten.set(`${path.slice(0, -'/practice.html'.length)}.html`, content);
    };
    const write = (path: string, content: string | Uint8Array) => {
      writeSetFile(out, path, content);
      keepPractice(path, content);
    };
    try {
      const practice = formats.includes('practice') ? await practicePages(set) : undefined;
      const filesProgress = (done: number) => progress(students.length + done, total);
      count =
        pool === null
          ? await setFiles(set, exams, formats, render, write, filesProgress, practice, only)
          : await pooledFiles(
              set,
              exams,
              formats,
              pool,
              { render, print, write, keepPractice, practice },
              filesProgress,
              only,
            );
      // Only the class's files: the students' practice pages are made for the zip, not written.
      if (practice && only === 'class')
        for (const exam of exams) keepPractice(`${exam.student.id}/practice.html`, await practice(exam));
    } catch (error) {
      const failure = pdfFailure(error);
      if (failure === null) throw error;
      bar.stop();
      say(failure);
      return 1;
    } finally {
      bar.stop();
      await close();
    }
    if (formats.includes('practice') && only !== 'students') {
      const { zipFiles } = await import('../web/zip');
      write('practice.zip', zipFiles(practicePagesWritten));
      count++;
    }
    say(WORDS.wrote(count, out, exams.length));
    return 0;
  } finally {
    await pool?.close();
  }
}

/**
 * Every student's exam in roster order, self-tested; the variants replaced go to `replaced` in that
 * order too. With a pool, the first student in roster order whose question found no variant ends it,
 * with what the students before had replaced, as the sequential run does.
 */
async function studentExams(
  set: ExerciseSet,
  students: readonly Student[],
  pool: Pool | null,
  replaced: Replaced[],
  progress: (done: number) => void,
): Promise<Exam[]> {
  if (pool === null)
    return students.map((student, i) => {
      const exam = studentExam(set, student, selfTest, replaced);
      progress(i + 1);
      return exam;
    });
  const exams: Exam[] = [];
  await pool.run(
    students.length,
    (index) => ({ kind: 'exam', index, student: students[index] }),
    (index, reply) => {
      if ('selfTestFailed' in reply) {
        replaced.push(...reply.replaced);
        throw new SelfTestError(reply.selfTestFailed);
      }
      if ('exam' in reply) {
        replaced.push(...reply.replaced);
        exams.push(reply.exam);
      } else exams.push(studentExam(set, students[index], selfTest, replaced)); // throws as it would have
      progress(index + 1);
    },
    students.length,
  );
  return exams;
}

/**
 * The files of `setFiles`: each student's made and written by a worker (a PDF printed here, by the one
 * browser), taken in roster order, then the class's files; returns how many.
 */
async function pooledFiles(
  set: ExerciseSet,
  exams: readonly Exam[],
  formats: readonly SetFormat[],
  pool: Pool,
  io: {
    render: Render;
    print: (html: string) => Promise<Uint8Array>;
    write: Write;
    /** Takes a practice page that a worker wrote. */
    keepPractice: Write;
    practice?: PracticePage;
  },
  progress: (done: number) => void,
  only?: SetPart,
): Promise<number> {
  let count = 0;
  const put: Write = (path, content) => {
    io.write(path, content);
    count++;
  };
  // A student's PDFs print beside the next student's; the files are written in roster order.
  let done = 0;
  const students = writeInOrder(STUDENTS_AT_ONCE, put, () => progress(++done));
  if (only !== 'class')
    await pool.run(
      exams.length,
      (index) => ({ kind: 'files', index, exam: exams[index] }),
      async (index, reply) => {
        if ('written' in reply) {
          count += reply.written;
          for (const [path, content] of reply.practice) io.keepPractice(path, content);
          await students.add(allOf(reply.print.map(([path, html]) => [path, io.print(html)] as const)));
        } else await students.add(studentFiles(set, exams[index], formats, io.render, io.practice)); // throws as it would have
      },
      // A few students ahead per worker keep every worker busy; a PDF's HTML waits here for the printer.
      4 * pool.size,
    );
  await students.done();
  await classFiles(set, exams, formats, io.render, put, only);
  progress(exams.length + 1);
  return count;
}
