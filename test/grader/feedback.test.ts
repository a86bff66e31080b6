// What the student is told, on hand-derived networks: the misconception that explains the whole answer
// is named, the "right way" matches the exercise (its loss, the step, the cell), hints give the formula
// with numbers but never the result, formulas in a instead of x, and notation a student is likely to type.
import { describe, expect, it } from 'vitest';
import type { Exercise, NetworkFile, SymbolicAsk } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise, type AskResult } from '../../src/grader/grade';
import { hintsFor, revealsResult } from '../../src/grader/hints';
import { Fraction } from '../../src/number/value';

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

function grader(ex: Exercise) {
  const ctx = gradingContext(ex);
  return (answers: Record<string, string>, hints?: Record<string, number>): Record<string, AskResult> =>
    Object.fromEntries(
      gradeExercise(ctx, new Map(Object.entries(answers)), {
        hintsUsed: hints ? new Map(Object.entries(hints)) : undefined,
      }).map((r) => [r.ask, r]),
    );
}

/**
 * Softmax + cross-entropy, a batch of 2 (mean), the outputs stated: Y = [[0.2, 0.1, 0.7], [0.3, 0.2, 0.5]],
 * T = [[1, 0, 0], [0, 0, 1]]. δ = (Y − T)/2 = [[−0.4, 0.05, 0.35], [0.15, 0.1, −0.25]]; ∂L/∂b = the column
 * sums [−0.25, 0.15, 0.1]; one sample's row alone (bias-not-summed) [−0.4, 0.05, 0.35].
 * Diagonal only: ∂L/∂y = −t/(2y) = [[−2.5, 0, 0], [0, 0, −1]], δ_k = ∂L/∂y_k·y_k(1 − y_k) = [[−0.4, 0, 0], [0, 0, −0.25]]
 * (missing-activation-derivative would be ∂L/∂y itself, [[−2.5, 0, 0], [0, 0, −1]]).
 */
const SOFTMAX: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['-0.2', '-0.1', '0.6'],
        ['-0.5', '0.5', '0.6'],
      ],
      bias: ['0.1', '-1', '0'],
      activation: 'softmax',
    },
  ],
  loss: 'cross-entropy',
  input: [
    ['1', '0.5'],
    ['0.2', '0.4'],
  ],
  target: [
    ['1', '0', '0'],
    ['0', '0', '1'],
  ],
  learning_rate: '1',
  conventions: { batch: 'mean' },
};
const softmax = grader(
  exercise(
    SOFTMAX,
    [
      { id: 'd', quantity: 'delta', layer: 0 },
      { id: 'b', quantity: 'grad_bias', layer: 0 },
      { id: 'd00', quantity: 'delta', layer: 0, index: [0, 0] },
    ],
    {
      given: {
        outputs: {
          '0': [
            ['0.2', '0.1', '0.7'],
            ['0.3', '0.2', '0.5'],
          ],
        },
      },
    },
  ),
);

/**
 * Leaky ReLU (α = 0.2) then identity, x = (1, 2), t = (1, 0): a¹ = (1.1, −0.3), z¹ = (1.1, −0.06),
 * y = (1.42, 0.426), δ² = (0.42, 0.426); ∂L/∂z¹ = δ²·W²ᵀ = (0.633, −0.6696), δ¹ = (0.633, −0.13392).
 * Through W² instead of W²ᵀ: (0.42 − 0.852, 0.21 + 0.1704) = (−0.432, 0.3804), δ¹ = (−0.432, 0.07608).
 */
const LEAKY: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.5', '-1'],
        ['0.25', '0.2'],
      ],
      bias: ['0.1', '0.3'],
      activation: 'leaky-relu',
      alpha: '0.2',
    },
    {
      weights: [
        ['1', '0.5'],
        ['-2', '0.4'],
      ],
      bias: ['0.2', '-0.1'],
      activation: 'identity',
    },
  ],
  loss: 'half-sse',
  input: [['1', '2']],
  target: [['1', '0']],
  learning_rate: '0.5',
};

