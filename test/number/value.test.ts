// The exact number type: rationals stay rational (never through a JS number), exp/ln/σ/tanh give
// reals whose 64-digit approximations match constants computed separately (mpmath, 45 digits).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import * as V from '../../src/number/value';
import { exactString, exprText } from '../../src/number/format';

const Dec = DecimalBase.clone({ precision: 60 });
const lit = (s: string) => {
  const v = V.parseLiteral(s);
  if (!v) throw new Error(`not a literal: ${s}`);
  return v;
};

function expectReal(v: V.Value, digits: string): void {
  expect(v.kind).toBe('real');
  expect(new Dec(V.approx(v).toString()).minus(digits).abs().lt('1e-43')).toBe(true);
}

describe('parseLiteral', () => {
  it.each([
    ['0.15', '3/20'],
    ['-2', '-2'],
    ['1/3', '1/3'],
    [' 6/4 ', '3/2'],
    ['.5', '1/2'],
    ['5.', '5'],
    ['+0.25', '1/4'],
    ['1e-3', '1/1000'],
    ['2.5E2', '250'],
    ['0.1/0.3', '1/3'],
    ['\u22120.5', '-1/2'],
    ['0.1000000000000000055511151231257827', '1000000000000000055511151231257827/10000000000000000000000000000000000'],
  ])('%s → %s', (text, fraction) => {
    expect(exactString(lit(text))).toBe(fraction);
  });

  it.each(['', 'abc', '1/0', '0x10', '1,5', '1/2/3', '--1', 'e5', '.', 'Infinity', 'NaN', '1e99999'])(
    'rejects %j',
    (text) => {
      expect(V.parseLiteral(text)).toBeNull();
    },
  );

  it('round-trips any fraction p/q exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        (p, q) => {
          const v = lit(`${p}/${q}`);
          // Cross-multiplication in BigInt: p/q equals the reduced n/d.
          const [n, d = '1'] = exactString(v)!.split('/');
          expect(BigInt(n) * q).toBe(p * BigInt(d));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rational arithmetic stays exact', () => {
  it('0.1 + 0.2 = 3/10, 1/3 · 3 = 1, (1/3 − 1/2) / (−1/6) = 1', () => {
    expect(exactString(V.add(lit('0.1'), lit('0.2')))).toBe('3/10');
    expect(exactString(V.mul(lit('1/3'), lit('3')))).toBe('1');
    expect(exactString(V.div(V.sub(lit('1/3'), lit('1/2')), lit('-1/6')))).toBe('1');
    expect(exactString(V.neg(lit('2/7')))).toBe('-2/7');
    expect(exactString(V.sum([lit('1/2'), lit('1/3'), lit('1/6')]))).toBe('1');
    expect(exactString(V.max(lit('-1/3'), lit('-1/2')))).toBe('-1/3');
    expect(() => V.div(V.ONE, V.ZERO)).toThrow(RangeError);
  });

  it('is exact on huge numerators and denominators', () => {
    const tiny = lit('1/1000000000000000000000000000000000000000');
    const back = V.sub(V.add(V.ONE, tiny), V.ONE);
    expect(exactString(back)).toBe('1/1000000000000000000000000000000000000000');
  });

  it('the functions are rational exactly where they should be: σ(0) = 1/2, tanh(0) = 0, exp(0) = 1, ln(1) = 0', () => {
    expect(exactString(V.sigmoid(V.ZERO))).toBe('1/2');
    expect(exactString(V.tanh(V.ZERO))).toBe('0');
    expect(exactString(V.exp(V.ZERO))).toBe('1');
    expect(exactString(V.ln(V.ONE))).toBe('0');
    expect(exactString(V.mul(V.ZERO, V.exp(V.ONE)))).toBe('0');
    expect(() => V.ln(V.ZERO)).toThrow(RangeError);
    expect(() => V.ln(lit('-1'))).toThrow(RangeError);
  });
});

describe('reals', () => {
  it('σ(151/400), e^{−1/2}, 2·tanh(1/2), 1/(1 + e^{−1}), ln 2 to 43 digits', () => {
    expectReal(V.sigmoid(lit('151/400')), '0.593269992107187255173654561579402815457683724');
    expectReal(V.exp(lit('-1/2')), '0.606530659712633423603799534991180453441918135');
    expectReal(V.mul(lit('2'), V.tanh(lit('1/2'))), '0.924234314520019517004636967287345097460578561');
    expectReal(V.div(V.ONE, V.add(V.ONE, V.exp(lit('-1')))), '0.73105857863000487925115924182183627436514464');
    expectReal(V.ln(lit('2')), '0.693147180559945309417232121458176568075500134');
    expectReal(V.exp(lit('-50')), '1.92874984796391778301734281652701257475283265e-22');
  });

  it('keeps the exact symbolic expression', () => {
    const e = V.exprOf(V.sigmoid(lit('151/400')));
    expect(e.op === 'call' && e.fn === 'sigmoid' && e.arg.op === 'rational' && e.arg.q.toFraction()).toBe('151/400');
  });

  it('sign and compare of reals: σ(−1) < 1/2 < σ(1)', () => {
    expect(V.sign(V.sigmoid(lit('-40')))).toBe(1);
    expect(V.sign(V.neg(V.exp(lit('1'))))).toBe(-1);
    expect(V.compare(V.sigmoid(lit('-1')), lit('1/2'))).toBe(-1);
    expect(V.compare(V.sigmoid(lit('1')), lit('1/2'))).toBe(1);
  });

  it('an identity that cancels exactly is exactly 0: σ(x) + σ(−x) − 1, tanh(x) + tanh(−x)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 40 }), (n, d) => {
        const x = V.ratio(n, d);
        const sigmoids = V.sub(V.add(V.sigmoid(x), V.sigmoid(V.neg(x))), V.ONE);
        expect(exactString(sigmoids)).toBe('0');
        expect(V.sign(sigmoids)).toBe(0);
        expect(exactString(V.add(V.tanh(x), V.tanh(V.neg(x))))).toBe('0');
      }),
      { numRuns: 100 },
    );
  });

  it('but a tiny genuine difference is not 0: σ(−100) and 1 − σ(40)', () => {
    expect(V.sign(V.sigmoid(lit('-100')))).toBe(1);
    const rest = V.sub(V.ONE, V.sigmoid(lit('40')));
    expect(rest.kind).toBe('real');
    expectReal(rest, new Dec(1).div(new Dec(1).plus(Dec.exp(40))).toString());
  });
});

