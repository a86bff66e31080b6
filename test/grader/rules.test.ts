// The grading rules on hand-derived values: exact answers, decimals at the student's precision, too few
// figures, digits cut off, a tolerance override, irrational values, matrices (cells, transposed, shape),
// rounded intermediates, error carried forward, hints, invalid answers, graph and formula asks.
import { describe, expect, it } from 'vitest';
import type { Exercise, NetworkAsk, NetworkFile, SymbolicAsk } from '../../src/exercises/types';
import { gradingContext, type GradingContext } from '../../src/grader/context';
import { CARRIED_FORWARD_SCORE, gradeExercise, type AskResult } from '../../src/grader/grade';
import { hintsFor } from '../../src/grader/hints';
import { parseExercise } from '../../src/grader/exercise-file';
import { InputError } from '../../src/network/errors';
import { savedExercise } from './saved';

/**
 * One identity unit: a = 0.4·0.5 + 0.6·(−0.25) + 0.1 = 0.15 = y, t = 0.3, L = ½(0.15 − 0.3)² = 0.01125,
 * δ = −0.15, ∂L/∂W = [[0.4·(−0.15)], [0.6·(−0.15)]] = [[−0.06], [−0.09]], W′ = [[0.53], [−0.205]],
 * b′ = 0.1 + 0.5·0.15 = 0.175, a′ = 0.212 − 0.123 + 0.175 = 0.264, L′ = ½(0.036)² = 0.000648.
 */
const LINEAR: NetworkFile = {
  layout: 'x-w',
  layers: [{ weights: [['0.5'], ['-0.25']], bias: ['0.1'], activation: 'identity' }],
  loss: 'half-sse',
  input: [['0.4', '0.6']],
  target: [['0.3']],
  learning_rate: '0.5',
};

const MAZUR: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.15', '0.25'],
        ['0.20', '0.30'],
      ],
      bias: ['0.35', '0.35'],
      activation: 'sigmoid',
    },
    {
      weights: [
        ['0.40', '0.50'],
        ['0.45', '0.55'],
      ],
      bias: ['0.60', '0.60'],
      activation: 'sigmoid',
    },
  ],
  loss: 'half-sse',
  input: [['0.05', '0.10']],
  target: [['0.01', '0.99']],
  learning_rate: '0.5',
  update_biases: 'false',
};

function exercise(network: Exercise['network'], asks: Exercise['asks'], extra: Partial<Exercise> = {}): Exercise {
  return {
    template: 'test',
    seed: 0,
    difficulty: 1,
    lang: 'en',
    network,
    asks,
    prompt: '',
    expected: {},
    hints: {},
    ...extra,
  };
}

function grader(ctx: GradingContext) {
  return (answers: Record<string, string>, hints?: Record<string, number>): Record<string, AskResult> =>
    Object.fromEntries(
      gradeExercise(ctx, new Map(Object.entries(answers)), {
        hintsUsed: hints ? new Map(Object.entries(hints)) : undefined,
      }).map((r) => [r.ask, r]),
    );
}

const linearAsks: NetworkAsk[] = [
  { id: 'loss', quantity: 'loss' },
  { id: 'delta', quantity: 'delta', layer: 0, index: [0, 0] },
  { id: 'gw', quantity: 'grad_weights', layer: 0 },
  { id: 'w', quantity: 'weights_after', layer: 0, index: [1, 0] },
  { id: 'after', quantity: 'loss_after' },
  { id: 'gain', quantity: 'loss_improvement' },
];
const linear = grader(gradingContext(exercise(LINEAR, linearAsks)));