/**
 * ReLU (ReLU′(0) = 0) then identity, x = (1, 2): a¹ = (1.1, 0) — unit 2 sits at the kink; y = (1.3, 0.45),
 * δ² = (0.3, 0.45), ∂L/∂z¹₂ = 0.3·(−2) + 0.45·0.4 = −0.42, δ¹₂ = 0 (−0.42 with ReLU′(0) = 1);
 * ∂L/∂w¹₁₂ = x₁·δ¹₂ = 0 (−0.42).
 */
const KINK: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.5', '-1'],
        ['0.25', '0.5'],
      ],
      bias: ['0.1', '0'],
      activation: 'relu',
    },
    {
      weights: [
        ['1', '0.5'],
        ['-2', '0.4'],
      ],
      bias: ['0.2', '-0.1'],
      activation: 'identity',
    },
  ],
  loss: 'half-sse',
  input: [['1', '2']],
  target: [['1', '0']],
  learning_rate: '0.5',
};

describe('the misconception that explains the whole answer', () => {
  it('bias-not-summed for one sample’s row, though one cell alone matches another mistake', () => {
    const r = softmax({ b: '[-0.4, 0.05, 0.35]' }).b;
    expect(r.misconception).toBe('bias-not-summed');
    expect(
      r.cells?.every((c) => c.verdict.kind === 'misconception' && c.verdict.mistake.id === 'bias-not-summed'),
    ).toBe(true);
  });

  it('softmax-diagonal-only, not missing-activation-derivative, when only it gives every cell', () => {
    expect(softmax({ d: '[[-0.4, 0, 0], [0, 0, -0.25]]' }).d.misconception).toBe('softmax-diagonal-only');
    expect(softmax({ d: '[[-2.5, 0, 0], [0, 0, -1]]' }).d.misconception).toBe('missing-activation-derivative');
  });
});

