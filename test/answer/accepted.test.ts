// Every accepted notation, with its exact value derived by hand (fractions reduced on paper) or, for an
// irrational value, a published decimal expansion of the constant.
import { describe, expect, it } from 'vitest';
import { formatAst } from '../../src/answer';
import { compare, exp, ln, ratio, sigmoid } from '../../src/number/value';
import { exactOf, expectClose, scalarOf } from './helpers';

// Published decimal expansions of 1/e, ln 2, 1/e², √2 and e (checked against Python's decimal module).
const E_INV = '0.367879441171442321595523770161460867';
const LN2 = '0.693147180559945309417232121458176568';
const E_INV2 = '0.135335283236612691893999494972484403';
const SQRT2 = '1.414213562373095048801688724209698078';
const E = '2.718281828459045235360287471352662497';
// σ(1) = 1/(1 + e⁻¹) and tanh(1) = (e² − 1)/(e² + 1), from the same constants.
const SIGMOID1 = '0.731058578630004879251159241821836274';
const TANH1 = '0.761594155955764888119458282604793590';

const exact: [string, string][] = [
  // integers and decimals
  ['3', '3'],
  ['-3', '-3'],
  ['+3', '3'],
  ['007', '7'],
  ['0.15', '3/20'],
  ['.5', '1/2'],
  ['5.', '5'],
  ['-0.25', '-1/4'],
  ['  0.15  ', '3/20'],
  ['0.15\n', '3/20'],
  // fractions
  ['3/20', '3/20'],
  ['-3/20', '-3/20'],
  ['6/40', '3/20'],
  ['3 / 20', '3/20'],
  ['1/2/2', '1/4'],
  ['6/2*3', '9'],
  ['1-2-3', '-4'],
  // scientific notation: 1.5 × 10⁻³ = 15/10000 = 3/2000
  ['1.5e-3', '3/2000'],
  ['1.5E-3', '3/2000'],
  ['1.5e−3', '3/2000'],
  ['2e3', '2000'],
  ['2e+3', '2000'],
  ['1.5×10^-3', '3/2000'],
  ['1.5*10^-3', '3/2000'],
  ['1.5x10^-3', '3/2000'],
  ['1.5 x 10^-3', '3/2000'],
  ['1.5X10^-3', '3/2000'],
  ['1.5 × 10^(-3)', '3/2000'],
  ['1.5·10⁻³', '3/2000'],
  ['1.5*10**-3', '3/2000'],
  // expressions: 0.6·0.4 = 0.24 = 6/25; −(0.75 − 1)·0.5 = 0.125
  ['0.6*(1-0.6)', '6/25'],
  ['0.6(1-0.6)', '6/25'],
  ['0.6 × (1 − 0.6)', '6/25'],
  ['0.6·0.4', '6/25'],
  ['-(0.75-1)*0.5', '1/8'],
  ['(0.75-1)*0.5', '-1/8'],
  ['3÷20', '3/20'],
  ['1⁄2', '1/2'],
  ['2(3)', '6'],
  ['(2)(3)', '6'],
  // powers: right-associative, unary minus below ^
  ['2^10', '1024'],
  ['2^-2', '1/4'],
  ['-2^2', '-4'],
  ['(-2)^2', '4'],
  ['(-2)^3', '-8'],
  ['2^3^2', '512'],
  ['(2^3)^2', '64'],
  ['0.5^3', '1/8'],
  ['(2/3)^-2', '9/4'],
  ['2**3', '8'],
  ['2²', '4'],
  ['10⁻³', '1/1000'],
  ['0^2', '0'],
  ['1^1024', '1'],
  // exact roots
  ['4^0.5', '2'],
  ['8^(1/3)', '2'],
  ['(1/8)^(2/3)', '1/4'],
  ['0.25^1.5', '1/8'],
  ['sqrt(1/4)', '1/2'],
  ['√0.25', '1/2'],
  ['sqrt 16', '4'],
  ['sqrt(0)', '0'],
  // functions at points where they are rational
  ['sigmoid(0)', '1/2'],
  ['σ(0)', '1/2'],
  ['tanh(0)', '0'],
  ['exp(0)', '1'],
  ['e^0', '1'],
  ['ln(1)', '0'],
  ['log 1', '0'],
  ['LN(1)', '0'],
  ['Exp(0)', '1'],
  // full-width characters from a Japanese IME, and the IME's ー 、 。
  ['０．１５', '3/20'],
  ['３／２０', '3/20'],
  ['－０．５', '-1/2'],
  ['（１－０．６）＊０．６', '6/25'],
  ['１．５ｅ－３', '3/2000'],
  ['\u30000.15\u3000', '3/20'],
  ['ー0.25', '-1/4'],
  ['0。5', '1/2'],
  ['１＋２', '3'],
  ['２＾３', '8'],
  ['２×１０＾－３', '1/500'],
  // unicode minus, zero-width space dropped
  ['−0.5', '-1/2'],
  ['0.1\u200b5', '3/20'],
];

