// Vectors and matrices in every accepted layout, with hand-written expected cells.
import { describe, expect, it } from 'vitest';
import type { MatrixAnswer } from '../../src/answer';
import { answerOf, errorOf, exactOf, scalarOf } from './helpers';

function cells(text: string, expect_: 'any' | 'matrix' = 'any'): { dims: number; rows: string[][] } {
  const a = answerOf(text, { expect: expect_ });
  if (a.kind !== 'matrix') throw new Error(`expected a matrix from ${JSON.stringify(text)}`);
  const m: MatrixAnswer = a;
  expect(m.shape).toEqual([m.rows.length, m.rows[0].length]);
  return { dims: m.dims, rows: m.rows.map((r) => r.map((c) => exactOf(c.value))) };
}

describe('matrix answers', () => {
  it.each([
    [
      '[[1,2],[3,4]]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[[1, 2], [3, 4]]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[[1 2] [3 4]]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[[1,2]\n[3,4]]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[\n  [1, 2],\n  [3, 4]\n]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '［［１，２］，［３，４］］',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[1, 2; 3, 4]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '[1 2; 3 4]',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '1 2; 3 4',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '1 2；3 4',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '1 2\n3 4',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '1 2; 3 4;',
      2,
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['[1;2;3]', 2, [['1'], ['2'], ['3']]],
    ['[[1],[2]]', 2, [['1'], ['2']]],
    ['[[0.5, -0.25]]', 2, [['1/2', '-1/4']]],
    ['[1, 2]', 1, [['1', '2']]],
    ['1, 2', 1, [['1', '2']]],
    ['1、2', 1, [['1', '2']]],
    ['[0.5 -0.25]', 1, [['1/2', '-1/4']]],
    ['[0.5 - 0.25]', 1, [['1/4']]],
    ['[0.5 -0.25, 1]', 1, [['1/4', '1']]],
    ['[1/2, 3/4]', 1, [['1/2', '3/4']]],
    ['[0.6*(1-0.6), 2^-1]', 1, [['6/25', '1/2']]],
    ['[sqrt 4 sqrt 9]', 1, [['2', '3']]],
    ['[0.6 (1 - 0.6), 2^-1]', 1, [['6/25', '1/2']]],
    ['[(1-0.5) (2)]', 1, [['1/2', '2']]],
    ['0.1, 0.2, 0.3', 1, [['1/10', '1/5', '3/10']]],
  ])('%j', (text, dims, rows) => {
    expect(cells(text)).toEqual({ dims, rows });
  });

  it('reads any text as a matrix when a matrix is expected', () => {
    expect(cells('1 2', 'matrix')).toEqual({ dims: 1, rows: [['1', '2']] });
    expect(cells('0.5', 'matrix')).toEqual({ dims: 1, rows: [['1/2']] });
    expect(cells('1 -2', 'matrix')).toEqual({ dims: 1, rows: [['1', '-2']] });
  });

  it('keeps each cell’s written precision', () => {
    const a = answerOf('[0.0821, 3/20]');
    if (a.kind !== 'matrix') throw new Error('matrix expected');
    expect(a.rows[0][0].significantFigures).toBe(3);
    expect(a.rows[0][1].form).toBe('fraction');
  });

  it.each([
    ['[[1,2],[3]]', 'ragged-matrix'],
    ['1 2; 3', 'ragged-matrix'],
    ['[[[1]]]', 'matrix-nesting'],
    ['[1, [2]]', 'matrix-nesting'],
    ['[1,2]*2', 'matrix-in-expression'],
    ['2*[1,2]', 'matrix-in-expression'],
    ['[1,,2]', 'empty-entry'],
    ['[1,,2,]', 'empty-entry'],
    ['[1,2,,]', 'empty-entry'],
    ['1;;2', 'empty-entry'],
    [';1', 'empty-entry'],
    ['[]', 'empty-entry'],
    ['[1, 2', 'unclosed-bracket'],
    ['1, 2]', 'unmatched-bracket'],
    [Array.from({ length: 17 }, (_, i) => String(i)).join(';'), 'matrix-too-large'],
    [Array.from({ length: 17 }, (_, i) => String(i)).join(','), 'matrix-too-large'],
    [`[${Array.from({ length: 17 }, () => '[1]').join(',')}]`, 'matrix-too-large'],
  ])('%j → %s', (text, code) => {
    expect(errorOf(text).code).toBe(code);
  });

  // The ways hints, numpy and Python write the same matrix.
  it.each([
    ['array([[1, 2], [3, 4]])'],
    ['np.array([[1, 2], [3, 4]])'],
    ['numpy.array([[1, 2], [3, 4]]) '],
    ['[[1, 2,], [3, 4],]'],
    ['((1, 2), (3, 4))'],
    ['[(1, 2), (3, 4)]'],
    ['[[1, 2*[1]], [3, [2]*2]]'],
  ])('%j is [[1, 2], [3, 4]]', (text) => {
    expect(cells(text).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('a vector with a trailing comma, and a tuple', () => {
    expect(cells('[1, 2,]').rows).toEqual([['1', '2']]);
    expect(cells('(1, 2)').rows).toEqual([['1', '2']]);
  });

  it('accepts the largest matrix, 16 × 16', () => {
    const row = Array.from({ length: 16 }, (_, j) => String(j)).join(' ');
    expect(cells(Array.from({ length: 16 }, () => row).join(';')).rows).toHaveLength(16);
  });

  it('says which cell is wrong', () => {
    const error = errorOf('[1, 1/0; 2, 3]');
    expect(error.code).toBe('division-by-zero');
    expect(error.message_en).toMatch(/^Row 1, entry 2: /);
    expect(error.message_ja).toMatch(/^1行目の2番目の要素: /);
  });

  it('rejects a list where one number is expected, spotting a decimal comma', () => {
    const comma = errorOf('0,5', { expect: 'scalar' });
    expect(comma.code).toBe('decimal-comma');
    expect(comma.message_en).toContain('0.5');
    expect(errorOf('1, 2, 3', { expect: 'scalar' }).code).toBe('not-a-scalar');
    expect(errorOf('1 2; 3 4', { expect: 'scalar' }).code).toBe('not-a-scalar');
    expect(exactOf(scalarOf('[0.5]', { expect: 'scalar' }).value)).toBe('1/2');
    // A signed number with a decimal comma gets the same fix.
    const signed = errorOf('-0,288', { expect: 'scalar' });
    expect(signed.code).toBe('decimal-comma');
    expect(signed.message_en).toContain('-0.288 instead of -0,288');
  });

  it('a full stop ending the answer is not part of it; a second point inside still is an error', () => {
    for (const text of ['-0.288。', '-0.288.', '-0.288 。', '-0．288。'])
      expect(exactOf(scalarOf(text).value), text).toBe('-36/125');
    expect(scalarOf('-0.288。').decimalPlaces).toBe(3);
    const row = answerOf('[0.42, 0.426]。');
    expect(row.kind === 'matrix' && row.shape).toEqual([1, 2]);
    expect(errorOf('0.2.88').code).toBe('adjacent-numbers'); // 0.2 then .88
    expect(errorOf('.').code).toBe('unexpected-character');
  });
});
