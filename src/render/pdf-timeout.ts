// How long a PDF may take: the browser's start, then the printing, each within this many seconds, so
// that a browser that never answers ends in a clear message instead of a wait without end. Plain data
// and a parser, apart from the browser driver, so the command table can name them at start-up.

/** Seconds starting the browser, and printing a page, may take (a big solution prints in a few). */
export const DEFAULT_PDF_TIMEOUT_S = 60;
export const MAX_PDF_TIMEOUT_S = 3600;
export const PDF_TIMEOUT_ENV = 'BACKPROP_TUTOR_PDF_TIMEOUT';

/** A timeout as written (`90`, in seconds): a whole number from 1 to MAX_PDF_TIMEOUT_S, else null. */
export function parsePdfTimeout(text: string): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= 1 && seconds <= MAX_PDF_TIMEOUT_S ? seconds : null;
}

/** The timeout BACKPROP_TUTOR_PDF_TIMEOUT sets, or the default (the CLI refuses a bad value before this). */
export function pdfTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const own = env[PDF_TIMEOUT_ENV];
  return (own === undefined || own === '' ? null : parsePdfTimeout(own)) ?? DEFAULT_PDF_TIMEOUT_S;
}

/**
 * A page's characters that one timeout is for: a class's answer keys grow with the class (300 students'
 * keys, 10 MB of HTML, took 77 s to print), a student's worked solutions print in seconds (2.4 MB).
 */
export const PRINT_CHARS_PER_TIMEOUT = 4_000_000;

/** The seconds printing `html` may take: the timeout for each PRINT_CHARS_PER_TIMEOUT characters of it. */
export const printSeconds = (html: string, seconds: number): number =>
  seconds * Math.max(1, Math.ceil(html.length / PRINT_CHARS_PER_TIMEOUT));