describe('accepted notations with exact values', () => {
  it.each(exact)('%j = %s', (text, expected) => {
    expect(exactOf(scalarOf(text).value)).toBe(expected);
  });
});

const irrational: [string, string][] = [
  ['e^-1', E_INV],
  ['exp(-1)', E_INV],
  ['e^(-1)', E_INV],
  ['e⁻¹', E_INV],
  ['e⁽⁻¹⁾', E_INV],
  ['ℯ^-1', E_INV],
  ['1/e', E_INV],
  ['exp -1', E_INV],
  ['exp(−1)', E_INV],
  ['ln 2', LN2],
  ['ln(2)', LN2],
  ['ln2', LN2],
  ['log 2', LN2],
  ['LN 2', LN2],
  ['0.5*ln(4)', LN2],
  ['ln 2^1', LN2],
  ['exp(-2)', E_INV2],
  ['e^-2', E_INV2],
  ['1/e^2', E_INV2],
  ['e^(-2)', E_INV2],
  ['(e^-1)^2', E_INV2],
  ['sqrt 2', SQRT2],
  ['2√2/2', SQRT2],
  ['√2', SQRT2],
  ['2^0.5', SQRT2],
  ['2^(1/2)', SQRT2],
  ['sigmoid(1)', SIGMOID1],
  ['σ(1)', SIGMOID1],
  ['1/(1+e^-1)', SIGMOID1],
  ['1/(1+exp(-1))', SIGMOID1],
  ['tanh(1)', TANH1],
  ['tanh 1', TANH1],
  ['(e^2-1)/(e^2+1)', TANH1],
  ['e', E],
  ['e^1', E],
  ['exp 1', E],
];

describe('hints typed back', () => {
  // As the hints write them: ½ for 1/2, square brackets as parentheses; by hand: ½(0.4 + 0.6) = 1/2,
  // 2·(0.3 + 0.4) = 7/5, ⅓ + ¼ = 7/12, ¾ = 3/4.
  it.each([
    ['½', '1/2'],
    ['½(0.4 + 0.6)', '1/2'],
    ['½·(0.4 + 0.6)', '1/2'],
    ['[0.3 + 0.4]*2', '7/5'],
    ['2[0.3 + 0.4]', '7/5'],
    ['(1/2)[0.4 + (0.6)]', '1/2'],
    ['⅓ + ¼', '7/12'],
    ['¾', '3/4'],
  ])('%j = %s', (text, value) => {
    expect(exactOf(scalarOf(text).value)).toBe(value);
  });

  it('reads (1/2)[−ln 0.4 + (−ln 0.6)] as ½(−ln 0.4 − ln 0.6)', () => {
    const v = scalarOf('(1/2)[−ln 0.4 + (−ln 0.6)]', { expect: 'scalar' }).value;
    // −ln 0.24 / 2 = 0.71355… (ln 0.24 = −1.427116355640145…)
    expectClose(v, '0.7135581778200728', 15);
  });

  it('refuses a fraction sign after a digit (2½ is not 2·½)', () => {
    expect(() => scalarOf('2½')).toThrow();
  });
});

describe('accepted notations with irrational values', () => {
  it.each(irrational)('%j ≈ %s', (text, reference) => {
    const v = scalarOf(text).value;
    expect(v.kind).toBe('real');
    expectClose(v, reference);
  });

  it('reads e^x as exactly the engine’s exp(x), so it compares equal without tolerance', () => {
    expect(compare(scalarOf('e^-1').value, exp(ratio(-1)))).toBe(0);
    expect(compare(scalarOf('exp(-1)').value, exp(ratio(-1)))).toBe(0);
    expect(compare(scalarOf('e⁻¹').value, exp(ratio(-1)))).toBe(0);
    expect(compare(scalarOf('ln 2').value, ln(ratio(2)))).toBe(0);
    expect(compare(scalarOf('σ(0.5)').value, sigmoid(ratio(1, 2)))).toBe(0);
  });
});

describe('how an answer is read', () => {
  it.each([
    ['ln 2^3', 'ln(2^3)'],
    ['ln(2)^3', 'ln(2)^3'],
    ['exp -1', 'exp(-1)'],
    ['-2^2', '-2^2'],
    ['2^3^2', '2^3^2'],
    ['(2^3)^2', '(2^3)^2'],
    ['2(1-0.5)', '2 * (1 - 0.5)'],
    ['1-(2-3)', '1 - (2 - 3)'],
    ['1/(2*3)', '1 / (2 * 3)'],
    ['e^-1', 'e^(-1)'],
    ['√2', 'sqrt(2)'],
    ['2 exp(1)', '2 * exp(1)'],
    ['1.5×10⁻³', '1.5 * 10^(-3)'],
  ])('%j reads as %j', (text, reading) => {
    expect(formatAst(scalarOf(text).ast)).toBe(reading);
  });
});
