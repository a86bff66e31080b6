// The operations a graph node can apply, one entry per operation: how many arguments it takes, its
// value, its local derivatives ∂y/∂arg_i (the factor each edge multiplies the upstream gradient by on
// the way back), and how the node and those derivatives are written in plain text and LaTeX.
import { activation, type Activation } from '../concepts/activations';
import { DEFAULT_CONVENTIONS } from '../concepts/conventions';
import { latex } from '../math/latex';
import { substitute, sym, type Term } from '../math/term';
import { unicode } from '../math/unicode';
import {
  ONE,
  ZERO,
  compare,
  div,
  exp,
  ln,
  mul,
  neg,
  ratio,
  sign,
  sqrt,
  sub,
  sum,
  isZero,
  type Value,
} from '../number/value';
import { powNatural } from '../number/power';
import type { Lang } from '../text/lang';
import { bare, latexOperand, operand } from './notation';
import type { GraphOp } from './spec';

/** Largest |n| accepted in pow(x, n): keeps exact powers of fractions a readable size. */
export const MAX_POW_EXPONENT = 64;

export type Arity = { readonly min: number; readonly max: number };

const UNARY: Arity = { min: 1, max: 1 };
const BINARY: Arity = { min: 2, max: 2 };
const VARIADIC: Arity = { min: 2, max: Infinity };

/** A value outside an operation's domain (division by zero, log of a non-positive number, …). */
export class GraphDomainError extends Error {
  override name = 'GraphDomainError';
}

export interface OpDefinition {
  readonly arity: Arity;
  /** The short label drawn inside a node of a figure (DLfS draws ×, +, exp, /). */
  readonly symbol: string;
  value(args: readonly Value[]): Value;
  /** ∂y/∂arg_i for each argument, given the arguments and the node's value y; null for a constant (pow's exponent). */
  local(args: readonly Value[], y: Value): (Value | null)[];
  /** The node's formula in plain text, from the way its arguments are written. */
  text(args: readonly string[]): string;
  /** The node's formula in LaTeX; `args` are already LaTeX (escaped names or numbers). */
  latex(args: readonly string[]): string;
  /** The rule for ∂y/∂arg_i in plain text, with the node's own name y; null for a constant. */
  ruleText(i: number, args: readonly string[], y: string, lang: Lang): string | null;
  /** The same rule in LaTeX (arguments and y already LaTeX). */
  ruleLatex(i: number, args: readonly string[], y: string): string | null;
}

/** x^n for an integer n, by repeated squaring (exact for rationals). */
export function powInt(x: Value, n: bigint): Value {
  if (n < 0n) {
    if (isZero(x)) throw new GraphDomainError('0 cannot be raised to a negative power');
    return div(ONE, powInt(x, -n));
  }
  return powNatural(x, n);
}

/** The rational exponent p/q of a pow node (checked by the loader), q > 0. */
export function exponentOf(v: Value): { readonly p: bigint; readonly q: bigint } {
  if (v.kind !== 'rational') throw new GraphDomainError('the exponent of pow must be a rational number');
  return { p: v.q.s < 0n ? -v.q.n : v.q.n, q: v.q.d };
}

/** The exact k-th root of n ≥ 0, or null when n is not a k-th power. */
function integerRoot(n: bigint, k: bigint): bigint | null {
  if (n < 2n) return n;
  let lo = 0n;
  let hi = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if (mid ** k <= n) lo = mid;
    else hi = mid - 1n;
  }
  return lo ** k === n ? lo : null;
}

/**
 * x^(p/q): exact when x is rational and |x| a q-th power of a fraction; otherwise √x for q = 2 and
 * exp((p/q)·ln|x|) for other roots (exact symbolic, 64-digit decimal). A negative x has a real q-th
 * root only for odd q.
 */
