import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/network/errors';
import { numberedVariants, parseRoster } from '../../src/sets/roster';

function errorOf(text: string): string {
  try {
    parseRoster(text, 'roster.csv');
  } catch (error) {
    if (error instanceof InputError) return `${error.message} | ${error.messageIn('ja')}`;
    throw error;
  }
  throw new Error('expected an error');
}

describe('rosters', () => {
  test('as Excel saves them: a byte-order mark, CRLF, quoted fields with commas, quotes and line breaks', () => {
    const text = '\ufeffid,name\r\ns1,"Sato, Hanako"\r\n\r\ns2,"He said ""hi"""\r\ns3,"two\r\nlines"\r\n';
    expect(parseRoster(text)).toEqual([
      { id: 's1', name: 'Sato, Hanako' },
      { id: 's2', name: 'He said "hi"' },
      { id: 's3', name: 'two\nlines' },
    ]);
  });

  test("hostile names are kept as they are (escaping is the renderers' job)", () => {
    expect(parseRoster('id,name\nx1,<script>alert(1)</script>\nx2,"=cmd|\' /C calc\'!A0"\n')).toEqual([
      { id: 'x1', name: '<script>alert(1)</script>' },
      { id: 'x2', name: "=cmd|' /C calc'!A0" },
    ]);
  });

  test('a duplicate id names both lines, after CRLF blank lines too', () => {
    expect(errorOf('id,name\r\na,A\r\n\r\nb,B\r\na,C\r\n')).toBe(
      'roster.csv:5: id: student id "a" is already on line 2 | roster.csv:5: id: 学生 ID "a" は 2 行目にもあります',
    );
  });

  test('ids must be safe folder names; the header must be id,name; CSV errors have their line', () => {
    expect(errorOf('id,name\n../x,A\n')).toMatch(/^roster\.csv:2: id: expected a student id of letters, digits/);
    expect(errorOf('id,name\n,A\n')).toMatch(/^roster\.csv:2: id: .*, got ""/);
    expect(errorOf('name,id\na,b\n')).toBe(
      'roster.csv:1: expected the header id,name | roster.csv:1: 1行目は見出し id,name にしてください',
    );
    expect(errorOf('id,name\na,"open\n')).toMatch(/^roster\.csv:2: not valid CSV: Quote Not Closed/);
  });

  test('--variants N: ids v1…vN', () => {
    expect(numberedVariants(3).map((s) => s.id)).toEqual(['v1', 'v2', 'v3']);
  });
});
