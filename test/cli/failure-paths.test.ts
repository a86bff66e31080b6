// Every way the output can fail, as a whole process: one line on stderr naming the path and the reason,
// exit 2 for a wrong path and 1 for a failed device, never a stack trace; a bug is one line too, with
// its stack only under BACKPROP_TUTOR_DEBUG=1. Each row: input, exit code, the words the line must hold.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, type BuiltCli } from './build-cli';

let cli: BuiltCli;
let dir: string;
const MAZUR = join(ROOT, 'exercises/networks/mazur.yaml');

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-failpaths-'));
  writeFileSync(join(dir, 'boom.cjs'), "JSON.stringify = () => { throw new TypeError('boom'); };\n");
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A process that must end within `ms` (a hang is a failure, not a slow test). */
function run(
  args: readonly string[],
  options: { env?: Record<string, string>; stdout?: string; node?: readonly string[]; ms?: number } = {},
) {
  const { BACKPROP_TUTOR_LANG: _, BACKPROP_TUTOR_DEBUG: __, ...inherited } = process.env;
  const fd = options.stdout === undefined ? 'pipe' : openSync(options.stdout, 'w');
  try {
    const result = spawnSync(process.execPath, [...(options.node ?? []), cli.cli, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...inherited, ...options.env },
      stdio: ['ignore', fd, 'pipe'],
      timeout: options.ms ?? 20_000,
    });
    expect(result.error, 'the process did not end in time').toBeUndefined();
    return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

/** One line on stderr, prefixed, without a stack trace or a line of the bundle. */
function expectOneLine(stderr: string, words: readonly string[]): void {
  expect(stderr).toMatch(/^backprop-tutor: [^\n]*\n$/);
  expect(stderr).not.toMatch(/\s+at |\.js:\d+|\.ts:\d+/);
  for (const word of words) expect(stderr).toContain(word);
}

interface Row {
  readonly name: string;
  /** The --output value (a function of the test's folder). */
  readonly output: (dir: string) => string;
  readonly format?: string;
  readonly exit: number;
  readonly words: readonly string[];
  readonly lang?: 'ja';
}

const OUTPUT_ROWS: readonly Row[] = [
  { name: 'a folder', output: (d) => d, exit: 2, words: ['cannot write', 'it is a folder'] },
  {
    name: 'a file in a missing folder',
    output: (d) => join(d, 'missing', 'out.md'),
    exit: 2,
    words: ['cannot write', 'missing/out.md', 'does not exist'],
  },
  {
    name: 'an empty name',
    output: () => '',
    exit: 2,
    words: ['cannot write ""', 'empty', 'use - for standard output'],
  },
  { name: 'a read-only place (sysfs)', output: () => '/sys/backprop-tutor.md', exit: 2, words: ['permission denied'] },
  {
    name: 'a path through a file',
    output: () => join(MAZUR, 'out.md'),
    exit: 2,
    words: ['a part of the path is not a folder'],
  },
  { name: 'a full disk (/dev/full)', output: () => '/dev/full', exit: 1, words: ['/dev/full', 'no space left'] },
  { name: 'a full disk, PDF-free HTML', output: () => '/dev/full', format: 'html', exit: 1, words: ['no space left'] },
  { name: 'the input file itself', output: () => MAZUR, exit: 2, words: ['it is the input file', 'overwritten'] },
  { name: 'a folder, in Japanese', output: (d) => d, exit: 2, words: ['書き込めません', 'フォルダです'], lang: 'ja' },
];

describe('--output: every failure is one line, exit 2 (the path) or 1 (the device)', () => {
  it.each(OUTPUT_ROWS)('$name', (row) => {
    const before = readFileSync(MAZUR, 'utf8');
    const args = ['solve', MAZUR, '--format', row.format ?? 'markdown', '--output', row.output(dir)];
    const { status, stdout, stderr } = run(row.lang ? [...args, '--lang', row.lang] : args);
    expect(status).toBe(row.exit);
    expect(stdout).toBe('');
    expectOneLine(stderr, row.words);
    expect(readFileSync(MAZUR, 'utf8')).toBe(before);
  });

  it('--output - writes to standard output', () => {
    const { status, stdout, stderr } = run(['solve', MAZUR, '--format', 'markdown', '--output', '-']);
    expect(status).toBe(0);
    expect(stdout).toContain('# Worked solution: mazur.yaml');
    expect(stderr).toBe('');
  });

  it('a good path is written and named', () => {
    const out = join(dir, 'mazur.md');
    const { status, stderr } = run(['solve', MAZUR, '--format', 'markdown', '--output', out]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^backprop-tutor: wrote .*mazur\.md \(\d+ bytes\)\n$/);
    expect(readFileSync(out, 'utf8')).toContain('# Worked solution: mazur.yaml');
  });

  it('a refused path is refused before the work: nothing is created', () => {
    const out = join(dir, 'nowhere', 'deeper', 'x.md');
    expect(run(['solve', MAZUR, '--format', 'markdown', '--output', out]).status).toBe(2);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});

const STDOUT_ROWS = [
  { name: 'solve, text', args: ['solve', MAZUR] },
  { name: 'solve, json', args: ['solve', MAZUR, '--format', 'json'] },
  { name: 'solve, html', args: ['solve', MAZUR, '--format', 'html'] },
  { name: 'explain', args: ['explain', 'sigmoid'] },
  { name: 'usage', args: ['--help'] },
] as const;

describe('standard output on a full disk: one line, exit 1', () => {
  it.each(STDOUT_ROWS)('$name > /dev/full', ({ args }) => {
    const { status, stderr } = run(args, { stdout: '/dev/full' });
    expect(status).toBe(1);
    expectOneLine(stderr, ['cannot write standard output', 'no space left']);
  });

  it('in Japanese', () => {
    const { status, stderr } = run(['solve', MAZUR, '--lang', 'ja'], { stdout: '/dev/full' });
    expect(status).toBe(1);
    expectOneLine(stderr, ['標準出力に書き込めません', '空き容量']);
  });
});

describe('a reader that stops early (EPIPE) is not an error', () => {
  it('solve --format html | head -c 1: exit 0, nothing on stderr', () => {
    const script = `"${process.execPath}" "${cli.cli}" solve "${MAZUR}" --format html | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('rc=0\n');
  });
});

describe('a bug is one line; BACKPROP_TUTOR_DEBUG=1 shows its stack', () => {
  // A stand-in for a bug: JSON.stringify made to throw before `solve --format json` uses it.
  const node = () => ['--require', join(dir, 'boom.cjs')];

  it('without the variable: one line, exit 1, how to get the details', () => {
    const { status, stderr } = run(['solve', MAZUR, '--format', 'json'], { node: node() });
    expect(status).toBe(1);
    expectOneLine(stderr, ['internal error: TypeError: boom', 'BACKPROP_TUTOR_DEBUG=1']);
  });

  it('with BACKPROP_TUTOR_DEBUG=1: the stack follows', () => {
    const { status, stderr } = run(['solve', MAZUR, '--format', 'json'], {
      node: node(),
      env: { BACKPROP_TUTOR_DEBUG: '1' },
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^backprop-tutor: internal error: TypeError: boom\n/);
    expect(stderr).toMatch(/\n\s+at /);
  });
});
