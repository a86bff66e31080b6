// Rejections: the right code, a message in both languages that says how to write the answer instead,
// and a position pointing at what the student typed.
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/answer';
import { errorOf } from './helpers';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const rejected: [text: string, code: string][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['\n\n', 'empty'],
  ['\u3000', 'empty'],
  // names that are not numbers, functions or e
  ['x', 'unknown-name'],
  ['import', 'unknown-name'],
  ['createUnit', 'unknown-name'],
  ['constructor', 'unknown-name'],
  ['toString', 'unknown-name'],
  ['valueOf', 'unknown-name'],
  ['eval(1)', 'unknown-name'],
  ["require('fs')", 'unknown-name'],
  ['E', 'unknown-name'],
  ['__proto__', 'unexpected-character'],
  ['sin(1)', 'unsupported-function'],
  ['sinx', 'unsupported-function'],
  ['max(1,2)', 'unsupported-function'],
  ['relu(1)', 'unsupported-function'],
  ['pi', 'unsupported-constant'],
  ['π', 'unsupported-constant'],
  ['Infinity', 'unsupported-constant'],
  ['NaN', 'unsupported-constant'],
  ['∞', 'unsupported-constant'],
  ['Σ', 'unsupported-sum'],
  ['sum(1)', 'unsupported-sum'],
  // ambiguous products
  ['2e', 'number-then-e'],
  ['2 e', 'number-then-e'],
  ['2e^-1', 'number-then-e'],
  ['2 3', 'adjacent-numbers'],
  ['0.5 0.25', 'adjacent-numbers'],
  ['1.2.3', 'adjacent-numbers'],
  ['(1)2', 'number-after-operand'],
  ['e2', 'number-after-operand'],
  ['1/2(3)', 'ambiguous-division'],
  ['1/2 exp(1)', 'ambiguous-division'],
  ['2^2(3)', 'ambiguous-power'],
  ['e^2 exp(1)', 'ambiguous-power'],
  ['ln 2 (3)', 'ambiguous-function'],
  ['ln 2 ln 3', 'ambiguous-function'],
  // syntax
  ['(', 'missing-close'],
  ['(1+2', 'missing-close'],
  ['1+2)', 'unmatched-close'],
  ['()', 'empty-parentheses'],
  ['exp()', 'empty-parentheses'],
  ['1+', 'missing-operand'],
  ['*2', 'missing-operand'],
  ['1+*2', 'missing-operand'],
  ['(1+)', 'missing-operand'],
  ['2^', 'missing-operand'],
  ['exp', 'missing-argument'],
  ['ln', 'missing-argument'],
  ['sqrt*2', 'missing-argument'],
  ['.', 'unexpected-character'],
  ['@', 'unexpected-character'],
  ['1 # 2', 'unexpected-character'],
  ['3・20', 'ambiguous-dot'],
  ['x = 0.5', 'assignment'],
  ['δ = 0.15', 'assignment'],
  ['dL/dy = 0.5', 'assignment'],
  ['15%', 'percent'],
  ['{1}', 'curly-brace'],
  ['∂L/∂y', 'derivative-notation'],
  ['dL/dy', 'derivative-notation'],
  // sizes
  ['9^9^9', 'exponent-too-large'],
  ['2^100000', 'exponent-too-large'],
  ['3^3000', 'exponent-too-large'],
  ['17^1000', 'number-too-large'],
  ['(2^64)^64', 'number-too-large'],
  ['1e99999', 'exponent-too-large'],
  ['1e1001', 'exponent-too-large'],
  ['1e-99999999999999999999', 'exponent-too-large'],
  [`1${'0'.repeat(1500)}`, 'number-too-large'],
  ['exp(1001)', 'exp-too-large'],
  ['e^2000', 'exp-too-large'],
  ['sigmoid(5000)', 'exp-too-large'],
  ['e^e^e^e', 'exp-too-large'],
  [`${'('.repeat(65)}1${')'.repeat(65)}`, 'too-deep'],
  [`${'-'.repeat(100)}1`, 'too-deep'],
  [`${'1+'.repeat(600)}1`, 'too-many-tokens'],
  [Array.from({ length: 100 }, (_, i) => `ln ${i + 2}`).join('+'), 'too-complex'],
  // domains
  ['1/0', 'division-by-zero'],
  ['1/(1-1)', 'division-by-zero'],
  ['0^-1', 'division-by-zero'],
  ['0^0', 'zero-power-zero'],
  ['ln(0)', 'log-domain'],
  ['ln(-2)', 'log-domain'],
  ['sqrt(-1)', 'sqrt-domain'],
  ['(-8)^(1/3)', 'power-domain'],
  ['(-2)^0.5', 'power-domain'],
  ['(-2)^e', 'power-domain'],
];

