// `--format latex`: a complete amsmath document. English compiles with pdflatex (or, when a name is in
// a script pdflatex cannot set, with LuaLaTeX and luatexja, as its first line says); Japanese uses
// LuaLaTeX's ltjsarticle class (lualatex FILE.tex). Each step is set as inline display-style math so
// that TeX can break a long sum at its operators; each section starts a new page, like the HTML when
// printed. Figures are SVG and are left to the HTML/PDF outputs.
import type { Block, DocStep, RichText, WorkedDocument } from '../document/model';
import { escapeLatex } from '../text/escape';
import { transliterateStyledLetters } from './latex-letters';

/** A character outside what pdflatex sets with T1 and utf8 inputenc (ASCII, Latin-1, Latin Extended-A). */
const BEYOND_PDFLATEX = /[^\u0000-\u017f]/u;

/** The arguments of every \frac in a LaTeX string (brace-matched). */
function fracArguments(tex: string): string[] {
  const out: string[] = [];
  for (let at = tex.indexOf('\\frac{'); at >= 0; at = tex.indexOf('\\frac{', at + 1)) {
    let pos = at + '\\frac'.length;
    for (let arg = 0; arg < 2 && tex[pos] === '{'; arg++) {
      let depth = 0;
      const start = pos;
      for (; pos < tex.length; pos++) {
        if (tex[pos] === '\\') pos++;
        else if (tex[pos] === '{') depth++;
        else if (tex[pos] === '}' && --depth === 0) break;
      }
      out.push(tex.slice(start + 1, pos++));
    }
  }
  return out;
}

/** A fraction with this much inside cannot be broken and may be wider than a line (softmax's Σ e^a). */
const LONG_FRACTION = 60;

/**
 * TeX breaks inline math only at operators outside groups: a matrix, a \left…\right pair or a long
 * fraction cannot be broken, and a row of 8-column matrices is wider than the page. Such math goes
 * into \btfit, which scales it down to the line width only when it is wider (see the preamble); other
 * math stays as it is, breakable at its operators.
 */
function fit(tex: string): string {
  const unbreakable =
    /\\begin\{pmatrix\}|\\left/.test(tex) || fracArguments(tex).some((arg) => arg.length > LONG_FRACTION);
  return unbreakable ? `\\btfit{${tex}}` : tex;
}

/** A \left…\right pair with nothing tall inside (and no other pair): its content and delimiters. */
const FLAT_PAIR = /\\left([[(])((?:(?!\\left|\\right|\\frac|\\begin|\\sum).)*)\\right([\])])/gs;

/**
 * TeX cannot break a line inside \left…\right, so a long sum in brackets (½[(z₁ − t₁)² + … + (z₈ − t₈)²])
 * would run off the page. Brackets around flat content get a fixed size instead (\bigl[ … \bigr]),
 * which leaves the sum inside breakable at its operators; tall content keeps \left…\right.
 */
export function breakableLatex(latex: string): string {
  let out = latex;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(
      FLAT_PAIR,
      (_, open: string, inner: string, close: string) => `\\bigl${open}${inner}\\bigr${close}`,
    );
  }
  return out;
}

