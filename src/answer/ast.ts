// The parsed form of an answer: plain readonly data with exact rational literals, and a printer that
// shows how the answer was read ("ln 2^3" → "ln(2^3)"), for feedback such as "your answer reads as …".
import type { Fraction } from '../number/value';
import type { FunctionName } from './names';

/** A number as the student wrote it: its exact value and the digits that tell its precision. */
export interface NumberLiteral {
  readonly value: Fraction;
  /** The literal as typed after normalisation, e.g. "1.50e-3". */
  readonly text: string;
  readonly intDigits: string;
  readonly fracDigits: string;
  readonly hasPoint: boolean;
  /** The power of ten written with e/E (0 when none). */
  readonly exponent: number;
  readonly scientific: boolean;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** `pos` is the 0-based index in the typed text of the node's token (the operator for a binary node). */
export type Ast =
  | { readonly type: 'number'; readonly literal: NumberLiteral; readonly pos: number }
  | { readonly type: 'constant'; readonly name: 'e'; readonly pos: number }
  | { readonly type: 'variable'; readonly name: string; readonly pos: number }
  | { readonly type: 'neg'; readonly arg: Ast; readonly pos: number }
  | {
      readonly type: 'binary';
      readonly op: BinaryOp;
      readonly left: Ast;
      readonly right: Ast;
      readonly implicit: boolean;
      readonly pos: number;
    }
  | { readonly type: 'call'; readonly fn: FunctionName; readonly arg: Ast; readonly pos: number };

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };
const NEG = 3;
const ATOM = 5;

function precedence(a: Ast): number {
  if (a.type === 'binary') return PRECEDENCE[a.op];
  if (a.type === 'neg') return NEG;
  return ATOM;
}

/** The answer with every operator explicit and only the parentheses that precedence requires. */
export function formatAst(a: Ast): string {
  switch (a.type) {
    case 'number':
      return a.literal.text;
    case 'constant':
      return a.name;
    case 'variable':
      return a.name;
    case 'call':
      return `${a.fn}(${formatAst(a.arg)})`;
    case 'neg':
      return `-${wrap(a.arg, NEG + 1)}`;
    case 'binary': {
      const p = PRECEDENCE[a.op];
      // + and * are associative on the left; − and / need parentheses for a right operand of equal rank;
      // ^ is right-associative, so its left operand needs them instead.
      const left = a.op === '^' ? wrap(a.left, ATOM) : wrap(a.left, p);
      const right = a.op === '^' ? wrap(a.right, p) : wrap(a.right, p + 1);
      return a.op === '^' ? `${left}^${right}` : `${left} ${a.op} ${right}`;
    }
  }
}

function wrap(a: Ast, minimum: number): string {
  const text = formatAst(a);
  return precedence(a) < minimum ? `(${text})` : text;
}

/** The variables an expression uses, in order of first appearance. */
export function variablesOf(a: Ast): string[] {
  const seen = new Set<string>();
  const visit = (n: Ast): void => {
    if (n.type === 'variable') seen.add(n.name);
    else if (n.type === 'neg' || n.type === 'call') visit(n.arg);
    else if (n.type === 'binary') {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(a);
  return [...seen];
}
