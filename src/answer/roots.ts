// Exact integer and rational k-th roots, used for x^(p/q) and sqrt when the result is rational.
import { Fraction } from '../number/value';
import { bitLength, type Work } from './work';

/** The exact k-th root of a non-negative rational, or null when it is irrational. */
export function rationalRoot(q: Fraction, k: bigint, work: Work, pos: number | null = null): Fraction | null {
  if (q.s < 0n && q.n !== 0n) return null;
  const n = integerRoot(q.n, k, work, pos);
  if (n === null) return null;
  const d = integerRoot(q.d, k, work, pos);
  if (d === null) return null;
  work.chargeBits(n, d, pos);
  return new Fraction(n, d);
}

/** The exact k-th root of x ≥ 0 (Newton's method on BigInt), or null when x is not a k-th power. */
export function integerRoot(x: bigint, k: bigint, work: Work, pos: number | null = null): bigint | null {
  if (x < 2n || k === 1n) return x;
  const bits = BigInt(bitLength(x));
  // Start above the root: 2^ceil(bits/k) ≥ x^(1/k); Newton then decreases monotonically.
  let r = 1n << ((bits + k - 1n) / k);
  for (;;) {
    work.chargeUnits(1, pos);
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) break;
    r = next;
  }
  return r ** k === x ? r : null;
}
