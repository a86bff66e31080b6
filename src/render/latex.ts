// `--format latex`: a complete amsmath document. English compiles with pdflatex; Japanese uses
// LuaLaTeX's ltjsarticle class (lualatex FILE.tex). Each step is set as inline display-style math so
// that TeX can break a long sum at its operators; each section starts a new page, like the HTML when
// printed. Figures are SVG and are left to the HTML/PDF outputs.
import type { Block, DocStep, RichText, WorkedDocument } from './document';

/** Text-mode replacements for the few non-ASCII symbols our English words use (pdflatex). */
const TEXT_SYMBOLS: Readonly<Record<string, string>> = {
  '⊙': '$\\odot$',
  'δ': '$\\delta$',
  'σ': '$\\sigma$',
  'α': '$\\alpha$',
  'η': '$\\eta$',
  '≈': '$\\approx$',
  '−': '$-$',
  '×': '$\\times$',
  '→': '$\\to$',
  '∂': '$\\partial$',
  '’': "'",
  '—': '---',
  '–': '--',
};

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

export function escapeLatex(text: string, lang: WorkedDocument['lang']): string {
  let out = '';
  for (const ch of text) {
    if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    // LuaLaTeX with Japanese fonts sets these characters itself.
    else if (lang === 'en' && TEXT_SYMBOLS[ch] !== undefined) out += TEXT_SYMBOLS[ch];
    else out += ch;
  }
  return out;
}

export function renderLatex(doc: WorkedDocument): string {
  const lang = doc.lang;
  const rich = (text: RichText | null) => (text ?? []).map((x) => (typeof x === 'string' ? escapeLatex(x, lang) : `$${x.math}$`)).join('');
  const display = (latex: string) => `$\\displaystyle ${latex}$`;

  const step = (s: DocStep): string => {
    const lines = [`${display(s.formula)}${s.condition ? `\\quad ${display(`\\left(${s.condition}\\right)`)}` : ''}`];
    const numbers = s.substituted === null ? '{}' : `{}${s.substitutedRelation} ${s.substituted} `;
    if (s.result !== null) lines.push(`\\qquad ${display(`${numbers}${s.resultRelation} ${s.result}`)}`);
    else if (s.substituted !== null) lines.push(`\\qquad ${display(numbers)}`);
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

  const preamble =
    lang === 'ja'
      ? ['% Compile with: lualatex FILE.tex', '\\documentclass[a4paper,11pt]{ltjsarticle}']
      : ['% Compile with: pdflatex FILE.tex', '\\documentclass[a4paper,11pt]{article}', '\\usepackage[T1]{fontenc}', '\\usepackage[utf8]{inputenc}'];
  const sections = doc.sections.map(
    (s, i) => `${i > 0 ? '\\clearpage\n' : ''}\\section*{${escapeLatex(s.title, lang)}}\n\n${s.blocks.map(block).join('\n\n')}`,
  );
  return [
    ...preamble,
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage[margin=18mm]{geometry}',
    '\\setlength{\\parindent}{0pt}',
    '\\setlength{\\parskip}{4pt}',
    '% A step: its label, then the formula, the numbers and the result, kept on one page.',
    '\\newenvironment{step}[1]{\\par\\medskip\\noindent\\begin{minipage}{\\linewidth}\\raggedright\\textbf{#1}\\\\}{\\end{minipage}\\par}',
    `\\title{${escapeLatex(doc.title, lang)}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
    doc.subtitle ? `${rich(doc.subtitle)}\n` : '',
    sections.join('\n\n'),
    '\\end{document}',
    '',
  ].join('\n');
}
