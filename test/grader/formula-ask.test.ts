// Formula asks of an exercise file are checked like network files: each bad shape or meaning is one
// `file:line: asks[0].field: …` line, in English and in Japanese, never a TypeError.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/index';
import { parseExercise } from '../../src/grader/exercise-file';
import { errorOf, expectFileError } from '../network/file-error';

const base = () =>
  JSON.parse(JSON.stringify(generateExercise({ template: 'output-bias-formula', seed: 1, difficulty: 1 })));
const hidden = () =>
  JSON.parse(JSON.stringify(generateExercise({ template: 'hidden-bias-formula', seed: 1, difficulty: 1 })));

/** The exercise with one field of its first ask replaced, as `exercise --format json` would print it. */
function withAsk(field: string, value: unknown, from = base): string {
  const exercise = from();
  exercise.asks[0][field] = value;
  return JSON.stringify(exercise, null, 2);
}

const CASES: readonly (readonly [string, string, unknown, string, RegExp])[] = [
  ['variables as a text', 'variables', 'x_1', 'variables', /expected a list of variable names.*got "x_1"/],
  ['no variables', 'variables', [], 'variables', /at least one variable/],
  [
    'a malformed variable name',
    'variables',
    ['x_1', 'x_2', 't_1', 't_2', '1x'],
    'variables[4]',
    /variable name.*got "1x"/,
  ],
  ['a variable twice', 'variables', ['x_1', 'x_2', 't_1', 't_2', 'x_1'], 'variables[4]', /"x_1" is listed twice/],
  ['domains as a list', 'domains', [['0', '1']], 'domains', /mapping from each variable to its interval.*got a list/],
  ['a domain of one number', 'domains', { x_1: ['0'] }, 'domains.x_1', /interval of two numbers/],
  ['a domain as a text', 'domains', { x_1: 'wide' }, 'domains.x_1', /interval \[min, max\].*got "wide"/],
  ['a domain bound that is not a number', 'domains', { x_1: ['0', 'one'] }, 'domains.x_1[1]', /number.*got "one"/],
  [
    'an empty domain',
    'domains',
    { x_1: ['1', '0'], x_2: ['0', '1'] },
    'domains.x_1',
    /empty domain: the minimum 1 must be below the maximum 0/,
  ],
  [
    'a domain of an unknown variable',
    'domains',
    { y: ['0', '1'] },
    'domains.y',
    /unknown variable "y": expected one of x_1, x_2, t_1, t_2/,
  ],
  ['constraints as a mapping', 'constraints', { sum: ['x_1'] }, 'constraints', /list of constraints.*got a mapping/],
  [
    'a sum as a text',
    'constraints',
    [{ sum: 'x_1', equals: '1' }],
    'constraints[0].sum',
    /list of variables.*got "x_1"/,
  ],
  [
    'a sum of one variable',
    'constraints',
    [{ sum: ['x_1'], equals: '1' }],
    'constraints[0].sum',
    /at least two variables/,
  ],
  [
    'a constraint without equals',
    'constraints',
    [{ sum: ['x_1', 'x_2'] }],
    'constraints[0].equals',
    /missing required field/,
  ],
  [
    'a constraint on an unknown variable',
    'constraints',
    [{ sum: ['x_1', 'y_9'], equals: '1' }],
    'constraints[0].sum[1]',
    /unknown variable "y_9"/,
  ],
  [
    'an impossible constraint',
    'constraints',
    [{ sum: ['x_1', 'x_2'], equals: '5' }],
    'constraints[0]',
    /impossible constraint: x_1 \+ x_2 = 5 has no solution inside the domains/,
  ],
  [
    'a variable determined twice',
    'constraints',
    [
      { sum: ['x_1', 'x_2'], equals: '1' },
      { sum: ['t_1', 'x_2'], equals: '1' },
    ],
    'constraints[1].sum[1]',
    /"x_2" is already determined/,
  ],
  [
    'definitions as a list',
    'definitions',
    ['x_1'],
    'definitions',
    /mapping from a variable to its formula.*got a list/,
  ],
  ['a definition as a list', 'definitions', { x_1: ['1'] }, 'definitions.x_1', /formula in the variables.*got a list/],
  [
    'a definition cycle',
    'definitions',
    { x_1: 'x_2 + 1', x_2: '2*x_1' },
    'definitions.x_1',
    /definitions in a cycle: x_1 → x_2 → x_1/,
  ],
  ['a definition of itself', 'definitions', { x_1: 'x_1 + 1' }, 'definitions.x_1', /cycle: x_1 → x_1/],
  [
    'a definition through an unknown variable',
    'definitions',
    { x_1: 'q_7' },
    'definitions.x_1',
    /formula in the variables.*got "q_7"/,
  ],
  ['a definition of an unknown variable', 'definitions', { z_1: 'x_1' }, 'definitions.z_1', /unknown variable "z_1"/],
  [
    'misconceptions as a mapping',
    'misconceptions',
    { id: 'sign-flip' },
    'misconceptions',
    /list of misconceptions.*got a mapping/,
  ],
  [
    'a misconception formula that does not parse',
    'misconceptions',
    [{ id: 'sign-flip', expression: 'x_1 +* 2' }],
    'misconceptions[0].expression',
    /formula in the variables/,
  ],
];

describe('formula asks are validated like network files', () => {
  it.each(CASES)('%s', (_, field, value, reported, english) => {
    const text = withAsk(field, value);
    const error = errorOf((t) => parseExercise(t, 'formula.json'), text);
    expect(error.field).toBe(`asks[0].${reported}`);
    expect(error.line).not.toBeNull();
    expectFileError(error, `formula.json:${error.line}: asks[0].${reported}: `, english);
  });

  it('accepts every formula exercise the generator writes, with and without constraints and definitions', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const make of [base, hidden]) {
        const exercise = make();
        exercise.seed = seed;
        expect(() => parseExercise(JSON.stringify(exercise), 'formula.json')).not.toThrow();
      }
    }
    for (const template of ['partial-derivative', 'output-bias-formula', 'hidden-bias-formula']) {
      for (const difficulty of [1, 2, 3] as const) {
        const text = JSON.stringify(generateExercise({ template, seed: 7, difficulty }));
        expect(() => parseExercise(text, 'formula.json')).not.toThrow();
      }
    }
  });

  it('a definition chain without a cycle is fine', () => {
    const text = withAsk('definitions', { x_1: 'tanh(a_1)', x_2: 'x_1 + a_2' }, hidden);
    expect(() => parseExercise(text, 'formula.json')).not.toThrow();
  });
});
