// The worked-solution side of `solve`: validates --form, --lang and --output, renders the chosen
// format and writes it (PDF bytes only to a file or a redirected stdout). The renderers, KaTeX and
// the browser driver are imported only here, and only for these formats.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Solution } from '../engine/solve';
import { isLang, messages, type Lang } from '../i18n';
import type { FormOption } from '../trace/types';
import type { Source } from '../network/source';
import type { WorkedDocument } from '../render/document';
import { UsageError } from './usage';

const WORKED = ['latex', 'markdown', 'html', 'pdf'] as const;
type Worked = (typeof WORKED)[number];
const FORMS = ['scalar', 'matrix', 'both'] as const;

export interface WorkedOptions {
  readonly format: Worked;
  readonly form: FormOption | undefined;
  readonly lang: Lang;
  readonly output: string | undefined;
}

interface RawValues {
  readonly form?: string | boolean;
  readonly lang?: string | boolean;
  readonly output?: string | boolean;
}

/** --lang (default en), for every format. */
export function langOption(values: RawValues): Lang {
  const lang = values.lang ?? 'en';
  if (typeof lang !== 'string' || !isLang(lang)) {
    throw new UsageError({ en: `solve: --lang must be en or ja, got "${String(lang)}"`, ja: `solve: --lang は en か ja にしてください（指定値: "${String(lang)}"）` });
  }
  return lang;
}

/** The worked-solution options, or null for text/json (which take neither --form nor --output). */
export function workedOptions(format: string, values: RawValues): WorkedOptions | null {
  const lang = langOption(values);
  const form = values.form;
  if (form !== undefined && (typeof form !== 'string' || !(FORMS as readonly string[]).includes(form))) {
    throw new UsageError({
      en: `solve: --form must be one of ${FORMS.join(', ')}, got "${String(form)}"`,
      ja: `solve: --form は ${FORMS.join(', ')} のいずれかにしてください（指定値: "${String(form)}"）`,
    });
  }
  const output = typeof values.output === 'string' ? values.output : undefined;
  if (!(WORKED as readonly string[]).includes(format)) {
    const worked = WORKED.join(', ');
    if (form !== undefined) throw new UsageError({ en: `solve: --form applies to --format ${worked}`, ja: `solve: --form は --format ${worked} のときだけ使えます` });
    if (output !== undefined) throw new UsageError({ en: `solve: --output applies to --format ${worked}`, ja: `solve: --output は --format ${worked} のときだけ使えます` });
    return null;
  }
  return { format: format as Worked, form: form as FormOption | undefined, lang, output };
}

/** Renders a network's worked solution and writes it; returns the exit code. */
export async function writeWorkedSolution(solution: Solution, file: string, options: WorkedOptions): Promise<number> {
  if (refuseBinaryToTerminal(options)) return 2;
  const { networkDocument } = await import('../render/worked');
  return writeDocument(networkDocument(solution, { lang: options.lang, name: basename(file), form: options.form }), options);
}

/** The same for a computational-graph file (--form does not apply to graphs). */
export async function writeWorkedGraph(source: Source, options: WorkedOptions): Promise<number> {
  if (refuseBinaryToTerminal(options)) return 2;
  const { graphFromSource, solveGraph } = await import('../graph');
  const { graphDocument } = await import('../render/graph-document');
  const solution = solveGraph(graphFromSource(source));
  return writeDocument(graphDocument(solution, { lang: options.lang, name: basename(source.file) }), options);
}

function refuseBinaryToTerminal(options: WorkedOptions): boolean {
  if (options.format !== 'pdf' || options.output !== undefined || !process.stdout.isTTY) return false;
  process.stderr.write(`backprop-tutor: ${messages(options.lang).cli.pdfToTerminal}\n`);
  return true;
}

async function writeDocument(doc: WorkedDocument, options: WorkedOptions): Promise<number> {
  const m = messages(options.lang);
  const { renderDocument } = await import('../render/worked');
  let rendered: string | Uint8Array;
  try {
    rendered = await renderDocument(doc, options.format);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'NoBrowserError') {
      process.stderr.write(`backprop-tutor: ${m.cli.noBrowser((error as { looked: string[] }).looked.join(', '))}\n`);
      return 1;
    }
    if (name === 'BrowserError') {
      process.stderr.write(`backprop-tutor: ${m.cli.browserFailed((error as Error).message)}\n`);
      return 1;
    }
    throw error;
  }
  if (options.output === undefined) {
    process.stdout.write(rendered);
    return 0;
  }
  writeFileSync(options.output, rendered);
  process.stderr.write(`backprop-tutor: ${m.cli.wrote(options.output, typeof rendered === 'string' ? Buffer.byteLength(rendered) : rendered.length)}\n`);
  return 0;
}
