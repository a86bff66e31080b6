// The practice page in a real headless Chromium from file://: each verdict and feedback equals what
// `check --format json` prints for the same answer; no console errors. Needs `npm run build` and Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf';
import { practicePage } from '../../src/web/page';

const executablePath = findChromium();
if (executablePath === null) console.warn('practice page tests SKIPPED: no Chromium found');
const cli = (args: string[]) => execFileSync('node', ['dist/cli.js', ...args], { encoding: 'utf8' });

describe.skipIf(executablePath === null)('the practice page in headless Chromium', () => {
  it('grades on Enter with the same verdicts and feedback as check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'practice-'));
    const exFile = join(dir, 'ex.json');
    writeFileSync(exFile, cli(['exercise', '--template', 'output-bias-grad', '--seed', '7', '--format', 'json']));
    const html = practicePage([JSON.parse(readFileSync(exFile, 'utf8'))], {
      lang: 'en',
      script: readFileSync('dist/web/practice.js', 'utf8'),
    });
    writeFileSync(join(dir, 'page.html'), html);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: executablePath!, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => errors.push(m.text()));
      await page.goto(`file://${join(dir, 'page.html')}`);
      for (const answer of ['-5.8', '5.8', '1/']) {
        const expected = JSON.parse(cli(['check', exFile, '--answer', `a1=${answer}`, '--format', 'json'])).results[0];
        await page.fill('input[data-question="1"][data-ask="a1"]', answer);
        await page.press('input[data-question="1"][data-ask="a1"]', 'Enter');
        const result = page.locator('[data-result][data-question="1"][data-ask="a1"]');
        expect(await result.getAttribute('data-status')).toBe(expected.status);
        expect(await result.textContent()).toBe(expected.feedback);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
