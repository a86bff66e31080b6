// The responses CSV against a class key: what is graded, and every problem with its line. The key is
// built from two generated exercises; the CSV texts are written out by hand.
import { describe, expect, test } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { InputError } from '../../src/network/errors';
import { parseKey } from '../../src/sets/key-file';
import { parseResponses } from '../../src/sets/responses';

const q1 = generateExercise({ template: 'output-bias-grad', seed: 3, difficulty: 1, lang: 'en' });
const q2 = generateExercise({ template: 'softmax-ce-gradient', seed: 4, difficulty: 1, lang: 'en' });
const key = parseKey(
  JSON.stringify({
    title: 'T',
    set_seed: 1,
    students: ['-a1', 's2', 's3'].map((id) => ({
      id,
      name: '',
      code: '0000000',
      questions: [
        { ...q1, points: 2 },
        { ...q2, points: 3 },
      ],
    })),
  }),
);
const header = `student_id,${q1.asks.map((a) => `q1.${a.id}`).join(',')},${q2.asks.map((a) => `q2.${a.id}`).join(',')}`;
const width = 1 + q1.asks.length + q2.asks.length;
const row = (id: string, ...cells: string[]) => [id, ...cells, ...Array(width - 1 - cells.length).fill('')].join(',');

describe('parseResponses', () => {
  test('a byte-order mark, CRLF, a quoted cell over two lines: answers by question and ask, lines right', () => {
    const text = `\ufeff${header}\r\n${row("'-a1", '"1,\r\n2"')}\r\n${row('s2', '0.5')}\r\n`;
    const { rows, problems } = parseResponses(text, key, 'r.csv');
    // The template's neutralised id is read back; the quoted cell keeps its comma and line break.
    expect(rows.map((r) => [r.id, r.line])).toEqual([
      ['-a1', 3],
      ['s2', 4],
    ]);
    expect(rows[0].answers[0].get(q1.asks[0].id)).toBe('1,\n2');
    expect(rows[1].answers[0].get(q1.asks[0].id)).toBe('0.5');
    expect(rows[1].answers[1].size).toBe(0);
    expect(problems).toEqual([
      { line: null, text: expect.objectContaining({ en: 'no row for student "s3": not graded' }) },
    ]);
  });

  test('every problem named with its line; the good rows kept', () => {
    // Two more columns than the key has asks: one no question has, one a second time.
    const cells = (id: string, first = '') => [id, first, ...Array(width + 1 - 1).fill('')].join(',');
    const text = [
      `${header},q3.a1,q1.${q1.asks[0].id}`,
      cells('s2', '1'),
      'x,1',
      cells('s9'),
      cells('s2'),
      cells('bad id!'),
      ',,,,,,,',
    ].join('\n');
    const { rows, problems } = parseResponses(text, key, 'r.csv');
    expect(rows.map((r) => [r.id, r.answers[0].get(q1.asks[0].id)])).toEqual([['s2', '1']]);
    const said = problems.map((p) => [p.line, p.text.en.split(/[:;]/)[0]]);
    expect(said).toEqual([
      [
        1,
        `column ${width + 1} "q3.a1" is not an ask of the key (expected q1.a1 … q2.aN, as in responses-template.csv)`,
      ],
      [1, `column ${width + 2} "q1.${q1.asks[0].id}" appears twice`],
      [3, 'malformed row'],
      [4, 'unknown student id "s9" (not in the key)'],
      [5, 'a second row for student "s2" (the first is on line 2)'],
      [6, 'malformed row'],
      [null, 'no row for student "-a1"'],
      [null, 'no row for student "s3"'],
    ]);
  });

  test("an answer to an ask the student's variant does not have is said, not dropped", () => {
    // s2's second question is a variant with one ask only (a1), the others' has a1 and a2.
    const mixed = parseKey(
      JSON.stringify({
        title: 'T',
        set_seed: 1,
        students: [
          {
            id: 's1',
            name: '',
            code: '0',
            questions: [
              { ...q1, points: 2 },
              { ...q2, points: 3 },
            ],
          },
          {
            id: 's2',
            name: '',
            code: '1',
            questions: [
              { ...q1, points: 2 },
              { ...q1, points: 3 },
            ],
          },
        ],
      }),
    );
    expect(q2.asks.map((a) => a.id)).toEqual(['a1', 'a2']);
    const text = `student_id,q1.a1,q2.a1,q2.a2\ns1,1,2,3\ns2,1,2,3\n`;
    const { rows, problems } = parseResponses(text, mixed, 'r.csv');
    expect(rows.map((r) => [...r.answers[1].keys()])).toEqual([['a1', 'a2'], ['a1']]);
    expect(problems.map((p) => [p.line, p.text.en])).toEqual([
      [3, 'q2.a2: student "s2" was not asked a2 in question 2; this answer is not graded'],
    ]);
  });

  test('a header without student_id is an error at line 1', () => {
    expect(() => parseResponses('id,q1.a1\n', key, 'r.csv')).toThrow(InputError);
    expect(() => parseResponses('id,q1.a1\n', key, 'r.csv')).toThrow(/^r\.csv:1: expected the header student_id/);
  });
});
