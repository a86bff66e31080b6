// Honest rounding is never punished: a student who rounds every intermediate to 3 or 4 significant
// figures (or decimal places, where that keeps 3 figures) and writes the result with as many figures
// as the calculator shows is graded correct, on Mazur's network and on every exercise with irrational
// values. The student is simulated in honest-student.ts, apart from the grader's own rounding code.
import { describe, expect, it } from 'vitest';
import { generateExercise, TEMPLATES } from '../../src/exercises';
import type { Exercise, NetworkAsk } from '../../src/exercises/types';
import { gradeExercise, gradingContext } from '../../src/grader';
import { HONEST_ROUNDINGS, honestAnswer, mazurExercise, placesKeepFigures } from './honest-student';

const isNetworkAsk = (ask: { quantity: string }): ask is NetworkAsk =>
  !['expression', 'value', 'gradients', 'nodes'].includes(ask.quantity);

function refusedHonestAnswers(exercise: Exercise): string[] {
  const ctx = gradingContext(exercise);
  const refused: string[] = [];
  for (const ask of exercise.asks.filter(isNetworkAsk)) {
    for (const rounding of HONEST_ROUNDINGS) {
      for (const finalFigures of [3, 4, 5, 6]) {
        const answer = honestAnswer(exercise, ask, rounding, finalFigures);
        if (rounding.by === 'places' && !placesKeepFigures(answer.seen, rounding.n)) continue;
        const [result] = gradeExercise(ctx, new Map([[ask.id, answer.text]]));
        if (result.status !== 'correct' || result.score !== 1)
          refused.push(`${ask.id}=${answer.text} (${rounding.by} ${rounding.n}): ${result.feedback.en}`);
      }
    }
  }
  return refused;
}

describe('honest rounding is accepted', () => {
  it('the examples: w5 gradient on Mazur from δ and z rounded to 3 figures', () => {
    const exercise = {
      ...mazurExercise(),
      asks: [{ id: 'g', quantity: 'grad_weights', layer: 1, index: [0, 0] }],
    } as Exercise;
    const ctx = gradingContext(exercise);
    // δ_o1 = 0.1384985616… → 0.138, z_h1 = 0.5932699921… → 0.593; 0.138 × 0.593 = 0.081834.
    for (const answer of ['0.08183', '0.081834', '0.138*0.593', '0.0818', '0.08216704']) {
      const [result] = gradeExercise(ctx, new Map([['g', answer]]));
      expect(result.status, answer).toBe('correct');
      expect(result.score, answer).toBe(1);
    }
    const [rounded] = gradeExercise(ctx, new Map([['g', '0.08183']]));
    expect(rounded.feedback.en).toMatch(/rounded to 3 significant figures/);
    // Not what any honest chain gives: wrong.
    for (const answer of ['0.08170', '0.0830']) {
      const [result] = gradeExercise(ctx, new Map([['g', answer]]));
      expect(result.status, answer).toBe('incorrect');
    }
  });

  it("every honestly rounded chain on Mazur's network", () => {
    expect(refusedHonestAnswers(mazurExercise())).toEqual([]);
  });

  it('every generated exercise with irrational values (all templates, 3 difficulties, 8 seeds)', () => {
    const refused: string[] = [];
    let checked = 0;
    for (const template of TEMPLATES.filter((t) => t.kind !== 'symbolic')) {
      for (const difficulty of [1, 2, 3] as const) {
        for (let seed = 1; seed <= 8; seed++) {
          const exercise = generateExercise({ template: template.name, difficulty, seed });
          if (exercise.network === null || !/(^|\n)Find:/.test(exercise.prompt)) continue;
          checked++;
          refused.push(
            ...refusedHonestAnswers(exercise).map((r) => `${template.name} -d ${difficulty} -s ${seed} ${r}`),
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(refused).toEqual([]);
  });
});

describe('intermediates rounded too coarsely', () => {
  it('δ and z of Mazur rounded to 2 figures: partial credit and the reason, never a bare "incorrect"', () => {
    const exercise = {
      ...mazurExercise(),
      asks: [{ id: 'g', quantity: 'grad_weights', layer: 1, index: [0, 0] }],
    } as Exercise;
    const ctx = gradingContext(exercise);
    const ask = exercise.asks[0] as NetworkAsk;
    for (const rounding of [
      { by: 'figures', n: 2 },
      { by: 'figures', n: 1 },
    ] as const) {
      const answer = honestAnswer(exercise, ask, rounding, 4);
      const [result] = gradeExercise(ctx, new Map([['g', answer.text]]));
      if (result.status === 'correct') continue; // the coarse chain happens to round to the right value
      expect(result.score, answer.text).toBe(0.5);
      expect(result.feedback.en, answer.text).toMatch(/keep at least 3 significant figures along the way/);
    }
    // 0.14 × 0.59 = 0.0826 (every intermediate to 2 figures)
    const [two] = gradeExercise(ctx, new Map([['g', '0.0826']]));
    expect(two.status).toBe('incorrect');
    expect(two.score).toBe(0.5);
    expect(two.feedback.en).toMatch(/rounded to 2 significant figures/);
  });
});
