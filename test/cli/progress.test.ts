// generate's progress bar in a real terminal (tmux): the bar is drawn while the class is made and
// cleared when it is done; piped, stderr has only the one line saying what was written. Skipped,
// saying why, where tmux is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, type BuiltCli } from './build-cli';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('skipping the progress bar test: tmux is not installed (Debian: apt-get install tmux)');

const SOCKET = 'backprop-tutor-progress-test';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cli: BuiltCli;
let work: string;
beforeAll(() => {
  cli = buildCli();
  work = mkdtempSync(join(tmpdir(), 'bt-progress-'));
}, 120_000);
afterAll(() => {
  cli?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!hasTmux)('generate: a progress bar on a terminal only', () => {
  it('draws the bar while it works and clears it at the end', async () => {
    const out = join(work, 'tty');
    const command = `${process.execPath} ${cli.cli} generate exercises/sets/lecture-deck.yaml --out ${out} --variants 30`;
    tmux('new-session', '-d', '-s', 'gen', '-x', '120', '-y', '20', '-c', ROOT, `${command}; echo EXIT=$?; sleep 60`);
    const screens: string[] = [];
    for (let i = 0; i < 600; i++) {
      const screen = tmux('capture-pane', '-p', '-t', 'gen');
      screens.push(screen);
      if (screen.includes('EXIT=')) break;
      await sleep(100);
    }
    const last = screens.at(-1)!;
    expect(last).toContain('EXIT=0');
    expect(last).toContain(`generate: wrote 94 files for 30 students in ${out}`);
    const bars = screens.filter((s) => /generate \[[█░]+\] \d{1,3}% · left/.test(s));
    expect(bars.length).toBeGreaterThan(0);
    // The bar moves on: more than one percentage was shown, and none is left on the final screen.
    const shown = new Set(bars.map((s) => /(\d{1,3})% · left/.exec(s)![1]));
    expect(shown.size).toBeGreaterThan(1);
    expect(last).not.toMatch(/% · left/);
  }, 120_000);

  it('piped: nothing but the line saying what was written', () => {
    const out = join(work, 'piped');
    const result = cli.run('generate', 'exercises/sets/lecture-deck.yaml', '--out', out, '--variants', '3');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`backprop-tutor: generate: wrote 13 files for 3 students in ${out}\n`);
  });
});
