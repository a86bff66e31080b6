// The adam-step template on one seed, worked by hand: the network carries Adam's β₁, β₂ and ε, the key
// holds m = (1 − β₁)g, v = (1 − β₂)g², m̂ = g, v̂ = g² and w − η·m̂/(√v̂ + ε), and the grader names the bias
// correction left out (m for m̂, v for v̂, or the step taken with m and v).
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import type { NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

describe('adam-step', () => {
  // Seed 1, difficulty 1: x = (−0.5, 2), W = (−2, 1)ᵀ, b = −0.2, identity output, ½SSE, t = 2, η = 0.1.
  // a = 1 + 2 − 0.2 = 2.8, δ = 0.8, g = ∂L/∂w₂₁ = 2 · 0.8 = 1.6; m = 0.1 · 1.6 = 0.16,
  // v = 0.001 · 2.56 = 0.00256; m̂ = 0.16/0.1 = 1.6, v̂ = 0.00256/0.001 = 2.56;
  // w′ = 1 − 0.1 · 1.6/(1.6 + 10⁻⁸) = 1 − 0.16/1.60000001 = 144000001/160000001 ≈ 0.9000000006.
  const ex = generateExercise({ template: 'adam-step', seed: 1, difficulty: 1, lang: 'en' });
  const network = ex.network as NetworkFile;
  const grade = (id: string, answer: string) => gradeExercise(gradingContext(ex), new Map([[id, answer]]))[0];

  it('states Adam and keys the moments, their corrections and the step', () => {
    expect(network.optimizer).toEqual({ name: 'adam', beta1: '0.9', beta2: '0.999', epsilon: '0.00000001' });
    const exact = Object.fromEntries(Object.entries(ex.expected).map(([k, v]) => [k, (v as { exact: string }).exact]));
    expect(exact).toEqual({
      a1: '8/5',
      a2: '4/25',
      a3: '8/3125',
      a4: '8/5',
      a5: '64/25',
      a6: '144000001/160000001',
    });
    expect(ex.prompt).toContain('β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸');
    expect(ex.prompt).toContain('step t = 1, from m = v = 0');
    expect(ex.hints.a6[1]).toBe('w′ = 1 − 0.1 × 1.6 / (√2.56 + 10⁻⁸)  (∂L/∂w = 1.6)');
  });

  it('m for m̂ and v for v̂ are adam-no-bias-correction, pointed at their own steps', () => {
    expect(grade('a4', '1.6').status).toBe('correct');
    const m = grade('a4', '0.16');
    expect(m.misconception).toBe('adam-no-bias-correction');
    expect(m.step?.label_en).toContain('bias-corrected first moment m̂');
    const v = grade('a5', '0.00256');
    expect(v.misconception).toBe('adam-no-bias-correction');
    expect(v.step?.label_en).toContain('bias-corrected second moment v̂');
  });

  it('the step rounded honestly is right; the step taken with m and v is adam-no-bias-correction', () => {
    expect(grade('a6', '0.900').status).toBe('correct');
    expect(grade('a6', '0.9000000006').status).toBe('correct');
    // Without the correction: w − η·m/(√v + ε) = 1 − 0.1 · 0.16/√0.00256 = 1 − 0.1 · 0.16/0.0505964… ≈ 0.68377.
    expect(grade('a6', '0.684').misconception).toBe('adam-no-bias-correction');
    // Plain gradient descent, w − η·g = 0.84, is not right.
    expect(grade('a6', '0.84').status).toBe('incorrect');
  });

  it('is written in Japanese', () => {
    const ja = generateExercise({ template: 'adam-step', seed: 1, difficulty: 1, lang: 'ja' });
    expect(ja.prompt).toContain('バイアス補正した1次モーメント');
    expect(ja.prompt).toContain('モーメント 0 から始める Adam');
  });
});
