// Fairness of the grader, counted: honest rounded chains accepted, near misses in exact exercises
// refused. Bundled and run by bench/fairness.mjs; it reports, it does not test.
import { generateExercise, TEMPLATES } from '../src/exercises';
import type { Exercise, NetworkAsk } from '../src/exercises/types';
import { gradeExercise, gradingContext } from '../src/grader';
import { exerciseValues } from '../src/exercises';
import { cellsOf } from '../src/exercises/quantities';
import {
  HONEST_ROUNDINGS,
  honestAnswer,
  mazurExercise,
  nearMissesOf,
  placesKeepFigures,
} from '../test/grader/honest-student';

export interface FairnessCount {
  readonly template: string;
  readonly honest: number;
  readonly honestRefused: number;
  readonly examples: readonly string[];
  /** Exact exercises: the exact value ± one unit in its last digit (at ≥ 3 figures), and how many were accepted. */
  readonly nearMisses: number;
  readonly nearMissesAccepted: number;
}

const isNetworkAsk = (ask: { quantity: string }): ask is NetworkAsk =>
  !['expression', 'value', 'gradients', 'nodes'].includes(ask.quantity);

function* exercisesOf(template: string, seeds: number): Generator<Exercise> {
  if (template === 'mazur') {
    yield mazurExercise();
    return;
  }
  for (const difficulty of [1, 2, 3] as const) {
    for (let seed = 1; seed <= seeds; seed++) {
      try {
        yield generateExercise({ template, difficulty, seed });
      } catch {
        // a template without a variant at this difficulty
      }
    }
  }
}

export function countFairness(seeds = 12): FairnessCount[] {
  const counts: FairnessCount[] = [];
  for (const template of ['mazur', ...TEMPLATES.map((t) => t.name)]) {
    let honest = 0;
    let refused = 0;
    let nearMisses = 0;
    let nearMissesAccepted = 0;
    const examples: string[] = [];
    for (const exercise of exercisesOf(template, seeds)) {
      const { difficulty, seed } = exercise;
      if (exercise.network === null) continue;
      const ctx = gradingContext(exercise);
      if (/give exact values/.test(exercise.prompt)) {
        const values = exerciseValues(exercise);
        for (const ask of exercise.asks.filter(isNetworkAsk)) {
          const v = values.get(ask.id);
          if (v === undefined || Array.isArray(v)) continue;
          for (const miss of nearMissesOf(cellsOf(v)[0])) {
            nearMisses++;
            const [result] = gradeExercise(ctx, new Map([[ask.id, miss]]));
            if (result.status === 'correct') {
              nearMissesAccepted++;
              if (examples.length < 3)
                examples.push(
                  `${template} -d ${difficulty} -s ${seed} ${ask.id}=${miss} accepted (exact exercise): ${result.feedback.en}`,
                );
            }
          }
        }
        continue;
      }
      if (!/(^|\n)Find:/.test(exercise.prompt)) continue;
      for (const ask of exercise.asks.filter(isNetworkAsk)) {
        for (const rounding of HONEST_ROUNDINGS) {
          for (const finalFigures of [3, 4, 5, 6]) {
            const answer = honestAnswer(exercise, ask, rounding, finalFigures);
            if (rounding.by === 'places' && !placesKeepFigures(answer.seen, rounding.n)) continue;
            honest++;
            const [result] = gradeExercise(ctx, new Map([[ask.id, answer.text]]));
            if (result.status !== 'correct' || result.score < 1) {
              refused++;
              if (examples.length < 3) {
                examples.push(
                  `${template} -d ${difficulty} -s ${seed} ${ask.id}=${answer.text} (${rounding.by} ${rounding.n}): ${result.status} ${result.score}`,
                );
              }
            }
          }
        }
      }
    }
    if (honest > 0 || nearMisses > 0)
      counts.push({ template, honest, honestRefused: refused, examples, nearMisses, nearMissesAccepted });
  }
  return counts;
}
