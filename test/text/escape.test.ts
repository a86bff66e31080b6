// Escaping for each output format: what must change, and that ordinary text (Japanese included) does not.
import { describe, expect, it } from 'vitest';
import {
  ECHO_MAX,
  echo,
  escapeHtml,
  escapeLatex,
  escapeMarkdown,
  escapeTerminal,
  escapeXml,
  quoted,
} from '../../src/text/escape';

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

describe('echo: untrusted text inside one of our lines', () => {
  it.each([
    ['an ANSI title escape', '\u001b]0;PWNED\u0007', 'U+001B]0;PWNEDU+0007'],
    ['a newline faking a second line', 'x\nbackprop-tutor: ok', 'xU+000Abackprop-tutor: ok'],
    ['a carriage return', 'x\ry', 'xU+000Dy'],
    ['right-to-left override', 'a\u202Eb', 'aU+202Eb'],
    ['left-to-right embedding', 'a\u202Ab', 'aU+202Ab'],
    ['first strong isolate', 'a\u2068b\u2069', 'aU+2068bU+2069'],
    ['Japanese and symbols pass', 'りんご 𝒳 σ′', 'りんご 𝒳 σ′'],
  ])('%s', (_name, input, shown) => {
    expect(echo(input)).toBe(shown);
  });

  it(`cuts after ${ECHO_MAX} characters with "…", at a character (never half a surrogate pair)`, () => {
    expect(echo('a'.repeat(ECHO_MAX))).toBe('a'.repeat(ECHO_MAX));
    expect(echo('a'.repeat(ECHO_MAX + 1))).toBe(`${'a'.repeat(ECHO_MAX)}…`);
    expect(echo('𝒳'.repeat(100), 3)).toBe('𝒳𝒳𝒳…');
    expect(echo('x'.repeat(1_000_000)).length).toBe(ECHO_MAX + 1);
  });

  it('every bidi override and isolate (U+202A–202E, U+2066–2069) is shown as its code', () => {
    for (let c = 0x202a; c <= 0x202e; c++) expect(echo(String.fromCodePoint(c))).toMatch(/^U\+202[A-E]$/);
    for (let c = 0x2066; c <= 0x2069; c++) expect(echo(String.fromCodePoint(c))).toMatch(/^U\+206[6-9]$/);
  });

  it('quoted: in double quotes, with " and \\ inside shown as codes', () => {
    expect(quoted('sigmod')).toBe('"sigmod"');
    expect(quoted('a"b\\')).toBe('"aU+0022bU+005C"');
    expect(quoted('y'.repeat(200))).toBe(`"${'y'.repeat(ECHO_MAX)}…"`);
  });
});
