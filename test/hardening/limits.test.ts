// Hostile and huge inputs, run through the built CLI as a user would: each is refused with one clear
// line (exit 2) that names the file, the field and the limit, in English and Japanese, or — a wild
// answer — graded. The time and memory bound is the harness's: every run is killed after BOUND_MS and
// runs in a V8 heap of HEAP_MB (the inputs took from 12 s to minutes and up to 6 GB before the limits).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';
import { generateExercise } from '../../src/exercises/index';

/** Wall-clock bound of one run: a refusal takes well under a second; this leaves room for a loaded machine. */
const BOUND_MS = 6000;
const HEAP_MB = 256;

let cli: BuiltCli;
const dir = mkdtempSync(join(tmpdir(), 'limits-'));

beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.remove());

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly signal: NodeJS.Signals | null;
}

function run(...args: string[]): Run {
  const { BACKPROP_TUTOR_LANG: _, ...env } = process.env;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, cli.cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
    timeout: BOUND_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const identity = (n: number, weight: string) =>
  `layers:\n${`  - {weights: [[${weight}, 0], [0, ${weight}]], activation: identity}\n`.repeat(n)}loss: half-sse\ninput: [[1, 2]]\ntarget: [[0, 0]]\nlearning_rate: 0.5\n`;
const row = (n: number, x = '0.1') => `[${Array(n).fill(x).join(', ')}]`;
const square = (n: number) => `[${Array(n).fill(row(n)).join(', ')}]`;
const sigmoidNetwork = (n: number) =>
  `layers:\n  - {weights: ${square(n)}, activation: sigmoid}\nloss: half-sse\ninput: [${row(n)}]\ntarget: [${row(n)}]\nlearning_rate: 0.5\n`;
const squaring = () =>
  `graph:\n  inputs: {x: 2}\n  nodes:\n    - {name: s1, op: mul, args: [x, x]}\n${Array.from({ length: 30 }, (_, k) => `    - {name: s${k + 2}, op: mul, args: [s${k + 1}, s${k + 1}]}\n`).join('')}  output: s31\n`;
const chain = (n: number) =>
  `graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: n0, op: add, args: [x, x]}\n${Array.from({ length: n - 1 }, (_, k) => `    - {name: n${k + 1}, op: add, args: [n${k}, x]}\n`).join('')}  output: n${n - 1}\n`;
const mazur = (rate: string) =>
  `layers:\n  - {weights: [[0.15, 0.25], [0.20, 0.30]], bias: [0.35, 0.35], activation: sigmoid}\n  - {weights: [[0.40, 0.50], [0.45, 0.55]], bias: [0.60, 0.60], activation: sigmoid}\nloss: half-sse\ninput: [[0.05, 0.10]]\ntarget: [[0.01, 0.99]]\nlearning_rate: ${rate}\n`;

/** A hidden-delta exercise as `exercise --format json` prints it, with its network tampered with. */
function tampered(name: string, change: (network: Record<string, unknown>) => void): string {
  const exercise = JSON.parse(JSON.stringify(generateExercise({ template: 'hidden-delta', seed: 5, difficulty: 1 })));
  exercise.template = 'custom';
  change(exercise.network);
  return file(name, JSON.stringify(exercise, null, 2));
}

interface Case {
  readonly name: string;
  /** The command line, with the files it needs written first. */
  readonly args: () => string[];
  readonly status: number;
  /** Words the one line on stderr must contain (file, field, limit), in English. */
  readonly en: readonly string[];
  /** Words of the same line under --lang ja. */
  readonly ja: readonly string[];
}

const REFUSED: readonly Case[] = [
  {
    // σ(10¹⁰⁰⁰ + …) is 1 to every digit held: ln(1 − y) and ∂L/∂y of binary cross-entropy are out of reach.
    name: 'a sigmoid saturated by a weight of 1e1000 under binary cross-entropy',
    args: () => [
      'solve',
      file(
        'saturated.yaml',
        'layers:\n  - weights: [[1e1000], [-1]]\n    bias: [0.5]\n    activation: sigmoid\nloss: binary-cross-entropy\ninput: [[1, 2]]\ntarget: [[1]]\nlearning_rate: 0.5\n',
      ),
    ],
    status: 2,
    en: ['e^(-1e+1000) is too small to compute'],
    ja: ['e^(-1e+1000) が小さすぎて計算できません'],
  },
  {
    name: 'a 990,000-digit learning_rate',
    args: () => ['solve', file('digits.yaml', mazur(`"${'1'.repeat(990_000)}"`))],
    status: 2,
    en: ['digits.yaml:', 'learning_rate', '990,000 digits', 'limit is 100 digits'],
    ja: ['learning_rate', '上限は 100 桁'],
  },
  {
    name: 'ten identity layers with weights 1e9999',
    args: () => ['solve', file('e9999.yaml', identity(10, '1e9999'))],
    status: 2,
    en: ['e9999.yaml:2:', 'layers[0].weights[0][0]', 'e9999', '-1000 to 1000'],
    ja: ['layers[0].weights[0][0]', '指数'],
  },
  {
    name: 'ten identity layers with weights 1e1000 (each within the literal limit)',
    args: () => ['solve', file('e1000.yaml', identity(10, '1e1000'))],
    status: 2,
    en: ['e1000.yaml', 'too large to compute exactly', '10,000 bits'],
    ja: ['e1000.yaml', '厳密に計算できません', '10,000 ビット'],
  },
  {
    name: 'a graph squaring 2 thirty-one times',
    args: () => ['solve', file('square.yaml', squaring())],
    status: 2,
    en: ['square.yaml:17:', 'graph.nodes[13]', 'too large to compute exactly', '10,000 bits'],
    ja: ['graph.nodes[13]', '厳密に計算できません'],
  },
  {
    name: 'a 300×300 sigmoid network rendered to HTML',
    args: () => ['solve', file('wide.yaml', sigmoidNetwork(300)), '--format', 'html'],
    status: 2,
    en: ['wide.yaml', 'values', 'limit is 20,000 values'],
    ja: ['wide.yaml', '上限は 20,000 個'],
  },
  {
    name: 'a layer of 65 units',
    args: () => ['solve', file('units.yaml', sigmoidNetwork(65))],
    status: 2,
    en: ['units.yaml:4:', 'input[0]', '65 values in a row', 'limit is 64'],
    ja: ['input[0]', '上限は 64 個'],
  },
  {
    name: 'seventeen layers',
    args: () => ['solve', file('deep.yaml', identity(17, '1'))],
    status: 2,
    en: ['deep.yaml:2:', 'layers', '17 layers', 'limit is 16'],
    ja: ['layers', '上限は 16 個'],
  },
  {
    name: 'two 64 × 64 layers (8,192 weights, over the work limit)',
    args: () => [
      'solve',
      file(
        'work.yaml',
        `layers:\n  - {weights: ${square(64)}, activation: relu}\n  - {weights: ${square(64)}, activation: relu}\nloss: half-sse\ninput: [${row(64)}]\ntarget: [${row(64)}]\nlearning_rate: 0.5\n`,
      ),
    ],
    status: 2,
    en: ['work.yaml:', 'layers', '8,192 weights', 'limit is 4,096'],
    ja: ['layers', '上限は 4,096'],
  },
  {
    name: 'a graph of 1,001 nodes',
    args: () => ['solve', file('nodes.yaml', chain(1001))],
    status: 2,
    en: ['nodes.yaml:4:', 'graph.nodes', '1,001 nodes', 'limit is 1,000'],
    ja: ['graph.nodes', '上限は 1,000 個'],
  },
  {
    name: 'an add node of 65 arguments',
    args: () => [
      'solve',
      file(
        'args.yaml',
        `graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: s, op: add, args: ${row(65, 'x')}}\n  output: s\n`,
      ),
    ],
    status: 2,
    en: ['args.yaml:4:', 'graph.nodes[0].args', '65 arguments', 'limit is 64'],
    ja: ['graph.nodes[0].args', '上限は 64 個'],
  },
  {
    name: 'lists nested 1,000 deep (YAML)',
    args: () => ['solve', file('nested.yaml', `layers: ${'['.repeat(1000)}${']'.repeat(1000)}\n`)],
    status: 2,
    en: ['nested.yaml:1:', 'nested deeper than the limit of 64'],
    ja: ['nested.yaml:1:', '上限の 64 段'],
  },
  {
    name: 'lists nested 100 deep (JSON, within what the parser survives)',
    args: () => ['solve', file('nested.json', `{"layers": ${'['.repeat(100)}${']'.repeat(100)}}\n`)],
    status: 2,
    en: ['nested.json:1:', 'layers', 'nested deeper than the limit of 64'],
    ja: ['上限の 64 段'],
  },
  {
    name: 'mappings nested 150,000 deep',
    args: () => ['solve', file('bomb.yaml', `a: ${'{b: '.repeat(150_000)}${'}'.repeat(150_000)}\n`)],
    status: 2,
    en: ['bomb.yaml:1:', 'nested deeper than the limit of 64'],
    ja: ['上限の 64 段'],
  },
  {
    name: 'a megabyte of numbers',
    args: () => ['solve', file('million.yaml', `input: [[${Array(490_000).fill('1').join(',')}]]\n`)],
    status: 2,
    en: ['million.yaml', '490,000 values', 'limit is 20,000 values'],
    ja: ['million.yaml', '上限は 20,000 個'],
  },
  {
    name: 'a set of 1,000 questions',
    args: () => [
      'generate',
      file(
        'big-set.yaml',
        `title: big\nseed: 1\nquestions:\n${'  - {template: hidden-delta, difficulty: 3, points: 1}\n'.repeat(1000)}`,
      ),
      '--out',
      'big-set-out',
      '--variants',
      '3',
    ],
    status: 2,
    en: ['big-set.yaml:4:', 'questions', 'limit is 100 questions'],
    ja: ['questions', '100 問まで'],
  },
  {
    name: 'check of an exercise whose network has a weight 1e9999',
    args: () => [
      'check',
      tampered('tampered-e.json', (n) => {
        (n.layers as { weights: string[][] }[])[0].weights[0][0] = '1e9999';
      }),
      '--answer',
      'a1=1',
    ],
    status: 2,
    en: ['tampered-e.json:', 'network.layers[0].weights[0][0]', 'e9999', '-1000 to 1000'],
    ja: ['network.layers[0].weights[0][0]', '指数'],
  },
  {
    name: 'check of an exercise whose network has 300 inputs',
    args: () => [
      'check',
      tampered('tampered-wide.json', (n) => {
        n.input = [Array(300).fill('1')];
      }),
      '--answer',
      'a1=1',
    ],
    status: 2,
    en: ['tampered-wide.json:', 'network.input[0]', '300 values in a row', 'limit is 64'],
    ja: ['network.input[0]', '上限は 64 個'],
  },
  {
    name: 'check of an exercise whose network has 18 layers',
    args: () => [
      'check',
      tampered('tampered-deep.json', (n) => {
        const layers = n.layers as unknown[];
        n.layers = [
          layers[0],
          ...Array(16).fill({
            weights: [
              ['1', '0'],
              ['0', '1'],
            ],
            activation: 'identity',
          }),
          layers[1],
        ];
      }),
      '--answer',
      'a1=1',
    ],
    status: 2,
    en: ['tampered-deep.json:', 'network.layers', '18 layers', 'limit is 16'],
    ja: ['network.layers', '上限は 16 個'],
  },
];

function expectOneLine(r: Run, c: Case, words: readonly string[]): void {
  expect(r.signal, `${c.name}: killed by the harness (over ${BOUND_MS} ms or ${HEAP_MB} MB)`).toBeNull();
  expect(r.status, r.stderr).toBe(c.status);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0].startsWith('backprop-tutor: ')).toBe(true);
  for (const word of words) expect(lines[0]).toContain(word);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
}

