// The prompt on the practice page: stated values typeset, every word of the exercise's text kept.
// For every template and difficulty, the text a screen reader gets (the page without its typeset,
// aria-hidden copies) is the prompt itself without the asks' lines, and KaTeX accepts every formula.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { TEMPLATES } from '../../src/exercises/templates/index';
import type { Exercise } from '../../src/exercises/types';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf';
import { practiceQuestions } from '../../src/web/content';
import { drawnText } from '../../src/web/drawn-text';
import { cellLatex, nameLatex, promptHtml } from '../../src/web/prompt';

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of the prompt's HTML as read aloud: typeset copies (aria-hidden) left out, a line per line. */
function spoken(html: string): string[] {
  return html
    .replace(/<span aria-hidden="true">.*?<\/span><\/div>/gs, '</div>')
    .split('</div>')
    .map((line) => unescapeHtml(line.replace(/<[^>]*>/g, '')).trim())
    .filter((line) => line !== '');
}

describe('the practice prompt', () => {
  it('names and cells: what is understood is typeset, anything else is left alone', () => {
    expect(nameLatex('W¹')).toBe('W^{1}');
    expect(nameLatex('Δ²')).toBe('\\Delta^{2}');
    expect(nameLatex('Xᵀ')).toBe('X^{\\top}');
    expect(nameLatex('η')).toBe('\\eta');
    expect(nameLatex('all_price')).toBeNull();
    expect(cellLatex('-3/20')).toBe('-\\frac{3}{20}');
    expect(cellLatex('0.25')).toBe('0.25');
    expect(cellLatex('σ(1/2)')).toBeNull();
    const math = (latex: string) => `<m>${latex}</m>`;
    expect(promptHtml('  W¹ = [ 0.5  -1 ]\n       [   2  1/3 ]\nInput x = (0.6, 0.4)\nη = 0.1 <b>', math)).toBe(
      '<div class="line math" style="padding-left:2ch"><span class="sr-only">W¹ = [ 0.5  -1 ] [   2  1/3 ]</span><span aria-hidden="true"><m data-glyphs="W^{1} = \\begin{bmatrix} 0.5 & -1 \\\\ 2 & \\frac{1}{3} \\end{bmatrix}"></m></span></div>' +
        '<div class="line math"><span class="sr-only">Input x = (0.6, 0.4)</span><span aria-hidden="true"><span data-glyphs="Input "></span><m data-glyphs="x = (0.6, 0.4)"></m></span></div>' +
        '<div class="line">η = 0.1 &lt;b&gt;</div>',
    );
    // Three rows, and three columns: each row its own line of the original, joined as two rows are.
    const three = promptHtml(
      'W¹ = [ 0.5  -0.2  1 ]\n     [ 0.1   0.4  2 ]\n     [   1     2  3 ]\nW² = [ 0.3 ]\n     [ 1/2 ]\n     [  -1 ]',
      math,
    );
    expect(spoken(three)).toEqual([
      'W¹ = [ 0.5  -0.2  1 ] [ 0.1   0.4  2 ] [   1     2  3 ]',
      'W² = [ 0.3 ] [ 1/2 ] [  -1 ]',
    ]);
    expect(three).toContain('\\begin{bmatrix} 0.5 & -0.2 & 1 \\\\ 0.1 & 0.4 & 2 \\\\ 1 & 2 & 3 \\end{bmatrix}');
    expect(three).toContain('\\begin{bmatrix} 0.3 \\\\ \\frac{1}{2} \\\\ -1 \\end{bmatrix}');
  });

  it('draws the typeset text: every text moved into its element (or a span of its own), nothing lost', () => {
    expect(drawnText('a <span class="mord">0.5</span><span class="x"><b>&quot;q&quot;</b><i></i></span>')).toBe(
      '<span data-glyphs="a "></span><span class="mord" data-glyphs="0.5"></span><span class="x"><b data-glyphs="&quot;q&quot;"></b><i></i></span>',
    );
    expect(drawnText('<svg><path d="M0 0\nH1"/></svg><span>1<br>2</span>')).toBe(
      '<svg><path d="M0 0\nH1"/></svg><span><span data-glyphs="1"></span><br><span data-glyphs="2"></span></span>',
    );
  });

  it('keeps every line of every template (all difficulties, en and ja) and typesets with KaTeX', async () => {
    let typeset = 0;
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (const lang of ['en', 'ja'] as const) {
          const exercise = generateExercise({ template: template.name, difficulty, seed: 17, lang });
          const [q] = await practiceQuestions([exercise], lang);
          const askLines = new Set(exercise.asks.map((a) => a.id));
          const expected = exercise.prompt
            .split('\n')
            .filter((l) => !askLines.has(/^\s+([\w-]+): /.exec(l)?.[1] ?? ''))
            .map((l) => l.trim())
            .filter((l) => l !== '');
          // Rows of a typeset matrix are read as one line: join them the same way.
          const said = spoken(q.promptHtml);
          expect(said.join(' ').replace(/\s+/g, ' '), `${template.name} ${difficulty} ${lang}`).toBe(
            expected.join(' ').replace(/\s+/g, ' '),
          );
          typeset += (q.promptHtml.match(/class="katex"/g) ?? []).length;
        }
    expect(typeset).toBeGreaterThan(100);
  });
});

