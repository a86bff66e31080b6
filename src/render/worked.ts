// The worked-solution formats of `solve`: a network's Solution → step trace → document in a language
// (with the derivations it uses as an appendix) → LaTeX, Markdown, HTML or PDF. Graph solutions enter
// at renderDocument with their own document.
import type { PdfOptions } from './pdf';
import type { Solution } from '../engine/solve';
import type { Matrix } from '../concepts/network';
import type { Lang } from '../i18n/messages';
import { buildTrace } from '../trace/build';
import type { FormOption } from '../trace/types';
import { traceDocument } from '../document/network';
import type { WorkedDocument } from '../document/model';
import { networkAppendix } from '../explain/document';
import type { MarkdownOptions } from './markdown';
import type { Training } from '../engine/train';
import { messages } from '../i18n';
import { valueLatex } from '../number/format';

export const WORKED_FORMATS = ['latex', 'markdown', 'html', 'pdf'] as const;
export type WorkedFormat = (typeof WORKED_FORMATS)[number];

export interface NetworkDocumentOptions {
  readonly lang: Lang;
  /** Shown in the title (the file's base name). */
  readonly name: string;
  /** Default: both for small networks, matrix otherwise (see defaultForm). */
  readonly form?: FormOption;
  readonly givenOutputs?: ReadonlyMap<number, Matrix>;
}

export function networkDocument(solution: Solution, options: NetworkDocumentOptions): WorkedDocument {
  const trace = buildTrace(solution, { form: options.form, givenOutputs: options.givenOutputs });
  return traceDocument(solution, trace, {
    lang: options.lang,
    name: options.name,
    appendix: networkAppendix(solution.network, options.lang),
  });
}

export interface RenderOptions {
  readonly markdown?: MarkdownOptions;
  readonly pdf?: PdfOptions;
}

/** Text for latex, markdown and html; PDF bytes for pdf (needs Chromium, see pdf.ts). */
export async function renderDocument(
  doc: WorkedDocument,
  format: WorkedFormat,
  options: RenderOptions = {},
): Promise<string | Uint8Array> {
  switch (format) {
    case 'latex':
      return (await import('./latex')).renderLatex(doc);
    case 'markdown':
      return (await import('./markdown')).renderMarkdown(doc, options.markdown);
    case 'html':
      return (await import('./html')).renderHtml(doc);
    case 'pdf': {
      const html = await (await import('./html')).renderHtml(doc);
      return (await import('./pdf')).htmlToPdf(html, options.pdf);
    }
  }
}

/**
 * Several steps: step 1 worked as a single step is, then every later step's sections (in matrix form
 * when the network is long), each headed "Step k of n", and a table of the loss at every step.
 */
export function trainingDocument(training: Training, options: NetworkDocumentOptions): WorkedDocument {
  const m = messages(options.lang);
  const n = training.steps.length;
  const rows = (batch: readonly number[]) =>
    batch.length === 1 ? `${batch[0] + 1}` : `${batch[0] + 1}–${batch[batch.length - 1] + 1}`;
  const first = networkDocument(training.steps[0].solution, options);
  const appendixAt = first.sections.findIndex((s) => s.id === 'appendix');
  const own = appendixAt < 0 ? first.sections : first.sections.slice(0, appendixAt);
  const later = training.steps.slice(1).flatMap(({ batch, solution }, i) => {
    const k = i + 2;
    const doc = traceDocument(solution, buildTrace(solution, { form: options.form ?? 'matrix' }), {
      lang: options.lang,
      name: options.name,
    });
    return doc.sections
      .filter((s) => s.id !== 'problem')
      .map((s) => ({
        id: `step-${k}-${s.id}`,
        title: `${m.training.step(k, n, rows(batch))}: ${s.title}`,
        blocks: s.blocks.map((b) =>
          b.kind === 'step' ? { ...b, step: { ...b.step, id: `step-${k}-${b.step.id}` } } : b,
        ),
      }));
  });
  const history = {
    id: 'training-history',
    title: m.training.history,
    blocks: [
      {
        kind: 'table' as const,
        header: m.training.header.map((h) => [h]),
        rows: training.steps.map(({ batch, solution }, i) => [
          [`${i + 1}`],
          [rows(batch)],
          [{ math: valueLatex(solution.loss) }],
          [{ math: valueLatex(solution.lossAfter) }],
        ]),
      },
    ],
  };
  return {
    ...first,
    subtitle: [m.subtitle(n, training.steps[0].solution.network.optimizer?.name ?? 'sgd')],
    sections: [
      ...own.map((s) =>
        s.id === 'problem' ? s : { ...s, title: `${m.training.step(1, n, rows(training.steps[0].batch))}: ${s.title}` },
      ),
      ...later,
      history,
      ...(appendixAt < 0 ? [] : first.sections.slice(appendixAt)),
    ],
  };
}