describe('limits, stated and enforced before the work starts', () => {
  it.each(REFUSED.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const args = c.args();
    expectOneLine(run(...args), c, c.en);
    expectOneLine(run(...args, '--lang', 'ja'), c, c.ja);
  });

  it('still solves the bundled networks and graphs, right at home under the limits', () => {
    for (const f of [
      'exercises/networks/relu-8-8-8-8.yaml',
      'exercises/networks/two-steps.yaml',
      'exercises/graphs/karpathy-neuron.yaml',
    ]) {
      const r = run('solve', join(ROOT, f), '--format', 'json');
      expect(r.signal).toBeNull();
      expect(r.status, r.stderr).toBe(0);
    }
  });
});

interface Graded {
  readonly name: string;
  readonly args: () => string[];
  /** Words stdout must contain: every answer graded. */
  readonly words: readonly string[];
}

const exerciseFile = (name: string, template: string, seed: number) =>
  file(name, JSON.stringify(generateExercise({ template, seed, difficulty: 1 }), null, 2));

const work = (output: string) =>
  file(
    `work-${output.replace(/\W/g, '_')}.yaml`,
    `layers:\n  - output: [[0.593269992, 0.596884378]]\n  - preactivation: [[1.105905967, ~]]\n    output: [["${output}", 0.772928465]]\n    delta: [[0.138498562, ~]]\nloss: 0.298371109\n`,
  );

