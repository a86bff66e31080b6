// The class key (key.json, a fixed contract) and the responses template: the exercise JSON of every
// question exactly as `exercise --format json` prints it, plus its points; the responses CSV has one
// column per question and ask (`q1.a1`) and one row per student.
import type { Exercise } from '../exercises/types';
import type { Exam } from './exam';
import type { ExerciseSet } from './types';

export interface KeyJson {
  readonly title: string;
  readonly set_seed: number;
  readonly students: readonly {
    readonly id: string;
    readonly name: string;
    readonly code: string;
    readonly questions: readonly (Exercise & { readonly points: number })[];
  }[];
}

export function keyJson(set: ExerciseSet, exams: readonly Exam[]): KeyJson {
  return {
    title: set.title,
    set_seed: set.seed,
    students: exams.map((exam) => ({
      id: exam.student.id,
      name: exam.student.name,
      code: exam.code,
      questions: exam.questions.map((q) => ({ ...q.exercise, points: q.points })),
    })),
  };
}

/** `q1.a1`, `q1.a2`, …: per question the ask ids of every student's variant, in first-seen order. */
export function responseColumns(exams: readonly Exam[]): string[] {
  const count = exams[0]?.questions.length ?? 0;
  const columns: string[] = [];
  for (let q = 0; q < count; q++) {
    const ids: string[] = [];
    for (const exam of exams)
      for (const ask of exam.questions[q].exercise.asks) if (!ids.includes(ask.id)) ids.push(ask.id);
    columns.push(...ids.map((id) => `q${q + 1}.${id}`));
  }
  return columns;
}

/** A cell as CSV: quoted when it holds a comma, quote or line break; a formula start neutralised. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header and one row per student with the id and empty answers, CRLF as spreadsheets expect. */
export function responsesTemplate(exams: readonly Exam[]): string {
  const columns = responseColumns(exams);
  const rows = [['student_id', ...columns], ...exams.map((exam) => [exam.student.id, ...columns.map(() => '')])];
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
