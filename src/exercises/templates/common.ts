// Shared building blocks for network templates: number pools and random layers. Pools favour halves,
// fifths and small integers, whose products stay short (0.5 × 0.4 = 0.2), so that the seeded search
// finds hand-friendly variants quickly.
import { activation as concept, type TargetRange } from '../../concepts/activations';
import type { ActivationName, Layout, LossName } from '../../concepts/network';
import type { Value } from '../../number/value';
import type { NetDraft } from '../network-file';
import { lit } from '../numbers';
import type { Rng } from '../prng';

const values = (...texts: string[]): readonly Value[] => texts.map(lit);

export const POOL = {
  /** Inputs: never 0 (an input of 0 zeroes its weights' gradients). */
  input: values('1', '2', '-1', '-2', '0.5', '-0.5', '0.2', '-0.2', '0.4', '-0.4', '0.6', '0.8', '1.5', '3'),
  weight: values(
    '0.1',
    '-0.1',
    '0.2',
    '-0.2',
    '0.3',
    '-0.3',
    '0.4',
    '-0.4',
    '0.5',
    '-0.5',
    '0.6',
    '-0.6',
    '0.8',
    '-0.8',
    '1',
    '-1',
    '2',
    '-2',
  ),
  bias: values('0', '0', '0', '0.1', '-0.1', '0.2', '-0.2', '0.5', '-0.5', '1', '-1'),
  rate: values('0.1', '0.5', '1', '0.2'),
  identityTarget: values('0', '1', '-1', '0.5', '2'),
  unitTarget: values('0', '1'),
  reluTarget: values('0', '1', '2', '0.5'),
} as const;

/**
 * Pools for deeper nets and batches, where every extra factor adds decimals: halves, fifths and
 * small integers only (their products gain a decimal place more slowly than tenths do); no 1.5, whose
 * powers (2.25, 3.375) give the 6- and 7-figure results that no one works by hand.
 */
export const NICE_POOL = {
  input: values('1', '2', '-1', '-2', '0.5', '-0.5', '3'),
  weight: values('0.5', '-0.5', '1', '-1', '2', '-2', '0.2', '-0.2', '0.4', '-0.4'),
  bias: values('0', '0', '0', '0.5', '-0.5', '1', '-1'),
} as const;

/** Small weights keep a softmax away from outputs that round to 0. */
export const SMALL_WEIGHTS = values(
  '0.1',
  '-0.1',
  '0.2',
  '-0.2',
  '0.3',
  '-0.3',
  '0.4',
  '-0.4',
  '0.5',
  '-0.5',
  '0.6',
  '-0.6',
);

export function matrix(rng: Rng, rows: number, cols: number, pool: readonly Value[]): Value[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.pick(pool)));
}

export function oneHot(rng: Rng, width: number): Value[] {
  const hot = rng.int(0, width - 1);
  return Array.from({ length: width }, (_, k) => lit(k === hot ? '1' : '0'));
}

/** Target pools by the range of the output activation (a one-hot row for softmax). */
const TARGETS: Readonly<Record<Exclude<TargetRange, 'one-hot'>, readonly Value[]>> = {
  unit: POOL.unitTarget,
  'signed-unit': values('-1', '0', '1'),
  'non-negative': POOL.reluTarget,
  any: POOL.identityTarget,
};

function targetRow(rng: Rng, output: ActivationName, width: number): Value[] {
  const range = concept(output).targets;
  return range === 'one-hot' ? oneHot(rng, width) : matrix(rng, 1, width, TARGETS[range])[0];
}

export interface NetShape {
  /** Widths: inputs, then every layer's units. */
  readonly sizes: readonly number[];
  readonly hidden: ActivationName;
  readonly output: ActivationName;
  readonly loss: LossName;
  readonly batch: number;
  readonly layout?: Layout;
  readonly batchMode?: 'mean' | 'sum';
  readonly reluGradAtZero?: 0 | 1;
  readonly alpha?: Value;
  /** Draw from NICE_POOL (for difficulty 3). */
  readonly nice?: boolean;
  /** Replaces the weight pool (e.g. small weights so that a softmax does not saturate). */
  readonly weights?: readonly Value[];
}

/** A random network of the given shape from the pools. */
export function randomNet(rng: Rng, shape: NetShape): NetDraft {
  const { sizes } = shape;
  const count = sizes.length - 1;
  const pool = shape.nice ? NICE_POOL : POOL;
  const layers = Array.from({ length: count }, (_, l) => {
    const activation = l === count - 1 ? shape.output : shape.hidden;
    const alpha = concept(activation).slope
      ? (shape.alpha ??
        (concept(activation).learnsSlope ? lit('0.25') : shape.nice ? lit('0.2') : rng.pick(values('0.1', '0.2'))))
      : undefined;
    return {
      weights: matrix(rng, sizes[l], sizes[l + 1], shape.weights ?? pool.weight),
      bias: matrix(rng, 1, sizes[l + 1], pool.bias)[0],
      activation,
      ...(alpha ? { alpha } : {}),
    };
  });
  return {
    layout: shape.layout ?? 'x-w',
    layers,
    loss: shape.loss,
    input: matrix(rng, shape.batch, sizes[0], pool.input),
    target: Array.from({ length: shape.batch }, () => targetRow(rng, shape.output, sizes[count])),
    learningRate: rng.pick(POOL.rate),
    ...(shape.batch > 1 && shape.batchMode ? { batch: shape.batchMode } : {}),
    ...(shape.reluGradAtZero !== undefined ? { reluGradAtZero: shape.reluGradAtZero } : {}),
  };
}

/** Cell asks a1, a2, … for the given cells of one quantity. */
export function cellAsks(
  quantity: import('../types').NetworkQuantity,
  layer: number | undefined,
  cells: readonly (readonly number[])[],
  firstId = 1,
): import('../types').NetworkAsk[] {
  return cells.map((index, i) => ({
    id: `a${firstId + i}`,
    quantity,
    ...(layer === undefined ? {} : { layer }),
    index,
  }));
}

/**
 * Two distinct cells of a 2×2 weight matrix in random order, never both on the diagonal: a transposed
 * ∂L/∂W (the misconception transposed-gradient) leaves diagonal cells alone, so one cell is off it.
 */
export function cellPair(rng: Rng): number[][] {
  const pairs = [
    [
      [0, 0],
      [0, 1],
    ],
    [
      [0, 0],
      [1, 0],
    ],
    [
      [0, 1],
      [1, 0],
    ],
    [
      [0, 1],
      [1, 1],
    ],
    [
      [1, 0],
      [1, 1],
    ],
  ];
  return rng.sample(rng.pick(pairs), 2);
}
