// A class roster: CSV with the header `id,name`, as spreadsheets save it (quoted fields, a byte-order
// mark, CRLF), parsed by csv-parse. An id names the student's folder, so it is kept to letters,
// digits, `-`, `_` and `.` (not first); problems are InputErrors with their line.
import { parse } from 'csv-parse/sync';
import { InputError } from '../network/errors';
import { readCapped } from '../network/limits';
import type { Text } from '../text/lang';

export interface Student {
  readonly id: string;
  readonly name: string;
}

export const STUDENT_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/;

const ID_RULE: Text = {
  en: 'expected a student id of letters, digits, -, _ and . (not first), at most 64 characters',
  ja: '学生 ID は英数字、-、_、.（先頭以外）からなる64文字以内にしてください',
};

/** CSV rows with the line each ends on; quoted fields may span lines, so the parser counts them. */
export function csvRecords(file: string, text: string): { readonly line: number; readonly cells: string[] }[] {
  try {
    // Excel's CRLF as LF: csv-parse counts a blank CRLF line twice, and the line numbers must be right.
    const records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    const why = (error as Error).message.split('\n')[0];
    throw new InputError(file, null, { en: `not valid CSV: ${why}`, ja: `CSV として正しくありません: ${why}` }, line);
  }
}

export function parseRoster(text: string, file = '<roster>'): Student[] {
  const records = csvRecords(file, text);
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase());
  if (header?.[0] !== 'id' || header[1] !== 'name')
    throw new InputError(
      file,
      null,
      { en: 'expected the header id,name', ja: '1行目は見出し id,name にしてください' },
      records[0]?.line ?? 1,
    );
  const seen = new Map<string, number>();
  return records.slice(1).map(({ line, cells }) => {
    const id = (cells[0] ?? '').trim();
    const name = (cells[1] ?? '').trim();
    if (!STUDENT_ID.test(id))
      throw new InputError(
        file,
        'id',
        { en: `${ID_RULE.en}, got "${id}"`, ja: `${ID_RULE.ja}（指定値: "${id}"）` },
        line,
      );
    const before = seen.get(id);
    if (before !== undefined)
      throw new InputError(
        file,
        'id',
        { en: `student id "${id}" is already on line ${before}`, ja: `学生 ID "${id}" は ${before} 行目にもあります` },
        line,
      );
    seen.set(id, line);
    return { id, name };
  });
}

export function loadRoster(file: string): Student[] {
  let text: string;
  try {
    text = readCapped(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, null, { en: 'no such file', ja: 'ファイルが見つかりません' });
    if ((error as { why?: Text }).why) throw new InputError(file, null, (error as { why: Text }).why);
    throw error;
  }
  return parseRoster(text, file);
}

/** N numbered variants instead of a roster: ids v1…vN. */
export function numberedVariants(count: number): Student[] {
  return Array.from({ length: count }, (_, i) => ({ id: `v${i + 1}`, name: '' }));
}
