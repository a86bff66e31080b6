// The limits of literals and of exact values (src/number/limits.ts), against numbers built here.
import { describe, expect, it } from 'vitest';
import Fraction from 'fraction.js';
import { ExactLimitError, LIMITS, literalBreach } from '../../src/number/limits';
import { powNatural } from '../../src/number/power';
import * as V from '../../src/number/value';

describe('literal limits', () => {
  it.each([
    ['0.15', null],
    [`${'9'.repeat(100)}`, null],
    [`${'9'.repeat(101)}`, 'literalDigits'],
    [`0.${'1'.repeat(100)}`, 'literalDigits'],
    [`1/${'3'.repeat(101)}`, 'literalDigits'],
    ['1e1000', null],
    ['-2.5E-1000', null],
    ['1e1001', 'literalExponent'],
    ['1e-9999', 'literalExponent'],
    [`1e${'9'.repeat(5000)}`, 'literalExponent'],
    ['1e0001000', null],
    ['apple', null],
    ['', null],
  ])('%s → %s', (text, limit) => {
    expect(literalBreach(text)?.limit ?? null).toBe(limit);
  });

  it('parseLiteral reads nothing over the limits (no huge BigInt is ever built)', () => {
    expect(V.parseLiteral('1e9999')).toBeNull();
    expect(V.parseLiteral('1'.repeat(101))).toBeNull();
    expect(V.parseLiteral('1e1000')).not.toBeNull();
  });
});

describe('exact values are bounded', () => {
  const bound = 1n << BigInt(LIMITS.exactBits);

  it('accepts a value just within the limit and refuses one just beyond it', () => {
    expect(() => V.rational(new Fraction(bound - 1n, 1n))).not.toThrow();
    expect(() => V.rational(new Fraction(bound, 1n))).toThrow(ExactLimitError);
    expect(() => V.rational(new Fraction(1n, bound))).toThrow(ExactLimitError);
  });

  it('2 squared 31 times stops at the limit, quickly, with "too large to compute exactly"', () => {
    const started = performance.now();
    expect(() => powNatural(V.ratio(2), 1n << 31n)).toThrow(/too large to compute exactly/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a long dot product of large coprime fractions is reduced, then refused only if still too large', () => {
    // 1/p_k for distinct odd denominators near 2^300: the exact sum has a denominator of ~ 300·n bits.
    const terms = Array.from({ length: 40 }, (_, k) => V.rational(new Fraction(1n, (1n << 300n) + BigInt(2 * k + 1))));
    const ones = terms.map(() => V.ONE);
    expect(() => V.dot(terms, ones)).toThrow(ExactLimitError);
    const few = V.dot(terms.slice(0, 3), ones.slice(0, 3));
    const expected = terms.slice(0, 3).reduce((acc, t) => acc.add((t as { q: Fraction }).q), new Fraction(0));
    expect(few.kind === 'rational' && few.q.equals(expected)).toBe(true);
  });
});
