// The PDF side of every command that prints one (solve, key, generate): --pdf-timeout as they take
// it (only with a PDF; BACKPROP_TUTOR_PDF_TIMEOUT checked like the flag), and what a PDF that could
// not be made says, in one line, instead of an internal error.
import { MAX_PDF_TIMEOUT_S, PDF_TIMEOUT_ENV, parsePdfTimeout, pdfTimeoutSeconds } from '../render/pdf-timeout';
import { echo } from '../text/escape';
import type { Text } from '../text/lang';
import { SOLVE as WORDS } from './messages';
import { UsageError } from './usage-error';

/**
 * The seconds a PDF may take (--pdf-timeout, else the variable, else the default). `pdf`: a PDF is
 * asked for; without one the flag is a usage error (`misplaced`) and the variable is not read.
 */
export function pdfTimeoutOf(flag: number | undefined, pdf: boolean, misplaced: Text): number {
  if (flag !== undefined && !pdf) throw new UsageError(misplaced);
  if (flag !== undefined) return flag;
  const own = process.env[PDF_TIMEOUT_ENV];
  if (pdf && own !== undefined && own !== '' && parsePdfTimeout(own) === null)
    throw new UsageError(WORDS.badPdfTimeoutEnv(PDF_TIMEOUT_ENV, MAX_PDF_TIMEOUT_S, echo(own)));
  return pdfTimeoutSeconds();
}

/** The one line a PDF that could not be made says (no browser, too slow, failed); null for other errors. */
export function pdfFailure(error: unknown): Text | null {
  const name = error instanceof Error ? error.name : undefined;
  if (name === 'NoBrowserError') return WORDS.noBrowser((error as { looked: string[] }).looked.join(', '));
  if (name === 'BrowserTimeoutError') {
    const { executablePath, stage, seconds } = error as import('../render/pdf').BrowserTimeoutError;
    return WORDS.browserTimeout(executablePath, stage, seconds, PDF_TIMEOUT_ENV);
  }
  if (name === 'BrowserError') return WORDS.browserFailed((error as Error).message);
  return null;
}
