// Rounding the student did is never punished, on hand-derived values: expressions built from
// rounded decimals, intermediates rounded to different precisions (δ to 3 figures, z to 4), the
// student's own rounded earlier answers, error carried forward into expressions and matrix cells, and
// the rule for too few figures.
import { describe, expect, it } from 'vitest';
import type { Exercise, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { CARRIED_FORWARD_SCORE, gradeExercise, type AskResult } from '../../src/grader/grade';

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

function grader(ex: Exercise) {
  const ctx = gradingContext(ex);
  return (answers: Record<string, string>): Record<string, AskResult> =>
    Object.fromEntries(gradeExercise(ctx, new Map(Object.entries(answers))).map((r) => [r.ask, r]));
}

// Mazur's example: δ_o1 = (out_o1 − t_1)·out_o1(1 − out_o1) = 0.74136507 × 0.186815602 = 0.1384985616…,
// ∂E/∂w5 = δ_o1 · out_h1 = 0.1384985616 × 0.5932699921 = 0.0821670406….
const mazurAsks: NetworkAsk[] = [
  { id: 'a1', quantity: 'delta', layer: 1, index: [0, 0] },
  { id: 'a2', quantity: 'grad_weights', layer: 1, index: [0, 0] },
];
const mazur = grader(exercise(MAZUR, mazurAsks));

describe('expressions built from rounded decimals', () => {
  it("Mazur's own 9-digit figures multiplied out are right, at the precision of the least precise one", () => {
    const r = mazur({ a1: '0.74136507*0.186815602' }).a1;
    expect(r.status).toBe('correct');
    expect(r.score).toBe(1);
    expect(r.feedback.en).toMatch(/8 significant figures/); // 0.74136507 has 8
    // (out_o1 − t_1) written out, with the exact target 0.01 (short literals are exact values): still 8 figures.
    expect(mazur({ a1: '(0.75136507-0.01)*0.186815602' }).a1.status).toBe('correct');
  });

  it('rounded inputs of the last step, each to its own precision: 0.138 × 0.5933 is right for ∂E/∂w5', () => {
    // δ to 3 figures (0.138) and out_h1 to 4 (0.5933): 0.138 × 0.5933 = 0.0818754, against the exact 0.0821670.
    expect(mazur({ a2: '0.138*0.5933' }).a2.status).toBe('correct');
    const r = mazur({ a2: '0.08188' }).a2; // the same, written as its decimal to 4 figures
    expect(r.status).toBe('correct');
    expect(r.feedback.en).toMatch(/δ of layer 2 to 3 significant figures/);
    expect(r.feedback.en).toMatch(/z of layer 1 to 4 significant figures/);
    // Wrong expressions with long decimals stay wrong.
    for (const answer of ['0.7413*0.1968', '0.138*0.6933', '0.0918'])
      expect(mazur({ a2: answer }).a2.status, answer).toBe('incorrect');
  });

  it('an expression of rounded decimals is wrong when it is not the value at its precision', () => {
    // 0.186815 (6 figures) makes the expression claim 6: 0.74136507 × 0.186815 = 0.13849812 is within half a
    // unit of the 6th figure (5·10⁻⁷) of 0.13849856, so right; 0.74136507 × 0.18690 = 0.13856113 claims 5
    // figures and is 6.3·10⁻⁵ off, so wrong.
    expect(mazur({ a1: '0.74136507*0.186815' }).a1.status).toBe('correct');
    expect(mazur({ a1: '0.74136507*0.18690' }).a1.status).toBe('incorrect');
  });
});

describe("the student's own answers to other parts", () => {
  it('a right but rounded earlier answer carries into the later part with the rest exact or rounded (docs example)', () => {
    // a1 = 0.138 (δ to 3 figures, right); a2 = 0.138 × 0.5933 (out_h1 to 4 figures) = 0.0818754 → 0.08188.
    const r = mazur({ a1: '0.138', a2: '0.08188' });
    expect(r.a1.status).toBe('correct');
    expect(r.a2.status).toBe('correct');
    expect(r.a2.score).toBe(1);
    expect(r.a2.feedback.en).toMatch(/follows from your rounded answer to a1/);
    // 0.138 × 0.5932699921 = 0.0818713 → 0.08187 (out_h1 exact) is right too.
    expect(mazur({ a1: '0.138', a2: '0.08187' }).a2.status).toBe('correct');
  });

  it('error carried forward applies to expressions: 0.150 × out_h1 from a wrong δ = 0.15', () => {
    // a1 = 0.15 is wrong; a2 = 0.150 × 0.593269992 follows from it, as does the decimal 0.0890 (= 0.0889905).
    for (const a2 of ['0.150*0.593269992', '0.0890', '0.15*0.5933']) {
      const r = mazur({ a1: '0.15', a2 });
      expect(r.a1.status, a2).toBe('incorrect');
      expect(r.a2.carriedForward, a2).toBe(true);
      expect(r.a2.score, a2).toBe(CARRIED_FORWARD_SCORE);
    }
  });

  it('a matrix part keeps the credit of its right cells; the cells that follow from a wrong part earn half', () => {
    // a1: δ_o1 = 0.2 (wrong). ∂E/∂W² column 0 from it: 0.2·out_h1 = 0.118654, 0.2·out_h2 = 0.2·0.596884378 = 0.119377;
    // column 1 (δ_o2 = −0.0380982365) is right: −0.0226025 (·out_h1), −0.0227402 (·out_h2).
    const g = grader(exercise(MAZUR, [mazurAsks[0], { id: 'gw', quantity: 'grad_weights', layer: 1 }]));
    const r = g({ a1: '0.2', gw: '[[0.118654, -0.0226025], [0.119377, -0.0227402]]' }).gw;
    expect(r.carriedForward).toBe(true);
    expect(r.status).toBe('incorrect');
    expect(r.score).toBe((CARRIED_FORWARD_SCORE * 2 + 2) / 4);
    expect(r.cells?.map((c) => c.verdict.kind)).toEqual(['carried-forward', 'rounded', 'carried-forward', 'rounded']);
  });
});

describe('too few significant figures', () => {
  // A softmax output stated as (0.1, 0.9) with the one-hot target (1, 0): L = −ln 0.1 = ln 10 = 2.302585093….
  const ln10 = grader(
    exercise(
      {
        layout: 'x-w',
        layers: [{ weights: [['0', '0']], bias: ['0', '0'], activation: 'softmax' }],
        loss: 'cross-entropy',
        input: [['1']],
        target: [['1', '0']],
        learning_rate: '1',
      },
      [{ id: 'l', quantity: 'loss' }],
      { given: { outputs: { '0': [['0.1', '0.9']] } } },
    ),
  );

  it('the example keeps its trailing zero (2.30, not 2.3); an expression of rounded decimals counts', () => {
    const r = ln10({ l: '2.3' }).l;
    expect(r.score).toBe(0.5);
    expect(r.feedback.en).toMatch(/\(e\.g\. 2\.30\)/);
    expect(ln10({ l: '2.3026*1' }).l.status).toBe('correct'); // 5 figures: ln 10 = 2.30259 → 2.3026
    expect(ln10({ l: '2.303' }).l.status).toBe('correct');
    expect(ln10({ l: '2.3027*1' }).l.status).toBe('incorrect');
  });

  it('a value that is itself a short decimal is not rounded further: 0.1 for 0.15 is wrong', () => {
    // δ = (y − t)·1 for an identity unit with y = 0.45, t = 0.3: δ = 0.15 exactly.
    const g = grader(
      exercise(
        {
          layout: 'x-w',
          layers: [{ weights: [['0.5']], bias: ['0.05'], activation: 'identity' }],
          loss: 'half-sse',
          input: [['0.8']],
          target: [['0.3']],
          learning_rate: '1',
        },
        [{ id: 'd', quantity: 'delta', layer: 0, index: [0, 0] }],
      ),
    );
    expect(g({ d: '0.15' }).d.status).toBe('correct');
    for (const answer of ['0.1', '0.2']) {
      const r = g({ d: answer }).d;
      expect(r.status, answer).toBe('incorrect');
      expect(r.score, answer).toBe(0);
    }
  });
});
