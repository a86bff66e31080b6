// dot(a, b), the inner product behind matmul: the all-rational fast path (one BigInt fraction, one
// reduction) must equal Σ p_k/q_k computed independently here with plain BigInt cross-multiplication,
// and with an irrational term it must be exactly the old left-to-right add/mul chain.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, dot, exp, exprOf, mul, rational, Fraction, ZERO, type Value } from '../../src/number/value';

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Σ (an/ad)(bn/bd) as a reduced "p/q" / "n" string, by schoolbook cross-multiplication. */
function referenceDot(terms: readonly [bigint, bigint, bigint, bigint][]): string {
  let n = 0n;
  let d = 1n;
  for (const [an, ad, bn, bd] of terms) {
    n = n * ad * bd + an * bn * d;
    d = d * ad * bd;
  }
  const g = gcd(n, d) || 1n;
  [n, d] = [n / g, d / g];
  return d === 1n ? `${n}` : `${n}/${d}`;
}

// Denominators: powers of 10 and their divisors (the fast paths), and primes/others (the general path).
const denominator = fc.oneof(
  fc.constantFrom(1n, 2n, 4n, 5n, 10n, 100n, 1000n, 10n ** 12n),
  fc.constantFrom(3n, 7n, 9n, 12n, 49n, 97n),
  fc.bigInt({ min: 1n, max: 10n ** 20n }),
);
const numerator = fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }));
const term = fc.tuple(numerator, denominator, numerator, denominator);

const value = (n: bigint, d: bigint): Value => rational(new Fraction(n, d));

describe('dot', () => {
  it('equals an independent exact sum of products for rational vectors', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 12 }), (terms) => {
        const a = terms.map(([an, ad]) => value(an, ad));
        const b = terms.map(([, , bn, bd]) => value(bn, bd));
        const result = dot(a, b);
        expect(result.kind).toBe('rational');
        if (result.kind === 'rational') expect(result.q.toFraction()).toBe(referenceDot(terms));
      }),
      { numRuns: 500 },
    );
  });

  it('gives exact zero for empty, all-zero and cancelling vectors', () => {
    expect(dot([], [])).toBe(ZERO);
    expect(dot([value(0n, 1n), value(3n, 10n)], [value(7n, 3n), value(0n, 1n)])).toBe(ZERO);
    const r = dot([value(3n, 10n), value(3n, 10n)], [value(1n, 7n), value(-1n, 7n)]);
    expect(r.kind === 'rational' && r.q.n === 0n).toBe(true);
  });

  it('hand example: 0.1·0.2 + (−1/3)·0.3 + 2·(1/7) = 1/50 − 1/10 + 2/7 = 72/350 = 36/175', () => {
    const r = dot([value(1n, 10n), value(-1n, 3n), value(2n, 1n)], [value(2n, 10n), value(3n, 10n), value(1n, 7n)]);
    expect(r.kind === 'rational' && r.q.toFraction()).toBe('36/175');
  });

  it('with an irrational term, is the left-to-right add/mul chain (same expression, same approximation)', () => {
    const e = exp(value(1n, 2n));
    const a = [value(1n, 10n), e, value(0n, 1n), value(-3n, 4n)];
    const b = [value(2n, 1n), value(3n, 5n), e, value(1n, 3n)];
    let chain: Value = ZERO;
    for (let k = 0; k < a.length; k++) chain = add(chain, mul(a[k], b[k]));
    const r = dot(a, b);
    expect(r.kind).toBe('real');
    expect(JSON.stringify(exprOf(r), (_, v) => (typeof v === 'bigint' ? v.toString() : v))).toBe(
      JSON.stringify(exprOf(chain), (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    );
    if (r.kind === 'real' && chain.kind === 'real') expect(r.approx.eq(chain.approx)).toBe(true);
  });
});