// The page's text in a real browser: what a screen reader reads (the accessibility tree), what a copy
// of the prompt gives and innerText, for matrices of 2 and 3 rows (a network file with a layer of 3
// inputs and 3 units, then 3 inputs and 2 units). Each must read the prompt's lines as the exercise
// wrote them, every matrix row by row, once. Needs `npm run build` and Chromium.
const executablePath = findChromium();
if (executablePath === null) console.warn('practice prompt browser tests SKIPPED: no Chromium found');

const NETWORK = `layers:
  - weights: [[0.5, -0.2, 1], [0.1, 0.4, 2], [1, 2, 3]]
    bias: [0.1, 0, 1]
    activation: relu
  - weights: [[0.3, -0.1], [-0.2, 0.4], [1, 2]]
    bias: [0, 0]
    activation: identity
loss: half-sse
input: [[1, 2, 3]]
target: [[0, 1]]
learning_rate: 0.5
`;

/** The exercise's prompt without its asks, a line per line, a matrix's rows joined to its first line. */
function writtenLines(e: Exercise): string[] {
  const asks = new Set(e.asks.map((a) => a.id));
  const lines: string[] = [];
  for (const line of e.prompt.split('\n')) {
    if (asks.has(/^\s+([\w-]+): /.exec(line)?.[1] ?? '')) continue;
    if (/^\s+\[ .* \]$/.test(line)) lines[lines.length - 1] += ` ${line.trim()}`;
    else if (line.trim() !== '') lines.push(line.trim());
  }
  return lines.map((l) => l.replace(/\s+/g, ' '));
}

const textLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

describe.skipIf(executablePath === null)('the practice prompt in headless Chromium', () => {
  let browser: Browser;
  const pages: { file: string; exercises: Exercise[] }[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompt-'));
    writeFileSync(join(dir, 'three.yaml'), NETWORK);
    writeFileSync(
      join(dir, 'set.yaml'),
      'title: Three rows\nseed: 1\nquestions:\n  - {network: three.yaml, asks: [{quantity: output, layer: 1, index: [0, 0]}], points: 1}\n',
    );
    const cli = (args: string[]) => execFileSync('node', ['dist/cli.js', ...args], { stdio: 'pipe' });
    cli(['generate', join(dir, 'set.yaml'), '--variants', '1', '--format', 'practice', '--out', join(dir, 'set')]);
    const two = join(dir, 'two.html');
    cli([
      'practice',
      '--template',
      'hidden-delta',
      '--template',
      'matrix-form',
      '--count',
      '2',
      '--difficulty',
      '3',
      '--seed',
      '5',
      '--lang',
      'ja',
      '--output',
      two,
    ]);
    for (const file of [join(dir, 'set', 'v1', 'practice.html'), two]) {
      const json = /<script type="application\/json" id="exercises">(.*?)<\/script>/s.exec(
        readFileSync(file, 'utf8'),
      )![1];
      pages.push({ file, exercises: JSON.parse(json) });
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: executablePath!, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  /** The text of the n-th prompt as a copy of it gives it (the whole prompt selected). */
  const copied = (page: Page, n: number) =>
    page.evaluate((k) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelectorAll('.prompt')[k]);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, n);

  it('reads every matrix row by row, once: spoken, copied and as innerText', async () => {
    let rows3 = 0;
    for (const { file, exercises } of pages) {
      const page = await open(file);
      for (const [n, e] of exercises.entries()) {
        const prompt = page.locator('.prompt').nth(n);
        const want = writtenLines(e);
        const spoken = (await prompt.ariaSnapshot()).replace(/^- text: "?|"$/g, '').replace(/\\"/g, '"');
        expect(spoken, `${e.template} spoken`).toBe(want.join(' '));
        expect(textLines(await copied(page, n)), `${e.template} copied`).toEqual(want);
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
        expect(textLines(await prompt.innerText()), `${e.template} innerText`).toEqual(want);
        rows3 += want.filter((l) => /\] \[ .* \] \[/.test(l)).length;
      }
      await page.close();
    }
    // The network file's matrices, written out here: 3×3 and 3×2, each row in its brackets.
    const [set] = pages;
    const page = await open(set.file);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    const lines = textLines(await page.locator('.prompt').first().innerText());
    await page.close();
    expect(lines).toContain('W¹ = [ 0.5 -0.2 1 ] [ 0.1 0.4 2 ] [ 1 2 3 ]');
    expect(lines).toContain('W² = [ 0.3 -0.1 ] [ -0.2 0.4 ] [ 1 2 ]');
    expect(rows3).toBe(2);
  });

  it('draws the typeset values exactly as KaTeX wrote them: the same pixels as with their text in place', async () => {
    for (const { file } of pages) {
      const html = readFileSync(file, 'utf8');
      const written = file.replace(/\.html$/, '-written.html');
      // The drawn text put back where KaTeX wrote it (the wrapping spans of other text are harmless).
      writeFileSync(written, html.replace(/ data-glyphs="([^"]*)">/g, '>$1'));
      const [drawn, back] = [await open(file), await open(written)];
      const prompts = await drawn.locator('.prompt').count();
      for (let n = 0; n < prompts; n++)
        expect(await drawn.locator('.prompt').nth(n).screenshot()).toEqual(
          await back.locator('.prompt').nth(n).screenshot(),
        );
      // Compared something: the one draws many texts, the other none.
      expect(await drawn.locator('.prompt [data-glyphs]').count()).toBeGreaterThan(50);
      expect(await back.locator('[data-glyphs]').count()).toBe(0);
      await drawn.close();
      await back.close();
    }
  });
});