describe('the right way matches the exercise', () => {
  it('sign-flip quotes the loss of the exercise', () => {
    const ce = softmax({ d00: '0.4' }).d00;
    expect(ce.misconception).toBe('sign-flip');
    expect(ce.feedback.en).toMatch(/softmax and L = −Σ t·ln y the delta is δ = y − t/);
    expect(ce.feedback.en).not.toMatch(/½Σ/);
    // One identity unit, L = Σ(y − t)²: y = 0.45, t = 0.3, δ = 2·0.15 = 0.3; flipped −0.3.
    const sse = grader(
      exercise(
        {
          layout: 'x-w',
          layers: [{ weights: [['0.5']], bias: ['0.05'], activation: 'identity' }],
          loss: 'sse',
          input: [['0.8']],
          target: [['0.3']],
          learning_rate: '1',
        },
        [{ id: 'd', quantity: 'delta', layer: 0, index: [0, 0] }],
      ),
    )({ d: '-0.3' }).d;
    expect(sse.misconception).toBe('sign-flip');
    expect(sse.feedback.en).toMatch(/L = Σ\(y − t\)² gives ∂L\/∂y = 2\(y − t\)/);
    expect(sse.feedback.en).not.toMatch(/½Σ/);
  });

  it('a hidden δ passed back through W (not Wᵀ) points at the step that passes it back', () => {
    const r = grader(exercise(LEAKY, [{ id: 'd', quantity: 'delta', layer: 0 }]))({ d: '[[-0.432, 0.07608]]' }).d;
    expect(r.misconception).toBe('transposed-gradient');
    expect(r.step?.id).toBe('grad_output/0/0,0');
    expect(r.feedback.en).not.toMatch(/#step|\/0\//);
    expect(r.feedback.en).toMatch(/Δ\^l·W\^lᵀ/);
    expect(r.feedback.en).not.toMatch(/∂L\/∂W = Xᵀ·Δ/);
  });

  it('relu-grad-at-zero points at the unit where a = 0', () => {
    const r = grader(exercise(KINK, [{ id: 'g', quantity: 'grad_weights', layer: 0, index: [0, 1] }]))({
      g: '-0.42',
    }).g;
    expect(r.misconception).toBe('relu-grad-at-zero');
    expect(r.step?.id).toBe('activation_derivative/0/0,1');
    expect(r.feedback.en).not.toMatch(/#step|\/0\//);
    expect(r.feedback.en).toMatch(/ReLU′\(0\) = 0/);
  });

  it('a graph gradient with its sign flipped says so without t − y', () => {
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
    const r = grader(exercise(apple, [{ id: 'g', quantity: 'gradients', node: 'apple' }]))({ g: '-2.2' }).g; // ∂price/∂apple = 2·1.1
    expect(r.misconception).toBe('sign-flip');
    expect(r.feedback.en).toMatch(/sign of the gradient is flipped/);
    expect(r.feedback.en).not.toMatch(/t − y/);
  });
});

describe('hints', () => {
  // One identity unit: a = 0.4·0.5 + 0.6·(−0.25) + 0.1 = 0.15 = y, t = 0.3, δ = ∂L/∂b = −0.15.
  const LINEAR: NetworkFile = {
    layout: 'x-w',
    layers: [{ weights: [['0.5'], ['-0.25']], bias: ['0.1'], activation: 'identity' }],
    loss: 'half-sse',
    input: [['0.4', '0.6']],
    target: [['0.3']],
    learning_rate: '0.5',
  };

  it('a hint that ends in the bare result is recognised; a number that is not the result is not', () => {
    const v = (q: string) => ({ kind: 'rational', q: new Fraction(q) }) as const;
    expect(revealsResult('∂L/∂b²₁ = (-0.288)', v('-0.288'))).toBe(true);
    expect(revealsResult('y₁ = identity(1.42)', [[v('1.42'), v('0.426')]])).toBe(true);
    expect(revealsResult('∂L/∂b = 3/20', v('0.15'))).toBe(true);
    expect(revealsResult('δ = −0.15', v('-0.15'))).toBe(true);
    // Not the result: an operation left to do, a stated fact, a number that is another quantity.
    expect(revealsResult('δ¹₁ = (0.9 − 0) × 0.9 × (1 − 0.9)', v('0.081'))).toBe(false);
    expect(revealsResult('δ¹₁ = ((-0.892) × (-0.5)) × 1 [a = 1.48 > 0]', v('0.446'))).toBe(false);
    expect(revealsResult('With a_j > 0, ReLU′(a_j) = 1.', null)).toBe(false);
    expect(revealsResult('0 − 0.1 × (-0.7)  (∂L/∂b = (-0.7))', v('0.07'))).toBe(false);
    expect(revealsResult('L = (1/2)[−ln 0.6 + (−ln 0.2)]', v('1.06'))).toBe(false); // L = 1.0601…
  });

  it('hint 2 is the formula with numbers: for ∂L/∂b = δ and z = a, the step they come from', () => {
    const ctx = gradingContext(
      exercise(LINEAR, [
        { id: 'b', quantity: 'grad_bias', layer: 0, index: [0] },
        { id: 'y', quantity: 'output', layer: 0, index: [0, 0] },
      ]),
    );
    const [b, y] = ctx.exercise.asks.map((ask) => hintsFor(ctx, ask));
    expect(b[1].text.en).toMatch(/= δ\^\(1\)_1 = .*h′.* = -0\.15 · 1$/); // ∂L/∂b = δ = ∂L/∂z·h′(a) = (y − t)·1 with numbers
    expect(revealsResult(b[1].text.en, { kind: 'rational', q: new Fraction(-3, 20) })).toBe(false);
    expect(y[1].text.en).toMatch(/= 0\.4 · 0\.5 \+ 0\.6 · \(-0\.25\) \+ 0\.1$/);
  });

  it("an exercise's own hint 2 that gives the result away is replaced by the worked step", () => {
    const ctx = gradingContext(
      exercise(LINEAR, [{ id: 'b', quantity: 'grad_bias', layer: 0, index: [0] }], {
        hints: { b: ['∂L/∂b_j = δ_j', '∂L/∂b¹₁ = (-0.15)'] },
      }),
    );
    const hints = hintsFor(ctx, ctx.exercise.asks[0]);
    expect(hints[0].text.en).toBe('∂L/∂b_j = δ_j');
    expect(hints[1].text.en).not.toBe('∂L/∂b¹₁ = (-0.15)');
    expect(revealsResult(hints[1].text.en, { kind: 'rational', q: new Fraction(-3, 20) })).toBe(false);
    expect(hints[1].text.en).toMatch(/-0\.15 · 1$/);
  });

  it('more hints used than there are cost no more than all of them', () => {
    const g = grader(exercise(LINEAR, [{ id: 'b', quantity: 'grad_bias', layer: 0, index: [0] }]));
    const r = g({ b: '-0.15' }, { b: 5 }).b;
    expect(r.hintsUsed).toBe(2);
    expect(r.score).toBe(0.5);
  });
});

describe('formulas', () => {
  it('a formula through a_j where the model uses x_j = tanh(a_j) is right; other activations are not', () => {
    const ask: SymbolicAsk = {
      id: 'f',
      quantity: 'expression',
      of: '∂L/∂b_3',
      expression: '(d_1*w_31 + d_2*w_32)*(1 - x_3^2)',
      variables: ['a_3', 'x_3', 'd_1', 'd_2', 'w_31', 'w_32'],
      domains: {
        a_3: ['-3', '3'],
        x_3: ['-19/20', '19/20'],
        d_1: ['-3', '3'],
        d_2: ['-3', '3'],
        w_31: ['-3', '3'],
        w_32: ['-3', '3'],
      },
    };
    const g = grader(exercise(null, [ask]));
    const r = g({ f: '(d_1*w_31 + d_2*w_32)*(1 - tanh(a_3)^2)' }).f;
    expect(r.status).toBe('correct');
    expect(r.feedback.en).toMatch(/x_3 = tanh\(a_3\)/);
    for (const wrong of [
      '(d_1*w_31 + d_2*w_32)*(1 - a_3^2)',
      '(d_1*w_31 + d_2*w_32)*sigmoid(a_3)*(1 - sigmoid(a_3))',
    ]) {
      expect(g({ f: wrong }).f.status, wrong).toBe('incorrect');
    }
  });

  it("the deck's −t_j/x_j + Σ t_i/x_i without the softmax derivative is ce-extra-terms", () => {
    const ask: SymbolicAsk = {
      id: 'f',
      quantity: 'expression',
      of: '∂L/∂b_3',
      expression: 'x_3 - t_3',
      variables: ['x_1', 'x_2', 'x_3', 't_1', 't_2', 't_3'],
      domains: {
        x_1: ['1/20', '19/20'],
        x_2: ['1/20', '19/20'],
        x_3: ['1/20', '19/20'],
        t_1: ['0', '1'],
        t_2: ['0', '1'],
        t_3: ['0', '1'],
      },
      constraints: [
        { sum: ['x_1', 'x_2', 'x_3'], equals: '1' },
        { sum: ['t_1', 't_2', 't_3'], equals: '1' },
      ],
      misconceptions: [{ id: 'ce-extra-terms', expression: '(-t_3/x_3 + t_1/x_1 + t_2/x_2)*x_3*(1 - x_3)' }],
    };
    const g = grader(exercise(null, [ask]));
    expect(g({ f: '(-t_3/x_3 + t_1/x_1 + t_2/x_2)*x_3*(1 - x_3)' }).f.misconception).toBe('ce-extra-terms');
    const r = g({ f: '-t_3/x_3 + t_1/x_1 + t_2/x_2' }).f;
    expect(r.misconception).toBe('ce-extra-terms');
    expect(r.feedback.en).toMatch(/derivative of the activation .* was left out/);
    expect(g({ f: 'x_3 - t_3' }).f.status).toBe('correct');
  });
});

describe('notation', () => {
  const g = grader(
    exercise(LEAKY, [
      { id: 'd', quantity: 'delta', layer: 1 },
      { id: 'b', quantity: 'grad_bias', layer: 1 },
      { id: 'y', quantity: 'output', layer: 1, index: [0, 0] },
    ]),
  );

  it('a space-separated row is a row where a vector or matrix is asked', () => {
    expect(g({ d: '0.42 0.426' }).d.status).toBe('correct'); // δ² = (0.42, 0.426), a 1×2 matrix
    expect(g({ b: '0.42 0.426' }).b.status).toBe('correct'); // ∂L/∂b² = δ² for one sample
  });

  it('a full stop at the end is ignored; a decimal comma gets the fix', () => {
    expect(g({ y: '1.42。' }).y.status).toBe('correct');
    expect(g({ y: '1.42.' }).y.status).toBe('correct');
    const r = g({ y: '-1,42' }).y;
    expect(r.status).toBe('invalid');
    expect(r.feedback.en).toMatch(/-1\.42 instead of -1,42/);
  });
});
