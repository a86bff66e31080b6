// Finds the shape of an answer in its tokens: one scalar, or a vector/matrix written as
//   [1, 2]            a vector (1-D)                    1, 2        the same, without brackets
//   [[1, 2], [3, 4]]  a matrix, rows in brackets        1 2; 3 4    rows split by ";" or a line break
//   [1, 2; 3, 4]      a matrix, MATLAB style            [1 2; 3 4]  entries split by spaces
// Entries in a row are split by commas when the row has any; otherwise by spaces between complete
// values ("1 -2" is two entries, "1 - 2" is one, as in MATLAB; "ln 2 ln 3" is two). The result is a
// list of token ranges for the expression parser.
import { fail } from './errors';
import type { AnswerLimits } from './limits';
import type { Token } from './lexer';

/** Tokens [lo, hi) of one matrix entry. */
export interface Cell {
  readonly lo: number;
  readonly hi: number;
}

export type Shape =
  | { readonly kind: 'scalar'; readonly cell: Cell }
  | {
      readonly kind: 'matrix';
      readonly dims: 1 | 2;
      readonly rows: readonly (readonly Cell[])[];
      readonly bracketed: boolean;
      readonly commas: boolean;
    };

export type Expect = 'any' | 'scalar' | 'matrix';

export function findShape(
  tokens: readonly Token[],
  lo: number,
  hi: number,
  expect: Expect,
  limits: AnswerLimits,
): Shape {
  if (tokens[lo].kind === '[') return bracketed(tokens, lo, hi, limits);
  let structural = false;
  let depth = 0;
  for (let k = lo; k < hi; k++) {
    const kind = tokens[k].kind;
    if (kind === '(') depth++;
    else if (kind === ')') depth--;
    else if (kind === '[') fail('matrix-in-expression', {}, tokens[k].pos);
    else if (depth <= 0 && (kind === ',' || kind === ';' || kind === 'newline')) structural = true;
  }
  if (!structural && expect !== 'matrix') return { kind: 'scalar', cell: { lo, hi } };
  const rows = splitRows(tokens, lo, hi, limits);
  const commas = rows.some((r) => r.commas);
  return finish(
    rows.map((r) => r.cells),
    rows.length > 1 ? 2 : 1,
    false,
    commas,
    tokens,
    limits,
    lo,
  );
}

function bracketed(tokens: readonly Token[], lo: number, hi: number, limits: AnswerLimits): Shape {
  const close = matchingBracket(tokens, lo, hi);
  if (close < hi - 1) fail('matrix-in-expression', {}, tokens[close + 1].pos);
  let first = lo + 1;
  while (first < close && tokens[first].kind === 'newline') first++;
  if (tokens[first].kind !== '[') {
    // [1, 2] or [1, 2; 3, 4]
    if (first === close) fail('empty-entry', {}, tokens[lo].pos);
    const rows = splitRows(tokens, first, close, limits);
    return finish(
      rows.map((r) => r.cells),
      rows.length > 1 ? 2 : 1,
      true,
      rows.some((r) => r.commas),
      tokens,
      limits,
      lo,
    );
  }
  // [[1, 2], [3, 4]]: bracketed rows, separated by commas, semicolons, line breaks or spaces.
  const rows: Cell[][] = [];
  let commas = false;
  let k = first;
  for (;;) {
    while (k < close && tokens[k].kind === 'newline') k++;
    if (k >= close) break;
    const t = tokens[k];
    if (t.kind !== '[') fail(t.kind === ']' ? 'unmatched-bracket' : 'matrix-nesting', {}, t.pos);
    const rowClose = matchingBracket(tokens, k, close);
    if (rowClose === k + 1) fail('empty-entry', {}, t.pos);
    const row = splitRow(tokens, k + 1, rowClose);
    commas ||= row.commas;
    rows.push(row.cells);
    if (rows.length > limits.maxRows)
      fail('matrix-too-large', { rows: limits.maxRows, columns: limits.maxColumns }, t.pos);
    k = rowClose + 1;
    // One separator between rows is fine, and one after the last row ("[[1, 2], [3, 4],]").
    if (k < close && (tokens[k].kind === ',' || tokens[k].kind === ';')) {
      k++;
      while (k < close && tokens[k].kind === 'newline') k++;
    }
  }
  return finish(rows, 2, true, commas, tokens, limits, lo);
}

/** Index of the "]" closing the "[" at `open`; nested "[" beyond a matrix's two levels are refused. */
function matchingBracket(tokens: readonly Token[], open: number, hi: number): number {
  let depth = 0;
  for (let k = open; k < hi; k++) {
    const kind = tokens[k].kind;
    if (kind === '[') {
      if (++depth > 2) fail('matrix-nesting', {}, tokens[k].pos);
    } else if (kind === ']') {
      if (--depth === 0) return k;
    }
  }
  return fail('unclosed-bracket', {}, tokens[open].pos);
}

