// Grading a graph's gradient steps (input_after, value_after): a student who rounds x₁ and carries the
// rounded value into x₂ is right; one whose x₂ follows from their own wrong x₁ is told so (error
// carried forward); the step mistakes (uphill, η left out, f instead of f′) are named. The students'
// numbers are worked here in float64 and BigInt fractions, apart from the grader.
import { describe, expect, it } from 'vitest';
import type { Exercise, GraphFile } from '../../src/exercises/types';
import { gradeExercise, gradingContext, parseExercise, type AskResult } from '../../src/grader';
import { InputError } from '../../src/network/errors';

/** f(x) = x² − 4x + 1, f′(x) = 2x − 4, from x₀ = 0 with η = 1/3: x_k = x_(k−1)/3 + 4/3. */
const GRAPH = (eta: string, x0 = '0'): GraphFile => ({
  graph: {
    inputs: { x: x0 },
    nodes: [
      { name: 'x2', op: 'square', args: ['x'] },
      { name: 'minus4x', op: 'mul', args: ['-4', 'x'] },
      { name: 'f', op: 'add', args: ['x2', 'minus4x', '1'] },
    ],
    output: 'f',
    step: { learning_rate: eta, update: ['x'], steps: '4' },
  },
});

const ASKS: Exercise['asks'] = [
  { id: 'a1', quantity: 'input_after', node: 'x', step: 1 },
  { id: 'a2', quantity: 'input_after', node: 'x', step: 2 },
  { id: 'a3', quantity: 'input_after', node: 'x', step: 3 },
  { id: 'a4', quantity: 'input_after', node: 'x', step: 4 },
  { id: 'a5', quantity: 'value_after', step: 4 },
];

const exercise = (network: GraphFile): Exercise => ({
  template: 'test',
  seed: 0,
  difficulty: 1,
  lang: 'en',
  network,
  asks: ASKS,
  prompt: '',
  expected: {},
  hints: {},
});

function grade(network: GraphFile, answers: Record<string, string>): Record<string, AskResult> {
  const ctx = gradingContext(exercise(network));
  return Object.fromEntries(gradeExercise(ctx, new Map(Object.entries(answers))).map((r) => [r.ask, r]));
}

const f = (x: number) => x * x - 4 * x + 1;
const df = (x: number) => 2 * x - 4;

describe('graph steps: rounded chains', () => {
  it('the exact walk rounded at the end is right', () => {
    // x = 4/3, 16/9, 52/27, 160/81; f(160/81) = −80999/81² … = −2.99939…
    const r = grade(GRAPH('1/3'), { a1: '1.333', a2: '1.778', a3: '1.926', a4: '1.975', a5: '-2.999' });
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(r[id].status, id).toBe('correct');
  });
  it.each([
    // x′ = x − (2x − 4)/7 = (5x + 4)/7 from 0: the exact x₂ = 0.97959… is 0.980, the carried one 0.979.
    ['1/7', '0', 'a2'],
    // x′ = x − 0.9(2x − 4) = 3.6 − 0.8x from 0: f(1.18) = −2.3276 → −2.328, the exact f(x₄) = −2.3289… → −2.329.
    ['0.9', '0', 'a5'],
  ])('η = %s: every x rounded to 3 significant figures and carried into the next step is right', (eta, x0, differs) => {
    const walk: string[] = [];
    let x = Number(x0);
    for (let k = 0; k < 4; k++) {
      x = Number((x - Number(eta.includes('/') ? 1 / 7 : eta) * df(x)).toPrecision(3));
      walk.push(String(x));
    }
    walk.push(f(x).toPrecision(4));
    const answers = Object.fromEntries(walk.map((a, i) => [`a${i + 1}`, a]));
    const r = grade(GRAPH(eta, x0), answers);
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5'])
      expect([id, r[id].status, r[id].score]).toEqual([id, 'correct', 1]);
    // The answer that only the carried rounding explains: alone (no earlier answers) it is still right,
    // as the value of rounded intermediates.
    const alone = grade(GRAPH(eta, x0), { [differs]: answers[differs] })[differs];
    expect(alone.status).toBe('correct');
    expect(alone.feedback.en).toMatch(/without rounding along the way/);
  });
});

