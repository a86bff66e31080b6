// More seeds for the templates where degenerate variants used to slip through (an asked weight whose
// gradient is 0 behind a dead ReLU; a symmetric W that hides Δ·W for Δ·Wᵀ; η = 1; zero rows in an
// asked matrix): every exercise is checked against the float64 reference of this folder (slips.ts).
// templates.test.ts runs the same checks, among many others, on every template and fewer seeds.
import { describe, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { checkNoTrivialCells, checkSlipsShow } from './slips';

const SEEDS = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919);

const CASES: [string, 2 | 3][] = [
  ['weight-update', 2],
  ['weight-update', 3],
  ['hidden-delta', 2],
  ['hidden-delta', 3],
  ['hidden-weight-grad', 2],
  ['hidden-weight-grad', 3],
  ['output-weight-grad', 2],
  ['matrix-form', 3],
  ['affine-backward', 2],
  ['train-once', 3],
];

describe.each(CASES)('%s difficulty %i', (template, difficulty) => {
  it(`no zero gradient behind an update, no all-zero row or column, every slip shows (${SEEDS.length} seeds)`, () => {
    for (const seed of SEEDS) {
      const ex = generateExercise({ template, seed, difficulty });
      checkNoTrivialCells(ex);
      checkSlipsShow(ex);
    }
  });
});
