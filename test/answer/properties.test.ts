// Property tests: random values written in every accepted notation parse back to exactly the value the
// test built independently (BigInt arithmetic and string operations, never the parser's own code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction } from '../../src/number/value';
import { parseAnswer } from '../../src/answer';
import { scalarOf } from './helpers';

const FULL_WIDTH = (s: string): string =>
  [...s]
    .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c === ' ' ? '\u3000' : c))
    .join('');

function fractionOf(text: string): Fraction {
  const v = scalarOf(text).value;
  if (v.kind !== 'rational') throw new Error(`${text} is not rational`);
  return v.q;
}

const smallInt = fc.bigInt({ min: -10_000n, max: 10_000n });
const positive = fc.bigInt({ min: 1n, max: 10_000n });

/** A decimal string for m / 10^k, built with string operations only. */
function decimalText(m: bigint, k: number): string {
  const sign = m < 0n ? '-' : '';
  const digits = (m < 0n ? -m : m).toString().padStart(k + 1, '0');
  return k === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

describe('notations round-trip exactly', () => {
  it('fractions p/q, plain, full-width, with unicode minus and parentheses', () => {
    fc.assert(
      fc.property(smallInt, positive, fc.constantFrom('plain', 'full', 'minus', 'parens', 'spaces'), (p, q, style) => {
        const plain = `${p}/${q}`;
        const text =
          style === 'full'
            ? FULL_WIDTH(plain)
            : style === 'minus'
              ? plain.replace('-', '−')
              : style === 'parens'
                ? `(${p})/(${q})`
                : ` ${p} / ${q} `;
        expect(fractionOf(text).equals(new Fraction(p, q))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('decimals m/10^k with their written precision', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (m, k, full) => {
          const plain = decimalText(m, k);
          const a = scalarOf(full ? FULL_WIDTH(plain) : plain);
          expect(a.value.kind === 'rational' && a.value.q.equals(new Fraction(m, 10n ** BigInt(k)))).toBe(true);
          expect(a.form).toBe(k === 0 ? 'integer' : 'decimal');
          expect(a.decimalPlaces).toBe(k);
          // Significant figures: the digits after the leading zeros, counted on the string.
          const digits = plain.replace('-', '').replace('.', '').replace(/^0+/, '');
          expect(a.significantFigures).toBe(digits.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('scientific notation in all its spellings', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 99_999n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom('e', 'E', '×10^', '*10^', 'x10^', '·10^', '*10**'),
        (m, k, exponent, style) => {
          const mantissa = decimalText(m, k);
          const text =
            style === 'e' || style === 'E'
              ? `${mantissa}${style}${exponent}`
              : `${mantissa}${style}${exponent < 0 ? `(${exponent})` : exponent}`;
          const scale = exponent - k;
          const expected =
            scale >= 0 ? new Fraction(m * 10n ** BigInt(scale), 1n) : new Fraction(m, 10n ** BigInt(-scale));
          const a = scalarOf(text);
          expect(a.value.kind === 'rational' && a.value.q.equals(expected)).toBe(true);
          expect(a.form).toBe('scientific');
          expect(a.decimalPlaces).toBe(k - exponent);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** A random arithmetic expression together with its value, computed here with Fraction. */
type Expr = { text: string; value: Fraction | null };

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.bigInt({ min: 0n, max: 99n }).map((n) => ({ text: String(n), value: new Fraction(n, 1n) })),
  fc.tuple(fc.bigInt({ min: 0n, max: 999n }), fc.integer({ min: 1, max: 3 })).map(([m, k]) => ({
    text: decimalText(m, k),
    value: new Fraction(m, 10n ** BigInt(k)),
  })),
);

const PLUS = ['+', ' + ', '＋'];
const MINUS = ['-', ' − ', '－', ' ー '];
const TIMES = ['*', ' × ', '·', '＊'];
const DIVIDE = ['/', ' ÷ ', '／'];

const expression: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e'), fc.constantFrom('+', '-', '*', '/'), fc.nat(3)).map(([a, b, op, glyph]) => {
      const symbol = (op === '+' ? PLUS : op === '-' ? MINUS : op === '*' ? TIMES : DIVIDE)[
        glyph % (op === '-' || op === '*' ? 4 : 3)
      ];
      let value: Fraction | null = null;
      if (a.value && b.value) {
        if (op === '+') value = a.value.add(b.value);
        else if (op === '-') value = a.value.sub(b.value);
        else if (op === '*') value = a.value.mul(b.value);
        else value = b.value.n === 0n ? null : a.value.div(b.value);
      }
      return { text: `(${a.text})${symbol}(${b.text})`, value };
    }),
    fc.tuple(tie('e'), fc.integer({ min: -3, max: 3 })).map(([a, n]) => {
      let value: Fraction | null = a.value;
      if (value) {
        if (value.n === 0n && n <= 0) value = null;
        else {
          let r = new Fraction(1n);
          for (let k = 0; k < Math.abs(n); k++) r = r.mul(value);
          value = n < 0 ? new Fraction(1n).div(r) : r;
        }
      }
      return { text: `(${a.text})^${n < 0 ? `(${n})` : n}`, value };
    }),
    tie('e').map((a) => ({ text: `-(${a.text})`, value: a.value ? a.value.neg() : null })),
  ),
})).e;

describe('expressions evaluate exactly', () => {
  it('random + − × ÷ ^ trees equal their independently computed value', () => {
    fc.assert(
      fc.property(expression, (e) => {
        const r = parseAnswer(e.text);
        if (e.value === null) {
          // 0 in a denominator or 0^0 somewhere: rejected with the matching code.
          expect(r.ok).toBe(false);
          if (!r.ok) expect(['division-by-zero', 'zero-power-zero']).toContain(r.error.code);
          return;
        }
        if (!r.ok) {
          // Only the size caps may refuse a well-formed expression.
          expect(['number-too-large', 'too-complex', 'too-deep', 'too-many-tokens', 'too-long']).toContain(
            r.error.code,
          );
          return;
        }
        expect(r.answer.kind).toBe('scalar');
        if (r.answer.kind === 'scalar')
          expect(r.answer.value.kind === 'rational' && r.answer.value.q.equals(e.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