export function renderLatex(doc: WorkedDocument): string {
  const lang = doc.lang;
  const rich = (text: RichText | null) =>
    (text ?? []).map((x) => (typeof x === 'string' ? escapeLatex(x, lang) : fit(`$${x.math}$`))).join('');
  const display = (latex: string) => fit(`$\\displaystyle ${breakableLatex(latex)}$`);
  // The indent inside the math: TeX never breaks a line at glue in a formula, so the indent stays with it.
  const indented = (latex: string) => fit(`$\\displaystyle \\qquad ${breakableLatex(latex)}$`);

  const step = (s: DocStep): string => {
    const lines = [`${display(s.formula)}${s.condition ? `\\quad ${display(`\\left(${s.condition}\\right)`)}` : ''}`];
    const numbers = s.substituted === null ? '{}' : `{}${s.substitutedRelation} ${s.substituted} `;
    // Matrices cannot break: the numbers and the result each get a line (each scaled on its own if needed).
    const ownLines =
      s.substituted !== null && s.result !== null && `${s.substituted}${s.result}`.includes('\\begin{pmatrix}');
    if (ownLines) lines.push(indented(numbers), indented(`{}${s.resultRelation} ${s.result}`));
    else if (s.result !== null) lines.push(indented(`${numbers}${s.resultRelation} ${s.result}`));
    else if (s.substituted !== null) lines.push(indented(numbers));
    const note = s.note ? `\\\\\n{\\small\\itshape ${rich(s.note)}}` : '';
    return `\\begin{step}{${rich(s.label)}}\n${lines.join('\\\\\n')}${note}\n\\end{step}`;
  };

  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return `${rich(b.text)}\n`;
      case 'heading':
        return `\\subsection*{${rich(b.text)}}`;
      case 'list':
        return `\\begin{itemize}\n${b.items.map((item) => `\\item ${rich(item)}`).join('\n')}\n\\end{itemize}`;
      case 'preformatted':
        // Fixed-width lines with their spaces kept (~ is an unbreakable space).
        return `\\begin{flushleft}\\ttfamily\n${b.lines
          .map(
            (l) =>
              `${
                l
                  .split(' ')
                  .map((part) => escapeLatex(part, lang))
                  .join('~') || '~'
              }\\\\`,
          )
          .join('\n')}\n\\end{flushleft}`;
      case 'math':
        return `\\begin{flushleft}\\quad ${display(b.latex)}\\end{flushleft}`;
      case 'step':
        return step(b.step);
      case 'figure':
        return `% ${b.id}: figure omitted (SVG; see the HTML or PDF output)`;
      case 'table':
        return [
          `\\begin{tabular}{${'l'.repeat(b.header.length)}}`,
          `${b.header.map(rich).join(' & ')} \\\\ \\hline`,
          ...b.rows.map((row) => `${row.map(rich).join(' & ')} \\\\`),
          '\\end{tabular}\n',
        ].join('\n');
    }
  };

  const sections = doc.sections.map(
    (s, i) =>
      `${i > 0 && s.newPage !== false ? '\\clearpage\n' : ''}\\section*{${escapeLatex(s.title, lang)}}\n\n${s.blocks.map(block).join('\n\n')}`,
  );
  const title = transliterateStyledLetters(`\\title{${escapeLatex(doc.title, lang)}}`);
  const body = transliterateStyledLetters(
    [doc.subtitle ? `${rich(doc.subtitle)}\n` : '', sections.join('\n\n')].join('\n'),
  );
  // English is pdflatex's (T1 sets Latin-1 and Latin Extended-A); a name in another script (りんご,
  // β) needs LuaLaTeX, with luatexja for the Japanese fonts (which also hold Greek and Cyrillic).
  const beyond = lang === 'en' ? BEYOND_PDFLATEX.exec(title + body)?.[0] : undefined;
  const preamble =
    lang === 'ja'
      ? ['% Compile with: lualatex FILE.tex', '\\documentclass[a4paper,11pt]{ltjsarticle}']
      : beyond !== undefined
        ? [
            `% Compile with: lualatex FILE.tex (pdflatex cannot set some of its characters, e.g. ${beyond})`,
            '\\documentclass[a4paper,11pt]{article}',
            '\\usepackage{luatexja}',
          ]
        : [
            '% Compile with: pdflatex FILE.tex',
            '\\documentclass[a4paper,11pt]{article}',
            '\\usepackage[T1]{fontenc}',
            '\\usepackage[utf8]{inputenc}',
          ];
  return [
    ...preamble,
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage{graphicx}',
    '\\usepackage[margin=18mm]{geometry}',
    '\\setlength{\\parindent}{0pt}',
    '\\setlength{\\parskip}{4pt}',
    '% A step: its label, then the formula, the numbers and the result, kept on one page.',
    '% Math wider than the line (rows of wide matrices) is scaled down to fit; narrower math is left as it is.',
    '\\newsavebox{\\btbox}',
    '\\newcommand{\\btfit}[1]{\\sbox{\\btbox}{#1}\\ifdim\\wd\\btbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\btbox}}\\else\\usebox{\\btbox}\\fi}',
    '\\newenvironment{step}[1]{\\par\\medskip\\noindent\\begin{minipage}{\\linewidth}\\raggedright\\textbf{#1}\\\\}{\\end{minipage}\\par}',
    title,
    '\\date{}',
    '\\begin{document}',
    '% Ragged right: a wide formula may start a new line without stretching the text before it.',
    '\\raggedright',
    '\\maketitle',
    body,
    '\\end{document}',
    '',
  ].join('\n');
}
