// How a number was written, for the grader's rounding rules: "0.0821" has 3 significant figures and 4
// decimal places; "1.50e-3" and "1.50×10^-3" have 3 and 5; "-2" is an integer; "3/20" a fraction;
// anything else an expression (no precision implied).
import type { Ast, NumberLiteral } from './ast';

export type WrittenForm = 'integer' | 'decimal' | 'scientific' | 'fraction' | 'expression';

export interface Notation {
  readonly form: WrittenForm;
  /**
   * Position of the last written digit: the answer is given to the nearest 10^(−decimalPlaces)
   * ("0.0821" → 4, "12" → 0, "1.5e3" → −2). Null for a fraction or an expression.
   */
  readonly decimalPlaces: number | null;
  /** Digits from the first non-zero digit to the last written one ("0.0821" → 3, "0.50" → 2, "0.00" → 0). */
  readonly significantFigures: number | null;
}

const EXPRESSION: Notation = { form: 'expression', decimalPlaces: null, significantFigures: null };
const FRACTION: Notation = { form: 'fraction', decimalPlaces: null, significantFigures: null };

export function notationOf(ast: Ast): Notation {
  const a = ast.type === 'neg' ? ast.arg : ast;
  if (a.type === 'number') {
    const form = a.literal.scientific ? 'scientific' : a.literal.hasPoint ? 'decimal' : 'integer';
    return precision(a.literal, a.literal.exponent, form);
  }
  if (a.type !== 'binary') return EXPRESSION;
  // A leading minus binds to the first number: -3/20 is (-3)/20, -1.5×10^-3 is (-1.5)×10^-3.
  const left = ast === a && a.left.type === 'neg' ? a.left.arg : a.left;
  if (a.op === '/' && isInteger(left) && isInteger(a.right)) return FRACTION;
  // mantissa × 10^k, as typed with ×, *, x or ·: the precision is the mantissa's, shifted by k.
  if (a.op === '*' && !a.implicit && left.type === 'number' && !left.literal.scientific) {
    const p = a.right;
    if (p.type === 'binary' && p.op === '^' && p.left.type === 'number' && p.left.literal.text === '10') {
      const k = integerExponent(p.right);
      if (k !== null) return precision(left.literal, k, 'scientific');
    }
  }
  return EXPRESSION;
}

function isInteger(a: Ast): boolean {
  return a.type === 'number' && !a.literal.hasPoint && !a.literal.scientific;
}

function integerExponent(a: Ast): number | null {
  const negative = a.type === 'neg';
  const n = negative ? a.arg : a;
  if (n.type !== 'number' || !isInteger(n) || n.literal.intDigits.length > 6) return null;
  const k = Number(n.literal.intDigits);
  return negative ? -k : k;
}

function precision(literal: NumberLiteral, exponent: number, form: WrittenForm): Notation {
  const digits = (literal.intDigits + literal.fracDigits).replace(/^0+/, '');
  return { form, decimalPlaces: literal.fracDigits.length - exponent, significantFigures: digits.length };
}
