// Turns a Value into the strings the outputs need: the reduced fraction, a long decimal, LaTeX.
import { approx, type Expr, type Fraction, type FunctionName, type Value } from './value';

/** Significant digits printed in `approx` (the contract asks for at least 30; 64 are computed). */
export const APPROX_DIGITS = 34;

/** Expressions up to this many nodes are typeset symbolically; larger ones as a decimal. */
const MAX_SYMBOLIC_SIZE = 9;

/** "p/q", "n", or null when the value is irrational. */
export function exactString(v: Value): string | null {
  return v.kind === 'rational' ? v.q.toFraction() : null;
}

/** A decimal string with APPROX_DIGITS significant digits, no exponent. */
export function approxString(v: Value, digits: number = APPROX_DIGITS): string {
  if (v.kind === 'rational') return rationalDecimal(v.q, digits);
  const d = approx(v);
  if (d.isZero()) return d.toPrecision(digits);
  // toPrecision switches to exponent notation below 1e-7 (and for long integer parts); toFixed never does.
  const rounded = d.toSignificantDigits(digits);
  // A long integer part is printed in full from the 64-digit value rather than padded with zeros.
  return rounded.e >= digits - 1 ? d.toFixed(0) : rounded.toFixed(digits - 1 - rounded.e);
}

/**
 * n/d rounded half-even to `digits` significant digits, straight from the BigInts: exact (one
 * rounding, not two) and several times faster than going through a 64-digit Decimal.
 */
export function rationalDecimal(q: Fraction, digits: number): string {
  const n = q.n < 0n ? -q.n : q.n;
  const d = q.d;
  if (n === 0n) return `0.${'0'.repeat(digits - 1)}`;
  const sign = q.s < 0n ? '-' : '';
  // e = floor(log10(n/d)), from the digit counts and one comparison.
  let e = n.toString().length - d.toString().length;
  if (e >= 0 ? n < d * 10n ** BigInt(e) : n * 10n ** BigInt(-e) < d) e--;
  if (e >= digits - 1) return `${sign}${roundHalfEven(n, d)}`; // a long integer part is printed in full
  let k = digits - 1 - e; // n/d ≈ m·10^(−k) with m of `digits` digits
  let m = roundHalfEven(n * 10n ** BigInt(k), d);
  if (m === 10n ** BigInt(digits)) {
    m /= 10n; // rounding carried into a new digit: 9.99… → 10.0…
    k -= 1;
    if (k === 0) return `${sign}${m}`;
  }
  const text = m.toString().padStart(k + 1, '0');
  return `${sign}${text.slice(0, text.length - k)}.${text.slice(text.length - k)}`;
}

function roundHalfEven(num: bigint, den: bigint): bigint {
  const quotient = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && quotient % 2n === 1n) ? quotient + 1n : quotient;
}

/** A short decimal for tables: up to `digits` significant digits, trailing zeros dropped. */
export function shortDecimal(v: Value, digits = 10): string {
  const d = approx(v);
  if (d.isZero()) return '0';
  const text = d.toSignificantDigits(digits).toFixed();
  return text;
}

/** Whether the value's decimal expansion ends within `digits` significant digits. */
export function terminatesWithin(v: Value, digits: number): boolean {
  if (v.kind !== 'rational') return false;
  let d = v.q.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n && shortDecimal(v, digits) === approx(v).toFixed();
}

export function fractionLatex(q: Fraction): string {
  const sign = q.s < 0n && q.n !== 0n ? '-' : '';
  return q.d === 1n ? `${sign}${q.n}` : `${sign}\\frac{${q.n}}{${q.d}}`;
}

/** Trailing zeros from which an integer inside a symbolic value is written m·10ᵏ: σ(−10³⁰⁰), not 301 digits. */
const POWER_FROM = 12;

