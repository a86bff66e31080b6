// The misconceptions of binary cross-entropy, L2 and the optimizers: each named where a student could
// have made it, never where they could not. One sigmoid unit y = σ(0.5·1 + 0.2) = σ(0.7) =
// 0.668187772168…, η = 0.1; the values are derived by hand in the comments (σ(0.7) from its series).
import { describe, expect, it } from 'vitest';
import type { Exercise, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

function unit(extra: Record<string, unknown>, target = '0'): NetworkFile {
  return {
    layout: 'x-w',
    layers: [{ weights: [['0.5']], bias: ['0.2'], activation: 'sigmoid' }],
    loss: 'half-sse',
    input: [['1']],
    target: [[target]],
    learning_rate: '0.1',
    ...extra,
  } as unknown as NetworkFile;
}

const ASKS: NetworkAsk[] = [
  { id: 'd', quantity: 'delta', layer: 0, index: [0, 0] },
  { id: 'gb', quantity: 'grad_bias', layer: 0, index: [0] },
  { id: 'w', quantity: 'weights_after', layer: 0, index: [0, 0] },
  { id: 'b', quantity: 'bias_after', layer: 0, index: [0] },
  { id: 'L', quantity: 'loss' },
];

function grade(network: NetworkFile, ask: string, answer: string) {
  const ex: Exercise = {
    template: 'test',
    seed: 0,
    difficulty: 1,
    lang: 'en',
    network,
    given: {},
    asks: ASKS,
    prompt: '',
    expected: {},
    hints: {},
  };
  return gradeExercise(gradingContext(ex), new Map([[ask, answer]]))[0];
}

describe('binary cross-entropy without its (1 − t) term', () => {
  const bce = (t: string) => unit({ loss: 'binary-cross-entropy' }, t);
  it('t = 0.25: δ = −t(1 − y) = −0.25·0.331812… = −0.0829531 is named; y − t = 0.418188 is right', () => {
    expect(grade(bce('0.25'), 'd', '0.418188').status).toBe('correct');
    const r = grade(bce('0.25'), 'd', '-0.0829531');
    expect(r.status).toBe('incorrect');
    expect(r.misconception).toBe('bce-forgot-one-minus-t');
    expect(r.feedback.en).toContain('(1 − t)');
  });
  it('t = 0: the dropped term leaves δ = 0, named', () => {
    expect(grade(bce('0'), 'd', '0').misconception).toBe('bce-forgot-one-minus-t');
  });
  it('the loss: −t·ln y alone (0.100797 for t = 0.25, 0 for t = 0) is named; the whole loss is right', () => {
    // −0.25·ln 0.668188 = 0.25·0.403186 = 0.100797; right: −(0.25·ln y + 0.75·ln(1 − y)) = 0.928186.
    expect(grade(bce('0.25'), 'L', '0.928186').status).toBe('correct');
    expect(grade(bce('0.25'), 'L', '0.100797').misconception).toBe('bce-forgot-one-minus-t');
    // t = 0: right −ln(1 − y) = −ln 0.331812 = 1.103186; without the term nothing is left.
    expect(grade(bce('0'), 'L', '1.103186').status).toBe('correct');
    expect(grade(bce('0'), 'L', '0').misconception).toBe('bce-forgot-one-minus-t');
  });
  it('t = 1: the term is 0 anyway, so −t(1 − y) = y − 1 = −0.331812 is right, and the mistake is never named', () => {
    expect(grade(bce('1'), 'd', '-0.331812').status).toBe('correct');
    expect(grade(bce('1'), 'd', '0.331812').misconception).not.toBe('bce-forgot-one-minus-t');
  });
});

describe('σ′ applied twice at a sigmoid output under binary cross-entropy', () => {
  // y(1 − y) = 0.668187772168·0.331812227832 = 0.221712873…; t = 0.25: (y − t)·y(1 − y) =
  // 0.418187772168·0.221712873 = 0.0927176; t = 0: 0.668187772168·0.221712873 = 0.148146.
  const bce = (t: string) => unit({ loss: 'binary-cross-entropy' }, t);
  it('t = 0.25: δ = (y − t)·y(1 − y) = 0.0927176 is named; y − t = 0.418188 is right', () => {
    expect(grade(bce('0.25'), 'd', '0.418188').status).toBe('correct');
    const r = grade(bce('0.25'), 'd', '0.0927176');
    expect(r.status).toBe('incorrect');
    expect(r.misconception).toBe('bce-extra-sigmoid-derivative');
    expect(r.feedback.en).toContain('σ′ was applied twice');
  });
  it('t = 0: 0.148146 and the update b − 0.1·0.148146 = 0.185185 are named', () => {
    expect(grade(bce('0'), 'd', '0.148146').misconception).toBe('bce-extra-sigmoid-derivative');
    expect(grade(bce('0'), 'b', '0.185185').misconception).toBe('bce-extra-sigmoid-derivative');
  });
  it('under ½Σ(y − t)² the same 0.148146 is the right delta, and the mistake is never named', () => {
    const r = grade(unit({}), 'd', '0.148146');
    expect(r.status).toBe('correct');
    expect(grade(unit({}), 'd', '0.0927176').misconception).not.toBe('bce-extra-sigmoid-derivative');
  });
});

describe('L2 applied to the biases', () => {
  // ½SSE, t = 0: δ = y·y(1 − y) = 0.148145830866…; with λ·b = 0.1·0.2 = 0.02 on the bias: 0.168146.
  const l2 = unit({ regularization: { l2: '0.1', scale: '1/2' } });
  it('∂L/∂b + λb = 0.168146 is named; ∂L/∂b = δ = 0.148146 is right', () => {
    expect(grade(l2, 'gb', '0.148146').status).toBe('correct');
    const r = grade(l2, 'gb', '0.168146');
    expect(r.status).toBe('incorrect');
    expect(r.misconception).toBe('l2-on-biases');
  });
  it('b − η(δ + λb) = 0.2 − 0.0168146 = 0.183185 is named', () => {
    expect(grade(l2, 'b', '0.185185').status).toBe('correct');
    expect(grade(l2, 'b', '0.183185').misconception).toBe('l2-on-biases');
  });
  it('without a penalty, or with a bias of 0, the same number is not that mistake', () => {
    expect(grade(unit({}), 'gb', '0.168146').misconception).not.toBe('l2-on-biases');
    const zeroBias = {
      ...l2,
      layers: [{ weights: [['0.5']], bias: ['0'], activation: 'sigmoid' }],
    } as unknown as NetworkFile;
    // σ(0.5) = 0.622459…: δ = 0.622459²·0.377541 = 0.146280; nothing to add from b = 0.
    expect(grade(zeroBias, 'gb', '0.146280').status).toBe('correct');
    expect(grade(zeroBias, 'gb', '0.166280').misconception).not.toBe('l2-on-biases');
  });
});

describe('momentum with a sign mixed up', () => {
  // μ = 0.9, warm start v_w = 0.05, v_b = −0.02; g = δ = 0.148145830866…
  // v_w ← 0.045 − 0.0148146 = 0.0301854, w ← 0.5 + v = 0.530185 (right); 0.5 − v = 0.469815 (variant 0);
  // v ← 0.045 + 0.0148146, w ← 0.5 − v = 0.440185 (variant 1); 0.5 + 0.0598146 = 0.559815 (uphill).
  const warm = unit({
    optimizer: { name: 'momentum', momentum: '0.9', velocity: [{ weights: [['0.05']], bias: ['-0.02'] }] },
  });
  it('w − v and the other convention’s velocity are named; both signs flipped is the update going uphill', () => {
    expect(grade(warm, 'w', '0.530185').status).toBe('correct');
    expect(grade(warm, 'w', '0.469815').misconception).toBe('momentum-sign');
    expect(grade(warm, 'w', '0.440185').misconception).toBe('momentum-sign');
    expect(grade(warm, 'w', '0.559815').misconception).toBe('wrong-update-sign');
  });
  it('the bias: v_b ← −0.018 − 0.0148146 = −0.0328146; b + v = 0.167185 right, b − v = 0.232815 named', () => {
    expect(grade(warm, 'b', '0.167185').status).toBe('correct');
    expect(grade(warm, 'b', '0.232815').misconception).toBe('momentum-sign');
  });
  it('from rest, w − ηg = 0.485185 is right and w + ηg = 0.514815 is the update going uphill', () => {
    const rest = unit({ optimizer: { name: 'momentum', momentum: '0.9' } });
    expect(grade(rest, 'w', '0.485185').status).toBe('correct');
    expect(grade(rest, 'w', '0.514815').misconception).toBe('wrong-update-sign');
  });
  it('plain gradient descent never names it', () => {
    expect(grade(unit({}), 'w', '0.469815').misconception).not.toBe('momentum-sign');
  });
});

describe('Adam without its bias correction', () => {
  // t = 1 from m = v = 0, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸: m = 0.1g, v = 0.001g², m̂ = g, v̂ = g², so
  // w ← 0.5 − 0.1·g/(g + ε) = 0.400000 (right). m and v uncorrected: 0.5 − 0.1·0.1/√0.001 = 0.183773;
  // only m: 0.5 − 0.01 = 0.490000; only v: 0.5 − 0.1/√0.001 = −2.66227.
  const adam = unit({ optimizer: { name: 'adam' } });
  it('each forgotten correction is named', () => {
    expect(grade(adam, 'w', '0.400000').status).toBe('correct');
    for (const answer of ['0.183773', '0.490000', '-2.66227'])
      expect(grade(adam, 'w', answer).misconception, answer).toBe('adam-no-bias-correction');
  });
  it('the feedback says what m̂ and v̂ are', () => {
    expect(grade(adam, 'w', '0.183773').feedback.en).toContain('m̂ = m/(1 − β₁ᵗ)');
  });
  it('plain gradient descent (w − ηg = 0.485185) never names it', () => {
    expect(grade(unit({}), 'w', '0.183773').misconception).not.toBe('adam-no-bias-correction');
  });
});