export function powRational(x: Value, p: bigint, q: bigint): Value {
  if (q === 1n) return powInt(x, p);
  const s = sign(x);
  if (s === 0) {
    if (p < 0n) throw new GraphDomainError('0 cannot be raised to a negative power');
    return ZERO;
  }
  if (s < 0 && q % 2n === 0n)
    throw new GraphDomainError('a negative number has no real root of even degree (the denominator of the exponent)');
  const magnitude = s < 0 ? neg(x) : x;
  // (−a)^(p/q) = (−1)^p · a^(p/q) for odd q.
  const signed = (v: Value) => (s < 0 && p % 2n !== 0n ? neg(v) : v);
  if (magnitude.kind === 'rational') {
    const n = integerRoot(magnitude.q.n, q);
    const d = integerRoot(magnitude.q.d, q);
    if (n !== null && d !== null) return signed(powInt(div(ratio(n), ratio(d)), p));
  }
  if (q === 2n) return signed(powInt(sqrt(magnitude), p));
  return signed(exp(mul(ratio(p, q), ln(magnitude))));
}

const TWO = ratio(2);
const MINUS_ONE = ratio(-1);

const product = (args: readonly Value[]) => args.reduce((p, x) => mul(p, x));
const mulText = (args: readonly string[]) =>
  args.map((t, i) => (i === 0 && !t.includes('/') ? t : operand(t))).join(' × ');
const mulLatex = (args: readonly string[]) => args.map((t, i) => (i === 0 ? t : latexOperand(t))).join(' \\times ');

/**
 * A graph node that applies a network activation: the same h and h′ (from y, as by hand; relu′(0) = 0
 * is the default convention), written with the activation's own symbol and derivative rule.
 */
function activationOp(h: Activation): OpDefinition {
  const formula = h.derivativeFormula;
  const rule: Term = formula.kind === 'equation' ? formula.right : formula;
  // The argument and the node's name are already written (as text or as LaTeX): printed verbatim.
  const verbatim = (s: string) => sym({ latex: s, text: s });
  const named = (a: string, y: string) => substitute(rule, { a: verbatim(a), y: verbatim(y) });
  return {
    arity: UNARY,
    symbol: h.names.text,
    value: ([a]) => h.value(a, null),
    local: ([a], y) => [h.derivative(a, y, null, DEFAULT_CONVENTIONS)],
    text: ([a]) => `${h.names.text}(${a})`,
    latex: ([a]) => `${h.names.latex}\\left(${bare(a)}\\right)`,
    ruleText: (_i, [a], y, lang) => {
      const term = named(a, y);
      if (term.kind !== 'cases' || term.cases.length !== 2) return unicode(term);
      // Two cases read as words: "1 if a > 0, else 0".
      const [first, rest] = term.cases.map((c) => ({ value: unicode(c.value), when: unicode(c.when) }));
      return lang === 'ja'
        ? `${first.when} なら ${first.value}、それ以外は ${rest.value}`
        : `${first.value} if ${first.when}, else ${rest.value}`;
    },
    ruleLatex: (_i, [a], y) => latex(named(a, y)),
  };
}

/**
 * max or min of two or more arguments: the gradient goes to one argument only, the first that attains
 * the extreme (so at a tie the first argument gets it, as the backward pass of a max gate is taught).
 */
function extremeOp(kind: 'max' | 'min'): OpDefinition {
  const better = kind === 'max' ? 1 : -1;
  const winner = (args: readonly Value[]) =>
    args.reduce((best, x, i) => (compare(x, args[best]) === better ? i : best), 0);
  const words =
    kind === 'max'
      ? { en: 'the largest', ja: '最大', latex: '\\max' }
      : { en: 'the smallest', ja: '最小', latex: '\\min' };
  return {
    arity: VARIADIC,
    symbol: kind,
    value: (args) => args[winner(args)],
    local: (args) => {
      const w = winner(args);
      return args.map((_, i) => (i === w ? ONE : ZERO));
    },
    text: (args) => `${kind}(${args.join(', ')})`,
    latex: (args) => `${words.latex}\\left(${args.join(', ')}\\right)`,
    ruleText: (i, args, _y, lang) =>
      lang === 'ja'
        ? `${args[i]} が${words.ja}なら 1（同じ値が複数あれば最初の引数）、それ以外は 0`
        : `1 if ${args[i]} is ${words.en} (the first of equal ones), else 0`,
    ruleLatex: (i, args) =>
      `\\begin{cases} 1 & \\text{if } ${args[i]} = ${words.latex}\\left(${args.join(', ')}\\right) \\text{ (first at a tie)} \\\\ 0 & \\text{otherwise} \\end{cases}`,
  };
}

