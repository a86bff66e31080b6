// The tolerance rule against hand-worked values and against the grader itself: every decimal the
// grader calls right (exact, or correctly rounded with ≥ 3 significant figures) is inside the
// interval, and a value off by one unit in the 3rd figure is outside.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { numericKey } from '../../src/export/tolerance';
import { judgeNumber, isRight } from '../../src/grader/compare';
import { jsonValue } from '../../src/number/json';
import { Decimal, Fraction, parseLiteral, rational } from '../../src/number/value';

const inside = (key: ReturnType<typeof numericKey>, typed: string) =>
  new Decimal(typed).gte(key.low) && new Decimal(typed).lte(key.high);

/** How a plain decimal is written, as the answer parser reports it ("0.0821": 3 figures, 4 places). */
function written(typed: string): { sigFigs: number; places: number } {
  const [int, frac = ''] = typed.replace('-', '').split('.');
  const digits = (int + frac).replace(/^0+/, '');
  return { sigFigs: Math.max(digits.length, 1), places: frac.length };
}

const keyOf = (exact: string) => numericKey(jsonValue(parseLiteral(exact)!));

describe('numericKey', () => {
  test('half a unit in the 3rd significant figure (0.082136: 0.0821 and 0.08214 in, 0.0822 out)', () => {
    const key = keyOf('0.082136');
    expect(key).toEqual({ answer: '0.082136', tolerance: '0.00005', low: '0.082086', high: '0.082186' });
    for (const typed of ['0.0821', '0.08214', '0.082136', '0.0821360']) expect(inside(key, typed)).toBe(true);
    for (const typed of ['0.0822', '0.0820', '0.08', '-0.0821', '0.82136']) expect(inside(key, typed)).toBe(false);
  });

  test('a value that is itself a short decimal has no other correct rounding: tolerance 0', () => {
    expect(keyOf('3/20')).toEqual({ answer: '0.15', tolerance: '0', low: '0.15', high: '0.15' });
    expect(keyOf('-2')).toEqual({ answer: '-2', tolerance: '0', low: '-2', high: '-2' });
    expect(keyOf('0')).toEqual({ answer: '0', tolerance: '0', low: '0', high: '0' });
    expect(keyOf('120')).toEqual({ answer: '120', tolerance: '0', low: '120', high: '120' });
  });

  test('where rounding carries (0.09996 → 0.100), the wrong 0.0999 stays outside', () => {
    const key = keyOf('0.09996');
    expect(key.tolerance).toBe('0.00005');
    expect(inside(key, '0.100')).toBe(true);
    expect(inside(key, '0.1000')).toBe(true);
    expect(inside(key, '0.0999')).toBe(false);
    expect(inside(key, '0.101')).toBe(false);
  });

  test('fractions, carries, large and negative values', () => {
    expect(keyOf('1/3')).toEqual({
      answer: '0.333333333333',
      tolerance: '0.0005',
      low: '0.332833333333',
      high: '0.333833333333',
    });
    // 0.09996 rounds to 0.100 at 3 figures (a carry into a new digit): still inside.
    expect(inside(keyOf('0.09996'), '0.100')).toBe(true);
    expect(keyOf('-1234.5').tolerance).toBe('5');
    expect(inside(keyOf('-1234.5'), '-1230')).toBe(true);
    expect(inside(keyOf('-1234.5'), '-1240')).toBe(false);
    // 0.7792 = 487/625: 0.779 (3 figures) is right, 0.778 is not.
    expect(inside(keyOf('487/625'), '0.779')).toBe(true);
    expect(inside(keyOf('487/625'), '0.778')).toBe(false);
  });

  test('an irrational value: its 12-figure decimal and the half unit', () => {
    // σ(0.45) = 1/(1 + e^−0.45) = 0.610639233949222…
    const key = numericKey({ exact: null, approx: '0.6106392339492223082210008015052580', latex: '' });
    expect(key.answer).toBe('0.610639233949');
    expect(key.tolerance).toBe('0.0005');
  });

  test('every decimal the grader accepts as correctly rounded is inside (random fractions, 3–9 figures)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.integer({ min: 3, max: 9 }),
        (n, d, figures) => {
          const value = rational(new Fraction(n, d));
          const key = numericKey(jsonValue(value));
          const exact = new Decimal(n.toString()).div(d.toString());
          for (const mode of [Decimal.ROUND_HALF_UP, Decimal.ROUND_HALF_EVEN]) {
            const typed = exact.isZero() ? '0' : exact.toSignificantDigits(figures, mode).toFixed();
            const verdict = judgeNumber(value, { value: parseLiteral(typed)!, written: written(typed), text: typed });
            if (isRight(verdict)) expect(inside(key, typed), `${typed} for ${n}/${d}`).toBe(true);
          }
          // The 3-figure decimals next to the right one are wrong, and never inside — except at a tie,
          // where the value is halfway and both roundings are right.
          if (!exact.isZero()) {
            const unit = new Decimal(10).pow(exact.abs().e - 2);
            const r3 = exact.toSignificantDigits(3, Decimal.ROUND_HALF_UP);
            const tie = exact.minus(r3).abs().times(2).equals(unit);
            for (const off of [r3.minus(unit), r3.plus(unit)]) {
              if (tie && off.minus(exact).abs().times(2).equals(unit)) continue;
              expect(inside(key, off.toFixed()), `${off.toFixed()} for ${n}/${d}`).toBe(false);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
