// Escaping for each output format: what must change, and that ordinary text (Japanese included) does not.
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeLatex, escapeMarkdown, escapeTerminal, escapeXml } from '../../src/text/escape';

describe('escapeXml / escapeHtml', () => {
  it('replaces the five XML specials, & first so nothing is escaped twice', () => {
    expect(escapeXml(`a<b & c>"d"'e'`)).toBe('a&lt;b &amp; c&gt;&quot;d&quot;&#39;e&#39;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('<script>')).toBe('&lt;script&gt;');
  });
  it('leaves other text alone', () => {
    expect(escapeXml('x₁ = −0.5 順伝播')).toBe('x₁ = −0.5 順伝播');
  });
});

describe('escapeLatex', () => {
  it('turns every text-mode special into a command', () => {
    expect(escapeLatex('\\{}$&#^_%~<>|', 'en')).toBe(
      '\\textbackslash{}\\{\\}\\$\\&\\#\\textasciicircum{}\\_\\%\\textasciitilde{}\\textless{}\\textgreater{}\\textbar{}',
    );
  });
  it('sets the symbols of our English words as math for pdflatex, and leaves them to LuaLaTeX in Japanese', () => {
    expect(escapeLatex('δ ≈ −0.5', 'en')).toBe('$\\delta$ $\\approx$ $-$0.5');
    expect(escapeLatex('δ ≈ −0.5', 'ja')).toBe('δ ≈ −0.5');
    expect(escapeLatex('a_1', 'ja')).toBe('a\\_1');
  });
});

describe('escapeMarkdown', () => {
  it('escapes the characters that start emphasis, code, links, headings, tables and math', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d] {e} <f> #g $h$ |i| ~j~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\{e\\} \\<f\\> \\#g \\$h\\$ \\|i\\| \\~j\\~ \\\\',
    );
  });
  it('keeps a paragraph on one line', () => {
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
  });
});

describe('escapeTerminal', () => {
  it('shows control, bidi and zero-width characters as U+XXXX', () => {
    expect(escapeTerminal('a\u001b[2Jb')).toBe('aU+001B[2Jb');
    expect(escapeTerminal('x\u202ey')).toBe('xU+202Ey');
    expect(escapeTerminal('\u200b\n')).toBe('U+200BU+000A');
  });
  it('escapes the extra characters asked for and nothing printable otherwise', () => {
    expect(escapeTerminal('"a\\b"', '"\\')).toBe('U+0022aU+005CbU+0022');
    expect(escapeTerminal('σ(0.5) 入力 😀')).toBe('σ(0.5) 入力 😀');
  });
});
