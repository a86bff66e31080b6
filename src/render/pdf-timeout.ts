// How long a PDF may take: the browser's start, then the printing, each within this many seconds, so
// that a browser that never answers ends in a clear message instead of a wait without end. Plain data
// and a parser, apart from the browser driver, so the command table can name them at start-up.

/** Seconds each of starting the browser and printing may take (a big solution prints in a few). */
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