const GRADED: readonly Graded[] = [
  {
    name: 'check --answer a1=-1e300 on a hidden-delta exercise with a sigmoid layer',
    args: () => [
      'check',
      exerciseFile('hidden-delta.json', 'hidden-delta', 11),
      '--answer',
      'a1=-1e300',
      '--answer',
      'a2=1',
    ],
    words: ['a1: ✗ incorrect', 'absurdly large', 'a2: ✗ incorrect', 'Total: 0 / 2'],
  },
  {
    name: 'check --answer a1=1e300 on a softmax cross-entropy exercise (ln of a saturated softmax)',
    args: () => ['check', exerciseFile('softmax-ce.json', 'softmax-ce-gradient', 1), '--answer', 'a1=1e300'],
    words: ['a1: ✗ incorrect', 'absurdly large'],
  },
  {
    name: 'check --answer a1=1e999 (a literal as large as the answer parser reads)',
    args: () => [
      'check',
      exerciseFile('hidden-delta-2.json', 'hidden-delta', 4),
      '--answer',
      'a1=1e999',
      '--answer',
      'a2=0',
    ],
    words: ['a1: ✗ incorrect', 'absurdly large', 'a2: '],
  },
  {
    name: 'a work file with "1000" as an output',
    args: () => ['check', join(ROOT, 'exercises/networks/mazur.yaml'), '--work', work('1000')],
    words: ['✗ layers[1].output[0][0] = 1000', '✓ layers[1].output[0][1] = 0.772928465', '✓ loss = 0.298371109'],
  },
  {
    name: 'a work file with "-1e300" as an output',
    args: () => ['check', join(ROOT, 'exercises/networks/mazur.yaml'), '--work', work('-1e300')],
    words: ['✗ layers[1].output[0][0] = -1e300', '✓ layers[1].output[0][1]'],
  },
];

describe('wrong answers are graded, not refused', () => {
  it.each(GRADED.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const r = run(...c.args());
    expect(r.signal, 'killed by the harness').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    for (const word of c.words) expect(r.stdout).toContain(word);
    expect(r.stderr).not.toMatch(/too small|too large|\n\s+at /);
  });

  it('the absurd note is in Japanese under --lang ja', () => {
    const r = run(
      'check',
      exerciseFile('hidden-delta-ja.json', 'hidden-delta', 11),
      '--answer',
      'a1=-1e300',
      '--lang',
      'ja',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('けた外れに大きい');
  });
});
