// `backprop-tutor` as a whole process: exit codes, one-line errors without stack traces, usage,
// --help, --version, and the text and JSON output of `solve`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT, type BuiltCli } from './build-cli';

let cli: BuiltCli;
let dir: string;

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-cli-files-'));
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

/** A bad file: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectInputError(args: string[], ...expected: string[]): string {
  const { status, stdout, stderr } = cli.run(...args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^backprop-tutor: /);
  expect(stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+|\.js:\d+/);
  for (const e of expected) expect(stderr).toContain(e);
  return stderr;
}

/** A bad command line: exit 2, the reason and then the usage on stderr. */
function expectUsageError(args: string[], reason: string): void {
  const { status, stdout, stderr } = cli.run(...args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain(reason);
  expect(stderr).toContain('Usage:');
  expect(stderr).toContain('backprop-tutor solve FILE');
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('bad input files', () => {
  it('wrong shape: file, line, field and the expected shape', () => {
    const path = file(
      'shape.yaml',
      'layers:\n  - weights: [[1, 2], [3, 4]]\n    activation: sigmoid\n  - weights: [[1, 2, 3]]\n    activation: sigmoid\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[1, 2, 3]]\nlearning_rate: 0.5\n',
    );
    expectInputError(['solve', path], `${path}:4: layers[1].weights: expected 2 rows (inputs) × 3 columns (units)`);
  });

  it('unknown activation', () => {
    const path = file(
      'act.yaml',
      'layers:\n  - weights: [[1]]\n    activation: sigmod\nloss: sse\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 1\n',
    );
    expectInputError(['solve', path], `${path}:3: layers[0].activation: expected one of`, '"sigmod"');
  });

  it('invalid YAML', () => {
    const path = file('broken.yaml', 'layers:\n  - weights: [[1]\n    activation: identity\n');
    expectInputError(['solve', path], `${path}:3: not valid YAML or JSON`);
  });

  it('cross-entropy targets that are not a distribution', () => {
    const path = file(
      'ce.json',
      JSON.stringify({
        layers: [{ weights: [[1, 2]], activation: 'softmax' }],
        loss: 'cross-entropy',
        input: [[1]],
        target: [[0.5, 0.6]],
        learning_rate: 1,
      }),
    );
    expectInputError(['solve', path], `${path}:1: target[0]:`, 'sum to 1');
  });

  it('a missing file', () => {
    const path = join(dir, 'missing.yaml');
    expectInputError(['solve', path], `${path}: no such file`);
  });
});

describe('command line', () => {
  it('unknown command: usage, exit 2', () => {
    expectUsageError(['frobnicate'], 'unknown command "frobnicate"');
  });

  it('unknown flag: usage, exit 2', () => {
    expectUsageError(['solve', 'exercises/networks/mazur.yaml', '--bogus'], '--bogus');
  });

  it('bad --format value, and a missing FILE: usage, exit 2', () => {
    expectUsageError(['solve', 'exercises/networks/mazur.yaml', '--format', 'xml'], '"xml"');
    expectUsageError(['solve'], 'FILE');
  });

  it('--help and no arguments print the usage on stdout, exit 0', () => {
    for (const args of [['--help'], [], ['solve', '--help']]) {
      const { status, stdout, stderr } = cli.run(...args);
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Usage:');
      expect(stdout).toContain('backprop-tutor solve FILE [--format text|json]');
    }
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { status, stdout } = cli.run('--version');
    expect(status).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe('solve output', () => {
  it('text without --brief: the worked steps in Unicode, 80 columns through a pipe, en and ja', () => {
    for (const lang of ['en', 'ja']) {
      const { status, stdout, stderr } = cli.run('solve', 'exercises/networks/mazur.yaml', '--lang', lang);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      // net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 (Mazur), as formula = numbers = result.
      expect(stdout.replace(/\n +/g, ' ')).toContain(
        'a₁⁽¹⁾ = x₁ w₁₁⁽¹⁾ + x₂ w₂₁⁽¹⁾ + b₁⁽¹⁾ = 0.05 · 0.15 + 0.1 · 0.2 + 0.35 = 151/400 = 0.3775',
      );
      expect(stdout).toContain('≈ 0.3589164797'); // w5+ = 0.35891648 (Mazur)
      expect(stdout).toContain(lang === 'en' ? 'Backward pass' : '逆伝播');
      const wide = (l: string) =>
        [...l].reduce((n, c) => n + (/[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]/u.test(c) ? 2 : 1), 0);
      for (const line of stdout.split('\n')) expect(wide(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('--brief applies to --format text only', () => {
    expectUsageError(
      ['solve', 'exercises/networks/mazur.yaml', '--brief', '--format', 'json'],
      '--brief applies to --format text',
    );
  });

  it('text: fractions and decimals side by side (Mazur)', () => {
    const { status, stdout, stderr } = cli.run('solve', 'exercises/networks/mazur.yaml', '--brief');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // net_h1 = 151/400 = 0.3775 exactly; out_h1 = σ(151/400) ≈ 0.5932699921 (Mazur: 0.593269992).
    expect(stdout).toContain('151/400 = 0.3775');
    expect(stdout).toContain('σ(151/400) ≈ 0.5932699921');
    expect(stdout).toContain('1/2 = 0.5');
    expect(stdout).toMatch(/Loss after one update: ≈ 0\.2910277737/);
    expect(stdout).toContain('7/20 = 0.35');
  });

  it('text and JSON for an exact network: 1/3 stays 1/3', () => {
    // x = 3, w = 1/3, identity, half-sse, t = 0: a = 1, L = 1/2, δ = 1, ∂L/∂w = 3, η = 1/9: w⁺ = 0, b⁺ = −1/9.
    const path = file(
      'third.yaml',
      'layers:\n  - weights: [["1/3"]]\n    activation: identity\nloss: half-sse\ninput: [[3]]\ntarget: [[0]]\nlearning_rate: "1/9"\n',
    );
    const text = cli.run('solve', path, '--brief');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1/9 ≈ 0.1111111111');
    expect(text.stdout).toContain('-1/9 ≈ -0.1111111111');
    expect(text.stdout).toContain('Loss L: 1/2 = 0.5');
    const json = cli.run('solve', path, '--format', 'json');
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.loss).toEqual({ exact: '1/2', approx: '0.5000000000000000000000000000000000', latex: '\\frac{1}{2}' });
    expect(out.layers[0].grad_weights[0][0].exact).toBe('3');
    expect(out.layers[0].weights_after[0][0].exact).toBe('0');
    expect(out.layers[0].bias_after[0]).toMatchObject({
      exact: '-1/9',
      approx: '-0.1111111111111111111111111111111111',
    });
    // b⁺ = −1/9: a⁺ = −1/9, L⁺ = ½·1/81 = 1/162.
    expect(out.loss_after.exact).toBe('1/162');
  });
});
