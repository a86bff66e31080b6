// What the three squared-error losses share: Σ_k (y_k − t_k)² and its substituted forms.
import { paren, pow, minus, sym, type Term, call } from '../../math/term';
import { mul, sub, sum, type Value } from '../../number/value';
import type { Vector } from '../../number/vector';
import type { Shown } from './loss';

export const squareOf = (e: Value): Value => mul(e, e);

export function sumOfSquares(y: Vector, t: Vector): Value {
  return sum(y.map((yk, k) => squareOf(sub(yk, t[k]))));
}

/** Σ_k (y_k − t_k)² as a term. */
export const SQUARES: Term = call(
  { latex: '\\sum_{k}', text: 'Σ_k' },
  pow(paren(minus(sym('y', { sub: 'k' }), sym('t', { sub: 'k' }))), 2),
);

/** (0.5 − 1)² + (0.2 − 0)² */
export function squaresAt(y: readonly Shown[], t: readonly Shown[]): string {
  return y.map((v, k) => `(${v.plain} − ${t[k].operand})²`).join(' + ');
}

/** (y − t) with numbers. */
export const differenceAt = (y: Shown, t: Shown): string => `(${y.plain} − ${t.operand})`;
