// x^n for a natural number n, the one square-and-multiply loop behind the graph's pow node and the
// answer parser's integer powers.
import { mul, ONE, type Value } from './value';

/** x^n for n ≥ 0 by repeated squaring: exact for rationals, a small DAG of products for real values. */
export function powNatural(x: Value, n: bigint): Value {
  let result: Value = ONE;
  let square = x;
  for (let k = n; k > 0n; k >>= 1n) {
    if (k & 1n) result = mul(result, square);
    if (k > 1n) square = mul(square, square);
  }
  return result;
}
