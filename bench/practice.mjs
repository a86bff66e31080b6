// The practice page's figures, in headless Chromium: the size of a 10-exercise page (fonts and script
// included), the time to interactive from file:// (navigation start → the script has read the
// exercises, restored the progress and marked the page ready; median of several loads), and Enter →
// verdict in the page (the grading is synchronous, so the verdict is in the page when the keydown
// handler returns), over every ask with a right and a wrong answer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = 10;
const LOADS = 9;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function chromiumPath() {
  for (const p of [process.env.BACKPROP_TUTOR_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

export async function runPracticeBench(cli, root) {
  const executablePath = chromiumPath();
  const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-bench-practice-'));
  const file = join(dir, 'page.html');
  try {
    execFileSync(
      process.execPath,
      [cli, 'practice', '--count', String(COUNT), '--difficulty', '2', '--seed', '1', '--output', file],
      { cwd: root, stdio: 'pipe' },
    );
    const pageBytes = statSync(file).size;
    if (executablePath === null) return { exercises: COUNT, pageBytes, skipped: 'no Chromium' };
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      // Runs before the page's own script (injected by the browser, not subject to the page's CSP).
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.documentElement.dataset.ready === 'true') {
            window.__readyAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      const page = await context.newPage();
      const ready = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`file://${file}`);
        await page.waitForSelector('html[data-ready="true"]');
        ready.push(await page.evaluate(() => window.__readyAt));
      }
      const verdicts = await page.evaluate(() => {
        const exercises = JSON.parse(document.getElementById('exercises').textContent);
        const cell = (v) => (v && typeof v === 'object' && 'approx' in v ? (v.exact ?? v.approx) : null);
        const written = (v) => {
          if ('expression' in v) return v.expression;
          if (cell(v) !== null) return cell(v);
          return Array.isArray(v[0])
            ? `[${v.map((r) => r.map(cell).join(', ')).join('; ')}]`
            : `[${v.map(cell).join(', ')}]`;
        };
        const times = [];
        exercises.forEach((e, i) => {
          for (const ask of e.asks) {
            const input = document.querySelector(`input[data-question="${i + 1}"][data-ask="${ask.id}"]`);
            const out = document.querySelector(`[data-result][data-question="${i + 1}"][data-ask="${ask.id}"]`);
            for (const answer of [written(e.expected[ask.id]), `(${written(e.expected[ask.id])}) + 1`]) {
              input.value = answer;
              delete out.dataset.status;
              const t = performance.now();
              input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
              const ms = performance.now() - t;
              if (!out.dataset.status) throw new Error(`no verdict for question ${i + 1} ${ask.id}`);
              times.push(ms);
            }
          }
        });
        return times;
      });
      await context.close();
      return {
        exercises: COUNT,
        pageBytes,
        loads: LOADS,
        interactiveMedianMs: percentile(ready, 50),
        tries: verdicts.length,
        enterToVerdictMedianMs: percentile(verdicts, 50),
        enterToVerdictP95Ms: percentile(verdicts, 95),
        enterToVerdictMaxMs: Math.max(...verdicts),
      };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
