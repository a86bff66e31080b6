// The renderers and the writer of `generate`, shared by the main thread and the worker threads that
// make students' files: documents in each format, the practice pages, a file put in the output folder.
// A PDF is printed only by the main thread (one browser for the whole class); a worker hands it the
// page's HTML to print.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkedDocument } from '../document/model';
import type { DocumentFormat, PracticePage, Render } from '../sets/files';
import type { ExerciseSet } from '../sets/types';
import pkg from '../../package.json';
import { outputError, writeOutputFile } from './output';

/** A document in a text format; a PDF's is the HTML it is printed from (the .html file's). */
export async function textOf(doc: WorkedDocument, format: DocumentFormat): Promise<string> {
  const { renderDocument } = await import('../render/worked');
  return (await renderDocument(doc, format === 'md' ? 'markdown' : format === 'pdf' ? 'html' : format)) as string;
}

/**
 * The shared renderers, loaded only here; PDFs are printed by one browser for the whole class, each
 * within `pdfTimeout` seconds for each 4 MB of its page (printSeconds).
 */
export async function renderer(pdfTimeout?: number): Promise<{
  render: Render;
  print: (html: string) => Promise<Uint8Array>;
  close: () => Promise<void>;
}> {
  const { fixedPdfDates } = await import('../sets/pdf-dates');
  // One browser, even when the first pages are printed side by side: the first call starts it.
  let printer: Promise<import('../render/pdf').PdfPrinter> | null = null;
  const print = async (html: string) => {
    printer ??= import('../render/pdf').then((pdf) => pdf.pdfPrinter({ timeoutSeconds: pdfTimeout }));
    return fixedPdfDates(await (await printer).print(html));
  };
  const render: Render = async (doc, format) =>
    format === 'pdf' ? print(await textOf(doc, format)) : textOf(doc, format);
  // A browser that failed to start has nothing to close.
  return { render, print, close: async () => (await printer?.catch(() => null))?.close() };
}

/** A student's practice page: the exam's questions, the set's title and language, the student's id for the CSV. */
export async function practicePages(set: ExerciseSet): Promise<PracticePage> {
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

/** Writes `content` to `path` under the folder `out`, making the folders on the way. */
export function writeSetFile(out: string, path: string, content: string | Uint8Array): void {
  const target = join(out, path);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    throw outputError(dirname(target), error);
  }
  writeOutputFile(target, content);
}