describe('extreme values', () => {
  // An independent reference at 300 digits: 1 − σ(a) = 1/(1 + e^a), computed without cancellation.
  const Wide = DecimalBase.clone({ precision: 300 });
  const complement = (a: number) => new Wide(1).div(new Wide(1).plus(Wide.exp(a)));

  it('keeps 34 good digits when y − t cancels for a saturated sigmoid (a = 80, 120, 170)', () => {
    for (const a of [80, 120, 170]) {
      const diff = V.sub(V.sigmoid(V.ratio(a)), V.ONE); // −(1 − σ(a)), about −e^(−a)
      expect(diff.kind).toBe('real');
      const got = new Wide(V.approx(diff).toString());
      const want = complement(a).neg();
      expect(got.minus(want).abs().div(want.abs()).lt('1e-40')).toBe(true);
    }
  });

  it('computes tanh of a large argument at once (through e^(−2|x|))', () => {
    const started = performance.now();
    const t = V.tanh(V.ratio(1_000_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(V.approx(t).toFixed(40)).toBe(`1.${'0'.repeat(40)}`);
    expect(V.approx(V.tanh(V.ratio(-1_000_000))).toFixed(40)).toBe(`-1.${'0'.repeat(40)}`);
    // tanh(1/2) = (e − 1)/(e + 1) as a cross-check of the formula at an ordinary point.
    const e = Wide.exp(1);
    expect(
      new Wide(V.approx(V.tanh(V.ratio(1, 2))).toString())
        .minus(e.minus(1).div(e.plus(1)))
        .abs()
        .lt('1e-60'),
    ).toBe(true);
  });

  it('refuses e^x beyond decimal range (Infinity) with a clear error', () => {
    expect(() => V.exp(V.ratio(10n ** 20n))).toThrow(V.OutOfRangeError);
    expect(() => V.exp(V.ratio(10n ** 20n))).toThrow(/too large to compute/);
  });

  it('saturates σ, tanh and e^x of huge arguments instead of throwing, keeping the exact expression', () => {
    // 0 < σ(−10³⁰⁰) < e^(−10³⁰⁰) < 10^(−4·10²⁹⁹): zero to every one of the 64 digits; likewise 1 − σ(10³⁰⁰).
    const huge = V.ratio(10n ** 300n);
    const low = V.sigmoid(V.neg(huge));
    expect(V.approx(low).isZero()).toBe(true);
    expect(low.kind === 'real' && exprText(low.expr)).toBe('σ(-10³⁰⁰)');
    expect(V.approx(V.sigmoid(huge)).eq(1)).toBe(true);
    expect(V.approx(V.tanh(huge)).eq(1)).toBe(true);
    expect(V.approx(V.tanh(V.neg(huge))).eq(-1)).toBe(true);
    expect(V.approx(V.exp(V.neg(huge))).isZero()).toBe(true);
    // σ′ = σ(1 − σ) of a saturated unit is 0 to every digit too, without an error.
    expect(V.approx(V.mul(low, V.sub(V.ONE, low))).isZero()).toBe(true);
  });
});

describe('equal expressions', () => {
  it('the same expression built twice subtracts to exactly 0 without a wide recomputation', () => {
    const started = performance.now();
    for (let k = 1; k <= 200; k++) {
      const a = V.exp(V.ratio(-k, 7));
      const b = V.exp(V.ratio(-k, 7)); // a separate Value with an equal tree
      expect(exactString(V.sub(a, b))).toBe('0');
    }
    expect(performance.now() - started).toBeLessThan(2000);
    // Different trees of different values still subtract to a real.
    expect(V.sub(V.exp(V.ratio(-1)), V.exp(V.ratio(-2))).kind).toBe('real');
  });
});
