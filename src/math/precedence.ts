// How tightly each kind of term binds, shared by the LaTeX and the Unicode printer.
import type { Term } from './term';

export const RELATION = -1;
export const SUM = 0;
export const PRODUCT = 1;
export const ATOM = 2;

export function precedence(t: Term): number {
  switch (t.kind) {
    case 'equation':
    case 'relation':
    case 'cases':
      return RELATION;
    case 'sum':
    case 'difference':
      return SUM;
    case 'product':
    case 'negate':
      return PRODUCT;
    case 'number':
      return t.text.startsWith('-') ? PRODUCT : ATOM;
    default:
      return ATOM;
  }
}

/** The term starts with a minus sign: after an operator it needs brackets. */
export function leadingMinus(t: Term): boolean {
  switch (t.kind) {
    case 'negate':
      return true;
    case 'number':
      return t.text.startsWith('-');
    case 'sum':
      return leadingMinus(t.terms[0]);
    case 'difference':
      return leadingMinus(t.left);
    case 'product':
      return leadingMinus(t.factors[0]);
    default:
      return false;
  }
}
