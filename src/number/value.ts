// An exact number as the engine sees it: a rational (fraction.js with BigInt, the Fraction type that
// mathjs uses), or — once exp/ln enter — an irrational real kept as an exact symbolic expression
// together with a 64-digit decimal approximation (decimal.js, mathjs's BigNumber).
//
// Rationals never go through a JS `number`. Arithmetic stays rational as long as it can: σ(0) = 1/2,
// tanh(0) = 0, ln(1) = 0, 0 · (anything) = 0.
import Fraction from 'fraction.js';
import DecimalBase from 'decimal.js';
import { checkBits, exceedsBits, literalBreach } from './limits';

/** decimal.js configured as mathjs's BigNumber at 64 significant digits. */
export const Decimal = DecimalBase.clone({ precision: 64, rounding: DecimalBase.ROUND_HALF_EVEN });
export type Decimal = DecimalBase;
export { Fraction };

/** Functions that can appear in a symbolic expression. */
export type FunctionName = 'exp' | 'ln' | 'sigmoid' | 'tanh' | 'sqrt';

/** An exact symbolic expression whose leaves are rationals. */
export type Expr =
  | { readonly op: 'rational'; readonly q: Fraction }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div'; readonly left: Expr; readonly right: Expr; readonly size: number }
  | { readonly op: 'neg'; readonly arg: Expr; readonly size: number }
  | { readonly op: 'call'; readonly fn: FunctionName; readonly arg: Expr; readonly size: number };

export type Value =
  | { readonly kind: 'rational'; readonly q: Fraction }
  | { readonly kind: 'real'; readonly approx: Decimal; readonly expr: Expr };

const rationalCache = new Map<string, Value>();

/** A rational value; one whose numerator or denominator outgrows LIMITS.exactBits is refused (ExactLimitError). */
export function rational(q: Fraction): Value {
  checkBits(q.n);
  checkBits(q.d);
  return { kind: 'rational', q };
}

/** A rational from an integer or a "p/q" string of integers (never a float). */
export function ratio(n: bigint | number, d: bigint | number = 1n): Value {
  const key = `${n}/${d}`;
  let v = rationalCache.get(key);
  if (!v) {
    v = rational(new Fraction(BigInt(n), BigInt(d)));
    rationalCache.set(key, v);
  }
  return v;
}

export const ZERO = ratio(0);
export const ONE = ratio(1);

export function isRational(v: Value): v is { kind: 'rational'; q: Fraction } {
  return v.kind === 'rational';
}

export function fractionToDecimal(q: Fraction): Decimal {
  const d = new Decimal(q.n.toString()).div(q.d.toString());
  return q.s < 0n ? d.neg() : d;
}

/** The decimal of each rational value asked for (a 64-digit division), kept while the value lives. */
const rationalDecimals = new WeakMap<Value, Decimal>();

export function approx(v: Value): Decimal {
  if (v.kind !== 'rational') return v.approx;
  let d = rationalDecimals.get(v);
  if (d === undefined) {
    d = fractionToDecimal(v.q);
    rationalDecimals.set(v, d);
  }
  return d;
}

export function exprOf(v: Value): Expr {
  return v.kind === 'rational' ? { op: 'rational', q: v.q } : v.expr;
}

export function exprSize(e: Expr): number {
  return e.op === 'rational' ? 1 : e.size;
}

function real(approxValue: Decimal, expr: Expr): Value {
  return { kind: 'real', approx: approxValue, expr };
}

function binary(op: 'add' | 'sub' | 'mul' | 'div', a: Value, b: Value, approxValue: Decimal): Value {
  const left = exprOf(a);
  const right = exprOf(b);
  return real(approxValue, { op, left, right, size: exprSize(left) + exprSize(right) + 1 });
}

export function isZero(v: Value): boolean {
  return v.kind === 'rational' && v.q.n === 0n;
}

function isOne(v: Value): boolean {
  return v.kind === 'rational' && v.q.n === 1n && v.q.d === 1n && v.q.s > 0n;
}

export function add(a: Value, b: Value): Value {
  if (isZero(a)) return b;
  if (a.kind === 'rational' && b.kind === 'rational') return isZero(b) ? a : rational(a.q.add(b.q));
  if (isZero(b)) return a;
  return sumOrDifference('add', a, b);
}

export function sub(a: Value, b: Value): Value {
  if (isZero(b)) return a;
  if (a.kind === 'rational' && b.kind === 'rational') return rational(a.q.sub(b.q));
  if (a === b) return ZERO;
  return sumOrDifference('sub', a, b);
}

