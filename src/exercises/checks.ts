// Acceptance checks for a solved network variant: every asked value and every value the student must
// work out on the way is hand-friendly; no asked value is 0, and no asked updated parameter has a zero
// gradient; asked cells of one quantity differ (so a swapped index cannot pass unnoticed); no ReLU
// layer is dead for a whole sample. (That every misconception shows is visible-mistakes.ts.)
import type { Solution } from '../engine/solve';
import type { ActivationName, NetworkSpec } from '../concepts/network';
import { sign, isZero, compare, type Value } from '../number/value';
import type { GivenOutputs } from './given';
import { decimalPlaces, isHandFriendly, significantFigures, type Friendliness } from './numbers';
import { askValue, cellsOf, type AskValue } from './quantities';
import { OPTIMIZER_QUANTITIES, type NetworkAsk } from './types';

const FORWARD = new Set(['preactivation', 'output']);
const OPTIMIZER_STATE: ReadonlySet<string> = new Set(OPTIMIZER_QUANTITIES);
const DEAD_CAN: readonly ActivationName[] = ['relu', 'relu6'];

function hasEqualPair(group: readonly Value[]): boolean {
  return group.some((v, i) => group.some((w, j) => j > i && compare(v, w) === 0));
}

function wholeArrayDistinct(array: readonly (Value | readonly Value[])[]): boolean {
  const rows: (readonly Value[])[] = array.every((x) => Array.isArray(x))
    ? (array as unknown as (readonly Value[])[])
    : [array as readonly Value[]];
  if (rows.some(hasEqualPair)) return false;
  const columns = rows[0].map((_, j) => rows.map((row) => row[j]));
  if (columns.some(hasEqualPair)) return false;
  if (rows.length === rows[0].length) {
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) if (compare(rows[i][j], rows[j][i]) === 0) return false;
  }
  return true;
}

/**
 * Too many zeros in an asked value: a single asked value may not be 0; a whole array of 4 or more cells
 * may hold one 0 (a unit switched off by ReLU for one sample is worth seeing), but no row or column of
 * an asked matrix may be all zeros.
 */
function tooManyZeros(cells: readonly Value[], ask: NetworkAsk, value: AskValue): boolean {
  const zeros = cells.filter(isZero).length;
  if (zeros === 0) return false;
  const whole = ask.index === undefined && cells.length >= 4;
  if (zeros > (whole ? 1 : 0)) return true;
  const array = value as readonly (Value | readonly Value[])[];
  if (!Array.isArray(value) || !array.every((row) => Array.isArray(row))) return false;
  const rows = array as readonly (readonly Value[])[];
  const columns = rows[0].map((_, j) => rows.map((row) => row[j]));
  return [...rows, ...columns].some((line) => line.every(isZero));
}

/**
 * A parameter after an Adam step, w − η·m̂/(√v̂ + ε): ε makes it a long decimal (or √v̂ an irrational)
 * however friendly m̂ and v̂ are, so it is given with its decimal and graded by the answer's rounding.
 */
function adamParameter(spec: NetworkSpec, ask: NetworkAsk): boolean {
  return spec.optimizer?.name === 'adam' && (ask.quantity === 'weights_after' || ask.quantity === 'bias_after');
}

/** The gradient behind an asked updated parameter (weights_after, bias_after), or null for other quantities. */
function gradientPart(spec: NetworkSpec, solution: Solution, given: GivenOutputs, ask: NetworkAsk): AskValue | null {
  if (ask.quantity === 'weights_after') return askValue(spec, solution, given, { ...ask, quantity: 'grad_weights' });
  if (ask.quantity === 'bias_after') return askValue(spec, solution, given, { ...ask, quantity: 'grad_bias' });
  return null;
}

/** The values a student computes on the way to the asks (forward pass, deltas, gradients). */
export function workValues(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  asks: readonly NetworkAsk[],
): Value[] {
  const count = spec.layers.length;
  const out: Value[] = [];
  let forwardUpTo = -1;
  let backwardDownTo = count;
  const gradLayers = new Set<number>();
  let everything = false;
  for (const ask of asks) {
    const l = ask.layer ?? 0;
    if (FORWARD.has(ask.quantity)) forwardUpTo = Math.max(forwardUpTo, l);
    else if (ask.quantity === 'loss') forwardUpTo = count - 1;
    else if (ask.quantity === 'loss_after' || ask.quantity === 'loss_improvement') everything = true;
    else if (ask.quantity === 'activation_derivative' || ask.quantity === 'softmax_jacobian')
      forwardUpTo = Math.max(forwardUpTo, l);
    else {
      forwardUpTo = count - 1;
      backwardDownTo = Math.min(backwardDownTo, l);
      if (ask.quantity === 'weights_after' || ask.quantity === 'bias_after' || OPTIMIZER_STATE.has(ask.quantity))
        gradLayers.add(l);
    }
  }
  if (everything) {
    forwardUpTo = count - 1;
    backwardDownTo = 0;
    for (let l = 0; l < count; l++) gradLayers.add(l);
  }
  for (let l = 0; l <= forwardUpTo; l++) {
    if (given.has(l)) continue; // stated, not computed (its pre-activation is not needed either)
    out.push(...cellsOf(solution.layers[l].preactivation), ...cellsOf(solution.layers[l].output));
  }
  for (let l = count - 1; l >= backwardDownTo; l--) out.push(...cellsOf(solution.layers[l].delta));
  for (const l of gradLayers) {
    const layer = solution.layers[l];
    out.push(...cellsOf(layer.gradWeights), ...cellsOf(layer.gradBias));
    // Adam's updated parameters are never short (see adamParameter); its moments are worked on the way.
    if (spec.optimizer?.name === 'adam' && layer.optimizer?.name === 'adam') {
      const s = layer.optimizer;
      for (const state of [s.m, s.v, s.mHat, s.vHat]) out.push(...cellsOf(state.weights), ...cellsOf(state.bias));
    } else out.push(...cellsOf(layer.weightsAfter), ...cellsOf(layer.biasAfter));
  }
  if (everything) out.push(solution.loss, solution.lossAfter);
  return out;
}

