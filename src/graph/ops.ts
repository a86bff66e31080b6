// The operations a graph node can apply: how many arguments each takes, its value, and its local
// derivatives ∂y/∂arg_i — the factor each edge multiplies the upstream gradient by on the way back.
import {
  ONE, ZERO, div, exp, ln, mul, neg, ratio, sign, sub, sum, isZero, type Value,
} from '../number/value';
import { powNatural } from '../number/power';
import { activate, derivative } from '../engine/activations';
import { DEFAULT_CONVENTIONS } from '../network/spec';
import type { GraphOp } from './spec';

/** Largest |n| accepted in pow(x, n): keeps exact powers of fractions a readable size. */
export const MAX_POW_EXPONENT = 64;

export type Arity = { readonly min: number; readonly max: number };

const UNARY: Arity = { min: 1, max: 1 };
const BINARY: Arity = { min: 2, max: 2 };
const VARIADIC: Arity = { min: 2, max: Infinity };

export const ARITY: Readonly<Record<GraphOp, Arity>> = {
  add: VARIADIC,
  mul: VARIADIC,
  sub: BINARY,
  div: BINARY,
  pow: BINARY,
  neg: UNARY,
  square: UNARY,
  exp: UNARY,
  log: UNARY,
  reciprocal: UNARY,
  sigmoid: UNARY,
  tanh: UNARY,
  relu: UNARY,
};

/** A value outside an operation's domain (division by zero, log of a non-positive number, …). */
export class GraphDomainError extends Error {
  override name = 'GraphDomainError';
}

/** x^n for an integer n, by repeated squaring (exact for rationals). */
export function powInt(x: Value, n: bigint): Value {
  if (n < 0n) {
    if (isZero(x)) throw new GraphDomainError('0 cannot be raised to a negative power');
    return div(ONE, powInt(x, -n));
  }
  return powNatural(x, n);
}

/** The integer exponent of a pow node (checked by the loader). */
export function exponentOf(v: Value): bigint {
  if (v.kind !== 'rational' || v.q.d !== 1n) throw new GraphDomainError('the exponent of pow must be an integer');
  return v.q.s < 0n ? -v.q.n : v.q.n;
}

export function applyOp(op: GraphOp, args: readonly Value[]): Value {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return sum(args);
    case 'mul':
      return args.reduce((p, x) => mul(p, x));
    case 'sub':
      return sub(a, b);
    case 'div':
      if (isZero(b)) throw new GraphDomainError('division by zero');
      return div(a, b);
    case 'pow':
      return powInt(a, exponentOf(b));
    case 'neg':
      return neg(a);
    case 'square':
      return mul(a, a);
    case 'exp':
      return exp(a);
    case 'log':
      if (sign(a) <= 0) throw new GraphDomainError('log (natural logarithm) needs a positive argument');
      return ln(a);
    case 'reciprocal':
      if (isZero(a)) throw new GraphDomainError('the reciprocal of 0 is undefined');
      return div(ONE, a);
    case 'sigmoid':
    case 'tanh':
    case 'relu':
      // The same h as a network layer's activation.
      return activate(op, a, null);
  }
}

const TWO = ratio(2);

/**
 * ∂y/∂arg_i for each argument, given the arguments and the node's value y. sigmoid′ = y(1 − y),
 * tanh′ = 1 − y², exp′ = y and (1/x)′ = −y² reuse y as the seeds do. relu′(0) = 0. The exponent
 * of pow is a fixed integer, not a variable: its entry is null.
 */
export function localDerivatives(op: GraphOp, args: readonly Value[], y: Value): (Value | null)[] {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return args.map(() => ONE);
    case 'mul':
      // ∂(a₁·…·aₙ)/∂a_i = the product of the other factors.
      return args.map((_, i) => args.filter((__, j) => j !== i).reduce((p, x) => mul(p, x)));
    case 'sub':
      return [ONE, ratio(-1)];
    case 'div':
      return [div(ONE, b), neg(div(a, mul(b, b)))];
    case 'pow': {
      const n = exponentOf(b);
      return [n === 0n ? ZERO : mul(ratio(n), powInt(a, n - 1n)), null];
    }
    case 'neg':
      return [ratio(-1)];
    case 'square':
      return [mul(TWO, a)];
    case 'exp':
      return [y];
    case 'log':
      return [div(ONE, a)];
    case 'reciprocal':
      return [neg(mul(y, y))];
    case 'sigmoid':
    case 'tanh':
    case 'relu':
      // The network layers' h′, from y as by hand; relu′(0) = 0 is the default convention.
      return [derivative(op, a, y, null, DEFAULT_CONVENTIONS)];
  }
}