/** A sum that keeps at least 64 − 16 = 48 good digits needs no second look. */
const CANCELLATION = new Decimal('1e-16');
/** The most digits a cancelling sum is recomputed with before it is taken as an exact 0. */
const MAX_RESCUE_PRECISION = 256;

function sumOrDifference(op: 'add' | 'sub', a: Value, b: Value): Value {
  const x = approx(a);
  const y = approx(b);
  const result = op === 'add' ? x.plus(y) : x.minus(y);
  const scale = Decimal.max(x.abs(), y.abs());
  if (result.abs().gt(scale.times(CANCELLATION))) return binary(op, a, b, result);
  // Heavy cancellation (y − t for a saturated sigmoid, σ(x) + σ(−x) − 1, …) would leave only rounding
  // noise of the 64-digit values. Recompute the sum from its exact expression with more digits until
  // it has 64 good ones; what is still below 10^−(precision − 80) of its terms is an exact 0 (an
  // identity such as σ(x) + σ(−x) − 1 = 0, whose noise would otherwise pick a side of a ReLU kink).
  const left = exprOf(a);
  const right = exprOf(b);
  // The same expression twice (an answer e^-1 checked against exp(−1)): exactly 0, nothing to evaluate.
  if (op === 'sub' && sameExpr(left, right)) return ZERO;
  const expr: Expr = { op, left, right, size: exprSize(left) + exprSize(right) + 1 };
  for (let precision = 128; precision <= MAX_RESCUE_PRECISION; precision *= 2) {
    const Wide = DecimalBase.clone({ precision, rounding: DecimalBase.ROUND_HALF_EVEN });
    const value = evaluateExpr(expr, Wide);
    if (!value.isZero() && value.abs().gt(scale.times(new Wide(10).pow(80 - precision)))) {
      return real(new Decimal(value), expr);
    }
  }
  return ZERO;
}

/** Whether two expressions are the same tree (equal rationals at the leaves). */
function sameExpr(x: Expr, y: Expr): boolean {
  if (x === y) return true;
  if (x.op !== y.op || exprSize(x) !== exprSize(y)) return false;
  switch (x.op) {
    case 'rational':
      return x.q.equals((y as typeof x).q);
    case 'neg':
      return sameExpr(x.arg, (y as typeof x).arg);
    case 'call':
      return x.fn === (y as typeof x).fn && sameExpr(x.arg, (y as typeof x).arg);
    default:
      return sameExpr(x.left, (y as typeof x).left) && sameExpr(x.right, (y as typeof x).right);
  }
}

/** The value of an exact expression with the digits of `D` (each shared subexpression once). */
export function evaluateExpr(expr: Expr, D: typeof DecimalBase, memo = new Map<Expr, DecimalBase>()): DecimalBase {
  const known = memo.get(expr);
  if (known) return known;
  let value: DecimalBase;
  switch (expr.op) {
    case 'rational': {
      const d = new D(expr.q.n.toString()).div(expr.q.d.toString());
      value = expr.q.s < 0n ? d.neg() : d;
      break;
    }
    case 'neg':
      value = evaluateExpr(expr.arg, D, memo).neg();
      break;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const l = evaluateExpr(expr.left, D, memo);
      const r = evaluateExpr(expr.right, D, memo);
      value =
        expr.op === 'add' ? l.plus(r) : expr.op === 'sub' ? l.minus(r) : expr.op === 'mul' ? l.times(r) : l.div(r);
      break;
    }
    case 'call':
      value = FUNCTIONS[expr.fn](evaluateExpr(expr.arg, D, memo), D);
      break;
  }
  memo.set(expr, value);
  return value;
}

/**
 * The functions of an Expr at the precision of `D`; tanh through exp, which stays fast for large |x|.
 * σ and tanh saturate: σ(−10³⁰⁰) is 0 and tanh(10³⁰⁰) is 1 to every digit (their exact expressions
 * still say what they are); e^x underflows to 0 the same way, and only e^x beyond range is refused.
 */
const FUNCTIONS: Record<FunctionName, (x: DecimalBase, D: typeof DecimalBase) => DecimalBase> = {
  exp: (x, D) => checkedExp(x, D),
  sqrt: (x, D) => new D(x).sqrt(),
  ln: (x, D) => D.ln(x),
  sigmoid: (x, D) => new D(1).div(new D(1).plus(D.exp(x.neg()))),
  tanh: (x, D) => {
    const t = D.exp(x.abs().times(-2)); // tanh|x| = (1 − e^(−2|x|)) / (1 + e^(−2|x|))
    const magnitude = new D(1).minus(t).div(new D(1).plus(t));
    return x.isNegative() ? magnitude.neg() : magnitude;
  },
};

