// The practice page written by `practice`, opened from file:// in a real headless Chromium: each
// verdict and feedback equals what `check --format json` prints for the same answer (right, honestly
// rounded, wrong, unparseable; with a hint used), the worked step is offered after a miss, a reload
// keeps everything, the exported CSV has the responses header and the typed answers, reset clears it;
// no console errors, no network requests, axe-core finds no violations, the page fits 320 px and
// prints without its controls. Needs `npm run build` and Chromium.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/exercises/types';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf';
import { answersFor, type Cell } from './answers';

const executablePath = findChromium();
if (executablePath === null) console.warn('practice page tests SKIPPED: no Chromium found');
const run = promisify(execFile);
const cli = (args: string[]) => execFileSync('node', ['dist/cli.js', ...args], { encoding: 'utf8' });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const field = (q: number, ask: string) => `input[data-question="${q}"][data-ask="${ask}"]`;
const result = (q: number, ask: string) => `[data-result][data-question="${q}"][data-ask="${ask}"]`;

describe.skipIf(executablePath === null)('the practice page in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let pageFile: string;
  let exercises: Exercise[];
  const exFile = (q: number) => join(dir, `q${q}.json`);
  const check = async (q: number, answers: readonly string[], extra: readonly string[] = [], lang = 'en') => {
    const args = ['dist/cli.js', 'check', exFile(q), ...answers.flatMap((a) => ['--answer', a])];
    const { stdout } = await run('node', [...args, ...extra, '--format', 'json', '--lang', lang]);
    return JSON.parse(stdout).results as { ask: string; status: string; feedback: string; score: number }[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'practice-'));
    pageFile = join(dir, 'page.html');
    const templates = [
      'output-bias-grad',
      'hidden-delta',
      'matrix-form',
      'hidden-bias-formula',
      'graph-backward',
      'train-once',
    ];
    cli([
      'practice',
      ...templates.flatMap((t) => ['--template', t]),
      '--count',
      String(templates.length),
      '--difficulty',
      '2',
      '--seed',
      '11',
      '--output',
      pageFile,
    ]);
    const html = readFileSync(pageFile, 'utf8');
    const json = /<script type="application\/json" id="exercises">(.*?)<\/script>/s.exec(html)![1];
    exercises = JSON.parse(json);
    exercises.forEach((e, i) => writeFileSync(exFile(i + 1), `${JSON.stringify(e, null, 2)}\n`));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: executablePath!, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page with every console message, page error and request recorded. */
  async function open(width = 1000): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => errors.push(`${m.type()}: ${m.text()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${pageFile}`);
    await page.waitForSelector('html[data-ready="true"]');
    return { page, errors, requests };
  }

  it('has the exercises as exercise --format json prints them', () => {
    expect(exercises).toHaveLength(6);
    for (const e of exercises) {
      const again = cli([
        'exercise',
        '--template',
        e.template,
        '--difficulty',
        String(e.difficulty),
        '--seed',
        String(e.seed),
        '--format',
        'json',
      ]);
      expect(e).toEqual(JSON.parse(again));
    }
  });

  it('grades every ask on Enter with the verdict and feedback of check, keeps it all over a reload, exports and resets', async () => {
    const { page, errors, requests } = await open();
    // Every ask: right, honestly rounded, wrong and unparseable, each alone as check grades it alone.
    const tried: { q: number; ask: string; kind: string; answer: string }[] = [];
    exercises.forEach((e, i) => {
      for (const ask of e.asks)
        for (const a of answersFor(e.expected[ask.id])) tried.push({ q: i + 1, ask: ask.id, ...a });
    });
    // Two check processes at a time: the machine is shared.
    const expected: Awaited<ReturnType<typeof check>>[] = [];
    for (let k = 0; k < tried.length; k += 2)
      expected.push(...(await Promise.all(tried.slice(k, k + 2).map((t) => check(t.q, [`${t.ask}=${t.answer}`])))));
    for (const [i, t] of tried.entries()) {
      await page.fill(field(t.q, t.ask), t.answer);
      await page.press(field(t.q, t.ask), 'Enter');
      const want = expected[i][0];
      const got = page.locator(result(t.q, t.ask));
      expect({ ...t, status: await got.getAttribute('data-status') }).toEqual({ ...t, status: want.status });
      expect(await got.textContent()).toBe(want.feedback);
      // Fair both ways: the right and the honestly rounded answers are right, the wrong one is not.
      if (t.kind === 'right' || t.kind === 'rounded') expect(want.status, `${t.kind} ${t.answer}`).toBe('correct');
      if (t.kind === 'wrong') expect(want.status).toBe('incorrect');
      if (t.kind === 'unparseable') expect(want.status).toBe('invalid');
      // Cleared, so that the next ask is graded on its own, as check grades it here.
      if (t.kind === 'unparseable') {
        await page.fill(field(t.q, t.ask), '');
        await page.press(field(t.q, t.ask), 'Enter');
      }
    }
    expect(tried.length).toBeGreaterThan(20);

    // The answers graded before in the same question go along, as they do with check: the first ask
    // wrong, then each later one right and its own plus one (right from the wrong part, or not).
    let pairs = 0;
    for (const [i, e] of exercises.entries()) {
      if (e.asks.length < 2) continue;
      const [first, ...rest] = e.asks;
      const wrongFirst = answersFor(e.expected[first.id])[2].answer;
      await page.fill(field(i + 1, first.id), wrongFirst);
      await page.press(field(i + 1, first.id), 'Enter');
      for (const ask of rest) {
        const tries = answersFor(e.expected[ask.id]);
        for (const answer of [tries[0].answer, tries.find((t) => t.kind === 'wrong')!.answer]) {
          const want = (await check(i + 1, [`${first.id}=${wrongFirst}`, `${ask.id}=${answer}`])).find(
            (r) => r.ask === ask.id,
          )!;
          await page.fill(field(i + 1, ask.id), answer);
          await page.press(field(i + 1, ask.id), 'Enter');
          expect(await page.getAttribute(result(i + 1, ask.id), 'data-status')).toBe(want.status);
          expect(await page.textContent(result(i + 1, ask.id))).toBe(want.feedback);
          pairs++;
        }
        await page.fill(field(i + 1, ask.id), '');
        await page.press(field(i + 1, ask.id), 'Enter');
      }
      await page.fill(field(i + 1, first.id), '');
      await page.press(field(i + 1, first.id), 'Enter');
    }
    expect(pairs).toBeGreaterThan(4);
    // Exercise ③: L wrong, L' right, L − L' computed from the wrong L: carried forward, as check says.
    const q3 = exercises.findIndex((e) => e.template === 'train-once') + 1;
    const [l, lAfter, improvement] = exercises[q3 - 1].asks.map((a) => a.id);
    const exact = (id: string) => (exercises[q3 - 1].expected[id] as Cell).exact!;
    const wrongL = `${exact(l)} + 1`;
    const chained = [
      `${l}=${wrongL}`,
      `${lAfter}=${exact(lAfter)}`,
      `${improvement}=${exact(l)} + 1 - ${exact(lAfter)}`,
    ];
    const carried = (await check(q3, chained)).find((r) => r.ask === improvement)!;
    expect(carried.feedback).toMatch(/follows correctly from your answer/);
    for (const pair of chained) {
      const [ask, answer] = pair.split('=');
      await page.fill(field(q3, ask), answer);
      await page.press(field(q3, ask), 'Enter');
    }
    expect(await page.textContent(result(q3, improvement))).toBe(carried.feedback);
    expect(await page.getAttribute(result(q3, improvement), 'data-status')).toBe(carried.status);
    for (const ask of [l, lAfter, improvement]) {
      await page.fill(field(q3, ask), '');
      await page.press(field(q3, ask), 'Enter');
    }

    // The parser's message while typing, before Enter: what check says of the same text.
    const q1ask = exercises[0].asks[0].id;
    await page.fill(field(1, q1ask), '0.5*(');
    const syntax = (await check(1, [`${q1ask}=0.5*(`]))[0];
    expect(syntax.status).toBe('invalid');
    expect(await page.textContent(`[data-syntax][data-question="1"][data-ask="${q1ask}"]`)).toBe(syntax.feedback);
    expect(await page.getAttribute(result(1, q1ask), 'data-status')).toBeNull();

    // A miss offers the worked step (pre-rendered with KaTeX); it opens from the keyboard.
    const right1 = answersFor(exercises[0].expected[q1ask])[0].answer;
    const stepButton = `button[data-show-step][data-question="1"][data-ask="${q1ask}"]`;
    expect(await page.isVisible(stepButton)).toBe(true);
    expect(await page.isVisible(`[data-step][data-question="1"][data-ask="${q1ask}"]`)).toBe(false);
    await page.focus(stepButton);
    await page.keyboard.press('Enter');
    const step = page.locator(`[data-step][data-question="1"][data-ask="${q1ask}"]`);
    expect(await step.isVisible()).toBe(true);
    expect(await step.locator('.katex').count()).toBeGreaterThan(0);

    // Keyboard first: Tab goes from the input to its hint button; a hint costs what check charges.
    await page.focus(field(1, q1ask));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-hint'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator(`#q1-${q1ask}-hints li:not([hidden])`).count()).toBe(1);
    const hinted = (await check(1, [`${q1ask}=${right1}`], ['--hints-used', `${q1ask}=1`]))[0];
    await page.fill(field(1, q1ask), right1);
    await page.press(field(1, q1ask), 'Enter');
    expect(await page.getAttribute(result(1, q1ask), 'data-status')).toBe(hinted.status);
    expect(await page.textContent(result(1, q1ask))).toBe(hinted.feedback);
    expect(hinted.score).toBe(0.75);

    // Every ask answered right, the student's id typed; then a reload.
    const rights = exercises.map((e) =>
      e.asks.map((a) => ({ ask: a.id, answer: answersFor(e.expected[a.id])[0].answer })),
    );
    for (const [i, asks] of rights.entries())
      for (const { ask, answer } of asks) {
        await page.fill(field(i + 1, ask), answer);
        await page.press(field(i + 1, ask), 'Enter');
      }
    await page.fill('#student-id', 's-42');
    const total = rights.flat().length;
    const score = `Score: ${total - 0.25} of ${total}`;
    expect(await page.textContent('#score')).toBe(score);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    for (const [i, asks] of rights.entries())
      for (const { ask, answer } of asks) {
        expect(await page.inputValue(field(i + 1, ask))).toBe(answer);
        expect(await page.getAttribute(result(i + 1, ask), 'data-status')).toBe('correct');
      }
    expect(await page.inputValue('#student-id')).toBe('s-42');
    // Kept under a key naming the page's exercises.
    const names = exercises.map((e) => `${e.template}/${e.difficulty}/${e.seed}/${e.lang}`).join(',');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([`backprop-tutor practice ${names}`]);
    expect(await page.textContent('#score')).toBe(score);
    expect(await page.locator(`#q1-${q1ask}-hints li:not([hidden])`).count()).toBe(1);
    expect(await page.isVisible(stepButton)).toBe(true);

    // Accessible in this state (a hint and a worked step open), checked by axe-core in the page.
    await page.click(stepButton);
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe;
      return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    // "Export my answers": the responses CSV, header student_id,q1.a1,…, the answers as typed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('answers-s-42.csv');
    const [header, row, ...more] = parse(csv) as string[][];
    expect(more).toEqual([]);
    expect(header).toEqual(['student_id', ...rights.flatMap((asks, i) => asks.map((a) => `q${i + 1}.${a.ask}`))]);
    expect(row).toEqual(['s-42', ...rights.flatMap((asks) => asks.map((a) => a.answer))]);
    // The exported answers, graded by check question by question, are all right.
    for (const [i, asks] of rights.entries()) {
      const cells = asks.map((a) => row[header.indexOf(`q${i + 1}.${a.ask}`)]);
      const graded = await check(
        i + 1,
        asks.map((a, k) => `${a.ask}=${cells[k]}`),
      );
      expect(graded.map((r) => r.status)).toEqual(asks.map(() => 'correct'));
    }

    // Printed, the page is the worksheet: no buttons, verdicts, hints or steps.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#export', stepButton, result(1, q1ask), `#q1-${q1ask}-hints`])
      expect(await page.isVisible(hidden)).toBe(false);
    expect(await page.isVisible(field(1, q1ask))).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Reset clears everything, also what is stored.
    page.once('dialog', (d) => d.accept());
    await page.click('#reset');
    expect(await page.inputValue(field(1, q1ask))).toBe('');
    expect(await page.getAttribute(result(1, q1ask), 'data-status')).toBeNull();
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.inputValue(field(1, q1ask))).toBe('');
    expect(await page.inputValue('#student-id')).toBe('');
    expect(await page.locator(`#q1-${q1ask}-hints li:not([hidden])`).count()).toBe(0);

    expect(errors).toEqual([]);
    // Nothing was fetched: the only requests are the page itself (loaded and reloaded).
    expect([...new Set(requests)]).toEqual([`file://${pageFile}`]);
    await page.context().close();
  });

  it('reads at 320 px without scrolling sideways', async () => {
    const { page, errors } = await open(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const box = await page.locator(field(1, exercises[0].asks[0].id)).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
