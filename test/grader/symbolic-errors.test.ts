// Formula answers that cannot be evaluated get the messages a number answer gets: one that divides by
// zero or leaves a function's domain at every sample point, and one too big to evaluate at all, is
// invalid with the parser's own words (not "incorrect"); and a formula too big to evaluate is
// evaluated once, not again for every comparison (`sqrt(` × 60 took a second on the command line).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolicAsk } from '../../src/exercises/types';
import type { Value } from '../../src/number/value';
import { readAnswer } from '../../src/grader/student';
import { gradeFormula } from '../../src/grader/symbolic';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';

/** z = a·x + b·y, ∂z/∂y = b: the partial-derivative template's first variant. */
const ASK: SymbolicAsk = {
  id: 'a1',
  quantity: 'expression',
  of: '∂z/∂y',
  expression: 'b',
  variables: ['a', 'b', 'x', 'y'],
  domains: { a: ['-3', '3'], b: ['-3', '3'], x: ['-3', '3'], y: ['-3', '3'] },
};

const grade = (text: string) => gradeFormula(ASK, readAnswer(text, { variables: ASK.variables }));
/** What the same mistake gets as a number answer. */
const scalarMessage = (text: string) => {
  const answer = readAnswer(text);
  if (answer.kind !== 'invalid') throw new Error(`${text} was read as a ${answer.kind}`);
  return answer.message.en;
};

const nestedSqrt = (n: number, inner: string) => `${'sqrt('.repeat(n)}${inner}${')'.repeat(n)}`;

describe('a formula that cannot be evaluated: the message a number answer gets', () => {
  it.each([
    // answer, the number answer that says the same, the words
    ['1/0', '1/0', 'divides by zero'],
    ['b/0', '1/0', 'divides by zero'],
    ['a/(b - b)', '1/0', 'divides by zero'],
    ['ln(-1)', 'ln(-1)', 'positive number'],
    ['ln(a - a)', 'ln(0)', 'positive number'],
    ['sqrt(-1)', 'sqrt(-1)', 'not negative'],
    ['sqrt(-(a^2) - 1)', 'sqrt(-1)', 'not negative'],
    ['exp(5000)', 'exp(5000)', 'too large'],
    [nestedSqrt(60, 'a + 5'), nestedSqrt(60, '7/3'), 'too much computation'],
  ])('%s', (answer, sameAs, words) => {
    const graded = grade(answer);
    expect(graded.status).toBe('invalid');
    expect(graded.score).toBe(0);
    expect(graded.feedback.en).toBe(scalarMessage(sameAs));
    expect(graded.feedback.en).toContain(words);
    expect(graded.feedback.ja).not.toBe('');
  });

  it.each([
    ['b', 'correct'],
    ['2*b/2', 'correct'],
    ['sqrt(b^2)', 'incorrect'], // |b|, not b: defined everywhere, wrong where b < 0
    ['ln(a)', 'incorrect'], // defined only where a > 0: graded there, not refused
    ['b + 1/(a - a + 1) - 1', 'correct'],
  ])('%s is still graded: %s', (answer, status) => {
    expect(grade(answer).status).toBe(status);
  });

  it('a formula too big to evaluate is evaluated once, not at every point and comparison', () => {
    const answer = readAnswer(nestedSqrt(60, 'a + 5'), { variables: ASK.variables });
    if (answer.kind !== 'formula') throw new Error('not a formula');
    let calls = 0;
    const counted = { ...answer, evaluateAt: (p: ReadonlyMap<string, Value>) => (calls++, answer.evaluateAt(p)) };
    expect(gradeFormula(ASK, counted).status).toBe('invalid');
    expect(calls).toBe(1);
  });
});

describe('on the command line', () => {
  let cli: BuiltCli;
  let dir: string;
  beforeAll(() => {
    cli = buildCli();
    dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-symbolic-'));
  });
  afterAll(() => {
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The bound is the spawn's timeout (start-up included): it took over a second, and longer under load.
  it('check --answer a1=sqrt(…(a + 5)…) nested 60 deep: invalid, at once', () => {
    const exercise = cli.run('exercise', '--template', 'hidden-bias-formula', '--seed', '1', '--format', 'json');
    expect(exercise.status).toBe(0);
    const file = join(dir, 'hidden-bias.json');
    writeFileSync(file, exercise.stdout);
    const variable = JSON.parse(exercise.stdout).asks[0].variables[0];
    const result = spawnSync(process.execPath, [cli.cli, 'check', file, '--answer', `a1=${nestedSqrt(60, variable)}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 5_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('a1: ? invalid');
    expect(result.stdout).toContain('too much computation');
  });
});
