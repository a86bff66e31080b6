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

/** Writes every file through `write`, in the fixed order; returns how many. */
export async function setFiles(
  set: ExerciseSet,
  exams: readonly Exam[],
  formats: readonly SetFormat[],
  render: Render,
  write: Write,
  progress: (done: number, total: number) => void = () => {},
  practice?: PracticePage,
): Promise<number> {
  let count = 0;
  const put: Write = (path, content) => {
    write(path, content);
    count++;
  };
  const total = exams.length + 1;
  let done = 0;
  for (const exam of exams) {
    await studentFiles(set, exam, formats, render, put, practice);
    progress(++done, total);
  }
  await classFiles(set, exams, formats, render, put);
  progress(++done, total);
  return count;
}

/** One student's files (worksheet, key, worked solutions in each format, the practice page), in order. */
export async function studentFiles(
  set: ExerciseSet,
  exam: Exam,
  formats: readonly SetFormat[],
  render: Render,
  put: Write,
  practice?: PracticePage,
): Promise<void> {
  const docs: [string, WorkedDocument][] = [
    ['worksheet', worksheetDocument(set, exam)],
    ['key', keyDocument(set, exam)],
    ['solutions', solutionsDocument(set, exam)],
  ];
  await putInOrder(
    docs.flatMap(([name, doc]) =>
      documentFormatsOf(formats).map(
        (format) => [`${exam.student.id}/${name}.${EXTENSION[format]}`, render(doc, format)] as const,
      ),
    ),
    put,
  );
  if (practice && formats.includes('practice')) put(`${exam.student.id}/practice.html`, await practice(exam));
}

/** The class's files, after every student's: worksheets and keys in each format, key.json, the responses template. */
export async function classFiles(
  set: ExerciseSet,
  exams: readonly Exam[],
  formats: readonly SetFormat[],
  render: Render,
  put: Write,
): Promise<void> {
  await putInOrder(
    (['worksheets', 'keys'] as const).flatMap((kind) => {
      const doc = classDocument(set, exams, kind);
      return documentFormatsOf(formats).map((format) => [`${kind}.${EXTENSION[format]}`, render(doc, format)] as const);
    }),
    put,
  );
  put('key.json', `${JSON.stringify(keyJson(set, exams), null, 2)}\n`);
  put('responses-template.csv', responsesTemplate(exams));
}

/**
 * Files rendered side by side, written in the given order once all are done: a browser prints two or
 * three pages at once about 1.5 times as fast as one after the other, and the other formats do not
 * wait for it.
 */
export async function putInOrder(
  files: readonly (readonly [string, Promise<string | Uint8Array>])[],
  put: Write,
): Promise<void> {
  const contents = await Promise.all(files.map(([, content]) => content));
  files.forEach(([path], i) => put(path, contents[i]));
}

const documentFormatsOf = (formats: readonly SetFormat[]) =>
  formats.filter((f): f is DocumentFormat => f !== 'practice');
