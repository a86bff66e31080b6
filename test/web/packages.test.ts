// The practice page's other shapes, in headless Chromium: a hostile title stays text (and the
// Japanese page gives check's Japanese feedback), the SCORM 1.2 zip reports its score to an LMS's API
// found up the frame chain (and runs quietly without one), and `generate --format practice` writes a
// page per student whose CSV names the student and the responses template's columns, and a zip of
// them that is the same bytes twice. Needs `npm run build`, Chromium, unzip and xmllint.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import type { ExpectedValue } from '../../src/exercises/types';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf';
import { answersFor } from './answers';

const executablePath = findChromium();
if (executablePath === null) console.warn('practice package tests SKIPPED: no Chromium found');
const cli = (args: string[]) => execFileSync('node', ['dist/cli.js', ...args], { encoding: 'utf8', stdio: 'pipe' });
const exercisesOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="exercises">(.*?)<\/script>/s.exec(html)![1]) as {
    asks: { id: string }[];
    expected: Record<string, { exact: string }>;
  }[];

describe.skipIf(executablePath === null)('practice pages packaged', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'practice-pkg-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: executablePath!, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function watched(page: Page) {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => errors.push(`${m.type()}: ${m.text()}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return errors;
  }

  it('keeps a hostile title as text; in Japanese, the feedback is check --lang ja', async () => {
    const title = `<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes" </title>`;
    const file = join(dir, 'ja.html');
    cli([
      'practice',
      '--template',
      'output-bias-grad',
      '--count',
      '1',
      '--seed',
      '5',
      '--lang',
      'ja',
      '--title',
      title,
      '--output',
      file,
    ]);
    const html = readFileSync(file, 'utf8');
    const [exercise] = exercisesOf(html);
    writeFileSync(join(dir, 'ja.json'), JSON.stringify(exercise));
    const page = await browser.newPage();
    const errors = await watched(page);
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.title()).toBe(title);
    expect(await page.textContent('h1')).toBe(title);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    const answer = '(0.1 + 0.2';
    const want = JSON.parse(
      cli(['check', join(dir, 'ja.json'), '--answer', `a1=${answer}`, '--format', 'json', '--lang', 'ja']),
    ).results[0];
    await page.fill('input[data-question="1"][data-ask="a1"]', answer);
    await page.press('input[data-question="1"][data-ask="a1"]', 'Enter');
    expect(await page.textContent('[data-result][data-question="1"][data-ask="a1"]')).toBe(want.feedback);
    expect(want.feedback).toMatch(/[ぁ-んァ-ン]/);
    expect(await page.textContent('#score')).toBe('得点: 1 点中 0 点');
    // A hostile answer is read by the parser and shown as text.
    await page.fill('input[data-question="1"][data-ask="a1"]', '<img src=x onerror="alert(3)">');
    await page.press('input[data-question="1"][data-ask="a1"]', 'Enter');
    expect(await page.getAttribute('[data-result][data-question="1"][data-ask="a1"]', 'data-status')).toBe('invalid');
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    // The page's policy refuses any fetch, and any script but its own.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const tried = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const fetched = await fetch('http://example.invalid/x').then(
        () => 'fetched',
        () => 'refused',
      );
      const script = document.createElement('script');
      script.textContent = 'document.title = "injected"';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return { fetched, violations, title: document.title };
    });
    expect(tried).toEqual({ fetched: 'refused', violations: ['connect-src', 'script-src-elem'], title });
    expect(requests).toEqual([]);
    await page.close();
  });

  it('--scorm: a SCORM 1.2 zip whose page reports its score to the API up the frame chain', async () => {
    const zip = join(dir, 'scorm.zip');
    cli(['practice', '--template', 'output-bias-grad', '--count', '2', '--seed', '9', '--scorm', '--output', zip]);
    const out = join(dir, 'scorm');
    mkdirSync(out);
    execFileSync('unzip', ['-q', zip, '-d', out]);
    // The manifest is well-formed XML naming one SCO, the page, by the SCORM 1.2 namespaces.
    execFileSync('xmllint', ['--noout', join(out, 'imsmanifest.xml')]);
    const xpath = (expr: string) =>
      execFileSync('xmllint', ['--xpath', expr, join(out, 'imsmanifest.xml')], { encoding: 'utf8' }).trim();
    expect(
      xpath('string(/*[local-name()="manifest"]/*[local-name()="metadata"]/*[local-name()="schemaversion"])'),
    ).toBe('1.2');
    expect(xpath('string(//*[local-name()="resource"]/@*[local-name()="scormtype"])')).toBe('sco');
    expect(xpath('string(//*[local-name()="resource"]/@href)')).toBe('index.html');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const exercises = exercisesOf(html);

    // An LMS page (served by the test, nothing leaves the machine) with the API, the SCO in a frame.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = await watched(page);
    const lms = `<!DOCTYPE html><html lang="en"><head><title>LMS</title><script>
      window.calls = [];
      window.data = JSON.parse(sessionStorage.getItem('lms') || '{}');
      window.API = {};
      for (const name of ['LMSInitialize', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetValue', 'LMSGetLastError'])
        window.API[name] = (...args) => {
          window.calls.push([name, ...args]);
          if (name === 'LMSSetValue') window.data[args[0]] = args[1];
          if (name === 'LMSCommit') sessionStorage.setItem('lms', JSON.stringify(window.data));
          if (name === 'LMSGetValue') return window.data[args[0]] ?? '';
          return name === 'LMSGetLastError' ? '0' : 'true';
        };
      </script></head><body><div><iframe id="sco" title="practice" src="course/index.html" width="800" height="600"></iframe></div></body></html>`;
    await page.route('http://lms.test/**', (route) => {
      const url = route.request().url();
      if (url === 'http://lms.test/lms.html') return route.fulfill({ contentType: 'text/html', body: lms });
      if (url === 'http://lms.test/course/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      return route.abort();
    });
    await page.goto('http://lms.test/lms.html');
    const frame = page.frameLocator('#sco');
    await frame.locator('html[data-ready="true"]').waitFor();
    const calls = () => page.evaluate(() => (window as unknown as { calls: string[][] }).calls);
    expect((await calls())[0]).toEqual(['LMSInitialize', '']);
    // Question 1 right, question 2 not answered: 50 %, incomplete; then both: 100 %, completed.
    const right = (q: number) => exercises[q].expected.a1.exact;
    await frame.locator('input[data-question="1"][data-ask="a1"]').fill(right(0));
    await frame.locator('input[data-question="1"][data-ask="a1"]').press('Enter');
    const set = (all: string[][]) =>
      Object.fromEntries(all.filter((c) => c[0] === 'LMSSetValue').map((c) => [c[1], c[2]]));
    expect(set(await calls())).toMatchObject({
      'cmi.core.score.raw': '50',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_status': 'incomplete',
    });
    expect((await calls()).at(-1)).toEqual(['LMSCommit', '']);
    await frame.locator('input[data-question="2"][data-ask="a1"]').fill(right(1));
    await frame.locator('input[data-question="2"][data-ask="a1"]').press('Enter');
    expect(set(await calls())).toMatchObject({ 'cmi.core.score.raw': '100', 'cmi.core.lesson_status': 'completed' });
    // The progress went to cmi.suspend_data: another device (no localStorage) resumes from it.
    const suspended = set(await calls())['cmi.suspend_data'];
    expect(JSON.parse(suspended).asks['1.a1'].entered).toBe(right(0));
    await frame.locator('html').evaluate(() => localStorage.clear());
    await page.reload();
    await frame.locator('html[data-ready="true"]').waitFor();
    expect(await frame.locator('input[data-question="1"][data-ask="a1"]').inputValue()).toBe(right(0));
    expect(await frame.locator('[data-result][data-question="1"][data-ask="a1"]').getAttribute('data-status')).toBe(
      'correct',
    );
    // Leaving the SCO ends the session (completed: no suspend).
    await page.evaluate(() => document.getElementById('sco')!.remove());
    await expect.poll(async () => (await calls()).at(-1)).toEqual(['LMSFinish', '']);
    expect(set(await calls())['cmi.core.exit']).toBe('');
    expect(errors).toEqual([]);
    await context.close();

    // Opened on its own, without an LMS: it works and says nothing.
    const alone = await browser.newPage();
    const quiet = await watched(alone);
    await alone.goto(`file://${join(out, 'index.html')}`);
    await alone.waitForSelector('html[data-ready="true"]');
    await alone.fill('input[data-question="1"][data-ask="a1"]', right(0));
    await alone.press('input[data-question="1"][data-ask="a1"]', 'Enter');
    expect(await alone.getAttribute('[data-result][data-question="1"][data-ask="a1"]', 'data-status')).toBe('correct');
    expect(quiet).toEqual([]);
    await alone.close();
  });

  it('generate --format practice: a page per student with the student in its CSV, the class in a zip', async () => {
    const set = join(dir, 'set.yaml');
    writeFileSync(
      set,
      [
        'title: "<i>Quiz</i> & co"',
        'lang: en',
        'seed: 4',
        'questions:',
        '  - {template: output-bias-grad, difficulty: 1, points: 1}',
        '  - {template: hidden-delta, difficulty: 1, points: 2}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'roster.csv'), 'id,name\r\ns1,"Sato, Hanako"\r\ns2,<script>alert(1)</script>\r\n');
    const gen = (out: string) =>
      cli(['generate', set, '--roster', join(dir, 'roster.csv'), '--out', out, '--format', 'practice']);
    gen(join(dir, 'class'));
    gen(join(dir, 'again'));
    const zip = readFileSync(join(dir, 'class', 'practice.zip'));
    expect(zip.equals(readFileSync(join(dir, 'again', 'practice.zip')))).toBe(true);
    const listed = execFileSync('unzip', ['-Z1', join(dir, 'class', 'practice.zip')], { encoding: 'utf8' });
    expect(listed.trim().split('\n')).toEqual(['s1.html', 's2.html']);
    const unzipped = join(dir, 'unzipped');
    execFileSync('unzip', ['-q', join(dir, 'class', 'practice.zip'), '-d', unzipped]);
    const key = JSON.parse(readFileSync(join(dir, 'class', 'key.json'), 'utf8'));
    const template = parse(readFileSync(join(dir, 'class', 'responses-template.csv'), 'utf8')) as string[][];

    for (const [i, id] of ['s1', 's2'].entries()) {
      const file = join(dir, 'class', id, 'practice.html');
      expect(readFileSync(join(unzipped, `${id}.html`)).equals(readFileSync(file))).toBe(true);
      const html = readFileSync(file, 'utf8');
      // The student's own variant, exactly as key.json has it.
      const questions = key.students[i].questions.map(({ points, ...exercise }: { points: number }) => exercise);
      expect(exercisesOf(html)).toEqual(questions);
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors = await watched(page);
      await page.goto(`file://${file}`);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.textContent('h1')).toBe(`<i>Quiz</i> & co — ${key.students[i].name}`);
      expect(await page.locator('#student-id').count()).toBe(0);
      // Every ask answered right (typed, not even graded), then exported.
      const typed: string[] = [];
      for (const [q, exercise] of questions.entries())
        for (const ask of (exercise as { asks: { id: string }[] }).asks) {
          const expected = (exercise as { expected: Record<string, ExpectedValue> }).expected[ask.id];
          const answer = answersFor(expected)[0].answer;
          typed.push(answer);
          await page.fill(`input[data-question="${q + 1}"][data-ask="${ask.id}"]`, answer);
        }
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      // Kept: the browser's copy goes with its context.
      const csvFile = join(dir, `${id}-answers.csv`);
      await download.saveAs(csvFile);
      const [header, row] = parse(readFileSync(csvFile, 'utf8')) as string[][];
      expect(header).toEqual(template[0]);
      expect(row).toEqual([id, ...typed]);
      expect(errors).toEqual([]);
      await context.close();
      // The class's grader takes the exported CSV (when this build has it): all right, full marks.
      if (COMMANDS.some((c) => c.name === ('grade' as string))) {
        const graded = spawnSync(
          'node',
          ['dist/cli.js', 'grade', join(dir, 'class', 'key.json'), '--responses', csvFile, '--format', 'json'],
          { encoding: 'utf8' },
        );
        expect(graded.stdout, graded.stderr).not.toBe('');
        const student = JSON.parse(graded.stdout).students.find((s: { id: string }) => s.id === id);
        expect(student.total).toBe(student.max);
        expect(student.max).toBeGreaterThan(0);
      }
    }
  });
});
