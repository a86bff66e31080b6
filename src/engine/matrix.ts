// The few matrix operations backprop needs, on exact Values. Matrices are rows of Values.
import { add, dot, mul, sub, sum, type Value } from '../number/value';
import type { Matrix, Vector } from '../concepts/network';

export function transpose(m: Matrix): Value[][] {
  if (m.length === 0) return [];
  return m[0].map((_, j) => m.map((row) => row[j]));
}

/** The matrix product A·B: (A·B)[i][j] = row i of A · column j of B. */
export function matmul(a: Matrix, b: Matrix): Value[][] {
  const columns = transpose(b);
  return a.map((row) => columns.map((column) => dot(row, column)));
}

/** Adds the row vector `v` to every row (broadcast, as numpy does for a bias). */
export function addRow(m: Matrix, v: Vector): Value[][] {
  return m.map((row) => row.map((x, j) => add(x, v[j])));
}

/** Element-wise (Hadamard) product A ⊙ B. */
export function hadamard(a: Matrix, b: Matrix): Value[][] {
  return a.map((row, i) => row.map((x, j) => mul(x, b[i][j])));
}

export function map(m: Matrix, f: (x: Value, i: number, j: number) => Value): Value[][] {
  return m.map((row, i) => row.map((x, j) => f(x, i, j)));
}

/** Σ over rows: the column sums (db = Σ dout over the batch). */
export function sumRows(m: Matrix): Value[] {
  return transpose(m).map((column) => sum(column));
}

/** A − c·B, the gradient-descent step. */
export function step(a: Matrix, c: Value, b: Matrix): Value[][] {
  return a.map((row, i) => row.map((x, j) => sub(x, mul(c, b[i][j]))));
}
