// Checks, with the float64 reference of this folder (no code from src/), that the common slips show in
// an exercise's answers: an asked cell that a slip can change in a generic network of the same shape
// (every number nudged by ~1e-11) must change in the exercise too — a symmetric W, η = 1 or a zero
// delta row must never let a slip give the right answer. Also: an asked updated parameter has a
// non-zero gradient, and no row or column of an asked matrix is all zeros.
import { expect } from 'vitest';
import type { Exercise, NetworkAsk } from '../../src/exercises/types';
import { floatAsk, floatSolve, nudged, type RawExerciseNetwork, type Slips } from './float-reference';
import { floatCells } from './helpers';

type Cells = number[];

const cellsOf = (v: number | number[] | number[][]): Cells => floatCells(v);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

/** The slips a student can make in this network, named for messages. */
export function slipsOf(net: RawExerciseNetwork): [string, Slips][] {
  const count = net.layers.length;
  const upper = Array.from({ length: count }, (_, l) => l).filter((l) => l > 0);
  const all = Array.from({ length: count }, (_, l) => l);
  const out: [string, Slips][] = [
    ['Δ·W instead of Δ·Wᵀ in every layer', { backThroughW: all }],
    ['∂L/∂W transposed in every layer', { transposedGradient: all }],
    ['forgot η', { forgotLearningRate: true }],
  ];
  for (const l of upper)
    out.push(
      [`Δ·W instead of Δ·Wᵀ in layer ${l}`, { backThroughW: [l] }],
      [`updated W in the backward pass of layer ${l}`, { updatedWeightsBack: [l] }],
    );
  if (upper.length > 0) out.push(['updated W in every backward pass', { updatedWeightsBack: upper }]);
  for (const l of all) out.push([`∂L/∂W transposed in layer ${l}`, { transposedGradient: [l] }]);
  net.input.forEach((_, s) => {
    if (net.input.length > 1) out.push([`∂L/∂b from sample ${s} only`, { biasFromSample: s }]);
  });
  return out;
}

/** Deterministic random numbers for the nudges. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const adamFirstStep = (net: RawExerciseNetwork) => net.optimizer?.name === 'adam' && (net.steps ?? '1') === '1';

export function checkSlipsShow(ex: Exercise): void {
  const net = ex.network as unknown as RawExerciseNetwork;
  const given = (ex.given?.outputs ?? {}) as Record<string, string[][]>;
  const twin = nudged(net, given, lcg(ex.seed + 17));
  const asks = ex.asks as NetworkAsk[];
  const askOf = (ask: NetworkAsk) => ask as { quantity: string; layer?: number; index?: number[] };
  const right = asks.map((ask) => cellsOf(floatAsk(floatSolve(net, given), askOf(ask))));
  const twinRight = asks.map((ask) => cellsOf(floatAsk(floatSolve(twin.net, twin.given), askOf(ask))));
  for (const [name, slips] of slipsOf(net)) {
    const wrong = floatSolve(net, given, slips);
    const twinWrong = floatSolve(twin.net, twin.given, slips);
    asks.forEach((ask, i) => {
      // A first Adam step moves a parameter by η·g/(|g| + ε): a slip that changes only the size of g
      // moves it by about ε. The gradient and the moments asked beside it show the slip.
      if (adamFirstStep(net) && (ask.quantity === 'weights_after' || ask.quantity === 'bias_after')) return;
      const w = cellsOf(floatAsk(wrong, askOf(ask)));
      const tw = cellsOf(floatAsk(twinWrong, askOf(ask)));
      // Cells the slip acts on in the generic network (its effect is far above the float noise).
      const acted = tw.flatMap((v, k) => (rel(v, twinRight[i][k]) > 1e-13 ? [k] : []));
      if (acted.length === 0) return;
      const where = `${ex.template} d${ex.difficulty} seed ${ex.seed} ${ask.id}: slip "${name}"`;
      if (ask.index === undefined)
        expect(
          acted.some((k) => rel(w[k], right[i][k]) > 1e-9),
          `${where} leaves the whole array unchanged`,
        ).toBe(true);
      else
        for (const k of acted) expect(rel(w[k], right[i][k]), `${where} gives the right value`).toBeGreaterThan(1e-9);
    });
  }
}

/** An asked updated parameter has a non-zero gradient; no asked matrix has an all-zero row or column. */
export function checkNoTrivialCells(ex: Exercise): void {
  const net = ex.network as unknown as RawExerciseNetwork;
  const reference = floatSolve(net, (ex.given?.outputs ?? {}) as Record<string, string[][]>);
  for (const ask of ex.asks as NetworkAsk[]) {
    const where = `${ex.template} d${ex.difficulty} seed ${ex.seed} ${ask.id}`;
    if (ask.quantity === 'weights_after' || ask.quantity === 'bias_after') {
      const gradient = floatAsk(reference, {
        ...ask,
        quantity: ask.quantity === 'weights_after' ? 'grad_weights' : 'grad_bias',
      } as { quantity: string });
      for (const g of cellsOf(gradient))
        expect(Math.abs(g), `${where}: the gradient behind an updated value is 0`).toBeGreaterThan(1e-12);
    }
    if (ask.quantity === 'loss_after')
      expect(Math.abs(reference.loss - reference.lossAfter), `${where}: the loss does not change`).toBeGreaterThan(
        1e-12,
      );
    const value = floatAsk(reference, ask as { quantity: string; layer?: number; index?: number[] });
    if (ask.index !== undefined || !Array.isArray(value) || !Array.isArray(value[0])) continue;
    const rows = value as number[][];
    const zero = (line: number[]) => line.every((v) => Math.abs(v) < 1e-12);
    for (const row of rows) expect(zero(row), `${where}: an all-zero row`).toBe(false);
    for (let j = 0; j < rows[0].length; j++)
      expect(zero(rows.map((r) => r[j])), `${where}: an all-zero column`).toBe(false);
  }
}
