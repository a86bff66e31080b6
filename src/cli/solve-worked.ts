// The worked-solution side of `solve`: checks that --form and --output come with a worked format,
// renders it and writes it (PDF bytes only to a file or a redirected stdout). The renderers, KaTeX and
// the browser driver are imported only here, and only for these formats.
import { basename } from 'node:path';
import type { Solution } from '../engine/solve';
import type { Training } from '../engine/train';
import { pick, type Lang, type Text } from '../text/lang';
import type { FormOption } from '../trace/types';
import type { Source } from '../network/source';
import type { WorkedDocument } from '../render/document';
import type { SOLVE } from './commands';
import { SOLVE as WORDS } from './messages';
import type { Parsed } from './options';
import { STDOUT, writeOutput } from './output';
import { pdfFailure, pdfTimeoutOf } from './pdf-options';
import { UsageError } from './usage-error';

const WORKED = ['latex', 'markdown', 'html', 'pdf'] as const;
type Worked = (typeof WORKED)[number];

export interface WorkedOptions {
  readonly format: Worked;
  readonly form: FormOption | undefined;
  readonly lang: Lang;
  readonly output: string | undefined;
  /** Seconds for the browser's start and again for printing (--format pdf). */
  readonly pdfTimeout: number;
}

const isWorked = (format: string): format is Worked => (WORKED as readonly string[]).includes(format);

/** The worked-solution options, or null for text/json (which take neither --form nor --output). */
export function workedOptions(values: Parsed<typeof SOLVE>['values']): WorkedOptions | null {
  const { format, form, lang, output } = values;
  const pdfTimeout = pdfTimeoutOf(values['pdf-timeout'], format === 'pdf', WORDS.onlyWorked('--pdf-timeout', 'pdf'));
  if (!isWorked(format)) {
    const worked = WORKED.join(', ');
    if (form !== undefined) throw new UsageError(WORDS.onlyWorked('--form', worked));
    if (output !== undefined) throw new UsageError(WORDS.onlyWorked('--output', worked));
    return null;
  }
  return { format, form, lang, output, pdfTimeout };
}

/** Renders a network's worked solution and writes it; returns the exit code. */
export async function writeWorkedSolution(solution: Solution, file: string, options: WorkedOptions): Promise<number> {
  if (refuseBinaryToTerminal(options)) return 2;
  const { networkDocument } = await import('../render/worked');
  return writeDocument(
    networkDocument(solution, { lang: options.lang, name: basename(file), form: options.form }),
    options,
  );
}

/** Several steps (`steps`, `batch_size`): every step worked, and the loss at each. */
export async function writeWorkedTraining(training: Training, file: string, options: WorkedOptions): Promise<number> {
  if (refuseBinaryToTerminal(options)) return 2;
  const { trainingDocument } = await import('../render/worked');
  return writeDocument(
    trainingDocument(training, { lang: options.lang, name: basename(file), form: options.form }),
    options,
  );
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
  const toStdout = options.output === undefined || options.output === STDOUT;
  if (options.format !== 'pdf' || !toStdout || !process.stdout.isTTY) return false;
  process.stderr.write(`backprop-tutor: ${pick(WORDS.pdfToTerminal, options.lang)}\n`);
  return true;
}

async function writeDocument(doc: WorkedDocument, options: WorkedOptions): Promise<number> {
  const say = (message: Text) => process.stderr.write(`backprop-tutor: ${pick(message, options.lang)}\n`);
  const { renderDocument } = await import('../render/worked');
  let rendered: string | Uint8Array;
  try {
    rendered = await renderDocument(doc, options.format, { pdf: { timeoutSeconds: options.pdfTimeout } });
  } catch (error) {
    const failure = pdfFailure(error);
    if (failure === null) throw error;
    say(failure);
    return 1;
  }
  writeOutput(options.output, rendered);
  if (options.output === undefined || options.output === STDOUT) return 0;
  say(WORDS.wrote(options.output, typeof rendered === 'string' ? Buffer.byteLength(rendered) : rendered.length));
  return 0;
}
