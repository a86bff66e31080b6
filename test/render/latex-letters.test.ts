// LaTeX of names outside ASCII: styled mathematical letters (𝒳, ℝ, 𝐱) become math commands that
// every engine sets; a name in another script (りんご, β) makes the English document a LuaLaTeX one
// with luatexja, and its first line says so; Latin-1 names (café) stay pdflatex's. Compiled with
// real TeX where it is installed, with \tracinglostchars=3 so that a glyph missing from a font is an
// error rather than a silent gap.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphDocument } from '../../src/document/graph';
import { parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { styledLetterLatex, transliterateStyledLetters } from '../../src/render/latex-letters';
import { renderLatex } from '../../src/render/latex';

describe('styled letters as commands', () => {
  it.each([
    ['𝒳', '\\ensuremath{\\mathcal{X}}'], // U+1D4B3 MATHEMATICAL SCRIPT CAPITAL X
    ['ℒ', '\\ensuremath{\\mathcal{L}}'], // U+2112, the script L that fills the alphabet's hole
    ['𝐱', '\\ensuremath{\\mathbf{x}}'], // U+1D431 bold small x
    ['𝑥', '\\ensuremath{\\mathit{x}}'], // U+1D465 italic small x
    ['𝒙', '\\ensuremath{\\boldsymbol{x}}'], // U+1D499 bold italic small x
    ['𝔤', '\\ensuremath{\\mathfrak{g}}'], // U+1D524 fraktur small g
    ['𝕏', '\\ensuremath{\\mathbb{X}}'], // U+1D54F double-struck capital X
    ['ℝ', '\\ensuremath{\\mathbb{R}}'], // U+211D
    ['𝖠', '\\ensuremath{\\mathsf{A}}'], // U+1D5A0 sans-serif capital A
    ['𝚊', '\\ensuremath{\\mathtt{a}}'], // U+1D68A monospace small a
    ['𝟙', '\\ensuremath{1}'], // U+1D7D9 double-struck digit one: no such font, the plain digit
    ['𝒶', '\\ensuremath{\\mathit{a}}'], // U+1D4B6 script small a: TeX's \mathcal has capitals only
  ])('%s → %s', (ch, latex) => {
    expect(styledLetterLatex(ch)).toBe(latex);
  });

  it('leaves every other character as it is', () => {
    for (const ch of ['x', 'り', 'β', 'é', '∂', '𝛼']) expect(styledLetterLatex(ch)).toBeNull();
    expect(transliterateStyledLetters('\\text{𝒳} + \\text{りんご}')).toBe(
      '\\text{\\ensuremath{\\mathcal{X}}} + \\text{りんご}',
    );
  });
});

const graph = (inputs: string, args: string) =>
  `graph:\n  inputs: {${inputs}}\n  nodes:\n    - {name: y, op: mul, args: [${args}]}\n  output: y\n`;

const latexOf = (yaml: string, lang: 'en' | 'ja' = 'en') =>
  renderLatex(graphDocument(solveGraph(parseGraph(yaml)), { lang, name: 'names.yaml' }));

const CASES = [
  {
    name: 'Japanese names',
    yaml: graph('りんご: 100, 個数: 2', 'りんご, 個数'),
    engine: 'lualatex',
    words: ['りんご'],
  },
  { name: 'a Greek name', yaml: graph('β: 3, x: 2', 'β, x'), engine: 'lualatex', words: ['β'] },
  {
    name: 'a styled letter beside Japanese',
    yaml: graph('りんご: 100, 𝒳: 2', 'りんご, 𝒳'),
    engine: 'lualatex',
    words: ['\\mathcal{X}'],
  },
  { name: 'styled letters only', yaml: graph('𝒳: 2, ℝ: 3', '𝒳, ℝ'), engine: 'pdflatex', words: ['\\mathbb{R}'] },
  { name: 'a Latin-1 name', yaml: graph('café: 2, x: 3', 'café, x'), engine: 'pdflatex', words: ['café'] },
] as const;

describe('the engine a document needs, named in its first line', () => {
  it.each(CASES)('$name: $engine', ({ yaml, engine, words }) => {
    const tex = latexOf(yaml);
    const first = tex.split('\n')[0];
    expect(first).toMatch(new RegExp(`^% Compile with: ${engine} FILE\\.tex`));
    if (engine === 'lualatex') {
      expect(first).toContain('pdflatex cannot set some of its characters');
      expect(tex).toContain('\\usepackage{luatexja}');
      expect(tex).not.toContain('inputenc');
    } else expect(tex).toContain('\\usepackage[T1]{fontenc}');
    for (const w of words) expect(tex).toContain(w);
    expect(tex).not.toMatch(/[\u{1d400}-\u{1d7ff}]/u);
  });

  it('Japanese documents stay on ltjsarticle', () => {
    expect(latexOf(graph('りんご: 100, 𝒳: 2', 'りんご, 𝒳'), 'ja')).toMatch(
      /^% Compile with: lualatex FILE\.tex\n\\documentclass\[a4paper,11pt\]\{ltjsarticle\}/,
    );
  });
});

const has = (tool: string) => spawnSync(tool, ['--version']).status === 0;

describe.each(CASES)('compiles with real TeX: $name', ({ yaml, engine }) => {
  it.runIf(has(engine))(
    `${engine}, no character lost`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-latex-names-'));
      try {
        writeFileSync(join(dir, 'names.tex'), latexOf(yaml));
        execFileSync(engine, ['-interaction=nonstopmode', '-halt-on-error', '\\tracinglostchars=3\\input{names.tex}'], {
          cwd: dir,
          stdio: 'pipe',
          timeout: 170_000,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