describe('exact values and decimals', () => {
  it('exact notations and correctly rounded decimals are correct', () => {
    for (const answer of ['0.01125', '9/800', '0.0112500', '1.125e-2', '(3/20)^2/2', '0.0113', '0.0112']) {
      expect(linear({ loss: answer }).loss.status, answer).toBe('correct');
    }
    expect(linear({ after: '0.000648' }).after.status).toBe('correct');
    expect(linear({ gain: '0.010602' }).gain.status).toBe('correct'); // 0.01125 − 0.000648
    expect(linear({ w: '-0.205' }).w.status).toBe('correct');
  });

  it('a right value with fewer than 3 significant figures earns half, with the reason', () => {
    const r = linear({ loss: '0.011' }).loss;
    expect(r.status).toBe('incorrect');
    expect(r.score).toBe(0.5);
    expect(r.feedback.en).toMatch(/3 significant figures/);
    expect(r.feedback.ja).toMatch(/有効数字3桁/);
    // −0.15 is itself a 2-figure decimal: rounding it further (−0.2, −0.1) is wrong, not imprecise.
    expect(linear({ delta: '-0.2' }).delta.score).toBe(0);
    expect(linear({ delta: '-0.1' }).delta.score).toBe(0);
    expect(linear({ delta: '-0.150' }).delta.status).toBe('correct');
    // 0.001 is not 0.000648 to any figure, nor is −0.1 −0.09.
    expect(linear({ after: '0.001' }).after.score).toBe(0);
    expect(linear({ after: '0.0006' }).after.score).toBe(0.5);
  });

  it('wrong values are wrong, exactly', () => {
    for (const answer of ['0.0114', '0.01124', '9/801', '0.0225', '0.01125001']) {
      const r = linear({ loss: answer }).loss;
      expect(r.status, answer).toBe('incorrect');
      expect(r.score, answer).toBe(0);
    }
  });

  it('digits cut off instead of rounded: half credit and the reason', () => {
    const ctx = gradingContext(exercise(MAZUR, [{ id: 'd', quantity: 'delta', layer: 1, index: [0, 0] }]));
    // δ_o1 = 0.1384985616…: 0.13850 rounded, 0.1384985 truncated (0.13849 is what intermediates rounded to
    // 4 figures give, so it is not a cut-off: see rounding.test.ts).
    expect(grader(ctx)({ d: '0.13850' }).d.status).toBe('correct');
    const r = grader(ctx)({ d: '0.1384985' }).d;
    expect(r.status).toBe('incorrect');
    expect(r.score).toBe(0.5);
    expect(r.feedback.en).toMatch(/round the last digit/);
  });

  it('irrational values: decimals at any precision, exact expressions of the same number', () => {
    const ctx = gradingContext(exercise(MAZUR, [{ id: 'h', quantity: 'output', layer: 0, index: [0, 0] }]));
    const g = grader(ctx);
    // out_h1 = σ(0.3775) = 0.593269992107…
    for (const answer of [
      '0.593',
      '0.5933',
      '0.593269992',
      'sigmoid(0.3775)',
      '1/(1+exp(-0.3775))',
      '1/(1+e^(-151/400))',
    ]) {
      expect(g({ h: answer }).h.status, answer).toBe('correct');
    }
    for (const answer of ['0.5932', '0.594', '0.593269993', 'sigmoid(0.38)', '1/(1+exp(-0.3875))', 'sigmoid(0.3875)']) {
      expect(g({ h: answer }).h.status, answer).toBe('incorrect');
    }
    // An expression of rounded decimals is as precise as its least precise decimal of ≥ 3 figures:
    // σ(0.378) = 0.59339… and σ(0.377) = 0.59315… are 0.593 at 3 figures, as is σ(0.3775).
    for (const answer of ['sigmoid(0.378)', 'sigmoid(0.377)']) {
      const r = g({ h: answer }).h;
      expect(r.status, answer).toBe('correct');
      expect(r.feedback.en, answer).toMatch(/3 significant figures of the rounded decimals/);
    }
  });

  it('a tolerance in the exercise file replaces the rounding rule', () => {
    const loaded = parseExercise(
      JSON.stringify({
        network: LINEAR,
        asks: [
          { id: 'a1', quantity: 'loss', tolerance: { relative: '0.05' } },
          { id: 'a2', quantity: 'loss' },
        ],
      }),
    );
    const g = grader(gradingContext(loaded.exercise, { tolerances: loaded.tolerances }));
    expect(g({ a1: '0.0115' }).a1.status).toBe('correct'); // 2.2% off
    expect(g({ a1: '0.0119' }).a1.status).toBe('incorrect'); // 5.8% off
    expect(g({ a2: '0.0115' }).a2.status).toBe('incorrect');
  });
});

