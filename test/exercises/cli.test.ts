// `backprop-tutor exercise` as a whole process: --list, text and JSON output, reproducibility of the
// printed seed, and one-line errors (exit 2) for bad flags.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { generateExercise, TEMPLATES } from '../../src/exercises/index';

let cli: BuiltCli;

beforeAll(() => {
  cli = buildCli();
}, 60_000);

afterAll(() => cli?.remove());

describe('backprop-tutor exercise', () => {
  it('--list names every template with a description, in English and Japanese', () => {
    const en = cli.run('exercise', '--list');
    expect(en.status).toBe(0);
    for (const tpl of TEMPLATES) expect(en.stdout).toContain(`${tpl.name}  `);
    const ja = cli.run('exercise', '--list', '--lang', 'ja');
    expect(ja.stdout).toContain('テンプレート');
    expect(ja.stdout).toContain('誤差');
    const json = JSON.parse(cli.run('exercise', '--list', '--format', 'json').stdout);
    expect(json.map((t: { name: string }) => t.name)).toEqual(TEMPLATES.map((t) => t.name));
  });

  it('--format json prints the exercise the library generates, the same every time', () => {
    const args = ['exercise', '--template', 'output-bias-grad', '--seed', '7', '--difficulty', '2', '--format', 'json'];
    const first = cli.run(...args);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(cli.run(...args).stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toEqual(
      JSON.parse(JSON.stringify(generateExercise({ template: 'output-bias-grad', seed: 7, difficulty: 2 }))),
    );
  });

  it('text output shows the prompt and how to get the same exercise again', () => {
    const out = cli.run('exercise', '--template', 'hidden-delta', '--seed', '12', '--difficulty', '1');
    expect(out.status).toBe(0);
    const ex = generateExercise({ template: 'hidden-delta', seed: 12, difficulty: 1 });
    expect(out.stdout).toContain(ex.prompt);
    expect(out.stdout).toContain('backprop-tutor exercise --template hidden-delta --difficulty 1 --seed 12');
    expect(out.stdout).toContain('backprop-tutor check exercise.json --answer a1=... --answer a2=...');
    // The answers are not printed in the exercise text.
    for (const ask of ex.asks) expect(out.stdout).not.toContain((ex.expected[ask.id] as { approx: string }).approx);
    const ja = cli.run('exercise', '--template', 'hidden-delta', '--seed', '12', '--lang', 'ja');
    expect(ja.stdout).toContain('演習 hidden-delta');
    expect(ja.stdout).toContain('中間層');
  });

  it('without --seed draws a seed, prints it, and that seed reproduces the exercise', () => {
    const out = JSON.parse(cli.run('exercise', '--format', 'json').stdout);
    expect(Number.isInteger(out.seed)).toBe(true);
    const again = JSON.parse(
      cli.run(
        'exercise',
        '--seed',
        String(out.seed),
        '--template',
        out.template,
        '--difficulty',
        String(out.difficulty),
        '--format',
        'json',
      ).stdout,
    );
    expect(again).toEqual(out);
    const text = cli.run('exercise');
    expect(text.stdout).toMatch(/^Exercise [a-z0-9-]+ · difficulty 1 · seed \d+\n/);
  });

  it('"given" is always in the JSON ({} when nothing is stated), and check reads such a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercise-given-'));
    try {
      // A network without stated outputs, a graph and a formula exercise, with answers worked out by hand.
      const cases: [string[], string, string][] = [
        // x = (3, −1), a¹ = (0.6 − 0.4, −1.5 − 0.6 − 1) = (0.2, −3.1), z¹ = (0.2, 0): y = 0.1·0.2 − 0.1 = −0.08,
        // δ² = −0.08 − 0.5 = −0.58; W²′[1,1] = 0.1 − 0.2·0.2·(−0.58) = 0.1232.
        [['--template', 'weight-update', '--seed', '1', '--difficulty', '2'], 'a1', '0.1232'],
        // The apple example: 4 apples at 100, tax 1.2 → price 480.
        [['--template', 'graph-backward', '--seed', '3', '--difficulty', '1'], 'a1', '480'],
        [['--template', 'partial-derivative', '--seed', '1', '--difficulty', '1'], 'a1', 'FROM_JSON'],
      ];
      for (const [args, id, answer] of cases) {
        const out = cli.run('exercise', ...args, '--format', 'json');
        expect(out.status).toBe(0);
        const json = JSON.parse(out.stdout);
        expect(json.given).toEqual({});
        expect(Object.keys(json)).toContain('given');
        const file = join(dir, `${json.template}.json`);
        writeFileSync(file, out.stdout);
        const typed = answer === 'FROM_JSON' ? json.asks[0].expression : answer;
        const graded = cli.run('check', file, '--answer', `${id}=${typed}`, '--format', 'json');
        expect(graded.status, graded.stderr).toBe(0);
        expect(JSON.parse(graded.stdout).results[0].status, `${json.template}: ${graded.stdout}`).toBe('correct');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--difficulty', '4'], '--difficulty must be one of 1, 2, 3, got "4"'],
    [['--seed', 'abc'], '--seed must be an integer from 0 to 4294967295, got "abc"'],
    [['--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295'],
    [['--template', 'nope'], 'unknown template "nope"; expected one of forward-pass, loss,'],
    [['--lang', 'fr'], '--lang must be one of en, ja'],
    [['--format', 'xml'], '--format must be one of text, json'],
    [['extra'], 'unexpected argument "extra"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('%j is a usage error (exit 2, one clear first line)', (args, message) => {
    const out = cli.run('exercise', ...args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n')[0]).toContain(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
