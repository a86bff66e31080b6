// The answers of a practice page as a responses CSV, the format `grade` reads: the header
// `student_id,q1.a1,q1.a2,q2.a1,…` (question number 1-based, then the ask id) and one row with the
// student's id and the answers as typed. Cells are quoted as RFC 4180 says when they need it; nothing
// else is changed, since the grader reads the answer exactly as it was typed. Lines end in CRLF, as
// in the responses template that `generate` writes.

export interface ResponsesRow {
  readonly studentId: string;
  /** Per question (in order), its asks in order with the answer typed ('' when none). */
  readonly questions: readonly (readonly { readonly ask: string; readonly answer: string }[])[];
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function responsesCsv(row: ResponsesRow): string {
  const header = ['student_id'];
  const values = [row.studentId];
  row.questions.forEach((asks, q) => {
    for (const { ask, answer } of asks) {
      header.push(`q${q + 1}.${ask}`);
      values.push(answer);
    }
  });
  return `${header.map(cell).join(',')}\r\n${values.map(cell).join(',')}\r\n`;
}
