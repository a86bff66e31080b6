// Fairness of the grader, counted: honest rounded chains accepted, near misses in exact exercises
// refused. Bundled and run by bench/fairness.mjs; it reports, it does not test.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { generateExercise, TEMPLATES } from '../src/exercises';
import type { Exercise, NetworkAsk } from '../src/exercises/types';
import { gradeExercise, gradingContext } from '../src/grader';
import { HONEST_ROUNDINGS, honestAnswer, placesKeepFigures } from '../test/grader/honest-student';

export interface FairnessCount {
  readonly template: string;
  readonly honest: number;
  readonly honestRefused: number;
  readonly examples: readonly string[];
}

const isNetworkAsk = (ask: { quantity: string }): ask is NetworkAsk => !['expression', 'value', 'gradients', 'nodes'].includes(ask.quantity);

/** Mazur's network as a hand-written exercise without stated outputs: every cell of every layer asked. */
function mazurExercise(): Exercise {
  // Exercise networks hold numbers as exact strings; Mazur's literals print back as written.
  const network = JSON.parse(JSON.stringify(parse(readFileSync('exercises/networks/mazur.yaml', 'utf8')), (_k, v) => (typeof v === 'number' ? String(v) : v)));
  const asks: NetworkAsk[] = [];
  const quantities = ['preactivation', 'output', 'delta', 'grad_weights', 'weights_after'] as const;
  for (const layer of [0, 1]) {
    for (const quantity of quantities) {
      const cells = quantity === 'grad_weights' || quantity === 'weights_after' ? [[0, 0], [0, 1], [1, 0], [1, 1]] : [[0, 0], [0, 1]];
      for (const index of cells) asks.push({ id: `a${asks.length + 1}`, quantity, layer, index });
    }
  }
  asks.push({ id: `a${asks.length + 1}`, quantity: 'loss' });
  delete network.update_biases;
  return { template: 'mazur', seed: 0, difficulty: 1, lang: 'en', network, given: {}, asks, prompt: 'Find:', expected: {}, hints: {} } as unknown as Exercise;
}

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
    const examples: string[] = [];
    {
      for (const exercise of exercisesOf(template, seeds)) {
        const { difficulty, seed } = exercise;
        if (exercise.network === null || !/(^|\n)Find:/.test(exercise.prompt)) continue;
        const ctx = gradingContext(exercise);
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
                  examples.push(`${template} -d ${difficulty} -s ${seed} ${ask.id}=${answer.text} (${rounding.by} ${rounding.n}): ${result.status} ${result.score}`);
                }
              }
            }
          }
        }
      }
    }
    if (honest > 0) counts.push({ template, honest, honestRefused: refused, examples });
  }
  return counts;
}
