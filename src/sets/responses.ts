// A class's answers: the responses CSV (the header `student_id,q1.a1,q1.a2,q2.a1,…`, a row per student,
// answers as typed), read with the roster's CSV parser. A bad header is an error; a bad row is a
// problem reported with its line while the other rows are still graded: a malformed row, an id the
// key does not have, a second row for a student, a column no question has. Nothing is dropped
// without being said.
import { InputError } from '../network/errors';
import { readCapped } from '../network/limits';
import type { Text } from '../text/lang';
import type { ClassKey } from './key-file';
import { csvRecords, STUDENT_ID } from './roster';

export interface ResponseRow {
  readonly line: number;
  readonly id: string;
  /** By question (0-based), the answers typed for each ask id; an empty cell is no answer. */
  readonly answers: readonly ReadonlyMap<string, string>[];
}

export interface Problem {
  /** The line of the responses file, or null for a student of the key without a row. */
  readonly line: number | null;
  readonly text: Text;
}

export interface Responses {
  readonly rows: readonly ResponseRow[];
  readonly problems: readonly Problem[];
}

const COLUMN = /^q(\d{1,4})\.([A-Za-z0-9_-]{1,32})$/;

/** The column of the header a cell is in: its question (0-based) and ask id, or null when it is ignored. */
type Column = { readonly question: number; readonly ask: string } | null;

function columnsOf(header: readonly string[], key: ClassKey, line: number, problems: Problem[]): Column[] {
  const count = key.students[0]?.questions.length ?? 0;
  const asks = Array.from({ length: count }, (_, q) => {
    const ids = new Set<string>();
    for (const student of key.students) for (const ask of student.questions[q].loaded.exercise.asks) ids.add(ask.id);
    return ids;
  });
  const seen = new Set<string>();
  return header.slice(1).map((raw, i): Column => {
    const name = raw.trim();
    const match = COLUMN.exec(name);
    const question = match ? Number(match[1]) - 1 : -1;
    const column = i + 2;
    if (!match || question < 0 || question >= count || !asks[question].has(match[2])) {
      problems.push({
        line,
        text: {
          en: `column ${column} "${name}" is not an ask of the key (expected q1.a1 … q${count}.aN, as in responses-template.csv); its answers are not graded`,
          ja: `${column} 列目の "${name}" は解答ファイルにない問いです（responses-template.csv のように q1.a1 … q${count}.aN と書きます）。この列の解答は採点しません`,
        },
      });
      return null;
    }
    if (seen.has(name)) {
      problems.push({
        line,
        text: {
          en: `column ${column} "${name}" appears twice; only the first is graded`,
          ja: `${column} 列目の "${name}" は2回目です。最初の列だけを採点します`,
        },
      });
      return null;
    }
    seen.add(name);
    return { question, ask: match[2] };
  });
}

export function parseResponses(text: string, key: ClassKey, file = '<responses>'): Responses {
  const records = csvRecords(file, text);
  const header = records[0]?.cells ?? [];
  const headerLine = records[0]?.line ?? 1;
  if ((header[0] ?? '').trim().toLowerCase() !== 'student_id')
    throw new InputError(
      file,
      null,
      {
        en: 'expected the header student_id,q1.a1,q1.a2,… (as in responses-template.csv)',
        ja: '1行目は見出し student_id,q1.a1,q1.a2,…（responses-template.csv と同じ）にしてください',
      },
      headerLine,
    );
  const problems: Problem[] = [];
  const columns = columnsOf(header, key, headerLine, problems);
  const known = new Set(key.students.map((s) => s.id));
  const firstLine = new Map<string, number>();
  const rows: ResponseRow[] = [];
  const count = key.students[0]?.questions.length ?? 0;
  for (const { line, cells } of records.slice(1)) {
    // A row of empty cells (a spreadsheet's blank line) holds nothing to grade or to lose.
    if (cells.every((c) => c.trim() === '')) continue;
    // responses-template.csv writes an id such as -a1 as '-a1 (a formula start neutralised): read it back.
    const id = (cells[0] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
    if (cells.length !== header.length) {
      problems.push({
        line,
        text: {
          en: `malformed row: ${cells.length} cells, the header has ${header.length}; not graded`,
          ja: `行の形が正しくありません: セルが ${cells.length} 個あります（見出しは ${header.length} 個）。採点しません`,
        },
      });
      continue;
    }
    if (!STUDENT_ID.test(id)) {
      problems.push({
        line,
        text: {
          en: `malformed row: "${id}" is not a student id; not graded`,
          ja: `行の形が正しくありません: "${id}" は学生 ID ではありません。採点しません`,
        },
      });
      continue;
    }
    if (!known.has(id)) {
      problems.push({
        line,
        text: {
          en: `unknown student id "${id}" (not in the key); not graded`,
          ja: `学生 ID "${id}" は解答ファイルにありません。採点しません`,
        },
      });
      continue;
    }
    const before = firstLine.get(id);
    if (before !== undefined) {
      problems.push({
        line,
        text: {
          en: `a second row for student "${id}" (the first is on line ${before}); only the first is graded`,
          ja: `学生 "${id}" の2つ目の行です（1つ目は ${before} 行目）。1つ目だけを採点します`,
        },
      });
      continue;
    }
    firstLine.set(id, line);
    const answers = Array.from({ length: count }, () => new Map<string, string>());
    const student = key.students.find((s) => s.id === id)!;
    columns.forEach((column, i) => {
      const cell = cells[i + 1] ?? '';
      if (column === null || cell.trim() === '') return;
      // Variants of one question may differ in their asks: an answer to an ask this student was not given is said, not dropped.
      if (!student.questions[column.question].loaded.exercise.asks.some((a) => a.id === column.ask)) {
        const name = `q${column.question + 1}.${column.ask}`;
        problems.push({
          line,
          text: {
            en: `${name}: student "${id}" was not asked ${column.ask} in question ${column.question + 1}; this answer is not graded`,
            ja: `${name}: 学生 "${id}" の問題 ${column.question + 1} に問い ${column.ask} はありません。この解答は採点しません`,
          },
        });
        return;
      }
      answers[column.question].set(column.ask, cell);
    });
    rows.push({ line, id, answers });
  }
  for (const student of key.students)
    if (!firstLine.has(student.id))
      problems.push({
        line: null,
        text: {
          en: `no row for student "${student.id}"${student.name ? ` (${student.name})` : ''}: not graded`,
          ja: `学生 "${student.id}"${student.name ? `（${student.name}）` : ''} の行がありません。採点しません`,
        },
      });
  return { rows, problems };
}

export function loadResponses(file: string, key: ClassKey): Responses {
  let text: string;
  try {
    text = readCapped(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, null, { en: 'no such file', ja: 'ファイルが見つかりません' });
    if (code === 'EISDIR')
      throw new InputError(file, null, {
        en: 'is a directory, expected a file',
        ja: 'ディレクトリです。ファイルを指定してください',
      });
    if ((error as { why?: Text }).why) throw new InputError(file, null, (error as { why: Text }).why);
    throw error;
  }
  return parseResponses(text, key, file);
}
