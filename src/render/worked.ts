// The worked-solution formats of `solve`: a network's Solution → step trace → document in a language
// (with the derivations it uses as an appendix) → LaTeX, Markdown, HTML or PDF. Graph solutions enter
// at renderDocument with their own document.
import type { Solution } from '../engine/solve';
import type { Matrix } from '../concepts/network';
import type { Lang } from '../i18n/messages';
import { buildTrace } from '../trace/build';
import type { FormOption } from '../trace/types';
import { traceDocument } from '../document/network';
import type { WorkedDocument } from '../document/model';
import { networkAppendix } from '../explain/document';
import type { MarkdownOptions } from './markdown';

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
      return (await import('./pdf')).htmlToPdf(html);
    }
  }
}
