// The practice page's CSV export read back by csv-parse (the reader the project's CSV input uses):
// the responses header, the answers exactly as typed however they are written.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { responsesCsv } from '../../src/web/responses-csv';

describe('responsesCsv', () => {
  it('writes the header student_id,q1.a1,… and the answers as typed, quoted only where needed', () => {
    const answers = ['-29/5', '[1, 2; 3, 4]', 'say "hi"', '', '=1+2', '０.５'];
    const csv = responsesCsv({
      studentId: 's,1',
      questions: [
        [
          { ask: 'a1', answer: answers[0] },
          { ask: 'a2', answer: answers[1] },
        ],
        [{ ask: 'a1', answer: answers[2] }],
        [
          { ask: 'a1', answer: answers[3] },
          { ask: 'a2', answer: answers[4] },
          { ask: 'a3', answer: answers[5] },
        ],
      ],
    });
    expect(csv.split('\r\n')[0]).toBe('student_id,q1.a1,q1.a2,q2.a1,q3.a1,q3.a2,q3.a3');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)).toEqual([
      ['student_id', 'q1.a1', 'q1.a2', 'q2.a1', 'q3.a1', 'q3.a2', 'q3.a3'],
      ['s,1', ...answers],
    ]);
  });
});