/** A value beyond what decimal.js can hold (e^x for |x| ≳ 2·10^16): too extreme for this tool. */
export class OutOfRangeError extends RangeError {
  override name = 'OutOfRangeError';
  constructor(
    /** The exponent x of e^x, to 6 significant digits. */
    readonly exponent: string,
    readonly tooSmall: boolean,
  ) {
    super(`e^(${exponent}) is too ${tooSmall ? 'small' : 'large'} to compute: keep weights and inputs moderate`);
  }
}

function checkedExp(x: DecimalBase, D: typeof DecimalBase): DecimalBase {
  const e = D.exp(x);
  if (!e.isFinite()) throw new OutOfRangeError(x.toSignificantDigits(6).toString(), false);
  return e;
}

export function mul(a: Value, b: Value): Value {
  // 0·x = 0 before any arithmetic: ReLU networks multiply by exact zeros a lot.
  if (isZero(a) || isZero(b)) return ZERO;
  if (a.kind === 'rational' && b.kind === 'rational') return rational(a.q.mul(b.q));
  if (isOne(a)) return b;
  if (isOne(b)) return a;
  return binary('mul', a, b, approx(a).times(approx(b)));
}

export function div(a: Value, b: Value): Value {
  if (isZero(b)) throw new RangeError('division by zero');
  if (a.kind === 'rational' && b.kind === 'rational') return rational(a.q.div(b.q));
  if (isZero(a)) return ZERO;
  if (isOne(b)) return a;
  return binary('div', a, b, approx(a).div(approx(b)));
}

export function neg(a: Value): Value {
  if (a.kind === 'rational') return rational(a.q.neg());
  return real(a.approx.neg(), { op: 'neg', arg: a.expr, size: a.expr.op === 'rational' ? 2 : a.expr.size + 1 });
}

function call(fn: FunctionName, a: Value, approxValue: Decimal): Value {
  const arg = exprOf(a);
  return real(approxValue, { op: 'call', fn, arg, size: exprSize(arg) + 1 });
}

/**
 * The 64-digit value of fn at x, each (fn, x) computed once per process: every misconception's
 * solution of a network repeats its forward pass, and a class repeats its hand-friendly numbers. A
 * fraction, or a decimal's string, is the argument's value, so the cache gives exactly what the
 * computation would.
 */
const knownValues = new Map<string, Decimal>();
const KNOWN_VALUES_KEPT = 50_000;

function valueAt(fn: FunctionName, a: Value): Decimal {
  // A rational by its fraction (its decimal is a function of it), a real by its decimal.
  const key =
    a.kind === 'rational' ? `${fn} ${a.q.s < 0n ? '-' : ''}${a.q.n}/${a.q.d}` : `${fn} ${a.approx.toString()}`;
  let value = knownValues.get(key);
  if (value === undefined) {
    value = FUNCTIONS[fn](approx(a), Decimal);
    if (knownValues.size >= KNOWN_VALUES_KEPT) knownValues.clear();
    knownValues.set(key, value);
  }
  return value;
}

export function exp(a: Value): Value {
  if (isZero(a)) return ONE;
  return call('exp', a, valueAt('exp', a));
}

export function ln(a: Value): Value {
  if (sign(a) <= 0) throw new RangeError('logarithm of a non-positive number');
  if (isOne(a)) return ZERO;
  return call('ln', a, valueAt('ln', a));
}

/** σ(a) = 1 / (1 + e^(−a)); rational only at a = 0. */
export function sigmoid(a: Value): Value {
  if (isZero(a)) return ratio(1, 2);
  return call('sigmoid', a, valueAt('sigmoid', a));
}

/** tanh(a); rational only at a = 0. */
export function tanh(a: Value): Value {
  if (isZero(a)) return ZERO;
  return call('tanh', a, valueAt('tanh', a));
}

/** ⌊√n⌋ for n ≥ 0, by Newton's method on BigInt. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let r = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (r + n / r) / 2n;
    if (next >= r) return r;
    r = next;
  }
}

/** √a for a ≥ 0: rational when a is the square of a fraction, else exact symbolic (Adam's √v̂). */
export function sqrt(a: Value): Value {
  const s = sign(a);
  if (s < 0) throw new RangeError('square root of a negative number');
  if (s === 0) return ZERO;
  if (a.kind === 'rational') {
    const n = isqrt(a.q.n);
    const d = isqrt(a.q.d);
    if (n * n === a.q.n && d * d === a.q.d) return rational(new Fraction(n, d));
  }
  return call('sqrt', a, approx(a).sqrt());
}

