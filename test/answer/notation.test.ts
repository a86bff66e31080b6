// How precisely the student wrote a number, as the grader's rounding rules need it (counted by hand).
import { describe, expect, it } from 'vitest';
import { scalarOf } from './helpers';

describe('written precision', () => {
  it.each([
    // text, form, decimal places, significant figures
    ['0.0821', 'decimal', 4, 3],
    ['-0.0821', 'decimal', 4, 3],
    ['０．０８２１', 'decimal', 4, 3],
    ['0.50', 'decimal', 2, 2],
    ['2.0', 'decimal', 1, 2],
    ['.5', 'decimal', 1, 1],
    ['+0.5', 'decimal', 1, 1],
    ['0.00', 'decimal', 2, 0],
    ['12', 'integer', 0, 2],
    ['1500', 'integer', 0, 4],
    ['-3', 'integer', 0, 1],
    ['1.50e-3', 'scientific', 5, 3],
    ['1.5e3', 'scientific', -2, 2],
    ['1.5×10^-3', 'scientific', 4, 2],
    ['1.5*10^(-3)', 'scientific', 4, 2],
    ['-2.50×10⁻²', 'scientific', 4, 3],
    ['3/20', 'fraction', null, null],
    ['-3/20', 'fraction', null, null],
    ['0.6*0.4', 'expression', null, null],
    ['0.3/2', 'expression', null, null],
    ['e^-1', 'expression', null, null],
    ['(0.15)', 'decimal', 2, 2],
    ['-(3/20)', 'fraction', null, null],
    ['2*-3/20', 'expression', null, null],
    ['1.5×10^0.5', 'expression', null, null],
  ])('%j: %s, %s decimal places, %s significant figures', (text, form, places, figures) => {
    const a = scalarOf(text);
    expect(a.form).toBe(form);
    expect(a.decimalPlaces).toBe(places);
    expect(a.significantFigures).toBe(figures);
  });
});