export const OPS: Readonly<Record<GraphOp, OpDefinition>> = {
  add: {
    arity: VARIADIC,
    symbol: '+',
    value: (args) => sum(args),
    local: (args) => args.map(() => ONE),
    text: (args) => [args[0], ...args.slice(1).map(operand)].join(' + '),
    latex: (args) => [args[0], ...args.slice(1).map(latexOperand)].join(' + '),
    ruleText: () => '1',
    ruleLatex: () => '1',
  },
  mul: {
    arity: VARIADIC,
    symbol: '×',
    value: product,
    // ∂(a₁·…·aₙ)/∂a_i = the product of the other factors.
    local: (args) => args.map((_, i) => product(args.filter((__, j) => j !== i))),
    text: mulText,
    latex: mulLatex,
    ruleText: (i, args) => {
      // The other factors: for a × b, ∂/∂a = b.
      const others = args.filter((_, j) => j !== i);
      return others.length === 1 ? others[0] : mulText(others);
    },
    ruleLatex: (i, args) => mulLatex(args.filter((_, j) => j !== i)),
  },
  sub: {
    arity: BINARY,
    symbol: '−',
    value: ([a, b]) => sub(a, b),
    local: () => [ONE, MINUS_ONE],
    text: ([a, b]) => `${a} − ${operand(b)}`,
    latex: ([a, b]) => `${a} - ${latexOperand(b)}`,
    ruleText: (i) => (i === 0 ? '1' : '-1'),
    ruleLatex: (i) => (i === 0 ? '1' : '-1'),
  },
  div: {
    arity: BINARY,
    symbol: '÷',
    value: ([a, b]) => {
      if (isZero(b)) throw new GraphDomainError('division by zero');
      return div(a, b);
    },
    local: ([a, b]) => [div(ONE, b), neg(div(a, mul(b, b)))],
    text: ([a, b]) => `${operand(a)} / ${operand(b)}`,
    latex: ([a, b]) => `\\frac{${a}}{${b}}`,
    ruleText: (i, [a, b]) => (i === 0 ? `1 / ${operand(b)}` : `−${operand(a)} / ${operand(b)}²`),
    ruleLatex: (i, [a, b]) => (i === 0 ? `\\frac{1}{${b}}` : `-\\frac{${a}}{{${latexOperand(b)}}^{2}}`),
  },
  neg: {
    arity: UNARY,
    symbol: '−x',
    value: ([a]) => neg(a),
    local: () => [MINUS_ONE],
    text: ([a]) => `−${operand(a)}`,
    latex: ([a]) => `-${latexOperand(a)}`,
    ruleText: () => '-1',
    ruleLatex: () => '-1',
  },
  square: {
    arity: UNARY,
    symbol: 'x²',
    value: ([a]) => mul(a, a),
    local: ([a]) => [mul(TWO, a)],
    text: ([a]) => `${operand(a)}²`,
    latex: ([a]) => `{${latexOperand(a)}}^{2}`,
    ruleText: (_i, [a]) => `2 × ${operand(a)}`,
    ruleLatex: (_i, [a]) => `2 ${latexOperand(a)}`,
  },
  pow: {
    arity: BINARY,
    symbol: 'xⁿ',
    value: ([a, b]) => {
      const { p, q } = exponentOf(b);
      return powRational(a, p, q);
    },
    // The exponent is a fixed number, not a variable: its entry is null. (x^r)′ = r·x^(r−1).
    local: ([a, b]) => {
      const { p, q } = exponentOf(b);
      if (p === 0n) return [ZERO, null];
      if (q !== 1n && isZero(a) && p < q)
        throw new GraphDomainError('the derivative of x^r with r < 1 is infinite at x = 0');
      return [mul(ratio(p, q), powRational(a, p - q, q)), null];
    },
    text: ([a, b]) => `${operand(a)}^${operand(b)}`,
    latex: ([a, b]) => `{${latexOperand(a)}}^{${b}}`,
    ruleText: (i, [a, b]) => (i === 0 ? `${operand(b)} × ${operand(a)}^(${b} − 1)` : null),
    ruleLatex: (i, [a, b]) => (i === 0 ? `${b} \\, {${latexOperand(a)}}^{${b} - 1}` : null),
  },
  exp: {
    arity: UNARY,
    symbol: 'exp',
    value: ([a]) => exp(a),
    // exp′ = y, reused as the seeds do.
    local: (_args, y) => [y],
    text: ([a]) => `exp(${a})`,
    latex: ([a]) => `\\exp\\left(${bare(a)}\\right)`,
    ruleText: (_i, [a], y) => `exp(${a}) = ${y}`,
    ruleLatex: (_i, [a], y) => `\\exp\\left(${bare(a)}\\right) = ${y}`,
  },
  log: {
    arity: UNARY,
    symbol: 'log',
    value: ([a]) => {
      if (sign(a) <= 0) throw new GraphDomainError('log (natural logarithm) needs a positive argument');
      return ln(a);
    },
    local: ([a]) => [div(ONE, a)],
    text: ([a]) => `log(${a})`,
    latex: ([a]) => `\\log\\left(${bare(a)}\\right)`,
    ruleText: (_i, [a]) => `1 / ${operand(a)}`,
    ruleLatex: (_i, [a]) => `\\frac{1}{${a}}`,
  },
  reciprocal: {
    arity: UNARY,
    symbol: '1/x',
    value: ([a]) => {
      if (isZero(a)) throw new GraphDomainError('the reciprocal of 0 is undefined');
      return div(ONE, a);
    },
    // (1/x)′ = −y², reusing y as the seeds do.
    local: (_args, y) => [neg(mul(y, y))],
    text: ([a]) => `1 / ${operand(a)}`,
    latex: ([a]) => `\\frac{1}{${a}}`,
    ruleText: (_i, [a], y) => `−1 / ${operand(a)}² = −${y}²`,
    ruleLatex: (_i, [a], y) => `-\\frac{1}{{${latexOperand(a)}}^{2}} = -{${y}}^{2}`,
  },
  sigmoid: activationOp(activation('sigmoid')),
  tanh: activationOp(activation('tanh')),
  relu: activationOp(activation('relu')),
  max: extremeOp('max'),
  min: extremeOp('min'),
  abs: {
    arity: UNARY,
    symbol: '|x|',
    value: ([a]) => (sign(a) < 0 ? neg(a) : a),
    // |a|′ = sign(a), and 0 at the kink a = 0 (the convention the ReLU family uses).
    local: ([a]) => [ratio(sign(a))],
    text: ([a]) => `|${a}|`,
    latex: ([a]) => `\\left|${bare(a)}\\right|`,
    ruleText: (_i, [a], _y, lang) =>
      lang === 'ja' ? `${a} > 0 なら 1、${a} < 0 なら −1、${a} = 0 なら 0` : `1 if ${a} > 0, −1 if ${a} < 0, 0 at 0`,
    ruleLatex: (_i, [a]) => `\\begin{cases} 1 & ${a} > 0 \\\\ -1 & ${a} < 0 \\\\ 0 & ${a} = 0 \\end{cases}`,
  },
};

export const ARITY: Readonly<Record<GraphOp, Arity>> = Object.fromEntries(
  Object.entries(OPS).map(([op, d]) => [op, d.arity]),
) as Record<GraphOp, Arity>;

export function applyOp(op: GraphOp, args: readonly Value[]): Value {
  return OPS[op].value(args);
}

/** ∂y/∂arg_i for each argument, given the arguments and the node's value y. */
export function localDerivatives(op: GraphOp, args: readonly Value[], y: Value): (Value | null)[] {
  return OPS[op].local(args, y);
}
