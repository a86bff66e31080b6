// The momentum-update template on one seed, worked by hand: the network carries its velocity, the key
// is w + (μv − η·g) and not w − η·g, and the grader names a momentum step with a sign mixed up.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import type { NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

describe('momentum-update', () => {
  // Seed 3, difficulty 1: x = (3, 0.6), W = (−0.5, 2)ᵀ, b = 0.5, identity output, ½SSE, t = 1, η = 0.1,
  // μ = 0.9, velocity v_W = (−0.1, −0.2)ᵀ, v_b = 0.1. a = −1.5 + 1.2 + 0.5 = 0.2, δ = 0.2 − 1 = −0.8,
  // ∂L/∂w₁ = 3·(−0.8) = −2.4; v ← 0.9·(−0.1) + 0.24 = 0.15, w₁′ = −0.35; v_b ← 0.09 + 0.08, b′ = 0.67.
  const ex = generateExercise({ template: 'momentum-update', seed: 3, difficulty: 1, lang: 'en' });
  const network = ex.network as NetworkFile;

  it('states the warm start and keys the momentum step', () => {
    expect(network.input).toEqual([['3', '0.6']]);
    expect(network.optimizer).toEqual({
      name: 'momentum',
      momentum: '0.9',
      velocity: [{ weights: [['-0.1'], ['-0.2']], bias: ['0.1'] }],
    });
    const exact = Object.fromEntries(Object.entries(ex.expected).map(([k, v]) => [k, (v as { exact: string }).exact]));
    expect(exact).toEqual({ a1: '-12/5', a2: '-7/20', a3: '67/100' });
    expect(ex.prompt).toContain('μ = 0.9');
    expect(ex.prompt).toContain('w + v, v ← μv − η·∂L/∂w');
  });

  it('w − v = −0.65 is momentum-sign; the plain step w − η·g = −0.26 is not right', () => {
    const grade = (answer: string) => gradeExercise(gradingContext(ex), new Map([['a2', answer]]))[0];
    expect(grade('-0.35').status).toBe('correct');
    expect(grade('-0.65').misconception).toBe('momentum-sign');
    expect(grade('-0.26').status).toBe('incorrect');
  });
});