/** An integer with at least POWER_FROM trailing zeros as [m, k] with n = m·10ᵏ; else null. */
function powerOfTen(n: bigint): [bigint, number] | null {
  if (n === 0n) return null;
  const digits = n.toString();
  const k = digits.length - digits.replace(/0+$/, '').length;
  return k >= POWER_FROM ? [n / 10n ** BigInt(k), k] : null;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** n or 10ᵏ / m×10ᵏ in plain text. */
function integerText(n: bigint): string {
  const p = powerOfTen(n);
  if (!p) return n.toString();
  const power = `10${[...String(p[1])].map((c) => SUPERSCRIPTS[Number(c)]).join('')}`;
  return p[0] === 1n ? power : `${p[0]}×${power}`;
}

function integerLatex(n: bigint): string {
  const p = powerOfTen(n);
  if (!p) return n.toString();
  return p[0] === 1n ? `10^{${p[1]}}` : `${p[0]} \\cdot 10^{${p[1]}}`;
}

/** A rational leaf of a symbolic value: p/q, with huge powers of ten written as such. */
function leafText(q: Fraction): string {
  const sign = q.s < 0n && q.n !== 0n ? '-' : '';
  return q.d === 1n ? `${sign}${integerText(q.n)}` : `${sign}${integerText(q.n)}/${integerText(q.d)}`;
}

function leafLatex(q: Fraction): string {
  const sign = q.s < 0n && q.n !== 0n ? '-' : '';
  return q.d === 1n ? `${sign}${integerLatex(q.n)}` : `${sign}\\frac{${integerLatex(q.n)}}{${integerLatex(q.d)}}`;
}

/** LaTeX for a value: the fraction, the symbolic form when short, else a truncated decimal. */
export function valueLatex(v: Value): string {
  if (v.kind === 'rational') return fractionLatex(v.q);
  if (v.expr.op !== 'rational' && v.expr.size <= MAX_SYMBOLIC_SIZE) return exprLatex(v.expr);
  return `${shortDecimal(v, 10)}\\ldots`;
}

const PRECEDENCE: Record<Expr['op'], number> = { add: 1, sub: 1, mul: 2, div: 3, neg: 2, call: 4, rational: 4 };

function isNegativeLeaf(e: Expr): boolean {
  return e.op === 'neg' || (e.op === 'rational' && e.q.s < 0n && e.q.n !== 0n);
}

/** How each function of a symbolic value is written in LaTeX, given its argument. */
const CALL_LATEX: Readonly<Record<FunctionName, (arg: string) => string>> = {
  exp: (arg) => `e^{${arg}}`,
  ln: (arg) => `\\ln\\left(${arg}\\right)`,
  sigmoid: (arg) => `\\sigma\\left(${arg}\\right)`,
  tanh: (arg) => `\\tanh\\left(${arg}\\right)`,
  sqrt: (arg) => `\\sqrt{${arg}}`,
};

/** LaTeX for a symbolic expression; a negative operand after an operator is parenthesised. */
export function exprLatex(e: Expr): string {
  switch (e.op) {
    case 'rational':
      return leafLatex(e.q);
    case 'neg':
      return `-${wrap(e.arg, PRECEDENCE.neg, true)}`;
    case 'add':
      return `${exprLatex(e.left)} + ${wrap(e.right, PRECEDENCE.add, true)}`;
    case 'sub':
      return `${exprLatex(e.left)} - ${wrap(e.right, PRECEDENCE.add + 1, true)}`;
    case 'mul':
      return `${wrap(e.left, PRECEDENCE.mul, false)} \\cdot ${wrap(e.right, PRECEDENCE.mul + 1, true)}`;
    case 'div':
      return `\\frac{${exprLatex(e.left)}}{${exprLatex(e.right)}}`;
    case 'call':
      return CALL_LATEX[e.fn](exprLatex(e.arg));
  }
}

function wrap(e: Expr, minPrecedence: number, parenthesiseNegative: boolean): string {
  const inner = exprLatex(e);
  const needs = PRECEDENCE[e.op] < minPrecedence || (parenthesiseNegative && isNegativeLeaf(e));
  return needs ? `\\left(${inner}\\right)` : inner;
}

/** Plain-text form of a symbolic expression, e.g. "1/(1+e^(-151/400))" style for terminals. */
export function exprText(e: Expr): string {
  switch (e.op) {
    case 'rational':
      return leafText(e.q);
    case 'neg':
      return `-${textWrap(e.arg, PRECEDENCE.neg, true)}`;
    case 'add':
      return `${exprText(e.left)} + ${textWrap(e.right, PRECEDENCE.add, true)}`;
    case 'sub':
      return `${exprText(e.left)} - ${textWrap(e.right, PRECEDENCE.add + 1, true)}`;
    case 'mul':
      return `${textWrap(e.left, PRECEDENCE.mul, false)} × ${textWrap(e.right, PRECEDENCE.mul + 1, true)}`;
    case 'div':
      return `${textWrap(e.left, PRECEDENCE.div, false)} / ${textWrap(e.right, PRECEDENCE.div + 1, true)}`;
    case 'call': {
      const name = e.fn === 'sigmoid' ? 'σ' : e.fn === 'sqrt' ? '√' : e.fn;
      return `${name}(${exprText(e.arg)})`;
    }
  }
}

function textWrap(e: Expr, minPrecedence: number, parenthesiseNegative: boolean): string {
  const inner = exprText(e);
  const needs =
    PRECEDENCE[e.op] < minPrecedence ||
    (parenthesiseNegative && isNegativeLeaf(e)) ||
    (e.op === 'rational' && e.q.d !== 1n && minPrecedence > PRECEDENCE.mul);
  return needs ? `(${inner})` : inner;
}

/** A value for humans in plain text: "3/20 = 0.15", or "σ(151/400) ≈ 0.5932699921". */
export function valueText(v: Value): string {
  if (v.kind === 'rational') {
    const exact = v.q.toFraction();
    if (v.q.d === 1n) return exact;
    const dec = shortDecimal(v, 10);
    return terminatesWithin(v, 10) ? `${exact} = ${dec}` : `${exact} ≈ ${dec}`;
  }
  const symbolic = v.expr.op !== 'rational' && v.expr.size <= MAX_SYMBOLIC_SIZE ? `${exprText(v.expr)} ` : '';
  return `${symbolic}≈ ${shortDecimal(v, 10)}`;
}
