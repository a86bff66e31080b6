// `--format pdf` with a browser that never answers: a launch and a print timeout, one clear line,
// exit 1, and on every path (timed out, failed, Ctrl-C) no browser process left running and no
// temporary folder left behind. The "browsers" are small scripts: one that never starts (it sleeps),
// and the real Chromium frozen with SIGSTOP a moment after it starts. Each records its process ids.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/pdf';
import {
  DEFAULT_PDF_TIMEOUT_S,
  PRINT_CHARS_PER_TIMEOUT,
  parsePdfTimeout,
  pdfTimeoutSeconds,
  printSeconds,
} from '../../src/render/pdf-timeout';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';

const MAZUR = join(ROOT, 'exercises/networks/mazur.yaml');
const chromium = findChromium();

let cli: BuiltCli;
let dir: string;

beforeAll(() => {
  cli = buildCli();
  // Short: Chromium's socket in the TMPDIR below must fit in 107 bytes.
  dir = mkdtempSync(join(tmpdir(), 'bt-'));
  script('sleeping.sh', '#!/bin/sh\necho "$$" >> "$BROWSER_LOG"\nexec sleep 1000\n');
  script(
    'freezing.sh',
    `#!/bin/bash\n"${chromium ?? '/usr/bin/chromium'}" "$@" &\npid=$!\necho "$$ $pid" >> "$BROWSER_LOG"\nsleep 1\nkill -STOP "$pid"\nwait "$pid"\n`,
  );
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  chmodSync(path, 0o755);
  return path;
}

/** A folder of its own for TMPDIR (so only this run's temporary folders are in it) and the pid log. */
let runs = 0;
function fresh(): { tmp: string; log: string } {
  const tmp = join(dir, `t${++runs}`);
  mkdirSync(tmp);
  return { tmp, log: join(dir, `t${runs}.log`) };
}

/** Alive and not a zombie: a zombie has exited and waits only to be reaped by its parent. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

function pidsIn(log: string): number[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [];
}

interface Row {
  readonly name: string;
  readonly browser: () => string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly words: readonly string[];
  /** The spawn's bound: the timeout plus start-up, rendering and the kill, with room for a busy machine. */
  readonly ms: number;
  readonly needsChromium?: boolean;
  /** The commands this is tried with (default: solve alone). */
  readonly commands?: readonly Command[];
}

/** Every command that prints a PDF: its arguments, writing to `out` (a file, or generate's folder). */
const COMMANDS = {
  solve: (out: string) => ['solve', MAZUR, '--format', 'pdf', '--output', out],
  key: (out: string) => ['key', '1QNGSXR', '--set', GRAPH_SET, '--format', 'pdf', '--output', out],
  generate: (out: string) => ['generate', GRAPH_SET, '--variants', '1', '--format', 'pdf', '--out', out],
} as const;
type Command = keyof typeof COMMANDS;
const GRAPH_SET = join(ROOT, 'exercises/sets/computational-graphs.yaml');

/** The PDFs a run left: the file, or the PDFs in generate's folder. */
function pdfsAt(out: string): string[] {
  if (!existsSync(out)) return [];
  if (!statSync(out).isDirectory()) return [out];
  return readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
}

const ROWS: readonly Row[] = [
  {
    name: 'a browser that never starts, --pdf-timeout 2',
    browser: () => join(dir, 'sleeping.sh'),
    args: ['--pdf-timeout', '2'],
    words: ['cannot make a PDF', 'did not start within 2 s', '--pdf-timeout', '--format html'],
    ms: 30_000,
    commands: ['solve', 'key', 'generate'],
  },
  {
    name: 'a browser that never starts, BACKPROP_TUTOR_PDF_TIMEOUT=3',
    browser: () => join(dir, 'sleeping.sh'),
    args: [],
    env: { BACKPROP_TUTOR_PDF_TIMEOUT: '3' },
    words: ['did not start within 3 s', 'BACKPROP_TUTOR_PDF_TIMEOUT'],
    ms: 30_000,
  },
  {
    name: 'a browser that starts, then freezes while printing',
    browser: () => join(dir, 'freezing.sh'),
    args: ['--pdf-timeout', '4'],
    words: ['did not finish printing within 4 s'],
    ms: 40_000,
    needsChromium: true,
  },
  {
    name: 'a "browser" that exits at once',
    browser: () => '/bin/false',
    args: [],
    words: ['the browser failed', 'exited (code 1) before it was ready'],
    ms: 30_000,
    commands: ['solve', 'key', 'generate'],
  },
];

