// The two-steps template and asks of a later step (`step: 2`), worked by hand: the second step starts
// from the weights (and the momentum velocity) the first left; the key agrees with the solve JSON's
// history; a wrong step-1 weight carried into step 2 is graded as carried forward; the worked step of
// a step-2 ask is step 2's. (Every seed and difficulty is checked against a float64 reference of two
// steps in templates.test.ts.)
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { exerciseValues } from '../../src/exercises/solve-exercise';
import type { NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';
import { parseExercise } from '../../src/grader/exercise-file';
import { workedStepText } from '../../src/quiz/step';
import { train } from '../../src/engine/train';
import { trainingToJson } from '../../src/render/json';
import { networkSpecOf } from '../../src/exercises/network-file';

const exactOf = (ex: ReturnType<typeof generateExercise>) =>
  Object.fromEntries(Object.entries(ex.expected).map(([k, v]) => [k, (v as { exact: string }).exact]));

describe('two-steps', () => {
  // Seed 2, difficulty 1: x = (−2, 1), W = (1, 0.5)ᵀ, b = −1, t = 0.5, η = 0.1, identity, ½SSE.
  // Step 1: a = −2 + 0.5 − 1 = −2.5, δ = −3, ∂L/∂W = (6, −3): W′ = (0.4, 0.8), b′ = −0.7.
  // Step 2: a = −0.8 + 0.8 − 0.7 = −0.7, δ = −1.2, ∂L/∂W = (2.4, −1.2): W″ = (0.16, 0.92), b″ = −0.58.
  // After step 2: a = −0.32 + 0.92 − 0.58 = 0.02, L = ½(0.02 − 0.5)² = 0.1152.
  const ex = generateExercise({ template: 'two-steps', seed: 2, difficulty: 1, lang: 'en' });
  const grade = (answers: [string, string][]) => gradeExercise(gradingContext(ex), new Map(answers));

  it('keys a weight after each step and the loss after step 2', () => {
    expect((ex.network as NetworkFile).steps).toBe('2');
    expect(ex.asks).toEqual([
      { id: 'a1', quantity: 'weights_after', layer: 0, index: [1, 0] },
      { id: 'a2', quantity: 'weights_after', layer: 0, index: [1, 0], step: 2 },
      { id: 'a3', quantity: 'loss_after', step: 2 },
    ]);
    expect(exactOf(ex)).toEqual({ a1: '4/5', a2: '23/25', a3: '72/625' });
    expect(ex.prompt).toContain('2 steps of gradient descent on the whole batch');
    expect(ex.prompt).toContain('in step 2');
    // The step-2 hint substitutes step 2's own numbers: w′ = 0.8 − 0.1 × (−1.2).
    expect(ex.hints.a2[1]).toContain('0.8 − 0.1 × (-1.2)');
  });

  it('reads history[k − 1] of solve --format json', () => {
    const json = trainingToJson(train(networkSpecOf(ex.network as NetworkFile)));
    expect(json.history[0].layers[0].weights_after[1][0].exact).toBe('4/5');
    expect(json.history[1].layers[0].weights_after[1][0].exact).toBe('23/25');
    expect(json.history[1].loss_after.exact).toBe('72/625');
  });

  it('a wrong step-1 weight carried into step 2 is carried forward, not wrong twice', () => {
    // From W′ = (0.4, 0.7): a = −0.8 + 0.7 − 0.7 = −0.8, δ = −1.3, w″ = 0.7 + 0.13 = 0.83.
    const [a1, a2] = grade([
      ['a1', '0.7'],
      ['a2', '0.83'],
    ]);
    expect(a1.status).toBe('incorrect');
    expect(a2.feedback.en).toContain('it follows correctly from your answer a1 = 0.7');
    expect(grade([['a2', '0.92']])[0].status).toBe('correct');
    // Step 1's value given for step 2 is not right.
    expect(grade([['a2', '0.8']])[0].status).toBe('incorrect');
  });

  it("shows step 2's worked step for an ask of step 2", () => {
    const ctx = gradingContext(ex);
    const text = workedStepText(ex, ctx, ex.asks[1], 100);
    expect(text).toContain('0.8 − 0.1 · (−1.2)');
    expect(text).not.toContain('0.5 − 0.1 · (−3)');
  });

  it('momentum over two steps (difficulty 3): the velocity of step 1 carries into step 2', () => {
    // Seed 2: x = (3, −2), W = (−0.4, −0.5)ᵀ, b = 0, t = 0, η = 0.2, μ = 0.9, v = 0.
    // Step 1: a = −0.2, δ = −0.2, g = (−0.6, 0.4): v = (0.12, −0.08), W′ = (−0.28, −0.58), b′ = 0.04.
    // Step 2: a = 0.84 + 1.16 + 0.04 − 1.68 = 0.36, g = (1.08, −0.72): v = 0.9·(−0.08) + 0.144 = 0.072,
    // w″ = −0.58 + 0.072 = −0.508; b″ = 0.004; after: a = −1.164 + 1.016 + 0.004 = −0.144, L = 0.010368.
    const m = generateExercise({ template: 'two-steps', seed: 2, difficulty: 3, lang: 'en' });
    expect(exactOf(m)).toEqual({ a1: '-29/50', a2: '9/125', a3: '-127/250', a4: '162/15625' });
  });

  it('an exercise file may ask a later step; a step past the network’s steps is refused', () => {
    const file = { ...ex, asks: [{ id: 'b1', quantity: 'weights_after', layer: 0, index: [0, 0], step: '2' }] };
    const loaded = parseExercise(JSON.stringify(file), 'ex.json').exercise;
    expect(exerciseValues(loaded).get('b1')).toMatchObject({ kind: 'rational' });
    const past = { ...ex, asks: [{ id: 'b1', quantity: 'loss', step: 3 }] };
    expect(() => exerciseValues(past as never, 'ex.json')).toThrow(/step 3 is not one of the network's steps 1\.\.2/);
    const zero = { ...ex, asks: [{ id: 'b1', quantity: 'loss', step: '0' }] };
    expect(() => parseExercise(JSON.stringify(zero), 'ex.json')).toThrow(/step number from 1/);
  });
});
