// The worked solution as plain text for a terminal: the same document the LaTeX, Markdown and HTML
// renderers take, its math written in Unicode (latexToText), every line wrapped to the terminal's
// width as it displays (East Asian wide characters take two columns).
import type { Block, DocStep, RichText, WorkedDocument } from '../document/model';
import { latexToText } from '../text/latex-to-text';
import { drawNetwork } from '../text/network-drawing';
import { charWidth, displayWidth, padEnd } from '../text/width';

export interface TerminalOptions {
  /** Columns to wrap to (80 when stdout is not a TTY). */
  readonly width?: number;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP: Readonly<Record<string, string>> = { '(': '⁽', ')': '⁾', '−': '⁻', '+': '⁺', '-': '⁻' };
const sub = (digits: string) => [...digits].map((d) => SUB[Number(d)]).join('');
const sup = (s: string) => [...s].map((c) => SUP[c] ?? '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('');

/** LaTeX the derivation printer leaves alone, written before it runs. */
const BEFORE: readonly [RegExp, string][] = [
  [/\\mathbf\{([^{}]*)\}/g, '$1'],
  [/\\boldsymbol\{([^{}]*)\}/g, '$1'],
  [/\\Delta\b/g, 'Δ'],
];

/** Its ASCII indices as the terminal writes them: a^(1)_1 → a₁⁽¹⁾, W^(2) → W⁽²⁾, h' → h′. */
const AFTER: readonly [RegExp, (...m: string[]) => string][] = [
  [/\^\(([0-9]+)\)_([0-9]+)(?![0-9.])/g, (_, l, i) => `${sub(i)}${sup(`(${l})`)}`],
  [/\^\(([0-9]+|l[+−]1|l)\)/g, (_, l) => (/^[0-9]+$/.test(l) ? sup(`(${l})`) : `^(${l})`)],
  [/_([0-9]+)(?![0-9.])/g, (_, i) => sub(i)],
  [/'/g, () => '′'],
];

function math(latex: string): string {
  let s = latex;
  for (const [re, to] of BEFORE) s = s.replace(re, to);
  s = latexToText(s);
  for (const [re, to] of AFTER) s = s.replace(re, to as (...m: string[]) => string);
  return s;
}
const rich = (text: RichText | null) => (text ?? []).map((x) => (typeof x === 'string' ? x : math(x.math))).join('');
const relation = (r: DocStep['substitutedRelation']) => (r === '=' ? '=' : '≈');

/** Japanese punctuation that never starts a line (kinsoku): it stays with the character before. */
const NO_LINE_START = new Set([...'、。，．）」』：；！？ー']);

/** Break points: after a space, and between wide (CJK) characters, which need no space to break. */
function pieces(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (NO_LINE_START.has(ch) && current !== '') {
      // After a narrow character too ("b。"): the punctuation ends the piece, a break may follow it.
      out.push(current + ch);
      current = '';
      continue;
    }
    if (NO_LINE_START.has(ch) && out.length > 0) {
      out[out.length - 1] += ch;
      continue;
    }
    const wide = charWidth(ch) === 2;
    if (wide && current !== '' && !current.endsWith(' ')) {
      out.push(current);
      current = '';
    }
    current += ch;
    if (ch === ' ' || wide) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Greedy wrap: continuation lines get `indent`; a piece wider than a line stands alone. */
export function wrap(line: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces(line)) {
    if (current.trim() !== '' && displayWidth((current + piece).trimEnd()) > width) {
      lines.push(current.trimEnd());
      current = indent + piece.trimStart();
    } else current += piece;
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

function step(s: DocStep, width: number): string[] {
  let chain = math(s.formula);
  if (s.condition) chain += `  (${math(s.condition)})`;
  if (s.substituted !== null) chain += ` ${relation(s.substitutedRelation)} ${math(s.substituted)}`;
  if (s.result !== null) chain += ` ${relation(s.resultRelation)} ${math(s.result)}`;
  const out = [...wrap(rich(s.label), width), ...wrap(`  ${chain}`, width, '      ')];
  if (s.note) out.push(...wrap(`  ${rich(s.note)}`, width, '  '));
  return out;
}

function table(header: readonly RichText[], rows: readonly (readonly RichText[])[]): string[] {
  const cells = [header, ...rows].map((row) => row.map(rich));
  const widths = header.map((_, j) => Math.max(...cells.map((row) => displayWidth(row[j] ?? ''))));
  const line = (row: string[]) => `  ${row.map((c, j) => padEnd(c, widths[j])).join('  ')}`.trimEnd();
  return [line(cells[0]), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...cells.slice(1).map(line)];
}

function block(b: Block, width: number): string[] {
  switch (b.kind) {
    case 'paragraph':
      return wrap(rich(b.text), width);
    case 'heading':
      return wrap(`■ ${rich(b.text)}`, width, '  ');
    case 'list':
      return b.items.flatMap((item) => wrap(`• ${rich(item)}`, width, '  '));
    case 'preformatted':
      return [...b.lines];
    case 'math':
      return wrap(`  ${math(b.latex)}`, width, '      ');
    case 'step':
      return step(b.step, width);
    case 'figure':
      // A network is drawn as text; another SVG has no text form here: its description and caption say what it shows.
      if (b.drawing) return [...drawNetwork(b.drawing, width), ...wrap(b.drawing.legend, width)];
      return wrap(`[${b.alt}] ${rich(b.caption)}`.trimEnd(), width, '  ');
    case 'table':
      return table(b.header, b.rows);
  }
}

export function renderTerminal(doc: WorkedDocument, options: TerminalOptions = {}): string {
  const width = Math.max(20, options.width ?? 80);
  const out: string[] = [...wrap(doc.title, width)];
  out.push('═'.repeat(Math.min(width, Math.max(1, displayWidth(out[0] ?? '')))));
  if (doc.subtitle) out.push(...wrap(rich(doc.subtitle), width));
  for (const section of doc.sections) {
    out.push('', ...wrap(section.title, width));
    out.push('─'.repeat(Math.min(width, Math.max(1, displayWidth(section.title)))));
    for (const b of section.blocks) out.push(...block(b, width), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
