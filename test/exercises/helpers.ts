// Shared checks for exercise tests, independent of src/: exact strings parsed with BigInt, hand-
// friendliness by prime factors of the denominator, float comparison.
import type { JsonValue } from '../../src/number/json';

export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

/** "p/q" or "n" (as the solve contract prints exact values). */
export function parseExact(text: string): Exact {
  const [p, q = '1'] = text.split('/');
  return { n: BigInt(p), d: BigInt(q) };
}

/** Decimal places of p/q if it terminates (only 2s and 5s in q), else null. */
export function placesOf(x: Exact): number | null {
  let d = x.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  return d === 1n ? Math.max(twos, fives) : null;
}

/** A short terminating decimal (≤ maxPlaces places) or a short fraction (denominator ≤ 12). */
export function isShort(x: Exact, maxPlaces: number): boolean {
  const places = placesOf(x);
  return places !== null ? places <= maxPlaces : x.d <= 12n;
}

export function closeTo(actual: number, expected: number, rel = 1e-9): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));
}

/** Every JsonValue cell of an expected value (scalar, vector or matrix), in reading order. */
export function jsonCells(v: unknown): JsonValue[] {
  if (Array.isArray(v)) return v.flatMap(jsonCells);
  return [v as JsonValue];
}

export function floatCells(v: number | number[] | number[][]): number[] {
  return Array.isArray(v) ? (v as (number | number[])[]).flatMap((x) => floatCells(x as number | number[])) : [v];
}

/** Float value of an exact "p/q" string (for comparisons only). */
export function exactToFloat(text: string): number {
  const { n, d } = parseExact(text);
  return Number(n) / Number(d);
}