/** −1, 0 or 1. For an irrational value the 64-digit approximation decides (it is never exactly 0). */
export function sign(a: Value): -1 | 0 | 1 {
  if (a.kind === 'rational') return a.q.n === 0n ? 0 : a.q.s < 0n ? -1 : 1;
  return a.approx.isZero() ? 0 : a.approx.isNegative() ? -1 : 1;
}

export function compare(a: Value, b: Value): -1 | 0 | 1 {
  if (a.kind === 'rational' && b.kind === 'rational') return a.q.compare(b.q) as -1 | 0 | 1;
  return sign(sub(a, b));
}

export function max(a: Value, b: Value): Value {
  return compare(a, b) >= 0 ? a : b;
}

/**
 * Σ_k a_k·b_k, the inner product behind every matrix product. When every term is rational (all of a
 * ReLU network) the sum is kept as one unreduced BigInt fraction and reduced once at the end, instead
 * of a gcd after every product and every partial sum: the same exact value, several times less work.
 * Otherwise it is the plain left-to-right chain 0 + a₀b₀ + a₁b₁ + …, so real expressions are unchanged.
 */
export function dot(a: readonly Value[], b: readonly Value[]): Value {
  let n = 0n;
  let d = 1n;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.kind !== 'rational' || y.kind !== 'rational') return dotChain(a, b);
    if (x.q.n === 0n || y.q.n === 0n) continue;
    const termN = x.q.s * y.q.s * x.q.n * y.q.n;
    const termD = x.q.d * y.q.d;
    // Bring n/d and termN/termD to a common denominator, cheaply when one divides the other
    // (the usual case with decimal inputs, whose denominators are powers of 10).
    if (termD === d) n += termN;
    else if (d % termD === 0n) n += termN * (d / termD);
    else if (termD % d === 0n) {
      n = n * (termD / d) + termN;
      d = termD;
    } else {
      n = n * termD + termN * d;
      d *= termD;
    }
    // The unreduced sum grows with every term: reduce it once it is too large, and refuse it if it still is.
    if (exceedsBits(n) || exceedsBits(d)) {
      const reduced = new Fraction(n, d);
      checkBits(reduced.n);
      checkBits(reduced.d);
      n = reduced.s * reduced.n;
      d = reduced.d;
    }
  }
  return n === 0n ? ZERO : rational(new Fraction(n, d));
}

function dotChain(a: readonly Value[], b: readonly Value[]): Value {
  let acc: Value = ZERO;
  for (let k = 0; k < a.length; k++) acc = add(acc, mul(a[k], b[k]));
  return acc;
}

export function sum(values: readonly Value[]): Value {
  // Sum the rationals first so that an exact part is not split across a real expression.
  let rationalPart: Value = ZERO;
  let realPart: Value | null = null;
  for (const v of values) {
    if (v.kind === 'rational') rationalPart = add(rationalPart, v);
    else realPart = realPart === null ? v : add(realPart, v);
  }
  return realPart === null ? rationalPart : add(realPart, rationalPart);
}

/**
 * Parses a number literal exactly: integers, decimals, scientific notation and "p/q" fractions
 * of such. Returns null when the text is not one of these.
 */
export function parseLiteral(text: string): Value | null {
  const s = text.trim().replace(/\u2212/g, '-');
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const num = parseDecimalLiteral(s.slice(0, slash).trim());
    const den = parseDecimalLiteral(s.slice(slash + 1).trim());
    if (!num || !den || den.n === 0n) return null;
    return rational(num.div(den));
  }
  const q = parseDecimalLiteral(s);
  return q ? rational(q) : null;
}

const DECIMAL_LITERAL = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

function parseDecimalLiteral(s: string): Fraction | null {
  // Over the literal limits (100 digits, exponent 1,000) is not a number here: the loaders say why.
  if (literalBreach(s) !== null) return null;
  const m = DECIMAL_LITERAL.exec(s);
  if (!m) return null;
  const [, signText, intPart = '', fracPart = '', expText] = m;
  if (intPart === '' && fracPart === '') return null;
  let n = BigInt((intPart || '0') + fracPart);
  let d = 10n ** BigInt(fracPart.length);
  const e = expText ? Number.parseInt(expText, 10) : 0;
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  if (signText === '-') n = -n;
  return new Fraction(n, d);
}
