// The Markdown and LaTeX renderers: every step of the trace appears with its formula, numbers and
// result; every piece of math they emit is accepted by KaTeX in strict mode (as $…$ / $$…$$ exactly
// as written); user strings are escaped; the LaTeX is a complete document with balanced groups.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import katex from 'katex';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { renderMarkdown } from '../../src/render/markdown';
import { escapeLatex, escapeMarkdown } from '../../src/text/escape';
import { renderLatex, breakableLatex } from '../../src/render/latex';
import { networkArb } from '../reference/arbitrary';
import { networkText } from '../reference/raw';
import { documentOf, mazur, mixed, ROOT } from './helpers';

const strict = (latex: string, displayMode: boolean) =>
  katex.renderToString(latex, { throwOnError: true, strict: 'error', displayMode });

/** The math of a Markdown document: $$…$$ blocks and $…$ spans (escaped \$ is text). */
function markdownMath(md: string): { display: string[]; inline: string[] } {
  const display = [...md.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].map((m) => m[1]);
  const rest = md.replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, '').replace(/\\\$/g, '');
  const inline = [...rest.matchAll(/\$([^$\n]+)\$/g)].map((m) => m[1]);
  return { display, inline };
}

/** The math of a LaTeX document: every $…$ (the renderer writes no other math mode). */
function latexMath(tex: string): string[] {
  return [...tex.replace(/\\\$/g, '').matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
}

describe('LaTeX page breaks', () => {
  it('starts each section on a new page, unless it follows on', () => {
    const section = (id: string, newPage?: boolean) => ({
      id,
      title: id,
      blocks: [],
      ...(newPage === undefined ? {} : { newPage }),
    });
    const tex = renderLatex({
      lang: 'en',
      title: 't',
      subtitle: null,
      sections: [section('a'), section('b', false), section('c')],
    });
    expect(tex).toMatch(/\\section\*\{a\}[\s\S]*\n\\section\*\{b\}[\s\S]*\\clearpage\n\\section\*\{c\}/);
    expect(tex.match(/\\clearpage/g)).toHaveLength(1);
  });
});

describe('Markdown', () => {
  const { doc, steps } = documentOf(mazur(), 'en', 'both', 'mazur.yaml');
  const md = renderMarkdown(doc);

  it('has every step: its label, formula, numbers and result in one aligned $$ block', () => {
    const blocks = markdownMath(md).display.filter((b) => b.startsWith('\\begin{aligned}'));
    expect(blocks).toHaveLength(steps.length);
    steps.forEach((s, k) => {
      expect(blocks[k]).toContain(s.formula);
      if (s.substituted !== null)
        expect(blocks[k]).toContain(`&${s.substitutedApproximate ? '\\approx' : '='} ${s.substituted}`);
      if (s.substituted === null && s.formula.endsWith(` = ${s.resultLatex}`))
        expect(blocks[k]).not.toContain(`&${s.resultRelation}`);
      else expect(blocks[k]).toContain(`&${s.resultRelation} ${s.resultLatex}`);
    });
  });

  it('is accepted by KaTeX in strict mode, block by block', () => {
    const { display, inline } = markdownMath(md);
    for (const m of display) expect(() => strict(m, true)).not.toThrow();
    for (const m of inline) expect(() => strict(m, false)).not.toThrow();
    expect(inline.length).toBeGreaterThan(5);
  });

  it('embeds the diagram as a data: URL, or links the file it is given', () => {
    expect(md).toMatch(/!\[Diagram of the network[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    expect(renderMarkdown(doc, { figureHref: (id) => `mazur.${id}.svg` })).toContain('](mazur.network-figure.svg)');
  });

  it('escapes Markdown in user strings', () => {
    expect(escapeMarkdown('a_b*c [x](y) <b> $5 #1 |')).toBe('a\\_b\\*c \\[x\\](y) \\<b\\> \\$5 \\#1 \\|');
    const evil = renderMarkdown(documentOf(mixed(), 'en', 'both', '**bold** $x$ <script>.yaml').doc);
    expect(evil.split('\n')[0]).toBe('# Worked solution: \\*\\*bold\\*\\* \\$x\\$ \\<script\\>.yaml');
  });
});

describe('LaTeX', () => {
  const { doc, steps } = documentOf(mazur(), 'en', 'both', 'mazur_1%.yaml');
  const tex = renderLatex(doc);

  it('is a complete amsmath document', () => {
    expect(tex).toMatch(/^% Compile with: pdflatex FILE\.tex\n\\documentclass\[a4paper,11pt\]\{article\}/);
    expect(tex).toContain('\\usepackage{amsmath,amssymb}');
    expect(tex.indexOf('\\begin{document}')).toBeGreaterThan(0);
    expect(tex.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it('balances its environments and braces', () => {
    const stack: string[] = [];
    for (const m of tex.matchAll(/\\(begin|end)\{([^}]+)\}/g)) {
      if (m[1] === 'begin') stack.push(m[2]);
      else expect(stack.pop()).toBe(m[2]);
    }
    expect(stack).toEqual([]);
    let depth = 0;
    for (const ch of tex
      .replace(/\\\\/g, '')
      .replace(/\\[{}%]/g, '')
      .replace(/%.*$/gm, '')) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('is plain ASCII in English (pdflatex), symbols in text set as math', () => {
    expect(tex).toMatch(/^[\x00-\x7f]*$/);
    expect(escapeLatex('a ⊙ b − c ≈ δ', 'en')).toBe('a $\\odot$ b $-$ c $\\approx$ $\\delta$');
  });

  it('escapes the special characters of user strings', () => {
    expect(escapeLatex('50% of $x_1 & #2 {a} ~b^c\\', 'en')).toBe(
      '50\\% of \\$x\\_1 \\& \\#2 \\{a\\} \\textasciitilde{}b\\textasciicircum{}c\\textbackslash{}',
    );
    expect(tex).toContain('\\title{Worked solution: mazur\\_1\\%.yaml}');
  });

  it('has every step and KaTeX accepts all of its math', () => {
    for (const s of steps) {
      // Flat \left…\right pairs are written \bigl…\bigr (breakable), the same formula otherwise.
      expect(tex).toContain(breakableLatex(s.formula));
      expect(tex).toContain(breakableLatex(s.resultLatex));
    }
    for (const m of latexMath(tex)) expect(() => strict(m, false)).not.toThrow();
  });

  // TeX is not installed in CI; where pdflatex is, the document must compile.
  const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;
  it.runIf(pdflatex)('compiles with pdflatex (English, a w-x batch with softmax)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-tex-'));
    try {
      for (const [name, d] of [
        ['mazur', doc],
        ['mixed', documentOf(mixed(), 'en', 'both').doc],
      ] as const) {
        writeFileSync(join(dir, `${name}.tex`), renderLatex(d));
        execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], {
          cwd: dir,
          stdio: 'pipe',
          timeout: 60_000,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(pdflatex)(
    'fits the page: no overfull line for the 8-8-8-8 batch network (8-column matrices, 8-term sums)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-tex-'));
      try {
        const wide = solve(loadNetwork(join(ROOT, 'exercises/networks/relu-8-8-8-8.yaml')));
        for (const form of ['matrix', 'scalar'] as const) {
          writeFileSync(join(dir, `${form}.tex`), renderLatex(documentOf(wide, 'en', form).doc));
          execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${form}.tex`], {
            cwd: dir,
            stdio: 'pipe',
            timeout: 120_000,
          });
          const log = readFileSync(join(dir, `${form}.log`), 'latin1');
          expect(log.match(/^Overfull \\hbox.*$/gm) ?? [], form).toEqual([]);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('scales only what cannot break: matrices and \\left…\\right pairs go into \\btfit, flat brackets become breakable', () => {
    const wide = renderLatex(
      documentOf(solve(loadNetwork(join(ROOT, 'exercises/networks/relu-8-8-8-8.yaml'))), 'en', 'matrix').doc,
    );
    expect(wide).toContain('\\usepackage{graphicx}');
    const lines = wide.split('\n');
    for (const line of lines.filter((l) => l.includes('\\begin{pmatrix}'))) expect(line).toMatch(/\\btfit\{/);
    expect(breakableLatex('\\frac{1}{2} \\left[(a - b)^{2} + \\left[c - (-d)\\right]^{2}\\right]')).toBe(
      '\\frac{1}{2} \\bigl[(a - b)^{2} + \\bigl[c - (-d)\\bigr]^{2}\\bigr]',
    );
    // Tall content keeps its growing brackets.
    expect(breakableLatex('\\left(\\frac{1}{2} + x\\right)')).toBe('\\left(\\frac{1}{2} + x\\right)');
    for (const m of latexMath(wide)) expect(() => strict(m, false)).not.toThrow();
  });

  it("uses LuaLaTeX's Japanese class for --lang ja", () => {
    const ja = renderLatex(documentOf(mazur(), 'ja').doc);
    expect(ja).toMatch(/^% Compile with: lualatex FILE\.tex\n\\documentclass\[a4paper,11pt\]\{ltjsarticle\}/);
    expect(ja).toContain('\\section*{逆伝播: 重みごとの連鎖律}');
  });
});

describe('KaTeX accepts every formula of random networks, in both languages', () => {
  it('strict mode, throwOnError', () => {
    fc.assert(
      fc.property(networkArb(), fc.constantFrom('en', 'ja') as fc.Arbitrary<'en' | 'ja'>, (raw, lang) => {
        const { doc } = documentOf(solve(parseNetwork(networkText(raw))), lang, 'both');
        const { display, inline } = markdownMath(renderMarkdown(doc, { figureHref: () => 'f.svg' }));
        for (const m of display) strict(m, true);
        for (const m of inline) strict(m, false);
        for (const m of latexMath(renderLatex(doc))) strict(m, false);
      }),
      { numRuns: 25 },
    );
  });
});
