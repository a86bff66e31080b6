// The misconceptions at a kink other than ReLU's, of the softmax Jacobian's sign, of h′ fed the wrong
// value, and of a formula that stops at −t/x: each named where the student could have made it (values
// derived by hand in the comments), never where they could not, and never for the right answer.
import { describe, expect, it } from 'vitest';
import type { Exercise, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { generateExercise } from '../../src/exercises';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

function exercise(network: NetworkFile, asks: NetworkAsk[], given: Exercise['given'] = {}): Exercise {
  return {
    template: 'test',
    seed: 0,
    difficulty: 1,
    lang: 'en',
    network,
    given,
    asks,
    prompt: '',
    expected: {},
    hints: {},
  };
}

/** One unit with weight 1 and bias 0, one sample per point: h′(A) is h′ at each point. */
function unit(
  activation: string,
  points: readonly string[],
  options: { alpha?: string; reluGradAtZero?: '0' | '1' } = {},
): NetworkFile {
  return {
    layout: 'x-w',
    layers: [{ weights: [['1']], bias: ['0'], activation, ...(options.alpha ? { alpha: options.alpha } : {}) }],
    loss: 'half-sse',
    input: points.map((a) => [a]),
    target: points.map(() => ['0']),
    learning_rate: '0.1',
    conventions: { relu_grad_at_zero: options.reluGradAtZero ?? '0', batch: 'mean' },
  } as NetworkFile;
}

const derivativeAsks = (n: number): NetworkAsk[] =>
  Array.from({ length: n }, (_, s) => ({
    id: `a${s + 1}`,
    quantity: 'activation_derivative',
    layer: 0,
    index: [s, 0],
  }));

function grade(ex: Exercise, answers: Record<string, string>) {
  const ctx = gradingContext(ex);
  return Object.fromEntries(gradeExercise(ctx, new Map(Object.entries(answers))).map((r) => [r.ask, r]));
}

describe('PReLU′(0) and Leaky ReLU′(0) taken as 0', () => {
  // a = (0, −1, 2), α = 0.25. Left derivative at 0: h′ = (0.25, 0.25, 1); right derivative: (1, 0.25, 1).
  it.each([
    ['prelu', '0', '0.25', '0', 'prelu-grad-at-zero'],
    ['prelu', '1', '1', '0', 'prelu-grad-at-zero'],
    ['leaky-relu', '0', '0.25', '0', 'prelu-grad-at-zero'],
    // The other convention is the other mistake: α where this exercise takes the right derivative 1.
    ['prelu', '1', '1', '0.25', 'relu-grad-at-zero'],
    ['prelu', '0', '0.25', '1', 'relu-grad-at-zero'],
  ])('%s with relu_grad_at_zero %s (right %s): %s is %s', (activation, convention, right, answer, id) => {
    const ex = exercise(
      unit(activation, ['0', '-1', '2'], { alpha: '0.25', reluGradAtZero: convention as '0' | '1' }),
      derivativeAsks(3),
    );
    const r = grade(ex, { a1: right, a2: '0.25', a3: '1' });
    expect([r.a1.status, r.a2.status, r.a3.status]).toEqual(['correct', 'correct', 'correct']);
    const wrong = grade(ex, { a1: answer }).a1;
    expect(wrong.status).toBe('incorrect');
    expect(wrong.misconception).toBe(id);
    if (id === 'prelu-grad-at-zero') {
      expect(wrong.feedback.en).toMatch(/taken as 0, as for ReLU/);
      // The right way in the exercise's own terms: its activation, its α, its value at 0.
      const h = activation === 'prelu' ? 'PReLU' : 'LeakyReLU';
      expect(wrong.feedback.en).toContain(`${h}′(a) = 1 for a > 0, α for a < 0 (α = 0.25)`);
      expect(wrong.feedback.en).toContain(
        `at a = 0 this exercise takes ${h}′(0) = ${convention === '0' ? 'α = 0.25' : '1'}`,
      );
      expect(wrong.feedback.en).not.toMatch(/relu_grad_at_zero|ReLU′\(a\) = 1 for a > 0, 0 for a < 0/);
      expect(wrong.feedback.ja).toMatch(/ReLU と同じく 0/);
    }
  });

  it('is not named for a ReLU unit, nor away from the kink', () => {
    const relu = exercise(unit('relu', ['0', '2'], { reluGradAtZero: '1' }), derivativeAsks(2));
    expect(grade(relu, { a1: '0' }).a1.misconceptions).not.toContain('prelu-grad-at-zero');
    // a = −1: the slope α = 0.25; 0 there is a wrong answer, but not the mistake at the kink.
    const away = exercise(unit('prelu', ['-1', '2'], { alpha: '0.25' }), derivativeAsks(2));
    expect(grade(away, { a1: '0' }).a1.misconceptions).not.toContain('prelu-grad-at-zero');
  });
});

describe('ReLU6′(6) taken as 1', () => {
  // a = (6, 3, 7): ReLU6′ = (0, 1, 0).
  const ex = exercise(unit('relu6', ['6', '3', '7']), derivativeAsks(3));

  it('1 at a = 6 is the mistake; 0 is right', () => {
    expect(grade(ex, { a1: '0', a2: '1', a3: '0' }).a1.status).toBe('correct');
    const r = grade(ex, { a1: '1' }).a1;
    expect(r.misconception).toBe('relu6-grad-at-six');
    expect(r.feedback.en).toMatch(/ReLU6′\(6\) was taken as 1/);
    expect(r.feedback.ja).toMatch(/ReLU6′\(6\) を 1 としています/);
  });

  it('1 at a = 7 is not that mistake', () => {
    expect(grade(ex, { a3: '1' }).a3.misconceptions).not.toContain('relu6-grad-at-six');
  });
});

describe('h′ fed the pre-activation, or computed from it instead of from the stated output', () => {
  // σ at a = 0.8: σ(0.8) = 0.689974…, stated y = 0.7. Right: y(1 − y) = 0.21. Fed a: a(1 − a) = 0.16.
  // True σ′(0.8) = 0.689974·0.310026 = 0.213910. σ applied to the output: σ(0.7)(1 − σ(0.7)) = 0.668188·0.331812 = 0.221713.
  const sigmoidEx = exercise(unit('sigmoid', ['0.8']), derivativeAsks(1), { outputs: { '0': [['0.7']] } });
  // tanh at a = 1: tanh(1) = 0.761594…, stated y = 0.8. Right: 1 − 0.64 = 0.36. Fed a: 1 − 1 = 0.
  // True tanh′(1) = 1 − 0.761594² = 0.419974.
  const tanhEx = exercise(unit('tanh', ['1']), derivativeAsks(1), { outputs: { '0': [['0.8']] } });

  const exercises = { sigmoid: sigmoidEx, tanh: tanhEx };
  it.each([
    ['sigmoid', '0.21', 'correct', null],
    ['sigmoid', '0.16', 'incorrect', 'derivative-at-preactivation'],
    ['sigmoid', '0.2139', 'incorrect', 'derivative-from-exact-output'],
    ['sigmoid', '0.213910', 'incorrect', 'derivative-from-exact-output'],
    ['sigmoid', '0.2217', 'incorrect', 'sigmoid-derivative-of-output'],
    ['tanh', '0.36', 'correct', null],
    ['tanh', '0.41997', 'incorrect', 'derivative-from-exact-output'],
  ] as const)('%s: %s is %s (%s)', (name, answer, status, id) => {
    const r = grade(exercises[name], { a1: answer }).a1;
    expect(r.status).toBe(status);
    expect(r.misconception).toBe(id);
  });

  it('says what to use instead, in both languages', () => {
    const fed = grade(sigmoidEx, { a1: '0.16' }).a1;
    expect(fed.feedback.en).toMatch(/evaluated at the pre-activation a: a\(1 − a\) instead of y\(1 − y\)/);
    expect(fed.feedback.ja).toMatch(/活性化前の値 a で計算しています/);
    const exact = grade(sigmoidEx, { a1: '0.2139' }).a1;
    expect(exact.feedback.en).toMatch(/instead of from the stated output y/);
    expect(exact.feedback.ja).toMatch(/問題で与えられた丸めた出力 y/);
  });

  it('h′ from the exact output is never named where the exercise states no output', () => {
    // Mazur's hidden unit: a = 0.3775, y = σ(0.3775) computed, not stated.
    const mazur: NetworkFile = {
      layout: 'x-w',
      layers: [{ weights: [['0.15'], ['0.2']], bias: ['0.35'], activation: 'sigmoid' }],
      loss: 'half-sse',
      input: [['0.05', '0.1']],
      target: [['0.01']],
      learning_rate: '0.5',
    } as NetworkFile;
    const ctx = gradingContext(exercise(mazur, derivativeAsks(1)));
    const ids = ctx.mistaken(derivativeAsks(1)[0]).map((m) => m.mistake.id);
    expect(ids).toContain('derivative-at-preactivation');
    expect(ids).not.toContain('derivative-from-exact-output');
  });
});

describe('the softmax Jacobian with a wrong sign', () => {
  // Stated y = (0.2, 0.3, 0.5). ∂y_1/∂a_2 = −y_1·y_2 = −0.06 (1-based); ∂y_2/∂a_2 = 0.3·0.7 = 0.21.
  const softmaxNet: NetworkFile = {
    layout: 'x-w',
    layers: [{ weights: [['-1.6', '-1.2', '-0.7']], bias: ['0', '0', '0'], activation: 'softmax' }],
    loss: 'cross-entropy',
    input: [['1']],
    target: [['0', '1', '0']],
    learning_rate: '0.1',
  } as NetworkFile;
  const asks: NetworkAsk[] = [
    { id: 'off', quantity: 'softmax_jacobian', layer: 0, index: [0, 0, 1] },
    { id: 'diag', quantity: 'softmax_jacobian', layer: 0, index: [0, 1, 1] },
  ];
  const ex = exercise(softmaxNet, asks, { outputs: { '0': [['0.2', '0.3', '0.5']] } });

  it.each([
    ['off', '-0.06', 'correct', null],
    ['off', '0.06', 'incorrect', 'softmax-jacobian-sign'],
    ['off', '0', 'incorrect', 'softmax-diagonal-only'],
    ['diag', '0.21', 'correct', null],
    ['diag', '-0.21', 'incorrect', 'softmax-jacobian-sign'],
  ])('%s = %s is %s (%s)', (ask, answer, status, id) => {
    const r = grade(ex, { [ask]: answer })[ask];
    expect(r.status).toBe(status);
    expect(r.misconception).toBe(id);
    if (id === 'softmax-jacobian-sign') expect(r.feedback.en).toMatch(/off-diagonal entries are −y_i·y_k/);
  });

  it('is not named without a softmax layer', () => {
    const ctx = gradingContext(exercise(unit('sigmoid', ['0.8']), derivativeAsks(1)));
    expect(ctx.mistaken(derivativeAsks(1)[0]).map((m) => m.mistake.id)).not.toContain('softmax-jacobian-sign');
  });

  it('in a delta it goes the long way: with soft targets it is a number of its own', () => {
    // t = (0.5, 0.5, 0): g = −t/y = (−2.5, −5/3, 0). With +y_i·y_k off the diagonal:
    // δ_1 = g_1·y_1(1 − y_1) + g_2·y_2·y_1 = −2.5·0.16 − (5/3)·0.06 = −0.5; the right δ = y − t = (−0.3, −0.2, 0.5).
    const soft = exercise(
      { ...softmaxNet, target: [['0.5', '0.5', '0']] },
      [{ id: 'd', quantity: 'delta', layer: 0, index: [0, 0] }],
      { outputs: { '0': [['0.2', '0.3', '0.5']] } },
    );
    expect(grade(soft, { d: '-0.3' }).d.status).toBe('correct');
    const r = grade(soft, { d: '-0.5' }).d;
    expect(r.misconceptions).toContain('softmax-jacobian-sign');
  });
});

describe('−t/x alone in a formula ask: the softmax left out', () => {
  it.each([1, 2])('output-bias-formula, difficulty %i', (difficulty) => {
    const ex = generateExercise({ template: 'output-bias-formula', difficulty: difficulty as 1 | 2, seed: 4 });
    const j = /\(j = (\d)\)/.exec(ex.prompt)![1];
    const ctx = gradingContext(ex);
    const [right] = gradeExercise(ctx, new Map([['a1', `x_${j} - t_${j}`]]));
    expect(right.status).toBe('correct');
    const [r] = gradeExercise(ctx, new Map([['a1', `-t_${j}/x_${j}`]]));
    expect(r.status).toBe('incorrect');
    expect(r.misconception).toBe('missing-activation-derivative');
    expect(r.feedback.en).toMatch(/the softmax was left out: ∂L\/∂y \(for cross-entropy −t\/y\)/);
    expect(r.feedback.en).toMatch(/δ = y − t/);
    expect(r.feedback.ja).toMatch(/ソフトマックス関数が抜けています/);
  });
});

describe('the right way fits the exercise', () => {
  it('ReLU′(0) with the other convention: the exercise’s own activation and value at 0, no option name', () => {
    // ReLU at a = 0 with the right derivative: ReLU′(0) = 1; the other side gives 0.
    const relu = grade(exercise(unit('relu', ['0', '2'], { reluGradAtZero: '1' }), derivativeAsks(2)), { a1: '0' }).a1;
    expect(relu.misconception).toBe('relu-grad-at-zero');
    expect(relu.feedback.en).toContain(
      'ReLU′(a) = 1 for a > 0, 0 for a < 0; at a = 0 this exercise takes ReLU′(0) = 1',
    );
    expect(relu.feedback.ja).toContain('この問題では a = 0 で ReLU′(0) = 1');
    expect(relu.feedback.en).not.toMatch(/relu_grad_at_zero|convention/);
    // ReLU6 at a = 0 with the left derivative: 0; the other side gives 1.
    const six = grade(exercise(unit('relu6', ['0', '3']), derivativeAsks(2)), { a1: '1' }).a1;
    expect(six.misconception).toBe('relu-grad-at-zero');
    expect(six.feedback.en).toContain('ReLU6′(a) = 1 for 0 < a < 6, 0 for a < 0 and for a ≥ 6');
    expect(six.feedback.en).toContain('this exercise takes ReLU6′(0) = 0');
  });

  it('tanh: tanh′ = 1 − y², not σ′', () => {
    // tanh at a = 1, stated y = 0.8: σ-style slip on the output, 1 − tanh²(0.8) = 1 − 0.664037² = 0.559055.
    const tanhEx = exercise(unit('tanh', ['1']), derivativeAsks(1), { outputs: { '0': [['0.8']] } });
    const r = grade(tanhEx, { a1: '0.559055' }).a1;
    expect(r.misconception).toBe('sigmoid-derivative-of-output');
    expect(r.feedback.en).toContain('the tanh derivative was applied to the output: 1 − tanh²(y) instead of 1 − y²');
    expect(r.feedback.en).toContain('tanh′(a) = 1 − tanh²(a) = 1 − y²');
    expect(r.feedback.en).not.toMatch(/σ/);
    expect(r.feedback.ja).not.toMatch(/σ/);
  });

  it('softmax with cross-entropy: δ = y − t, never ½Σ(y − t)²', () => {
    // The softmax-ce-gradient exercise: every misconception's feedback on δ names no squared error.
    for (const seed of [1, 2, 3]) {
      const ex = generateExercise({ template: 'softmax-ce-gradient', difficulty: 1, seed });
      const ctx = gradingContext(ex);
      for (const m of ctx.mistaken(ex.asks[0])) {
        const value = m.value as { kind: string };
        if (value.kind !== 'rational') continue;
        const [r] = gradeExercise(ctx, new Map([['a1', (m.value as { q: { toFraction(): string } }).q.toFraction()]]));
        expect(r.feedback.en, m.mistake.id).not.toMatch(/½Σ|\(y − t\)²/);
        expect(r.feedback.ja, m.mistake.id).not.toMatch(/½Σ|\(y − t\)²/);
      }
    }
  });
});

describe('h′ fed a_j in 演習②', () => {
  it.each([2, 3])(
    'hidden-bias-formula, difficulty %i: a_j(1 − a_j) or 1 − a_j² is derivative-at-preactivation',
    (difficulty) => {
      const ex = generateExercise({ template: 'hidden-bias-formula', difficulty: difficulty as 2 | 3, seed: 2 });
      const model = (ex.asks[0] as { expression: string }).expression;
      const j = /\(j = (\d)\)/.exec(ex.prompt)![1];
      // The model answer is (Σ_k d_k·w_jk)·x_j·(1 − x_j) (sigmoid) or (Σ_k d_k·w_jk)·(1 − x_j^2) (tanh).
      const wrong = model.replace(new RegExp(`x_${j}`, 'g'), `a_${j}`);
      expect(wrong).not.toBe(model);
      const ctx = gradingContext(ex);
      expect(gradeExercise(ctx, new Map([['a1', model]]))[0].status).toBe('correct');
      const [r] = gradeExercise(ctx, new Map([['a1', wrong]]));
      expect(r.status).toBe('incorrect');
      expect(r.misconception).toBe('derivative-at-preactivation');
    },
  );
});
