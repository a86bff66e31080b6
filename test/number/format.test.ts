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
