import { describe, expect, test } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { TEMPLATES } from '../../src/exercises/templates/index';
import type { Exercise, GraphFile, NetworkFile } from '../../src/exercises/types';
import { studentExam, type Replaced } from '../../src/sets/exam';
import { floatGraph } from '../../src/sets/float-graph';
import { floatNetwork } from '../../src/sets/float-network';
import { parseSet } from '../../src/sets/load';
import { questionSeed, studentSeed } from '../../src/sets/seed';
import { selfTest } from '../../src/sets/verify';
import type { JsonValue } from '../../src/number/json';

// The lecture network of exercises/sets/networks/lecture-relu-softmax.yaml.
const LECTURE: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.5', '-0.5'],
        ['0.25', '0.5'],
      ],
      bias: ['0', '0.25'],
      activation: 'relu',
    },
    {
      weights: [
        ['1', '-1'],
        ['0.5', '0.5'],
      ],
      bias: ['0', '0'],
      activation: 'softmax',
    },
  ],
  loss: 'cross-entropy',
  input: [['1', '2']],
  target: [['1', '0']],
  learning_rate: '0.5',
};

describe('the float64 recomputation, against values worked by hand', () => {
  test('the lecture network: ReLU, then softmax + cross-entropy', () => {
    const r = floatNetwork(LECTURE);
    // a¹ = (1·0.5 + 2·0.25, 1·(−0.5) + 2·0.5 + 0.25) = (1, 0.75); a² = (1 + 0.375, −1 + 0.375).
    expect(r.preactivation[0][0]).toEqual([1, 0.75]);
    expect(r.preactivation[1][0]).toEqual([1.375, -0.625]);
    const y1 = 1 / (1 + Math.exp(-2));
    expect(r.loss).toBeCloseTo(-Math.log(y1), 14);
    expect(r.delta[1][0][0]).toBeCloseTo(y1 - 1, 14);
    expect(r.delta[1][0][1]).toBeCloseTo(1 - y1, 14);
    // δ¹ = δ²·W²ᵀ: (δ²₁ − δ²₂, 0.5δ²₁ + 0.5δ²₂) = (2y₁ − 2, 0); ∂L/∂W¹ = xᵀδ¹.
    expect(r.delta[0][0][0]).toBeCloseTo(2 * y1 - 2, 14);
    expect(r.delta[0][0][1]).toBeCloseTo(0, 14);
    expect(r.gradWeights[0][1][0]).toBeCloseTo(2 * (2 * y1 - 2), 14);
    expect(r.gradInput[1][0][0]).toBeCloseTo(2 * y1 - 2, 14);
  });

  test('the apple graph: price = 100 · 2 · 1.1', () => {
    const apple: GraphFile = {
      graph: {
        inputs: { apple: '100', apple_num: '2', tax: '1.1' },
        nodes: [
          { name: 'apple_price', op: 'mul', args: ['apple', 'apple_num'] },
          { name: 'price', op: 'mul', args: ['apple_price', 'tax'] },
        ],
        output: 'price',
      },
    };
    expect(floatGraph(apple).get('price')).toBeCloseTo(220, 12);
    expect(floatGraph(apple, { name: 'apple', h: 1 }).get('price')).toBeCloseTo(222.2, 12);
  });
});

describe('the self-test', () => {
  test.each(TEMPLATES.map((t) => t.name))('every key of %s passes, in three seeds and difficulties', (template) => {
    for (const [seed, difficulty] of [
      [1, 1],
      [22, 2],
      [333, 3],
    ] as const)
      expect(selfTest(generateExercise({ template, seed, difficulty }))).toBeNull();
  });

  test('a wrong key is caught by the float64 recomputation', () => {
    const exercise = generateExercise({ template: 'hidden-delta', seed: 3, difficulty: 2 });
    const a1 = exercise.expected.a1 as JsonValue;
    const wrong: Exercise = {
      ...exercise,
      expected: { ...exercise.expected, a1: { ...a1, approx: String(Number(a1.approx) + 0.001) } },
    };
    expect(selfTest(wrong)).toMatch(/^a1: key .*, float64 /);
  });

  test('a wrong gradient in a graph key is caught by the finite difference', () => {
    const exercise = generateExercise({ template: 'graph-backward', seed: 4, difficulty: 1 });
    const ask = exercise.asks.find((a) => a.quantity === 'gradients')!;
    const cell = exercise.expected[ask.id] as JsonValue;
    const wrong: Exercise = {
      ...exercise,
      expected: { ...exercise.expected, [ask.id]: { ...cell, approx: String(Number(cell.approx) * 1.01) } },
    };
    expect(selfTest(wrong)).toMatch(new RegExp(`^${ask.id}: key .*, finite difference `));
  });

  test('a variant that fails is replaced by the next attempt, and the failure is reported', () => {
    const set = parseSet('title: T\nseed: 7\nquestions:\n  - {template: output-delta, points: 1}\n');
    const firstSeed = questionSeed(studentSeed(7, 's1'), 1, 0);
    const replaced: Replaced[] = [];
    const exam = studentExam(
      set,
      { id: 's1', name: '' },
      (e) => (e.seed === firstSeed ? 'made to fail' : null),
      replaced,
    );
    expect(replaced).toEqual([{ student: 's1', question: 1, seed: firstSeed, why: 'made to fail' }]);
    expect(exam.questions[0].exercise.seed).toBe(questionSeed(studentSeed(7, 's1'), 1, 1));
  });
});