describe('matrices', () => {
  it('right matrix, per-cell partial credit, transposed, wrong shape', () => {
    // ∂L/∂W = [[−0.06], [−0.09]] (x-w: 2 inputs × 1 unit).
    expect(linear({ gw: '[[-0.06], [-0.09]]' }).gw.status).toBe('correct');
    expect(linear({ gw: '-0.06; -0.09' }).gw.status).toBe('correct');
    const half = linear({ gw: '[[-0.06], [-0.1]]' }).gw;
    expect(half.status).toBe('incorrect');
    expect(half.score).toBe(0.5);
    expect(half.cells?.map((c) => c.status)).toEqual(['correct', 'incorrect']);
    expect(half.feedback.en).toMatch(/1 of 2 entries is right; check row 2, column 1/);
    const transposed = linear({ gw: '[[-0.06, -0.09]]' }).gw;
    expect(transposed.status).toBe('incorrect');
    expect(transposed.misconception).toBe('transposed-gradient');
    expect(transposed.feedback.en).toMatch(/transpose/);
    expect(linear({ gw: '[[1, 2], [3, 4]]' }).gw.feedback.en).toMatch(/Expected a 2×1 matrix .*got 2×2/);
    expect(linear({ gw: '-0.06' }).gw.feedback.en).toMatch(/Expected a 2×1 matrix/);
  });

  it('a square matrix typed transposed is named as such; a vector may be a row or a column', () => {
    const ctx = gradingContext(
      exercise(MAZUR, [
        { id: 'g', quantity: 'grad_weights', layer: 1 },
        { id: 'b', quantity: 'grad_bias', layer: 1 },
      ]),
    );
    const g = grader(ctx);
    // ∂E/∂W² = [[0.0821670406, −0.0226025405], [0.0826676278, −0.0227402422]] (Mazur's w5, w7 / w6, w8).
    expect(g({ g: '[[0.0821670, -0.0226025], [0.0826676, -0.0227402]]' }).g.status).toBe('correct');
    const r = g({ g: '[[0.0821670, 0.0826676], [-0.0226025, -0.0227402]]' }).g;
    expect(r.misconception).toBe('transposed-gradient');
    expect(r.score).toBe(0);
    expect(g({ b: '[0.138498562, -0.0380982365]' }).b.status).toBe('correct');
    expect(g({ b: '0.138498562; -0.0380982365' }).b.status).toBe('correct');
  });
});

