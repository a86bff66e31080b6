// An independent reference for gradient descent on a polynomial in one variable, written from the
// formulas alone: p(x) = Σ c_i xⁱ, p′(x) = Σ i·c_i xⁱ⁻¹, x_k = x_(k−1) − η·p′(x_(k−1)). Exact with its own
// BigInt fractions (nothing from src/, no fraction.js) and in float64 for a second opinion.
import { add, mul, rational, sub, type Rational } from './exact-rational';

/** A decimal or p/q literal as an exact BigInt fraction ("0.25" → 1/4, "-3/2" → −3/2). */
export function parseRational(text: string): Rational {
  const [p, q] = text.split('/');
  if (q !== undefined) return rational(BigInt(p), BigInt(q));
  const [whole, frac = ''] = p.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  const digits = BigInt(whole.replace('-', '') + frac);
  return rational(sign * digits, 10n ** BigInt(frac.length));
}

const power = (x: Rational, i: number): Rational => {
  let r = rational(1n);
  for (let k = 0; k < i; k++) r = mul(r, x);
  return r;
};

/** p(x) for coefficients c_0, c_1, … (lowest degree first). */
export function polyExact(c: readonly Rational[], x: Rational): Rational {
  return c.reduce((s, ci, i) => add(s, mul(ci, power(x, i))), rational(0n));
}

export function derivativeExact(c: readonly Rational[], x: Rational): Rational {
  return c.reduce(
    (s, ci, i) => (i === 0 ? s : add(s, mul(mul(rational(BigInt(i)), ci), power(x, i - 1)))),
    rational(0n),
  );
}

export interface DescentPoint {
  readonly x: Rational;
  readonly value: Rational;
  /** p′ at the point before the step. */
  readonly gradient: Rational;
}

/** The points `steps` steps of gradient descent (ascent: +) reach from x0. */
export function descendExact(c: readonly Rational[], x0: Rational, eta: Rational, steps: number, ascent = false) {
  const out: DescentPoint[] = [];
  let x = x0;
  for (let k = 0; k < steps; k++) {
    const gradient = derivativeExact(c, x);
    x = ascent ? add(x, mul(eta, gradient)) : sub(x, mul(eta, gradient));
    out.push({ x, value: polyExact(c, x), gradient });
  }
  return out;
}

export function descendFloat(c: readonly number[], x0: number, eta: number, steps: number): number[] {
  const d = (x: number) => c.reduce((s, ci, i) => (i === 0 ? s : s + i * ci * x ** (i - 1)), 0);
  const xs: number[] = [];
  let x = x0;
  for (let k = 0; k < steps; k++) {
    x -= eta * d(x);
    xs.push(x);
  }
  return xs;
}

/** n/d as the text fraction.js's toFraction prints ("15/8", "-2", "0"). */
export const fractionText = (r: Rational) => (r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`);