describe('rejected answers', () => {
  it.each(rejected)('%j → %s', (text, code) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message_en.length).toBeGreaterThan(10);
    expect(error.message_ja).toMatch(JAPANESE);
  });

  it('rejects a non-string answer', () => {
    for (const value of [42, null, undefined, {}, ['1'], { toString: () => '1' }])
      expect(errorOf(value).code).toBe('not-text');
  });

  it('rejects a 1 MB string at once, before looking at its characters', () => {
    const huge = `${'('.repeat(1 << 19)}1${')'.repeat(1 << 19)}`;
    const t = performance.now();
    const error = errorOf(huge);
    expect(performance.now() - t).toBeLessThan(5);
    expect(error.code).toBe('too-long');
    expect(error.message_en).toContain('at most 2000');
    expect(errorOf('1'.repeat(2001)).code).toBe('too-long');
    expect(parseAnswer(`1${' '.repeat(1999)}`).ok).toBe(true);
  });

  it('accepts nesting up to the cap and refuses one level more', () => {
    expect(parseAnswer(`${'('.repeat(64)}1${')'.repeat(64)}`).ok).toBe(true);
    expect(errorOf(`${'('.repeat(65)}1${')'.repeat(65)}`).code).toBe('too-deep');
    expect(errorOf(`${'('.repeat(10_000)}1${')'.repeat(10_000)}`).code).toBe('too-long');
  });

  it('points at the character to blame, in the typed text', () => {
    expect(errorOf('1/0').position).toBe(1);
    expect(errorOf('0.5 + x').position).toBe(6);
    expect(errorOf('０．５＋ｘ').position).toBe(4);
    expect(errorOf('(1+2').position).toBe(0);
    expect(errorOf('1+2)').position).toBe(3);
    expect(errorOf('1 + ').position).toBe(2);
    expect(errorOf('3・20').position).toBe(1);
  });

  it('explains how to write it instead', () => {
    const m = (text: string) => errorOf(text).message_en;
    expect(m('2e')).toContain('2*e');
    expect(m('2e')).toContain('2e-3');
    expect(m('1/2(3)')).toContain('(1/2)*x or 1/(2*x)');
    expect(m('e^2 exp(1)')).toContain('e^(2*x)');
    expect(m('ln 2 ln 3')).toContain('ln(2*x) or ln(2)*x');
    expect(m('3・20')).toContain('3/20');
    expect(m('x')).toContain('3/20');
    expect(m('sin(1)')).toContain('exp, ln');
    expect(m('15%')).toContain('0.15');
    expect(m('2 3')).toContain('[1, 2]');
    expect(m('')).toContain('0.15');
    expect(errorOf('').message_ja).toContain('小数');
    expect(errorOf('').message_ja).toContain('分数');
  });

  it('never echoes control or bidi characters into a message', () => {
    for (const bad of ['\u0000', '\u001b[31m', '\u202e', '\u2066', '\ud800', '\u0007', '\u0085x']) {
      const error = errorOf(`1${bad}2`);
      for (const message of [error.message_en, error.message_ja]) {
        expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/);
      }
    }
    expect(errorOf('1\u0000').message_en).toContain('U+0000');
  });
});