describe('rounding the student did is not punished', () => {
  const asks: NetworkAsk[] = [{ id: 'gw1', quantity: 'grad_weights', layer: 0, index: [0, 0] }];
  const g = grader(gradingContext(exercise(MAZUR, asks)));

  it('an answer computed from intermediates rounded to 3 significant figures is correct, with a note', () => {
    // By hand, every intermediate to 3 significant figures:
    // net_h = 0.378, 0.393 → out_h = 0.593, 0.597; net_o1 = 0.4·0.593 + 0.45·0.597 + 0.6 = 1.10585 → 1.11,
    // net_o2 = 0.5·0.593 + 0.55·0.597 + 0.6 = 1.22485 → 1.22; out_o = σ(1.11) = 0.752, σ(1.22) = 0.772;
    // ∂E/∂out_o = 0.742, −0.218; σ′ = 0.752·0.248 → 0.186, 0.772·0.228 → 0.176;
    // δ_o = 0.742·0.186 → 0.138, −0.218·0.176 → −0.0384; ∂E/∂out_h1 = 0.138·0.40 − 0.0384·0.50 = 0.0360;
    // σ′(h1) = 0.593·0.407 → 0.241; δ_h1 = 0.0360·0.241 → 0.00868; ∂E/∂w1 = 0.05·0.00868 = 0.000434.
    // The exact value is 0.000438567734…, 0.000439 to 3 figures.
    const r = g({ gw1: '0.000434' }).gw1;
    expect(r.status).toBe('correct');
    expect(r.score).toBe(1);
    expect(r.feedback.en).toMatch(/intermediate values rounded to 3 significant figures/);
    expect(g({ gw1: '0.000439' }).gw1.feedback.en).toMatch(/^Correct \(rounded/);
    expect(g({ gw1: '0.000429' }).gw1.status).toBe('incorrect');
    expect(g({ gw1: '0.000444' }).gw1.status).toBe('incorrect');
  });

  it('rounded values the exercise states (given) are what the answer is computed from', () => {
    // The hidden outputs stated as 0.6 and 0.8 (not σ of anything): y = σ-layer output given, so
    // δ_o = (y − t)·y(1 − y) uses the given outputs of the last layer 0.7 and 0.2.
    const ex = exercise(MAZUR, [{ id: 'd', quantity: 'delta', layer: 1, index: [0, 0] }], {
      given: { outputs: { '0': [['0.6', '0.8']], '1': [['0.7', '0.2']] } },
    });
    const r = grader(gradingContext(ex))({ d: '0.1449' }).d; // (0.7 − 0.01)·0.7·0.3 = 0.1449
    expect(r.status).toBe('correct');
  });
});

describe('error carried forward', () => {
  const asks: NetworkAsk[] = [
    { id: 'a1', quantity: 'delta', layer: 1, index: [0, 0] },
    { id: 'a2', quantity: 'grad_weights', layer: 1, index: [0, 0] },
    { id: 'a3', quantity: 'weights_after', layer: 1, index: [0, 0] },
  ];
  const g = grader(gradingContext(exercise(MAZUR, asks)));

  it('a later part computed correctly from a wrong earlier part is marked as following from it', () => {
    // a1 wrong (0.2); a2 = 0.2 · out_h1 = 0.2 · 0.593269992 = 0.118654; a3 = 0.4 − 0.5 · 0.118654 = 0.340673.
    const r = g({ a1: '0.2', a2: '0.118654', a3: '0.340673' });
    expect(r.a1.status).toBe('incorrect');
    expect(r.a1.carriedForward).toBe(false);
    expect(r.a2.carriedForward).toBe(true);
    expect(r.a2.status).toBe('incorrect');
    expect(r.a2.score).toBe(CARRIED_FORWARD_SCORE);
    expect(r.a2.feedback.en).toMatch(/follows correctly from your answer a1 = 0.2:/);
    expect(r.a3.carriedForward).toBe(true);
    // 0.340673 follows from a2 (0.4 − 0.5·0.118654) and, rounded, from a1 as well.
    expect(r.a3.feedback.en).toMatch(/your answer a1 = 0.2, a2 = 0.118654:/);
    // A later part that follows from nothing is simply wrong.
    expect(g({ a1: '0.2', a2: '0.5' }).a2.carriedForward).toBe(false);
  });

  it('a later part computed from a right but rounded earlier part is correct', () => {
    // a1 = 0.138 (right to 3 figures); 0.138 · 0.593269992 = 0.0818713 → 0.0819 (the exact 0.0821670 → 0.0822).
    const r = g({ a1: '0.138', a2: '0.0819' });
    expect(r.a1.status).toBe('correct');
    expect(r.a2.status).toBe('correct');
    expect(r.a2.feedback.en).toMatch(/follows from your rounded answer to a1/);
  });
});

describe('hints, invalid answers, graphs, formulas, Japanese', () => {
  it('hints: the formula then the numbers; each costs score and the cost is recorded', () => {
    const ctx = gradingContext(exercise(MAZUR, [{ id: 'd', quantity: 'delta', layer: 1, index: [0, 0] }]));
    const hints = hintsFor(ctx, ctx.exercise.asks[0]);
    expect(hints.length).toBe(2);
    expect(hints[0].text.en).toMatch(/h′/);
    expect(hints[1].text.en).toMatch(/= 0\.7413650696 · 0\.1868156018/); // ∂E/∂out_o1 · σ′(net_o1), Mazur's figures
    const r = grader(ctx)({ d: '0.1385' }, { d: 1 }).d;
    expect(r.status).toBe('correct');
    expect(r.hintsUsed).toBe(1);
    expect(r.hintCost).toBe(0.25);
    expect(r.score).toBe(0.75);
    expect(grader(ctx)({ d: '0.1385' }, { d: 2 }).d.score).toBe(0.5);
  });

  it('an answer the parser rejects is invalid, with its message in both languages', () => {
    const r = linear({ loss: 'import os' }).loss;
    expect(r.status).toBe('invalid');
    expect(r.score).toBe(0);
    expect(r.feedback.en.length).toBeGreaterThan(10);
    expect(r.feedback.ja.length).toBeGreaterThan(5);
  });

  it('graph gradients: a negated one is a flipped sign', () => {
    const apple = {
      graph: {
        inputs: { apple: '100', apple_num: '2', tax: '1.1' },
        nodes: [
          { name: 'apple_price', op: 'mul', args: ['apple', 'apple_num'] },
          { name: 'price', op: 'mul', args: ['apple_price', 'tax'] },
        ],
        output: 'price',
      },
    };
    const ctx = gradingContext(
      exercise(apple, [
        { id: 'v', quantity: 'value' },
        { id: 'g', quantity: 'gradients', node: 'apple' },
      ]),
    );
    const g = grader(ctx);
    expect(g({ v: '220', g: '2.2' }).v.status).toBe('correct');
    expect(g({ v: '220', g: '2.2' }).g.status).toBe('correct');
    expect(g({ g: '-2.2' }).g.misconception).toBe('sign-flip');
  });

  it('formulas: compared at random rational points; a named wrong formula is recognised', () => {
    const ask: SymbolicAsk = {
      id: 'f',
      quantity: 'expression',
      of: '∂L/∂b_2',
      expression: 'x_2 - t_2',
      variables: ['x_1', 'x_2', 't_1', 't_2'],
      domains: { x_1: ['1/20', '19/20'], x_2: ['1/20', '19/20'], t_1: ['0', '1'], t_2: ['0', '1'] },
      constraints: [{ sum: ['x_1', 'x_2'], equals: '1' }],
      misconceptions: [{ id: 'sign-flip', expression: 't_2 - x_2' }],
    };
    const g = grader(gradingContext(exercise(null, [ask])));
    expect(g({ f: 'x_2 - t_2' }).f.status).toBe('correct');
    expect(g({ f: '1 - x_1 - t_2' }).f.status).toBe('correct'); // x_1 + x_2 = 1
    expect(g({ f: 't_2 - x_2' }).f.misconception).toBe('sign-flip');
    expect(g({ f: 'x_2 + t_2' }).f.status).toBe('incorrect');
    expect(g({ f: 'x_2 - y' }).f.status).toBe('invalid');
  });

  it('Japanese feedback', () => {
    expect(linear({ loss: '0.01125' }).loss.feedback.ja).toBe('正解です。');
    expect(linear({ loss: '-0.01125' }).loss.feedback.ja).toMatch(/不正解/);
  });
});

describe('exercise files', () => {
  it('a bad exercise file is one InputError naming the field', () => {
    expect(() =>
      parseExercise('{"network": {"layers": []}, "asks": [{"id": "a1", "quantity": "loss"}]}', 'ex.json'),
    ).toThrow(InputError);
    expect(() =>
      parseExercise('{"network": {"layers": []}, "asks": [{"id": "a1", "quantity": "loss"}]}', 'ex.json'),
    ).toThrow(/network\.layers/);
    expect(() => parseExercise(`{"network": ${JSON.stringify(LINEAR)}, "asks": [{"id": "a1"}]}`, 'ex.json')).toThrow(
      /asks\[0\]\.quantity: missing/,
    );
    expect(() =>
      parseExercise(
        `{"network": ${JSON.stringify(LINEAR)}, "asks": [{"id": "a1", "quantity": "loss"}, {"id": "a1", "quantity": "loss"}]}`,
        'ex.json',
      ),
    ).toThrow(/used twice/);
  });
});

describe('error carried forward names the part the student worked from', () => {
  it('train-once -d 2 -s 1: L − L′ = 23.04 − 14.40 follows from the wrong a2, not from a rounded a1 chain', () => {
    // The exercise as version 1 of the generator made it.
    const ctx = gradingContext(savedExercise('train-once-d2-s1'));
    const r = Object.fromEntries(
      gradeExercise(
        ctx,
        new Map([
          ['a1', '23.04'],
          ['a2', '14.40'],
          ['a3', '8.64'],
        ]),
      ).map((x) => [x.ask, x]),
    );
    expect(r.a1.status).toBe('correct');
    expect(r.a2.status).toBe('incorrect');
    expect(r.a2.carriedForward).toBe(false);
    expect(r.a3.carriedForward).toBe(true);
    expect(r.a3.score).toBe(1);
    expect(r.a3.feedback.en).toMatch(/follows correctly from your answer a2 = 14.40:/);
    expect(r.a3.feedback.en).not.toMatch(/rounded answer to a1/);
    // With the right a2, 8.6 is simply right, and 8.64 is not.
    const right = Object.fromEntries(
      gradeExercise(
        ctx,
        new Map([
          ['a1', '23.04'],
          ['a2', '14.44'],
          ['a3', '8.64'],
        ]),
      ).map((x) => [x.ask, x]),
    );
    expect(right.a3.status).toBe('incorrect');
    expect(right.a3.carriedForward).toBe(false);
  });
});
