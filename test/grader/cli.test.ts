// `backprop-tutor check` as a whole process: the JSON contracts exactly, exit 0 whenever it graded
// (wrong answers included), exit 2 with one line naming the file and field for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, type BuiltCli } from '../cli/build-cli';

let cli: BuiltCli;
let dir: string;

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-check-'));
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** ½(0.15 − 0.3)² = 0.01125 = 9/800; δ = −0.15; ∂L/∂W = [[−0.06], [−0.09]]. */
const EXERCISE = JSON.stringify({
  template: 'custom',
  network: {
    layout: 'x-w',
    layers: [{ weights: [['0.5'], ['-0.25']], bias: ['0.1'], activation: 'identity' }],
    loss: 'half-sse',
    input: [['0.4', '0.6']],
    target: [['0.3']],
    learning_rate: '0.5',
  },
  asks: [
    { id: 'a1', quantity: 'loss' },
    { id: 'a2', quantity: 'delta', layer: 0, index: [0, 0] },
    { id: 'a3', quantity: 'grad_weights', layer: 0 },
  ],
  expected: {},
});

describe('backprop-tutor check', () => {
  it('grades an exercise: the JSON contract, exit 0 for right and wrong answers alike', () => {
    const ex = file('ex.json', EXERCISE);
    const { status, stdout, stderr } = cli.run(
      'check',
      ex,
      '--answer',
      'a1=9/800',
      '--answer',
      'a2=0.15',
      '--answer',
      'a3=[[-0.06],[-0.1]]',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['results']);
    // The contract's keys in its order; a diagnosed misconception adds every candidate and the step.
    expect(out.results.map((r: Record<string, unknown>) => Object.keys(r))).toEqual([
      ['ask', 'status', 'score', 'expected', 'misconception', 'feedback'],
      ['ask', 'status', 'score', 'expected', 'misconception', 'misconceptions', 'step', 'feedback'],
      ['ask', 'status', 'score', 'expected', 'misconception', 'feedback'],
    ]);
    const [a1, a2, a3] = out.results;
    expect(a1).toMatchObject({
      ask: 'a1',
      status: 'correct',
      score: 1,
      misconception: null,
      expected: { exact: '9/800' },
    });
    expect(a2).toMatchObject({
      ask: 'a2',
      status: 'incorrect',
      score: 0,
      misconception: 'sign-flip',
      misconceptions: ['sign-flip'],
      step: { anchor: expect.stringMatching(/^step-delta\/0\//) },
      expected: { exact: '-3/20' },
    });
    expect(a2.feedback).not.toMatch(/#|step-|\[0\]|layer 0/);
    expect(a3).toMatchObject({ ask: 'a3', status: 'incorrect', score: 0.5 });
    expect(a3.expected).toEqual([
      [expect.objectContaining({ exact: '-3/50' })],
      [expect.objectContaining({ exact: '-9/100' })],
    ]);
  });

  it('text and Japanese output; an unreadable answer is graded invalid (exit 0)', () => {
    const ex = file('ex2.json', EXERCISE);
    const text = cli.run('check', ex, '--answer', 'a1=0.01125');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/a1: ✓ correct/);
    const ja = cli.run('check', ex, '--answer', 'a1=import os', '--lang', 'ja', '--format', 'json');
    expect(ja.status).toBe(0);
    const [r] = JSON.parse(ja.stdout).results;
    expect(r.status).toBe('invalid');
    expect(r.feedback).toMatch(/[\u3040-\u30ff]/);
  });

  it('hints: the formula, then the numbers, with their cost', () => {
    const ex = file('ex3.json', EXERCISE);
    const { status, stdout } = cli.run('check', ex, '--hint', 'a2=2', '--format', 'json');
    expect(status).toBe(0);
    const { hints } = JSON.parse(stdout);
    expect(hints[0]).toMatchObject({ ask: 'a2', hint: 2, cost: 0.5 });
    const used = JSON.parse(
      cli.run('check', ex, '--answer', 'a2=-0.15', '--hints-used', 'a2=1', '--format', 'json').stdout,
    );
    expect(used.results[0].score).toBe(0.75);
    // More hints than the ask has: a clear usage error, not a silent cap.
    const tooMany = cli.run('check', ex, '--answer', 'a2=-0.15', '--hints-used', 'a2=5');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toMatch(/--hints-used a2=5: this ask has 2 hints/);
  });

  it('bad exercise files and bad command lines exit 2 with one line', () => {
    const bad = file(
      'bad.json',
      '{"network": {"layers": [], "loss": "half-sse"}, "asks": [{"id": "a1", "quantity": "loss"}]}',
    );
    const r = cli.run('check', bad, '--answer', 'a1=1');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.json:1: network\.layers/);
    const outside = file('outside.json', EXERCISE.replace('"index":[0,0]', '"index":[0,5]'));
    const o = cli.run('check', outside, '--answer', 'a2=1');
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/asks\[1\]: cannot compute delta of layer 0 at \[0, 5\]/);
    const ex = file('ex4.json', EXERCISE);
    expect(cli.run('check', ex, '--answer', 'a9=1').status).toBe(2);
    expect(cli.run('check', ex).status).toBe(2);
    expect(cli.run('check', ex, '--answer', 'a1').status).toBe(2);
    expect(cli.run('check', join(dir, 'missing.json'), '--answer', 'a1=1').stderr).toMatch(/no such file/);
  });

  it('checks Mazur’s work: JSON contract, every value right', () => {
    const { status, stdout } = cli.run(
      'check',
      'exercises/networks/mazur.yaml',
      '--work',
      'exercises/work/mazur-work.yaml',
      '--format',
      'json',
    );
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['results', 'first_wrong']);
    expect(out.first_wrong).toBeNull();
    expect(out.results).toHaveLength(22);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(['path', 'status', 'expected', 'misconception', 'carried_forward']);
      expect(r.status).toBe('correct');
    }
  });

  it('pinpoints the first wrong value of a work file; bad work files exit 2', () => {
    const work = file(
      'work.yaml',
      'layers:\n  - {}\n  - delta: [[0.74136507, ~]]\n    grad_weights: [[0.439830, ~], [~, ~]]\n',
    );
    const json = JSON.parse(
      cli.run('check', 'exercises/networks/mazur.yaml', '--work', work, '--format', 'json').stdout,
    );
    expect(json.first_wrong).toBe('layers[1].delta[0][0]');
    expect(json.results[0]).toMatchObject({ misconception: 'missing-activation-derivative', carried_forward: false });
    expect(json.results[1]).toMatchObject({ status: 'incorrect', carried_forward: true });
    const text = cli.run('check', 'exercises/networks/mazur.yaml', '--work', work).stdout;
    expect(text).toMatch(/First wrong value: layers\[1\]\.delta\[0\]\[0\] \(step delta\/1\/0,0/);
    const bad = file('bad-work.yaml', 'layers:\n  - deltas: [[1, 2]]\n');
    const r = cli.run('check', 'exercises/networks/mazur.yaml', '--work', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-work\.yaml:2: layers\[0\]\.deltas: unknown field/);
  });
});
