// parseAnswer: untrusted answer text → an exact value (scalar or matrix) or a symbolic expression, or a
// rejection that says how to write it. The text never reaches a general evaluator: it is normalised,
// tokenised and parsed by this module's own whitelist grammar, with every size capped (see limits.ts).
// parseAnswer never throws on any input text.
import { acceptedSpellings, withoutArrayWrapper } from './spellings';
import type { Value } from '../number/value';
import { variablesOf, type Ast } from './ast';
import { AnswerFailure, fail, inCell, toAnswerError, type AnswerError } from './errors';
import { evaluateWith } from './evaluate';
import { tokenize, type Token } from './lexer';
import { resolveLimits, type AnswerLimits } from './limits';
import { nameTable, type NameOptions, type NameTable } from './names';
import { normalize } from './normalize';
import { notationOf, type Notation } from './notation';
import { parseExpressionTokens } from './parser';
import { findShape, type Cell, type Expect, type Shape } from './structure';
import { Work } from './work';

export interface ParseOptions extends NameOptions {
  /**
   * 'any' (default): a scalar unless the answer is written as a list; 'scalar': a list is rejected
   * (with a hint when "0,5" looks like a decimal comma); 'matrix': always a matrix ("1 2" is a row).
   * Ignored for a symbolic answer (when `variables` is given).
   */
  readonly expect?: Expect;
  readonly limits?: Partial<AnswerLimits>;
}

export interface ScalarAnswer extends Notation {
  readonly kind: 'scalar';
  readonly value: Value;
  /** How the answer was read (formatAst(ast) shows it with every operator explicit). */
  readonly ast: Ast;
}

export interface MatrixAnswer {
  readonly kind: 'matrix';
  /** 1 for a vector written as [1, 2] or 1, 2 (one row); 2 for [[…]], [1; 2] or rows split by ";". */
  readonly dims: 1 | 2;
  readonly shape: readonly [rows: number, columns: number];
  readonly rows: readonly (readonly ScalarAnswer[])[];
}

export interface ExpressionAnswer {
  readonly kind: 'expression';
  readonly ast: Ast;
  /** The exercise variables the formula uses (as the exercise spelled them), in order of appearance. */
  readonly variables: readonly string[];
}

export type Answer = ScalarAnswer | MatrixAnswer | ExpressionAnswer;

export type ParseResult =
  | { readonly ok: true; readonly answer: Answer }
  | { readonly ok: false; readonly error: AnswerError };

const NO_VARIABLES: ReadonlyMap<string, Value> = new Map();

/**
 * Parses and exactly evaluates a student's answer. Invalid `options` (a malformed variable name) throw
 * a TypeError — they come from the exercise, not from the student; the answer text itself never throws.
 */
export function parseAnswer(text: unknown, options: ParseOptions = {}): ParseResult {
  const table = nameTable(options);
  const limits = resolveLimits(options.limits);
  try {
    return { ok: true, answer: parse(text, table, limits, options.expect ?? 'any') };
  } catch (e) {
    return { ok: false, error: toAnswerError(e) };
  }
}

function parse(text: unknown, table: NameTable, limits: AnswerLimits, expect: Expect): Answer {
  if (typeof text !== 'string') return fail('not-text');
  // Before anything looks at the characters: a 1 MB string costs one comparison.
  if (text.length > limits.maxLength) fail('too-long', { length: text.length, max: limits.maxLength });
  const work = new Work(limits);
  const normalized = withoutArrayWrapper(normalize(text));
  // "δ = 0.15": say "write only the value" rather than stumble over the name first.
  const equals = firstIndexOf(normalized.text, ['=', '≈', '≒']);
  if (equals >= 0) fail('assignment', {}, normalized.origin[equals]);
  const typed = tokenize(normalized, table, limits, work);
  let lo = 0;
  let hi = typed.length;
  while (lo < hi && typed[lo].kind === 'newline') lo++;
  while (hi > lo && typed[hi - 1].kind === 'newline') hi--;
  if (lo === hi) fail('empty');
  const tokens = table.symbolic ? typed : acceptedSpellings(typed, lo, hi, expect);

  if (table.symbolic) {
    for (let k = lo; k < hi; k++) {
      const kind = tokens[k].kind;
      if (kind === '[' || kind === ']' || kind === ',' || kind === ';' || kind === 'newline')
        fail('not-an-expression', {}, tokens[k].pos);
    }
    const ast = parseExpressionTokens(tokens, lo, hi, limits, true);
    return { kind: 'expression', ast, variables: variablesOf(ast) };
  }

  const shape = findShape(tokens, lo, hi, expect, limits);
  if (shape.kind === 'scalar') return scalar(tokens, shape.cell, limits, work);
  if (expect === 'scalar') {
    const only = shape.rows.length === 1 && shape.rows[0].length === 1 ? shape.rows[0][0] : null;
    if (only) return scalar(tokens, only, limits, work);
    rejectList(tokens, shape, lo);
  }
  const single = shape.rows.length === 1 && shape.rows[0].length === 1;
  const rows = shape.rows.map((row, r) =>
    row.map((cell, c) => {
      try {
        return scalar(tokens, cell, limits, work);
      } catch (e) {
        const error = toAnswerError(e);
        throw new AnswerFailure(single ? error : inCell(error, r, c));
      }
    }),
  );
  return { kind: 'matrix', dims: shape.dims, shape: [rows.length, rows[0].length], rows };
}

function firstIndexOf(text: string, needles: readonly string[]): number {
  let first = -1;
  for (const n of needles) {
    const k = text.indexOf(n);
    if (k >= 0 && (first < 0 || k < first)) first = k;
  }
  return first;
}

function scalar(tokens: readonly Token[], cell: Cell, limits: AnswerLimits, work: Work): ScalarAnswer {
  const ast = parseExpressionTokens(tokens, cell.lo, cell.hi, limits, false);
  const value = evaluateWith(ast, NO_VARIABLES, work);
  return { kind: 'scalar', value, ast, ...notationOf(ast) };
}

/** A list where one number was expected; "0,5" gets the decimal-comma hint. */
function rejectList(tokens: readonly Token[], shape: Extract<Shape, { kind: 'matrix' }>, lo: number): never {
  const cells = shape.rows.flat();
  if (!shape.bracketed && shape.commas && cells.length === 2 && cells[1].hi - cells[1].lo === 1) {
    // "0,5" or "-0,288": a number (with an optional sign) and a bare digit run after the comma.
    const first = cells[0];
    const head = tokens[first.lo];
    const signed = first.hi - first.lo === 2 && head.kind === 'op' && head.op === '-';
    const a = tokens[first.hi - 1];
    const b = tokens[cells[1].lo];
    if (
      (signed || first.hi - first.lo === 1) &&
      a.kind === 'number' &&
      b.kind === 'number' &&
      !b.space &&
      !a.literal.hasPoint &&
      !b.literal.hasPoint &&
      !a.literal.scientific
    ) {
      const sign = signed ? '-' : '';
      fail('decimal-comma', { text: `${sign}${a.text},${b.text}`, fixed: `${sign}${a.text}.${b.text}` }, b.pos);
    }
  }
  return fail('not-a-scalar', { count: cells.length }, tokens[lo].pos);
}
