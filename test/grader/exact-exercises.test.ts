// A wrong answer is never accepted: in an exercise that asks for exact values, an answer one unit off
// in its last digit is not correct, even when rounded intermediates would give it (the student was
// asked to keep every digit); it earns partial credit and says so.
import { describe, expect, it } from 'vitest';
import { generateExercise, TEMPLATES } from '../../src/exercises';
import type { NetworkAsk } from '../../src/exercises/types';
import { exerciseValues } from '../../src/exercises';
import { cellsOf } from '../../src/exercises/quantities';
import { gradeExercise, gradingContext } from '../../src/grader';
import { nearMissesOf } from './honest-student';
import { savedExercise } from './saved';

const isNetworkAsk = (ask: { quantity: string }): ask is NetworkAsk =>
  !['expression', 'value', 'gradients', 'nodes'].includes(ask.quantity);

describe('exact exercises', () => {
  // The near misses that rounded intermediates used to make right (weight-update as version 1 of the
  // generator made it).
  const rows = [
    { template: 'hidden-delta', difficulty: 1, seed: 1, ask: 'a1', answer: '0.445', exact: '0.446', saved: null },
    { template: 'hidden-delta', difficulty: 2, seed: 1, ask: 'a1', answer: '-0.0353', exact: '-0.0352', saved: null },
    {
      template: 'weight-update',
      difficulty: 2,
      seed: 1,
      ask: 'a1',
      answer: '1.330',
      exact: '1.329',
      saved: 'weight-update-d2-s1',
    },
  ] as const;
  for (const row of rows) {
    it(`${row.template} -d ${row.difficulty} -s ${row.seed}: ${row.answer} for ${row.exact} is partial credit, not correct`, () => {
      const exercise = row.saved
        ? savedExercise(row.saved)
        : generateExercise({ template: row.template, difficulty: row.difficulty, seed: row.seed });
      expect(exercise.prompt).toMatch(/give exact values/);
      const ctx = gradingContext(exercise);
      const [exact] = gradeExercise(ctx, new Map([[row.ask, row.exact]]));
      expect(exact.status).toBe('correct');
      const [near] = gradeExercise(ctx, new Map([[row.ask, row.answer]]));
      expect(near.status).toBe('incorrect');
      expect(near.score).toBe(0.5);
      expect(near.feedback.en).toMatch(/this exercise is exact: keep every digit/);
      expect(near.feedback.ja).toMatch(/正確な値/);
    });
  }

  it('the exact value ± one unit in its last digit is never correct (every template, 3 difficulties, 8 seeds)', () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const template of TEMPLATES.filter((t) => t.kind !== 'symbolic')) {
      for (const difficulty of [1, 2, 3] as const) {
        for (let seed = 1; seed <= 8; seed++) {
          const exercise = generateExercise({ template: template.name, difficulty, seed });
          if (exercise.network === null || !/give exact values/.test(exercise.prompt)) continue;
          const ctx = gradingContext(exercise);
          const values = exerciseValues(exercise);
          for (const ask of exercise.asks.filter(isNetworkAsk)) {
            const v = values.get(ask.id);
            if (v === undefined || Array.isArray(v)) continue;
            for (const miss of nearMissesOf(cellsOf(v)[0])) {
              tried++;
              const [result] = gradeExercise(ctx, new Map([[ask.id, miss]]));
              if (result.status === 'correct')
                accepted.push(`${template.name} -d ${difficulty} -s ${seed} ${ask.id}=${miss}: ${result.feedback.en}`);
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(500);
    expect(accepted).toEqual([]);
  });
});
