// Every file `generate` writes, by path relative to the output folder, in a fixed order (so the same
// inputs always give the same tree): per student worksheet, key and worked solutions in each format,
// the class's worksheets and keys, key.json and the responses template. Each file goes to the writer
// as soon as it is rendered, so that a class of 1,000 needs the memory of one student's files.
import type { WorkedDocument } from '../document/model';
import type { Exam } from './exam';
import { classDocument, keyDocument, solutionsDocument, worksheetDocument } from './documents';
import { keyJson, responsesTemplate } from './key-json';
import type { ExerciseSet } from './types';

export const SET_FORMATS = ['html', 'pdf', 'md', 'latex', 'practice'] as const;
export type SetFormat = (typeof SET_FORMATS)[number];
/** The formats rendered from documents; a practice page is made from the exam by a hook. */
export type DocumentFormat = Exclude<SetFormat, 'practice'>;

export const EXTENSION: Readonly<Record<DocumentFormat, string>> = { html: 'html', pdf: 'pdf', md: 'md', latex: 'tex' };

/** Renders one document in one format (the CLI passes the shared renderers; PDF reuses one browser). */
export type Render = (doc: WorkedDocument, format: DocumentFormat) => Promise<string | Uint8Array>;

/** Makes a student's practice page (`<id>/practice.html`) from the exam. */
export type PracticePage = (exam: Exam) => Promise<string>;

/** Takes each file as it is made (a student's worked solutions are megabytes: a class is not held in memory). */
export type Write = (path: string, content: string | Uint8Array) => void;

/**
 * Which files (`generate --only`, whose values are these): the class's print files (worksheets, keys)
 * or the students' folders. key.json and the responses template are written either way: grading needs them.
 */
export type SetPart = 'class' | 'students';

/** A file of the tree: its path relative to the output folder, and its content. */
export type SetFile = readonly [path: string, content: string | Uint8Array];

/**
 * Students whose files are made at once: while one student's PDFs print, the next student's are
 * typeset and printed beside them (a browser and KaTeX on different cores). More hold more memory and
 * win nothing on two cores.
 */
export const STUDENTS_AT_ONCE = 2;

/** Writes every file through `write` (or those of one part), in the fixed order; returns how many. */
export async function setFiles(
  set: ExerciseSet,
  exams: readonly Exam[],
  formats: readonly SetFormat[],
  render: Render,
  write: Write,
  progress: (done: number, total: number) => void = () => {},
  practice?: PracticePage,
  only?: SetPart,
): Promise<number> {
  let count = 0;
  const put: Write = (path, content) => {
    write(path, content);
    count++;
  };
  const total = exams.length + 1;
  let done = 0;
  const students = writeInOrder(STUDENTS_AT_ONCE, put, () => progress(++done, total));
  if (only !== 'class')
    for (const exam of exams) await students.add(studentFiles(set, exam, formats, render, practice));
  await students.done();
  done = exams.length;
  await classFiles(set, exams, formats, render, put, only);
  progress(++done, total);
  return count;
}

/** One student's files (worksheet, key, worked solutions in each format, the practice page), in order. */
export async function studentFiles(
  set: ExerciseSet,
  exam: Exam,
  formats: readonly SetFormat[],
  render: Render,
  practice?: PracticePage,
): Promise<SetFile[]> {
  const docs: [string, WorkedDocument][] = [
    ['worksheet', worksheetDocument(set, exam)],
    ['key', keyDocument(set, exam)],
    ['solutions', solutionsDocument(set, exam)],
  ];
  const files = await allOf(
    docs.flatMap(([name, doc]) =>
      documentFormatsOf(formats).map(
        (format) => [`${exam.student.id}/${name}.${EXTENSION[format]}`, render(doc, format)] as const,
      ),
    ),
  );
  if (practice && formats.includes('practice')) files.push([`${exam.student.id}/practice.html`, await practice(exam)]);
  return files;
}

/**
 * The class's files, after every student's: worksheets and keys in each format (unless only the
 * students' are asked for), key.json, the responses template.
 */
export async function classFiles(
  set: ExerciseSet,
  exams: readonly Exam[],
  formats: readonly SetFormat[],
  render: Render,
  put: Write,
  only?: SetPart,
): Promise<void> {
  await putInOrder(
    (only === 'students' ? [] : (['worksheets', 'keys'] as const)).flatMap((kind) => {
      const doc = classDocument(set, exams, kind);
      return documentFormatsOf(formats).map((format) => [`${kind}.${EXTENSION[format]}`, render(doc, format)] as const);
    }),
    put,
  );
  put('key.json', `${JSON.stringify(keyJson(set, exams), null, 2)}\n`);
  put('responses-template.csv', responsesTemplate(exams));
}

/**
 * Files rendered side by side, in the given order once all are done: a browser prints two or three
 * pages at once about 1.5 times as fast as one after the other, and the other formats do not wait for it.
 */
export async function allOf(files: readonly (readonly [string, Promise<string | Uint8Array>])[]): Promise<SetFile[]> {
  const contents = await Promise.all(files.map(([, content]) => content));
  return files.map(([path], i) => [path, contents[i]] as const);
}

/** Files rendered side by side (see allOf), written in the given order. */
export async function putInOrder(
  files: readonly (readonly [string, Promise<string | Uint8Array>])[],
  put: Write,
): Promise<void> {
  for (const [path, content] of await allOf(files)) put(path, content);
}

/** Groups of files under way, written group by group in the order they were added. */
export interface InOrder {
  /** Takes a group under way; resolves once fewer than the width are still unwritten. */
  add(files: Promise<readonly SetFile[]>): Promise<void>;
  /** Resolves once every group is written; rejects with the first group (in order) that failed. */
  done(): Promise<void>;
}

/**
 * Groups (a student's files) made up to `width` at a time and written in the order they were added,
 * calling `written` after each group: a later group that is ready first waits for its turn.
 */
export function writeInOrder(width: number, put: Write, written: () => void = () => {}): InOrder {
  const waiting: Promise<readonly SetFile[]>[] = [];
  const writeFirst = async () => {
    const files = await waiting[0];
    waiting.shift();
    for (const [path, content] of files) put(path, content);
    written();
  };
  return {
    async add(files) {
      // A later group's failure is said in its turn, after the groups before it are written.
      files.catch(() => {});
      waiting.push(files);
      while (waiting.length >= width) await writeFirst();
    },
    async done() {
      while (waiting.length > 0) await writeFirst();
    },
  };
}

const documentFormatsOf = (formats: readonly SetFormat[]) =>
  formats.filter((f): f is DocumentFormat => f !== 'practice');