describe('graph steps: error carried forward and misconceptions', () => {
  it('x₂ worked right from a wrong x₁ is carried forward, x₁ alone is wrong', () => {
    // η = 1/4 from 0: x₁ = 1; a slip x₁ = 1.2 gives x₂ = 1.2/2 + 1 = 1.6 (the right x₂ is 1.5).
    const r = grade(GRAPH('1/4'), { a1: '1.2', a2: '1.6' });
    expect(r.a1.status).toBe('incorrect');
    expect(r.a1.score).toBe(0);
    expect(r.a2.carriedForward).toBe(true);
    expect(r.a2.score).toBe(1);
    expect(r.a2.feedback.en).toMatch(/a1/);
  });
  it('uphill every step is wrong-update-sign', () => {
    // x′ = x + (2x − 4)/4 = 1.5x − 1 from 0: −1, −2.5, −4.75, −8.125.
    const r = grade(GRAPH('1/4'), { a1: '-1', a4: '-8.125' });
    expect(r.a1.misconception).toBe('wrong-update-sign');
    expect(r.a4.misconception).toBe('wrong-update-sign');
    expect(r.a1.feedback.en).toMatch(/x \+ η·∂f\/∂x instead of x − η·∂f\/∂x/);
    expect(r.a1.feedback.ja).toMatch(/x − η·∂f\/∂x ではなく x \+ η·∂f\/∂x/);
  });
  it('η left out is forgot-learning-rate; f instead of f′ is value-for-derivative', () => {
    // Without η: x′ = x − (2x − 4) = 4 − x from 0: 4. Along f: x′ = x − (x² − 4x + 1)/4 from 0: −0.25.
    const r = grade(GRAPH('1/4'), { a1: '4', a2: '-0.25' });
    expect(r.a1.misconception).toBe('forgot-learning-rate');
    expect(r.a2.misconception).not.toBe('value-for-derivative');
    const along = grade(GRAPH('1/4'), { a1: '-0.25' });
    expect(along.a1.misconception).toBe('value-for-derivative');
    expect(along.a1.feedback.en).toMatch(/instead of its derivative/);
  });
  it('a right answer is never a misconception, a wrong one never right', () => {
    const r = grade(GRAPH('1/4'), { a1: '1', a2: '1.5', a3: '1.75', a4: '1.875', a5: '-2.984375' });
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5'])
      expect([id, r[id].status, r[id].misconception]).toEqual([id, 'correct', null]);
    const wrong = grade(GRAPH('1/4'), { a4: '1.9' });
    expect(wrong.a4.status).toBe('incorrect');
  });
});

describe('exercise files with a graph step', () => {
  const file = (asks: string, step = '\n    step: {learning_rate: 0.25, update: [x], steps: 4}') =>
    `network:\n  graph:\n    inputs: {x: 0}\n    nodes:\n      - {name: f, op: square, args: [x]}\n    output: f${step}\nasks:\n${asks}\n`;
  const error = (text: string) => {
    try {
      parseExercise(text, 'ex.yaml');
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  };
  it('reads input_after and value_after with their step', () => {
    const { exercise } = parseExercise(
      file('  - {id: a1, quantity: input_after, node: x, step: 2}\n  - {id: a2, quantity: value_after, step: 4}'),
    );
    expect(exercise.asks).toEqual([
      { id: 'a1', quantity: 'input_after', node: 'x', step: 2 },
      { id: 'a2', quantity: 'value_after', step: 4 },
    ]);
  });
  it.each([
    [
      'a step past the last',
      '  - {id: a1, quantity: input_after, node: x, step: 5}',
      'asks[0].step',
      /from 1 to 4/,
      /1 から 4/,
    ],
    ['no step', '  - {id: a1, quantity: value_after}', 'asks[0].quantity', /from 1 to 4/, /1 から 4/],
    [
      'an input the step does not move',
      '  - {id: a1, quantity: input_after, node: f, step: 1}',
      'asks[0].node',
      /inputs the step moves \(x\)/,
      /動かす入力/,
    ],
  ])('%s', (_what, asks, field, en, ja) => {
    const e = error(file(asks));
    expect(e.field).toBe(field);
    expect(e.line).toBe(9);
    expect(e.message).toMatch(en);
    expect(e.messageIn('ja')).toMatch(ja);
  });
  it('a graph without a step', () => {
    const e = error(file('  - {id: a1, quantity: input_after, node: x, step: 1}', ''));
    expect(e.field).toBe('asks[0].quantity');
    expect(e.message).toMatch(/expected a graph with a step/);
  });
});