interface Row {
  readonly cells: Cell[];
  readonly commas: boolean;
}

/** Rows split by ";" or line breaks at parenthesis depth 0; blank lines and one trailing ";" are ignored. */
function splitRows(tokens: readonly Token[], lo: number, hi: number, limits: AnswerLimits): Row[] {
  const rows: Row[] = [];
  let start = lo;
  let depth = 0;
  let semicolonPending = false;
  for (let k = lo; k <= hi; k++) {
    const kind = k < hi ? tokens[k].kind : 'end';
    if (kind === '(') depth++;
    else if (kind === ')') depth--;
    if (kind === '[') fail('matrix-nesting', {}, tokens[k].pos);
    if (kind === ']') fail('unmatched-bracket', {}, tokens[k].pos);
    if (kind !== 'end' && (depth > 0 || (kind !== ';' && kind !== 'newline'))) continue;
    if (start < k) {
      rows.push(splitRow(tokens, start, k));
      if (rows.length > limits.maxRows)
        fail('matrix-too-large', { rows: limits.maxRows, columns: limits.maxColumns }, tokens[start].pos);
      semicolonPending = false;
    } else if (kind === ';' && (semicolonPending || rows.length === 0)) {
      fail('empty-entry', {}, tokens[k].pos);
    }
    if (kind === ';') semicolonPending = true;
    start = k + 1;
  }
  if (rows.length === 0) fail('empty-entry', {}, tokens[lo]?.pos ?? null);
  return rows;
}

function splitRow(tokens: readonly Token[], lo: number, rowEnd: number): Row {
  // One trailing comma ("[0.1, 0.2,]", as Python allows) ends the row.
  const hi = rowEnd - 1 > lo && tokens[rowEnd - 1].kind === ',' ? rowEnd - 1 : rowEnd;
  const cells: Cell[] = [];
  let depth = 0;
  let hasComma = false;
  for (let k = lo; k < hi; k++) {
    const kind = tokens[k].kind;
    if (kind === '(') depth++;
    else if (kind === ')') depth--;
    else if (kind === '[') fail('matrix-nesting', {}, tokens[k].pos);
    else if (kind === ';' || kind === 'newline') fail('matrix-nesting', {}, tokens[k].pos);
    else if (kind === ',' && depth <= 0) hasComma = true;
  }
  depth = 0;
  let start = lo;
  for (let k = lo; k < hi; k++) {
    const t = tokens[k];
    if (depth === 0) {
      if (hasComma && t.kind === ',') {
        if (start === k) fail('empty-entry', {}, t.pos);
        cells.push({ lo: start, hi: k });
        start = k + 1;
      } else if (!hasComma && k > start && t.space && endsValue(tokens[k - 1]) && startsEntry(tokens, k, hi)) {
        cells.push({ lo: start, hi: k });
        start = k;
      }
    }
    if (t.kind === '(') depth++;
    else if (t.kind === ')') depth--;
  }
  if (start >= hi) fail('empty-entry', {}, tokens[hi - 1]?.pos ?? null);
  cells.push({ lo: start, hi });
  return { cells, commas: hasComma };
}

function endsValue(t: Token): boolean {
  return t.kind === 'number' || t.kind === ')' || (t.kind === 'name' && t.meaning.kind !== 'function');
}

/** A new entry starts at a value, or at a sign written against its number ("1 -2"). */
function startsEntry(tokens: readonly Token[], k: number, hi: number): boolean {
  const t = tokens[k];
  if (t.kind === 'number' || t.kind === 'name' || t.kind === '(') return true;
  if (t.kind === 'op' && (t.op === '-' || t.op === '+')) return k + 1 < hi && !tokens[k + 1].space;
  return false;
}

function finish(
  rows: readonly (readonly Cell[])[],
  dims: 1 | 2,
  bracketedForm: boolean,
  commas: boolean,
  tokens: readonly Token[],
  limits: AnswerLimits,
  lo: number,
): Shape {
  if (rows.length > limits.maxRows)
    fail('matrix-too-large', { rows: limits.maxRows, columns: limits.maxColumns }, tokens[lo].pos);
  const width = rows[0].length;
  for (const [r, row] of rows.entries()) {
    if (row.length > limits.maxColumns)
      fail('matrix-too-large', { rows: limits.maxRows, columns: limits.maxColumns }, tokens[row[0].lo].pos);
    if (row.length !== width)
      fail('ragged-matrix', { row: r + 1, count: row.length, expected: width }, tokens[row[0].lo].pos);
  }
  return { kind: 'matrix', dims, rows, bracketed: bracketedForm, commas };
}
