// The worked solution in the terminal: Unicode math, wrapped to the width, Japanese measured as wide.
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { networkDocument } from '../../src/render/worked';
import { renderTerminal, wrap } from '../../src/render/terminal';

const mazur = solve(loadNetwork('exercises/networks/mazur.yaml'));
const doc = (lang: 'en' | 'ja') => networkDocument(mazur, { lang, name: 'mazur.yaml' });

/** Columns counted independently of src/text/width: CJK, kana and full-width forms take two. */
const columns = (line: string) =>
  [...line].reduce((n, ch) => n + (/[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]/u.test(ch) ? 2 : 1), 0);

describe('renderTerminal', () => {
  it('writes each step as formula = numbers = result in Unicode, Mazur’s values', () => {
    const text = renderTerminal(doc('en'), { width: 200 });
    // net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 (Mazur, "A Step by Step Backpropagation Example").
    expect(text).toContain('a₁⁽¹⁾ = x₁ w₁₁⁽¹⁾ + x₂ w₂₁⁽¹⁾ + b₁⁽¹⁾ = 0.05 · 0.15 + 0.1 · 0.2 + 0.35 = 151/400 = 0.3775');
    expect(151 / 400).toBe(0.05 * 0.15 + 0.1 * 0.2 + 0.35);
    // out_h1 = 0.593269992, w5+ = 0.35891648 in Mazur's text.
    expect(text).toContain('≈ 0.5932699921');
    expect(text).toContain('≈ 0.3589164797');
    expect(text).not.toMatch(/\\[A-Za-z]/); // no LaTeX command left over
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`wraps every line to 80 columns (${lang}), a long formula continuing indented`, () => {
      const lines = renderTerminal(doc(lang)).split('\n');
      for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(80);
      expect(lines.some((line) => line.startsWith('      ') && line.includes('151/400'))).toBe(true);
    });
  }

  it('breaks Japanese between characters but never before 、 or 。', () => {
    const lines = wrap('あいうえお、かきくけこ。さしすせそ', 12);
    expect(lines).toEqual(['あいうえお、', 'かきくけこ。', 'さしすせそ']);
    expect(
      renderTerminal(doc('ja'))
        .split('\n')
        .some((l) => /^[、。]/.test(l)),
    ).toBe(false);
  });

  it('wraps English at spaces with the continuation indent', () => {
    expect(wrap('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
  });
});
