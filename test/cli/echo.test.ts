// Text that cannot fool a terminal: whatever a file or a command line holds (an ANSI escape that sets
// the title, a newline that fakes a second `backprop-tutor:` line, U+202E that reverses the rest, a
// megabyte of name), what the CLI echoes of it is escaped (U+XXXX) and cut. Each row: the input, the
// exit code, the stream, the words the output must hold; and for every row: no raw control or bidi
// character anywhere, no faked line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, type BuiltCli } from './build-cli';

let cli: BuiltCli;
let dir: string;
const MAZUR = join(ROOT, 'exercises/networks/mazur.yaml');
/** The hostile tail: sets the terminal title, starts a fake line, reverses what follows. */
const EVIL = '\u001b]0;PWNED\u0007\nbackprop-tutor: all good \u202Eevil\u2066';
const EVIL_SHOWN = 'U+001B]0;PWNEDU+0007U+000Abackprop-tutor: all good U+202EevilU+2066';

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-echo-'));
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const network = (layerExtra: string, activation = 'identity') =>
  `layers:\n  - weights: [[1]]\n    activation: ${JSON.stringify(activation)}\n${layerExtra}loss: half-sse\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 0.1\n`;

/** An exercise as `exercise` writes it, with a hostile hint and a hostile expected formula. */
function symbolicExercise(): string {
  const result = cli.run('exercise', '--template', 'partial-derivative', '--seed', '1', '--format', 'json');
  const exercise = JSON.parse(result.stdout);
  exercise.template = 'custom';
  exercise.hints.a1[0] = `Treat${EVIL}`;
  exercise.expected.a1.expression = `b${EVIL}`;
  return file('symbolic.json', JSON.stringify(exercise));
}

interface Row {
  readonly name: string;
  readonly args: () => string[];
  readonly exit: number;
  readonly stream: 'stdout' | 'stderr';
  readonly words: readonly string[];
  /** Longest line allowed: an echo is cut, so no line carries a megabyte. */
  readonly maxLine?: number;
}

const ROWS: readonly Row[] = [
  {
    name: 'an unknown YAML key',
    args: () => ['solve', file('key.yaml', network(`    ${JSON.stringify(`x${EVIL}`)}: 1\n`))],
    exit: 2,
    stream: 'stderr',
    words: [`layers[0].x${EVIL_SHOWN}: unknown field`],
  },
  {
    name: 'a megabyte activation name',
    args: () => ['solve', file('long.yaml', network('', `${'s'.repeat(900_000)}${EVIL}`))],
    exit: 2,
    stream: 'stderr',
    words: ['layers[0].activation', `"${'s'.repeat(80)}…"`],
    maxLine: 1000,
  },
  {
    name: 'a key a megabyte long',
    // JSON: YAML allows implicit keys of at most 1024 characters.
    args: () => [
      'solve',
      file(
        'longkey.json',
        JSON.stringify({
          layers: [{ weights: [['1']], activation: 'identity', ['k'.repeat(900_000)]: 1 }],
          loss: 'half-sse',
          input: [['1']],
          target: [['1']],
          learning_rate: '0.1',
        }),
      ),
    ],
    exit: 2,
    stream: 'stderr',
    words: [`layers[0].${'k'.repeat(80)}…: unknown field`],
    maxLine: 1000,
  },
  {
    name: 'a work-file value',
    args: () => ['check', MAZUR, '--work', file('work.yaml', `loss: ${JSON.stringify(`0.29${EVIL}`)}\n`)],
    exit: 0,
    stream: 'stdout',
    words: [`loss = 0.29${EVIL_SHOWN}`],
  },
  {
    name: 'a work-file value a megabyte long',
    // Refused by the literal limit before anything is echoed: the message names it, not the value.
    args: () => ['check', MAZUR, '--work', file('work-long.yaml', `loss: "${'9'.repeat(900_000)}"\n`)],
    exit: 2,
    stream: 'stderr',
    words: ['work-long.yaml:1: loss: a number of 900,000 digits: the limit is 100 digits'],
    maxLine: 2000,
  },
  {
    name: 'a hint from the exercise file',
    args: () => ['check', symbolicExercise(), '--hint', 'a1'],
    exit: 0,
    stream: 'stdout',
    words: [`a1 hint 1 (−25%): Treat${EVIL_SHOWN}`],
  },
  {
    name: 'the expected line of a formula ask',
    args: () => ['check', symbolicExercise(), '--answer', 'a1=a'],
    exit: 0,
    stream: 'stdout',
    words: [`expected: b${EVIL_SHOWN}`],
  },
  {
    name: 'a graph input name',
    args: () => [
      'solve',
      file(
        'graph.yaml',
        `graph:\n  inputs: {${JSON.stringify(`a${EVIL}`)}: 1}\n  nodes:\n    - {name: y, op: neg, args: [a]}\n  output: y\n`,
      ),
    ],
    exit: 2,
    stream: 'stderr',
    words: [`bad input name "a${EVIL_SHOWN}"`],
  },
  {
    name: 'an unknown command',
    args: () => [`solv${EVIL}`],
    exit: 2,
    stream: 'stderr',
    words: [`unknown command "solv${EVIL_SHOWN}"`],
  },
  {
    name: 'an unknown explain topic, 10,000 characters long',
    args: () => ['explain', `${'t'.repeat(10_000)}${EVIL}`],
    exit: 2,
    stream: 'stderr',
    words: [`"${'t'.repeat(80)}…"`],
  },
  {
    name: 'a bad --format value',
    args: () => ['solve', MAZUR, '--format', `pdf${EVIL}`],
    exit: 2,
    stream: 'stderr',
    words: [`got "pdf${EVIL_SHOWN}"`],
  },
  {
    name: 'a file name',
    args: () => ['solve', `no-such${EVIL}.yaml`],
    exit: 2,
    stream: 'stderr',
    words: [`no-such${EVIL_SHOWN}.yaml: no such file`],
  },
];

describe('echoed text is escaped and cut', () => {
  it.each(ROWS)('$name', (row) => {
    const { BACKPROP_TUTOR_LANG: _, ...env } = process.env;
    const result = spawnSync(process.execPath, [cli.cli, ...row.args()], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
      timeout: 20_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.error, 'the process did not end in time').toBeUndefined();
    expect(result.status).toBe(row.exit);
    const out = result[row.stream];
    for (const word of row.words) expect(out).toContain(word);
    for (const stream of [result.stdout, result.stderr]) {
      // Only newlines of our own, and not one of them starts a line the hostile text wrote.
      expect(stream).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      expect(stream).not.toMatch(/^backprop-tutor: all good/m);
      for (const line of stream.split('\n')) expect(line.length).toBeLessThanOrEqual(row.maxLine ?? 2000);
    }
    // A command-line error is followed by the usage; the line that echoes is the first.
    if (row.stream === 'stderr' && !result.stderr.includes('\nUsage:'))
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
