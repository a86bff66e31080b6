// The term tree's two printers on the formulas the concepts write.
import { describe, expect, it } from 'vitest';
import { latex } from '../../src/math/latex';
import {
  add,
  call,
  cases,
  eq,
  frac,
  juxt,
  minus,
  neg,
  num,
  paren,
  pow,
  rel,
  substitute,
  sym,
  times,
} from '../../src/math/term';
import { unicode } from '../../src/math/unicode';

const SIGMA = { latex: '\\sigma', text: 'σ' };
const a = sym('a');
const y = sym('y');

describe('term printers', () => {
  it('write σ′(a) = σ(a)(1 − σ(a))', () => {
    const t = eq(call(sym(SIGMA, { prime: true }), a), juxt(call(SIGMA, a), paren(minus(num(1), call(SIGMA, a)))));
    expect(unicode(t)).toBe('σ′(a) = σ(a)(1 − σ(a))');
    expect(latex(t)).toBe(
      "\\sigma'\\left(a\\right) = \\sigma\\left(a\\right)\\left(1 - \\sigma\\left(a\\right)\\right)",
    );
  });

  it('write sub- and superscripts: a₁⁽¹⁾ and y_i', () => {
    const t = sym('a', { sub: num(1), sup: paren(num(1)) });
    expect(unicode(t)).toBe('a₁⁽¹⁾');
    expect(latex(t)).toBe('a^{\\left(1\\right)}_{1}');
    expect(unicode(sym('y', { sub: 'ik' }))).toBe('y_ik');
    expect(latex(sym('y', { sub: 'ik' }))).toBe('y_{ik}');
  });

  it('write powers, fractions and the sigmoid', () => {
    const t = frac(num(1), add(num(1), pow(sym('e'), neg(a))));
    expect(unicode(t)).toBe('1/(1 + e^(−a))');
    expect(latex(t)).toBe('\\frac{1}{1 + {e}^{-a}}');
    expect(unicode(minus(num(1), pow(y, 2)))).toBe('1 − y²');
    expect(latex(minus(num(1), pow(y, 2)))).toBe('1 - {y}^{2}');
  });

  it('bracket a negative operand and a looser term', () => {
    expect(unicode(times(num(2), num(-3)))).toBe('2·(−3)');
    expect(latex(times(num(2), num(-3)))).toBe('2 \\cdot \\left(-3\\right)');
    expect(unicode(minus(a, add(y, num(1))))).toBe('a − (y + 1)');
    expect(unicode(times(add(a, y), num(2)))).toBe('(a + y)·2');
    expect(unicode(pow(num(-2), 2))).toBe('(−2)²');
  });

  it('write cases and relations', () => {
    const t = cases([num(1), rel(a, '>', num(0))], [num(0), rel(a, '≤', num(0))]);
    expect(unicode(t)).toBe('1 (a > 0), 0 (a ≤ 0)');
    expect(latex(t)).toBe('\\begin{cases} 1 & a > 0 \\\\ 0 & a \\le 0 \\end{cases}');
  });

  it('substitute every variable at once', () => {
    const t = substitute(juxt(y, paren(minus(num(1), y))), { y: sym('out'), out: sym('never') });
    expect(unicode(t)).toBe('out(1 − out)');
  });
});
