// Terminal columns (East Asian Width): wide and fullwidth characters take two, combining marks none.
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, padEnd } from '../../src/text/width';

describe('displayWidth', () => {
  it('counts ASCII, Latin, Greek and math symbols as one column each', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('a = 0.5')).toBe(7);
    expect(displayWidth('σ′(a) ≈ −0.25 × ∂L/∂z')).toBe(21);
  });
  it('counts CJK ideographs, Hiragana, Katakana and Hangul as two', () => {
    expect(displayWidth('順伝播')).toBe(6);
    expect(displayWidth('ひらがな')).toBe(8);
    expect(displayWidth('カタカナ')).toBe(8);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('第1層')).toBe(5);
  });
  it('counts fullwidth forms and CJK punctuation as two, halfwidth Katakana as one', () => {
    expect(displayWidth('（ＡＢ１）')).toBe(10);
    expect(displayWidth('。、「」・ー')).toBe(12);
    expect(displayWidth('\u3000')).toBe(2);
    expect(displayWidth('ｶﾀｶﾅ')).toBe(4);
  });
  it('counts ideographs outside the Basic Multilingual Plane as two (one code point, two UTF-16 units)', () => {
    expect(displayWidth('𠀋')).toBe(2);
    expect(displayWidth('𩸽')).toBe(2);
  });
  it('counts combining marks and zero-width characters as zero', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('か\u3099')).toBe(2);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(charWidth('\u0301')).toBe(0);
  });
});

describe('padEnd', () => {
  it('pads to a number of columns, not of characters', () => {
    expect(padEnd('入力', 6)).toBe('入力  ');
    expect(padEnd('x', 3)).toBe('x  ');
    expect(padEnd('長い名前', 4)).toBe('長い名前');
  });
});
