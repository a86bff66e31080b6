// grades.csv: `student_id,name,q1,q2,…,total,max`, a row per student of the key in the key's order,
// CRLF as spreadsheets expect. A student without a row of answers keeps an empty score, not a 0, so
// that the gradebook tells "absent" from "answered nothing right". Every cell goes through csvCell,
// which neutralises a formula start (=, +, -, @, tab, CR): a name is never run by a spreadsheet.
import type { Gradebook } from './gradebook';
import { csvCell } from './key-json';

export function gradesCsv(book: Gradebook): string {
  const header = ['student_id', 'name', ...book.questions.map((q) => `q${q.number}`), 'total', 'max'];
  const rows = book.students.map((s) => [
    s.id,
    s.name,
    ...(s.questions?.map((q) => String(q.score)) ?? book.questions.map(() => '')),
    s.total === null ? '' : String(s.total),
    String(s.max),
  ]);
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
