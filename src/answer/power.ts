// Exact powers and roots. x^n for an integer n stays rational (checked against the size caps before the
// BigInt power is taken, so 9^9^9 is refused at once); x^(p/q) is rational when x is a perfect q-th power
// (4^0.5 = 2, (1/8)^(1/3) = 1/2); otherwise the power is the real exp(y·ln x), defined only for x > 0.
import { div, exp, Fraction, isRational, ln, mul, ONE, rational, sign, ZERO, type Value } from '../number/value';
import { powNatural } from '../number/power';
import { fail } from './errors';
import { bitLength, type Work } from './work';
import { rationalRoot } from './roots';
import { checkExpArgument, memoised } from './transcendental';

/** Largest q for which x^(p/q) is tried as an exact root. */
const MAX_ROOT_INDEX = 64n;

export function power(base: Value, exponent: Value, pos: number, work: Work): Value {
  if (isRational(exponent) && exponent.q.d === 1n) return integerPower(base, exponent.q.s * exponent.q.n, pos, work);
  const s = sign(base);
  if (s === 0) {
    const e = sign(exponent);
    if (e > 0) return ZERO;
    return e === 0 ? fail('zero-power-zero', {}, pos) : fail('division-by-zero', {}, pos);
  }
  if (s < 0) fail('power-domain', {}, pos);
  if (isRational(base) && isRational(exponent) && exponent.q.d <= MAX_ROOT_INDEX) {
    const root = rationalRoot(base.q, exponent.q.d, work, pos);
    if (root) return integerPower(rational(root), exponent.q.s * exponent.q.n, pos, work);
  }
  work.chargeTranscendental(pos, 2);
  const real = (): Value => {
    const product = mul(exponent, ln(base));
    checkExpArgument(product, 'a power', pos, work);
    return exp(product);
  };
  // Memoised when base and exponent are both rational (2^0.5 recurs across a class's answers).
  return isRational(exponent) && isRational(base) ? memoised(`pow ${exponent.q.toFraction()}`, base, real) : real();
}

export function integerPower(base: Value, n: bigint, pos: number, work: Work): Value {
  const limits = work.limits;
  const magnitude = n < 0n ? -n : n;
  if (magnitude > BigInt(limits.maxExponent)) fail('exponent-too-large', { max: limits.maxExponent }, pos);
  if (sign(base) === 0) {
    if (n > 0n) return ZERO;
    return n === 0n ? fail('zero-power-zero', {}, pos) : fail('division-by-zero', {}, pos);
  }
  if (n === 0n) return ONE;
  if (isRational(base)) {
    const q = base.q;
    // The result has about |n| times the operand's bits: refuse before computing it.
    const bits = Math.max(bitLength(q.n), bitLength(q.d));
    if (bits > 1 && Number(magnitude) * bits > limits.maxBits) fail('number-too-large', { max: limits.maxBits }, pos);
    let num = q.n ** magnitude;
    let den = q.d ** magnitude;
    work.chargeBits(num, den, pos);
    if (n < 0n) [num, den] = [den, num];
    if (q.s < 0n && magnitude % 2n === 1n) num = -num;
    return rational(new Fraction(num, den));
  }
  if (magnitude > BigInt(limits.maxRealExponent)) fail('exponent-too-large', { max: limits.maxRealExponent }, pos);
  // Square-and-multiply keeps the expression a small DAG.
  const result = powNatural(base, magnitude);
  return n < 0n ? div(ONE, result) : result;
}
