// The HTML in a real headless Chromium (playwright-core driving the installed browser): no console
// errors and no network requests, KaTeX laid out with the embedded fonts, no raw TeX left in the
// visible text, nothing wider than the page when printed, and the PDF's page count. A screenshot of
// Mazur's solution is saved to /tmp/mazur.png for a person to look at.
//
// These tests need Chromium (CI installs Debian's `chromium`); without one they are skipped with a
// message saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { approx } from '../../src/number/value';
import { shortDecimal } from '../../src/number/format';
import { renderHtml } from '../../src/render/html';
import { CHROMIUM_ARGS, findChromium, htmlToPdf } from '../../src/render/pdf';
import type { ScalarStep } from '../../src/trace/types';
import { documentOf, mazur, mixed, ROOT } from './helpers';

const executablePath = findChromium();
if (executablePath === null) {
  console.warn('browser tests SKIPPED: no Chromium found (apt-get install chromium, or set BACKPROP_TUTOR_CHROMIUM)');
}

/** A4 width minus the 14 mm margins, in CSS pixels; and the height of a page's text area. */
const PRINT_WIDTH = Math.round(((210 - 28) / 25.4) * 96);
const PRINT_HEIGHT = Math.round(((297 - 31) / 25.4) * 96);

interface Loaded {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(executablePath === null)('the HTML solution in headless Chromium', () => {
  let browser: Browser;
  let mazurHtml: string;
  let mazurSteps: ScalarStep[];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: executablePath!, args: [...CHROMIUM_ARGS] });
    const d = documentOf(mazur(), 'en', 'both', 'mazur.yaml');
    mazurHtml = await renderHtml(d.doc);
    mazurSteps = d.steps.filter((s): s is ScalarStep => s.shape === 'scalar');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function load(html: string, width = 1000, media: 'screen' | 'print' = 'screen'): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width, height: 1300 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.emulateMedia({ media });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
      (window as unknown as { btFit: () => void }).btFit();
    });
    return { page, errors, requests };
  }

  it("shows Mazur's solution without errors or requests, every formula laid out by KaTeX", async () => {
    const { page, errors, requests } = await load(mazurHtml);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const katexCount = await page.locator('.katex').count();
    const stepCount = await page.locator('.step').count();
    expect(stepCount).toBe(documentOf(mazur(), 'en', 'both').steps.length);
    expect(katexCount).toBeGreaterThanOrEqual(2 * stepCount);
    const visible = await page.evaluate(() => document.body.textContent);
    expect(visible).not.toContain('$');
    expect(visible).not.toMatch(/\\[a-zA-Z]+/); // no \frac, \cdot, \left … left as text
    await page.screenshot({ path: '/tmp/mazur.png' });
    await page.close();
  });

  it("shows each step's result as the engine computed it", async () => {
    const { page } = await load(mazurHtml);
    const texts = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('.step')].map((e) => [e.id, (e as HTMLElement).textContent])),
    );
    for (const s of mazurSteps) {
      const id = `step-${s.id.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}`;
      const expected = shortDecimal(s.result, 10).replace('-', '\u2212');
      expect(texts[id]?.replace(/\s+/g, ''), id).toContain(expected);
      // The decimal shown is the engine's value rounded to 10 significant digits.
      expect(Math.abs(Number(shortDecimal(s.result, 10)) - approx(s.result).toNumber())).toBeLessThanOrEqual(
        5e-10 * Math.max(1, Math.abs(approx(s.result).toNumber())),
      );
    }
    await page.close();
  });

  it('draws every glyph of the math with an embedded KaTeX font', async () => {
    const { page } = await load(await renderHtml(documentOf(mixed(), 'en', 'both').doc));
    const { used, loaded } = await page.evaluate(() => {
      const used = new Set<string>();
      for (const el of document.querySelectorAll('.katex *')) {
        if ([...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')) {
          used.add(getComputedStyle(el).fontFamily.split(',')[0].replace(/"/g, '').trim());
        }
      }
      const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
      return { used: [...used], loaded };
    });
    expect(used.length).toBeGreaterThan(2);
    for (const family of used) expect(loaded, family).toContain(family);
    await page.close();
  });

  it('fits every formula into the printed page width (Mazur, a w-x batch, an 8-8-8-8 network)', async () => {
    const relu8 = solve(loadNetwork(join(ROOT, 'exercises/networks/relu-8-8-8-8.yaml')));
    for (const [name, solution] of [
      ['mazur', mazur()],
      ['mixed', mixed()],
      ['relu8', relu8],
    ] as const) {
      const { page } = await load(await renderHtml(documentOf(solution, 'en').doc), PRINT_WIDTH, 'print');
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.eq, figure, p, li')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.textContent?.slice(0, 60)),
      );
      expect(overflowing, name).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(PRINT_WIDTH);
      await page.close();
    }
  });

  it('prints one page per section when every section fits on a page', async () => {
    const tiny = solve(
      parseNetwork(
        [
          'layers:',
          '  - {weights: [[0.5]], bias: [0.1], activation: identity}',
          'loss: half-sse',
          'input: [[2]]',
          'target: [[1]]',
          'learning_rate: 0.1',
        ].join('\n'),
      ),
    );
    const { doc } = documentOf(tiny, 'en', 'matrix');
    const pdf = await htmlToPdf(await renderHtml(doc), { executablePath: executablePath! });
    expect(Buffer.from(pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(doc.sections.length);
    // The same sections following on from the first (as a set question's parts do) share pages.
    const runOn = { ...doc, sections: doc.sections.map((s, i) => (i === 0 ? s : { ...s, newPage: false })) };
    const together = pageCount(await htmlToPdf(await renderHtml(runOn), { executablePath: executablePath! }));
    expect(together).toBeGreaterThanOrEqual(1);
    expect(together).toBeLessThan(doc.sections.length);
  });

  it("prints Mazur's solution on as many pages as its sections need", async () => {
    const pdf = await htmlToPdf(mazurHtml, { executablePath: executablePath! });
    // Each section starts a page and takes about height / page-height pages; a step is never split,
    // so a page may end early by up to one step.
    const { page } = await load(mazurHtml, PRINT_WIDTH, 'print');
    const { sections, tallest } = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('section')].map((s) => s.getBoundingClientRect().height),
      tallest: Math.max(
        ...[...document.querySelectorAll('.step, figure')].map((s) => s.getBoundingClientRect().height),
      ),
    }));
    await page.close();
    const fewest = sections.reduce((n, h) => n + Math.ceil(h / PRINT_HEIGHT), 0);
    const most = sections.reduce((n, h) => n + Math.ceil(h / (PRINT_HEIGHT - tallest)), 0);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(Math.max(fewest, sections.length));
    expect(pages).toBeLessThanOrEqual(most);
  });
});

/** Pages of a PDF: its /Type /Page objects (not /Pages). */
function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}