describe('a PDF browser that does not answer', () => {
  const cases = ROWS.flatMap((row) => (row.commands ?? ['solve']).map((command) => ({ ...row, command })));
  it.each(cases)('$command, $name: one line, exit 1, nothing left behind', async (row) => {
    if (row.needsChromium && chromium === null) return; // the frozen browser is a real Chromium
    const { tmp, log } = fresh();
    const out = join(dir, `t${runs}.pdf`);
    const { BACKPROP_TUTOR_LANG: _, ...inherited } = process.env;
    const result = spawnSync(process.execPath, [cli.cli, ...COMMANDS[row.command](out), ...row.args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: row.ms,
      env: { ...inherited, ...row.env, TMPDIR: tmp, BROWSER_LOG: log, BACKPROP_TUTOR_CHROMIUM: row.browser() },
    });
    expect(result.error, 'the CLI did not end in time').toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^backprop-tutor: [^\n]*\n$/);
    expect(result.stderr).not.toMatch(/\s+at |\.js:\d+/);
    for (const word of row.words) expect(result.stderr).toContain(word);
    expect(pdfsAt(out)).toEqual([]);
    // SIGKILL has been sent to the whole group when the CLI returns; a killed process takes a moment to go.
    for (const pid of pidsIn(log)) await expect.poll(() => running(pid), { timeout: 5000 }).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('Ctrl-C while waiting for the browser: the browser is killed and its folder removed', async () => {
    const { tmp, log } = fresh();
    const { BACKPROP_TUTOR_LANG: _, ...inherited } = process.env;
    const child = spawn(
      process.execPath,
      [cli.cli, 'solve', MAZUR, '--format', 'pdf', '--output', join(dir, 'i.pdf')],
      {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...inherited, TMPDIR: tmp, BROWSER_LOG: log, BACKPROP_TUTOR_CHROMIUM: join(dir, 'sleeping.sh') },
      },
    );
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    for (let waited = 0; pidsIn(log).length === 0 && waited < 20_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pidsIn(log)).toHaveLength(1);
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    // Killed and reaped before the CLI itself ended: not even a defunct (zombie) entry is left.
    const [pid] = pidsIn(log);
    expect(existsSync(`/proc/${pid}`), `process ${pid} is left`).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  }, 40_000);

  it('a bad BACKPROP_TUTOR_PDF_TIMEOUT is refused before any work', () => {
    const result = cli.runWithEnv(
      { BACKPROP_TUTOR_PDF_TIMEOUT: 'soon' },
      'solve',
      MAZUR,
      '--format',
      'pdf',
      '-o',
      join(dir, 'b.pdf'),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'BACKPROP_TUTOR_PDF_TIMEOUT must be a whole number of seconds from 1 to 3600, got "soon"',
    );
  });

  it('--pdf-timeout belongs to --format pdf', () => {
    const result = cli.run('solve', MAZUR, '--format', 'html', '--pdf-timeout', '5');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pdf-timeout applies to --format pdf');
    const key = cli.run('key', '1QNGSXR', '--set', GRAPH_SET, '--format', 'html', '--pdf-timeout', '5');
    expect(key.status).toBe(2);
    expect(key.stderr.split('\n')[0]).toBe('backprop-tutor: key: --pdf-timeout applies to --format pdf');
    const out = join(dir, 'no-pdf');
    const generate = cli.run('generate', GRAPH_SET, '--variants', '1', '--out', out, '--pdf-timeout', '5');
    expect(generate.status).toBe(2);
    expect(generate.stderr.split('\n')[0]).toBe('backprop-tutor: generate: --pdf-timeout applies to --format pdf');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the timeout setting', () => {
  it.each([
    ['90', 90],
    [' 5 ', 5],
    ['1', 1],
    ['3600', 3600],
    ['0', null],
    ['3601', null],
    ['1.5', null],
    ['-3', null],
    ['ten', null],
    ['', null],
  ])('%j → %s', (text, seconds) => {
    expect(parsePdfTimeout(text)).toBe(seconds);
  });

  it('is for each 4 MB of a page when printing', () => {
    expect(PRINT_CHARS_PER_TIMEOUT).toBe(4_000_000);
    expect(printSeconds('', 60)).toBe(60);
    expect(printSeconds('x'.repeat(4_000_000), 60)).toBe(60);
    expect(printSeconds('x'.repeat(4_000_001), 60)).toBe(120);
    expect(printSeconds('x'.repeat(10_400_000), 7)).toBe(21);
  });

  it('defaults to 60 s, and the variable sets it', () => {
    expect(DEFAULT_PDF_TIMEOUT_S).toBe(60);
    expect(pdfTimeoutSeconds({})).toBe(60);
    expect(pdfTimeoutSeconds({ BACKPROP_TUTOR_PDF_TIMEOUT: '7' })).toBe(7);
  });
});
