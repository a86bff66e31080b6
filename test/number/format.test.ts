// How values are written: the JSON contract's exact/approx strings, LaTeX, and the terminal text.
import { describe, expect, it } from 'vitest';
import * as V from '../../src/number/value';
import { approxString, exactString, valueLatex, valueText } from '../../src/number/format';

const lit = (s: string) => V.parseLiteral(s)!;

describe('approxString: a plain decimal with 34 significant digits', () => {
  it.each([
    ['1/3', '0.3333333333333333333333333333333333'],
    ['3/20', '0.1500000000000000000000000000000000'],
    ['-2/3', '-0.6666666666666666666666666666666667'],
    ['1234.5', '1234.500000000000000000000000000000'],
    ['0', '0.000000000000000000000000000000000'],
    // Below 1e-7 decimal.js's toPrecision would switch to "1.000…e-8": the contract wants a decimal.
    ['1e-8', '0.00000001000000000000000000000000000000000'],
    ['-1/30000000000', '-0.00000000003333333333333333333333333333333333'],
    // A long integer part is printed in full.
    ['123456789012345678901234567890123456789', '123456789012345678901234567890123456789'],
  ])('%s → %s', (text, expected) => {
    expect(approxString(lit(text))).toBe(expected);
  });

  it('never uses exponent notation, even for e^{−50}', () => {
    const s = approxString(V.exp(lit('-50')));
    expect(s).toMatch(/^0\.0{21}1928749847963917783017342816527013$/);
  });
});

describe('exactString', () => {
  it('is the reduced fraction, an integer, or null for an irrational value', () => {
    expect(exactString(lit('6/4'))).toBe('3/2');
    expect(exactString(lit('-4/2'))).toBe('-2');
    expect(exactString(lit('0/5'))).toBe('0');
    expect(exactString(V.sigmoid(lit('1')))).toBeNull();
  });
});

describe('valueLatex and valueText', () => {
  it('writes fractions and short symbolic forms', () => {
    expect(valueLatex(lit('-3/4'))).toBe('-\\frac{3}{4}');
    expect(valueLatex(lit('5'))).toBe('5');
    expect(valueLatex(V.sigmoid(lit('151/400')))).toBe('\\sigma\\left(\\frac{151}{400}\\right)');
    expect(valueLatex(V.exp(lit('-1/2')))).toBe('e^{-\\frac{1}{2}}');
    expect(valueLatex(V.div(V.ONE, V.add(V.ONE, V.exp(lit('-1')))))).toBe('\\frac{1}{1 + e^{-1}}');
  });

  it('puts the fraction and the decimal side by side', () => {
    expect(valueText(lit('3/20'))).toBe('3/20 = 0.15');
    expect(valueText(lit('1/3'))).toBe('1/3 ≈ 0.3333333333');
    expect(valueText(lit('-2'))).toBe('-2');
    expect(valueText(V.sigmoid(lit('151/400')))).toBe('σ(151/400) ≈ 0.5932699921');
  });
});

describe('rationalDecimal (BigInt rounding of a fraction)', async () => {
  const fc = (await import('fast-check')).default;
  const { default: DecimalBase } = await import('decimal.js');
  const { Fraction } = await import('../../src/number/value');
  const { rationalDecimal } = await import('../../src/number/format');
  // An independent reference: decimal.js at 200 digits (no double rounding at 34), then toSignificantDigits.
  const D = DecimalBase.clone({ precision: 200, rounding: DecimalBase.ROUND_HALF_EVEN });
  const reference = (n: bigint, d: bigint, digits: number) => {
    const x = new D(n.toString()).div(d.toString()).toSignificantDigits(digits);
    return x.isZero()
      ? `0.${'0'.repeat(digits - 1)}`
      : x.e >= digits - 1
        ? new D(n.toString()).div(d.toString()).toFixed(0)
        : x.toFixed(digits - 1 - x.e);
  };
  it('agrees with a 200-digit decimal reference on random fractions', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.bigInt({ min: 1n, max: 10n ** 40n }),
        fc.integer({ min: 1, max: 40 }),
        (n, d, digits) => {
          expect(rationalDecimal(new Fraction(n, d), digits)).toBe(reference(n, d, digits));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('rounds exact ties to even and carries into a new digit', () => {
    expect(rationalDecimal(new Fraction(1n, 8n), 2)).toBe('0.12'); // 0.125 → 0.12 (tie, even)
    expect(rationalDecimal(new Fraction(3n, 8n), 2)).toBe('0.38'); // 0.375 → 0.38 (tie, even)
    expect(rationalDecimal(new Fraction(-9995n, 1000n), 3)).toBe('-10.0'); // 9.995 → 10.0 (tie → even 1000)
    expect(rationalDecimal(new Fraction(3n, 20n), 34)).toBe('0.1500000000000000000000000000000000');
    expect(rationalDecimal(new Fraction(0n, 1n), 5)).toBe('0.0000');
  });
});
