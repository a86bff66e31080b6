// `--format pdf`: the HTML solution printed to A4 by a real headless browser — playwright-core
// driving an installed Chromium (Debian's `chromium`; no browser is downloaded). The page is laid out
// for print first, so the inline script can shrink any formula wider than the page.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfTimeoutSeconds, printSeconds } from './pdf-timeout';

/** Where to look for a Chromium, in order (unless BACKPROP_TUTOR_CHROMIUM names one). */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
] as const;

/** Headless, sandbox-free (containers, CI) and quiet: no network of its own, no first-run work. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Loaded from node_modules at run time, never bundled: playwright-core finds its own files relative to
 * its install location (a bundled copy fails), and a specifier in a variable keeps esbuild's hands off.
 */
const PLAYWRIGHT = 'playwright-core';

/** A4 minus the page margins of the HTML's @page rule (14 mm each side), in CSS pixels. */
const PRINT_WIDTH_PX = Math.round(((210 - 28) / 25.4) * 96);

export class NoBrowserError extends Error {
  override name = 'NoBrowserError';
  constructor(readonly looked: readonly string[]) {
    super(`no Chromium browser found (looked for ${looked.join(', ')})`);
  }
}

export class BrowserError extends Error {
  override name = 'BrowserError';
}

/** The browser did not start, or did not print, within the time allowed. */
export class BrowserTimeoutError extends Error {
  override name = 'BrowserTimeoutError';
  constructor(
    readonly executablePath: string,
    readonly stage: 'launch' | 'print',
    readonly seconds: number,
  ) {
    super(`${executablePath}: the browser did not ${stage === 'launch' ? 'start' : 'print'} within ${seconds} s`);
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The paths searched, in order: only BACKPROP_TUTOR_CHROMIUM when it is set (an explicit choice). */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const own = env.BACKPROP_TUTOR_CHROMIUM;
  return own ? [own] : [...CHROMIUM_CANDIDATES];
}

/** The first executable Chromium, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return chromiumCandidates(env).find(executable) ?? null;
}

export interface PdfOptions {
  readonly executablePath?: string;
  /**
   * Seconds for starting the browser, and for printing each PRINT_CHARS_PER_TIMEOUT of a page
   * (default: pdfTimeoutSeconds()).
   */
  readonly timeoutSeconds?: number;
}

/** One browser that prints many pages (a class's sheets): started once, closed by the caller. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Starts Chromium for printing. Throws NoBrowserError when no Chromium is installed, BrowserError when
 * it fails, BrowserTimeoutError when it does not start, or a page does not print, in time. The browser
 * is started here, as a process group of its own with its profile and TMPDIR in one temporary folder,
 * so that on every path (done, failed, timed out, Ctrl-C) the whole group is killed and the folder
 * removed by close().
 */
export async function pdfPrinter(options: PdfOptions = {}): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  if (executablePath === null) throw new NoBrowserError(chromiumCandidates());
  const seconds = options.timeoutSeconds ?? pdfTimeoutSeconds();
  const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');
  const browser = startBrowser(executablePath, seconds);
  let wsEndpoint: string;
  try {
    wsEndpoint = await browser.ready;
  } catch (error) {
    await browser.stop();
    throw error;
  }
  // Connected on the first print, within its deadline (a browser that listens but never answers is
  // a print that does not finish).
  let connection: Promise<import('playwright-core').Browser> | null = null;
  return {
    print(html) {
      const deadline = printSeconds(html, seconds);
      const work = (async () => {
        connection ??= chromium.connectOverCDP(wsEndpoint, { timeout: seconds * 1000 });
        return printPage(await connection, html, deadline);
      })();
      return withDeadline(work, deadline, () => new BrowserTimeoutError(executablePath, 'print', deadline));
    },
    async close() {
      if (connection !== null) await (await connection.catch(() => null))?.close().catch(() => {});
      await browser.stop();
    },
  };
}

/** Prints the HTML to PDF bytes, with a browser of its own (see pdfPrinter for what it throws). */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const printer = await pdfPrinter(options);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}

interface StartedBrowser {
  /** The DevTools endpoint, once the browser says it listens. */
  readonly ready: Promise<string>;
  /** Kills the browser's process group, waits for it to exit and removes its folder. */
  stop(): Promise<void>;
}

/** Signals that end the program while a browser runs: the browser is stopped first. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The longest TMPDIR that leaves room for Chromium's `org.chromium.Chromium.XXXXXX/SingletonSocket`. */
const MAX_SCRATCH_PATH = 60;

function startBrowser(executablePath: string, seconds: number): StartedBrowser {
  const scratch = mkdtempSync(join(tmpdir(), 'backprop-tutor-pdf-'));
  // Chromium keeps a socket in its TMPDIR, and a socket's path has at most 107 bytes: a long one
  // makes it abort, so then it keeps the user's TMPDIR (its profile is in the folder either way).
  const env = scratch.length <= MAX_SCRATCH_PATH ? { ...process.env, TMPDIR: scratch } : process.env;
  const child = spawn(
    executablePath,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${join(scratch, 'profile')}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env },
  );
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // The whole group, even when its first process has exited: Chromium's helpers may outlive it.
  const killGroup = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const removeFolder = () => rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  // The program may end while the browser runs (an error elsewhere, process.exit): not with it running.
  const onExit = () => {
    killGroup();
    removeFolder();
  };
  // Waiting for the browser to exit reaps it: no defunct process is left to a parent that is gone.
  let stopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    killGroup();
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 2000))]);
    removeFolder();
    detach();
    process.kill(process.pid, signal);
  };
  const detach = () => {
    process.off('exit', onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  const ready = new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new BrowserTimeoutError(executablePath, 'launch', seconds)), seconds * 1000);
    const settle = (settled: () => void) => {
      clearTimeout(timer);
      settled();
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      said = (said + chunk).slice(-4000);
      const endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(said)?.[1];
      if (endpoint) settle(() => resolve(endpoint));
    });
    child.once('error', (error) => settle(() => reject(new BrowserError(`${executablePath}: ${error.message}`))));
    child.once('exit', (code, signal) => {
      const last = said.trim().split('\n').pop() ?? '';
      const why = `exited (${signal ?? `code ${code}`}) before it was ready${last ? `: ${last.slice(0, 200)}` : ''}`;
      settle(() => reject(new BrowserError(`${executablePath}: ${why}`)));
    });
  });
  ready.catch(() => {});

  return {
    ready,
    async stop() {
      killGroup();
      // SIGKILL cannot be refused; the bound only guards against a process the kernel cannot reap.
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      child.stderr?.destroy();
      removeFolder();
      detach();
    },
  };
}

/** `work`, or the error of `timeout()` once `seconds` have passed, whichever comes first. */
async function withDeadline<T>(work: Promise<T>, seconds: number, timeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), seconds * 1000);
  });
  // The work may still fail after the deadline (its browser is killed): that rejection is expected.
  work.catch(() => {});
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** One page printed to PDF by a connected browser; the page is closed after. */
async function printPage(
  browser: import('playwright-core').Browser,
  html: string,
  seconds: number,
): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: PRINT_WIDTH_PX, height: 1100 } });
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load', timeout: seconds * 1000 });
    await page.evaluate(async () => {
      await document.fonts.ready;
      (window as unknown as { btFit?: () => void }).btFit?.();
    });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close().catch(() => {});
  }
}
