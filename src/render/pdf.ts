// `--format pdf`: the HTML solution printed to A4 by a real headless browser — playwright-core
// driving an installed Chromium (Debian's `chromium`; no browser is downloaded). The page is laid out
// for print first, so the inline script can shrink any formula wider than the page.
import { accessSync, constants } from 'node:fs';

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
}

/** One browser that prints many pages (a class's sheets): started once, closed by the caller. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Starts Chromium for printing. Throws NoBrowserError when none is installed, BrowserError when it fails to start. */
export async function pdfPrinter(options: PdfOptions = {}): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  if (executablePath === null) throw new NoBrowserError(chromiumCandidates());
  const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new BrowserError(`${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    async print(html) {
      const page = await browser.newPage({ viewport: { width: PRINT_WIDTH_PX, height: 1100 } });
      try {
        await page.emulateMedia({ media: 'print' });
        await page.setContent(html, { waitUntil: 'load' });
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
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** Prints the HTML to PDF bytes. Throws NoBrowserError when no Chromium is installed. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const printer = await pdfPrinter(options);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
