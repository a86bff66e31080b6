// The variables every activation's formulas share, and the kink rule of the ReLU family.
import { sym, num, type Term } from '../../math/term';
import { sign, type Value } from '../../number/value';
import type { Conventions } from '../conventions';

export const A = sym('a');
export const Y = sym('y');
export const ALPHA = sym({ latex: '\\alpha', text: 'α' });
export const ZERO_TERM = num(0);
export const ONE_TERM = num(1);

/** h′(a) = the derivative on the right of 0: a > 0, or a = 0 when the convention takes the right side. */
export function rightOfKink(a: Value, conventions: Conventions): boolean {
  const s = sign(a);
  return s > 0 || (s === 0 && conventions.reluGradAtZero === 1);
}

/** h′(a) written as h′(a) with the function's own symbol. */
export function primed(name: { latex: string; text: string }): Term {
  return sym(name, { prime: true });
}
