// An exercise's asks as the numeric blanks of an LMS question: one blank per number asked (a scalar
// ask is one blank, a vector or matrix ask one per cell, in reading order), each with its key and its
// share of the question. Formula asks have no number to type: they are listed apart, left out.
import { isSymbolicAsk, type Exercise, type ExpectedValue } from '../exercises/types';
import type { JsonValue } from '../number/json';
import { Fraction } from '../number/value';
import { numericKey, type NumericKey } from './tolerance';

export interface Blank {
  readonly ask: string;
  /** The cell's position in the ask's array ([] for a scalar, [i] in a vector, [row, column] in a matrix). */
  readonly cell: readonly number[];
  readonly value: JsonValue;
  readonly key: NumericKey;
  /** The blank's share of the question: every ask an equal share, split evenly over its cells. */
  readonly share: Fraction;
}

/** The numeric asks of an exercise, each with its shape and blanks. */
export interface NumericAsk {
  readonly id: string;
  /** [] for a scalar, [n] for a vector, [rows, columns] for a matrix. */
  readonly shape: readonly number[];
  readonly blanks: readonly Blank[];
}

export interface Blanks {
  readonly asks: readonly NumericAsk[];
  /** The ids of formula asks, which an LMS numeric question cannot grade. */
  readonly formulas: readonly string[];
}

const isCell = (v: unknown): v is JsonValue => typeof v === 'object' && v !== null && 'approx' in v;

/** The cells of an expected value with their positions, in reading order, and its shape. */
function cells(expected: ExpectedValue): { shape: number[]; cells: [number[], JsonValue][] } {
  if (isCell(expected)) return { shape: [], cells: [[[], expected]] };
  const rows = expected as readonly (JsonValue | readonly JsonValue[])[];
  if (rows.every(isCell)) return { shape: [rows.length], cells: rows.map((c, i) => [[i], c as JsonValue]) };
  const matrix = rows as readonly (readonly JsonValue[])[];
  return {
    shape: [matrix.length, matrix[0]?.length ?? 0],
    cells: matrix.flatMap((row, i) => row.map((c, j): [number[], JsonValue] => [[i, j], c])),
  };
}

export function blanksOf(exercise: Exercise): Blanks {
  const numeric = exercise.asks.filter((a) => !isSymbolicAsk(a));
  const formulas = exercise.asks.filter(isSymbolicAsk).map((a) => a.id);
  const asks = numeric.map((ask): NumericAsk => {
    const { shape, cells: list } = cells(exercise.expected[ask.id]);
    const share = new Fraction(1n, BigInt(numeric.length * list.length));
    return {
      id: ask.id,
      shape,
      blanks: list.map(([cell, value]) => ({ ask: ask.id, cell, value, key: numericKey(value), share })),
    };
  });
  return { asks, formulas };
}

/** Integer weights in the proportions of the shares (Moodle's Cloze weights are whole numbers). */
export function integerWeights(shares: readonly Fraction[]): bigint[] {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const lcm = shares.reduce((l, s) => (l / gcd(l, s.d)) * s.d, 1n);
  const weights = shares.map((s) => (s.n * lcm) / s.d);
  const common = weights.reduce((g, w) => gcd(g, w), 0n);
  return weights.map((w) => (common === 0n ? w : w / common));
}
