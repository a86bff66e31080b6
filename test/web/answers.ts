// Answers to try on a practice page, written from an exercise's expected values independently of the
// grader: exact (a fraction, or 15 significant figures for an irrational value), rounded half-up to 4
// significant figures from the 34-digit decimal, wrong (the right one plus 1) and unparseable.
import Decimal from 'decimal.js';
import type { ExpectedValue } from '../../src/exercises/types';

export interface Cell {
  readonly exact: string | null;
  readonly approx: string;
}
const isCell = (v: unknown): v is Cell => typeof v === 'object' && v !== null && 'approx' in v;

/** A cell written exactly (a fraction), or, for an irrational value, to 15 significant figures. */
const exactText = (c: Cell) => c.exact ?? new Decimal(c.approx).toSignificantDigits(15).toString();
/** Rounded half-up to 4 significant figures from the 34-digit decimal: an honest rounding. */
const roundedText = (c: Cell) => new Decimal(c.approx).toSignificantDigits(4, Decimal.ROUND_HALF_UP).toString();

function written(v: ExpectedValue, cell: (c: Cell) => string): string {
  if (isCell(v)) return cell(v);
  if ('expression' in v) return v.expression;
  const rows = v as readonly unknown[];
  if (rows.every(isCell)) return `[${rows.map(cell).join(', ')}]`;
  return `[${(rows as readonly (readonly Cell[])[]).map((r) => r.map(cell).join(', ')).join('; ')}]`;
}

/** Answers to try: right, honestly rounded (numbers only), wrong (the right one plus 1), unparseable. */
export function answersFor(v: ExpectedValue): { kind: string; answer: string }[] {
  const right = written(v, exactText);
  const symbolic = !isCell(v) && 'expression' in v;
  const wrong = symbolic
    ? `(${right}) + 1`
    : isCell(v)
      ? `(${right}) + 1`
      : right.replace(/^(\[+)([^,;\]]+)/, (_, open: string, first: string) => `${open}(${first}) + 1`);
  return [
    { kind: 'right', answer: right },
    ...(symbolic ? [] : [{ kind: 'rounded', answer: written(v, roundedText) }]),
    { kind: 'wrong', answer: wrong },
    { kind: 'unparseable', answer: '1/' },
  ];
}