export interface CheckOptions {
  readonly allowZero?: boolean;
  readonly allowEqual?: boolean;
  readonly friendliness?: Friendliness;
  /** Most significant figures of an asked or given number (intermediates keep `friendliness`). */
  readonly maxFigures?: number;
}

/**
 * What is wrong with one asked value on its own, or null: not hand-friendly, 0 (beyond what a whole
 * array may hold), or an updated parameter whose gradient is 0 (its input comes from a dead ReLU, so
 * the answer is just the old value).
 */
export function askProblem(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  ask: NetworkAsk,
  value: AskValue,
  options: CheckOptions = {},
): string | null {
  const cells = cellsOf(value);
  const friendliness = { ...options.friendliness, maxFigures: options.maxFigures };
  if (!adamParameter(spec, ask) && !cells.every((v) => isHandFriendly(v, friendliness)))
    return 'asked value not hand-friendly';
  if (options.allowZero) return null;
  if (tooManyZeros(cells, ask, value)) return 'asked value is 0';
  const gradient = gradientPart(spec, solution, given, ask);
  if (gradient !== null && tooManyZeros(cellsOf(gradient), ask, gradient))
    return 'the gradient of an updated parameter is 0';
  if (ask.quantity === 'bias_after' && !spec.updateBiases) return 'an asked bias is not updated';
  if (ask.quantity === 'loss_after' && compare(solution.loss, solution.lossAfter) === 0)
    return 'the loss does not change';
  return null;
}

/** Every number the exercise states: inputs, weights, biases, slopes, targets, the learning rate, stated outputs. */
function statedNumbers(spec: NetworkSpec, given: GivenOutputs): Value[] {
  return [
    ...spec.input.flat(),
    ...spec.target.flat(),
    spec.learningRate,
    ...spec.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.bias, ...(layer.alpha ? [layer.alpha] : [])]),
    ...[...given.values()].flatMap((m) => m.flat()),
  ];
}

/** A terminating decimal with at most `figures` significant figures (a fraction such as 1/3 is written as one). */
function figuresAtMost(v: Value, figures: number): boolean {
  if (v.kind !== 'rational') return true;
  const places = decimalPlaces(v.q);
  return places === null || significantFigures(v.q, places) <= figures;
}

/** The key under which single asked cells must differ: one quantity of one layer. */
export function equalityGroup(ask: NetworkAsk): string {
  return `${ask.quantity}/${ask.layer ?? ''}`;
}

/** Null when the variant is acceptable, else the reason it is rejected (for tests and tuning). */
export function rejection(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  asks: readonly NetworkAsk[],
  values: readonly AskValue[],
  options: CheckOptions = {},
): string | null {
  const friendly = (v: Value) => isHandFriendly(v, options.friendliness);
  const cells = values.map(cellsOf);
  for (const [i, ask] of asks.entries()) {
    const problem = askProblem(spec, solution, given, ask, values[i], options);
    if (problem) return problem;
  }
  if (!options.allowEqual) {
    // Single cells asked of one quantity (and layer) must all differ.
    const groups = new Map<string, Value[]>();
    asks.forEach((ask, i) => {
      if (ask.index === undefined && Array.isArray(values[i])) return;
      const key = equalityGroup(ask);
      groups.set(key, [...(groups.get(key) ?? []), ...cells[i]]);
    });
    if ([...groups.values()].some(hasEqualPair)) return 'two asked cells are equal';
    // A whole array: entries of a row differ, of a column differ, and a square matrix is not symmetric
    // anywhere, so that swapping two indices or transposing always changes the answer.
    for (const [i, ask] of asks.entries()) {
      if (ask.index !== undefined || !Array.isArray(values[i])) continue;
      if (!wholeArrayDistinct(values[i] as readonly (Value | readonly Value[])[])) return 'two asked cells are equal';
    }
  }
  if (!workValues(spec, solution, given, asks).every(friendly)) return 'intermediate value not hand-friendly';
  if (
    options.maxFigures !== undefined &&
    !statedNumbers(spec, given).every((v) => figuresAtMost(v, options.maxFigures!))
  )
    return 'a given number has too many significant figures';
  // Equal inputs in a sample would make the gradients of their weights equal: a swapped index would pass.
  if (spec.input.some((row) => row.some((x, i) => row.some((y, k) => k > i && compare(x, y) === 0))))
    return 'two inputs of a sample are equal';
  const last = spec.layers.length - 1;
  for (const [l, layer] of spec.layers.entries()) {
    if (l === last || !DEAD_CAN.includes(layer.activation)) continue;
    const a = solution.layers[l].preactivation;
    if (a.some((row) => row.every((v) => sign(v) <= 0))) return `layer ${l + 1} is dead (no active unit) for a sample`;
  }
  return null;
}
