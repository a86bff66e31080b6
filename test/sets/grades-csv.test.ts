// grades.csv and the report's histogram bins, on a gradebook written by hand: every formula start a
// spreadsheet would run is neutralised, a student without answers keeps empty scores, and each score
// falls in the bin its share of the points says.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { BINS, binOf } from '../../src/sets/charts';
import type { Gradebook, StudentGrade } from '../../src/sets/gradebook';
import { gradesCsv } from '../../src/sets/grades-csv';

const student = (id: string, name: string, scores: number[] | null): StudentGrade => ({
  id,
  name,
  code: '0000000',
  line: scores === null ? null : 2,
  questions: scores?.map((score) => ({ score, max: 2, results: [], asks: 1 })) ?? null,
  total: scores === null ? null : scores.reduce((a, b) => a + b, 0),
  max: 4,
});

const book = (students: StudentGrade[]): Gradebook => ({
  title: 't',
  lang: 'en',
  students,
  questions: [1, 2].map((number) => ({ number, max: 2, mean: null, scores: [], network: null, misconceptions: [] })),
});

describe('grades.csv', () => {
  test('formula starts neutralised with a quote, quotes and commas quoted, CRLF', () => {
    const names = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a, "b"', 'plain'];
    const csv = gradesCsv(book(names.map((name, i) => student(`s${i}`, name, [2, 0.5]))));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(['student_id', 'name', 'q1', 'q2', 'total', 'max']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'a, "b"',
      'plain',
    ]);
    expect(rows[1].slice(2)).toEqual(['2', '0.5', '2.5', '4']);
  });

  test('a student without answers: empty scores, the maximum kept', () => {
    const rows = parse(gradesCsv(book([student('gone', 'G', null)]))) as string[][];
    expect(rows[1]).toEqual(['gone', 'G', '', '', '', '4']);
  });
});

describe('histogram bins', () => {
  test('nothing, under a quarter, a half, three quarters, below full, full marks', () => {
    const cases: [number, number, (typeof BINS)[number]][] = [
      [0, 4, '0'],
      [0.5, 4, '< 25%'],
      [1, 4, '< 50%'],
      [1.99, 4, '< 50%'],
      [2, 4, '< 75%'],
      [3, 4, '< 100%'],
      [3.99, 4, '< 100%'],
      [4, 4, '100%'],
    ];
    for (const [score, max, bin] of cases) expect(BINS[binOf(score, max)], `${score}/${max}`).toBe(bin);
  });
});
