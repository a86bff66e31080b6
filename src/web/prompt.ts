// An exercise's prompt on the practice page: its lines as text, and those that state a value —
// "W¹ = [ 0.2  -0.4 ]" with its aligned rows below, "b¹ = (0.1, 0)", "Learning rate η = 0.5" —
// typeset as math (KaTeX, through the caller's renderer). Only a line whose name and every cell are
// understood is typeset (numbers and fractions as the exercise prints them); any other line stays as
// it was written, so nothing is ever shown differently from the exercise's own text. The original line
// is the text of the page (for screen readers, a copy, innerText); the typeset form is hidden from
// screen readers and its text is drawn (drawn-text.ts), so that a matrix is read row by row, once.
import { escapeHtml } from '../text/escape';
import { drawnText } from './drawn-text';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const GREEK: Readonly<Record<string, string>> = { Δ: '\\Delta', δ: '\\delta', η: '\\eta', α: '\\alpha', σ: '\\sigma' };

/** "W¹" → "W^{1}", "Δ²" → "\Delta^{2}", "Xᵀ" → "X^{\top}"; null for anything else. */
export function nameLatex(name: string): string | null {
  const m = /^([A-Za-zΔδηασ])([⁰¹²³⁴⁵⁶⁷⁸⁹]*)([₀₁₂₃₄₅₆₇₈₉]*)(ᵀ?)$/u.exec(name);
  if (!m) return null;
  const [, letter, sup, sub, top] = m;
  const digits = (s: string, set: string) => [...s].map((c) => set.indexOf(c)).join('');
  const base = GREEK[letter] ?? letter;
  const subscript = sub ? `_{${digits(sub, SUBSCRIPTS)}}` : '';
  const superscript = sup || top ? `^{${digits(sup, SUPERSCRIPTS)}${top ? '\\top' : ''}}` : '';
  return `${base}${subscript}${superscript}`;
}

/** "-0.25" → "-0.25", "-3/20" → "-\frac{3}{20}"; null for anything that is not a plain number. */
export function cellLatex(cell: string): string | null {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return cell;
  const f = /^(-?)(\d+)\/(\d+)$/.exec(cell);
  return f ? `${f[1]}\\frac{${f[2]}}{${f[3]}}` : null;
}

const allCells = (cells: readonly string[]): string[] | null => {
  const out = cells.map(cellLatex);
  return out.every((c) => c !== null) ? (out as string[]) : null;
};

interface Typeset {
  readonly indent: number;
  readonly prefix: string;
  readonly latex: string;
  readonly lines: number;
}

const MATRIX_HEAD = /^(\s*)(.*?)(\S+) = \[ (.*) \]$/u;
const MATRIX_ROW = /^\s+\[ (.*) \]$/u;
const VECTOR = /^(\s*)(.*?)(\S+) = \(([^()]*)\)$/u;
const SCALAR = /^(\s*)(.*?)(\S+) = (-?\d+(?:\.\d+)?|-?\d+\/\d+)$/u;

/** The value stated at line i (a matrix takes its rows below), or null. */
function typesetAt(lines: readonly string[], i: number): Typeset | null {
  const line = lines[i];
  const head = MATRIX_HEAD.exec(line);
  if (head) {
    const rows = [head[4]];
    for (let k = i + 1; k < lines.length && MATRIX_ROW.test(lines[k]); k++) rows.push(MATRIX_ROW.exec(lines[k])![1]);
    const cells = rows.map((r) => allCells(r.trim().split(/\s{2,}/)));
    const name = nameLatex(head[3]);
    if (name === null || cells.some((c) => c === null)) return null;
    const body = (cells as string[][]).map((r) => r.join(' & ')).join(' \\\\ ');
    return {
      indent: head[1].length,
      prefix: head[2],
      latex: `${name} = \\begin{bmatrix} ${body} \\end{bmatrix}`,
      lines: rows.length,
    };
  }
  const vector = VECTOR.exec(line);
  if (vector) {
    const name = nameLatex(vector[3]);
    const cells = allCells(vector[4].split(', '));
    if (name === null || cells === null) return null;
    return { indent: vector[1].length, prefix: vector[2], latex: `${name} = (${cells.join(', ')})`, lines: 1 };
  }
  const scalar = SCALAR.exec(line);
  if (scalar) {
    const name = nameLatex(scalar[3]);
    const value = cellLatex(scalar[4]);
    if (name === null || value === null) return null;
    return { indent: scalar[1].length, prefix: scalar[2], latex: `${name} = ${value}`, lines: 1 };
  }
  return null;
}

/** The prompt as HTML: a line per line, stated values typeset with `math` (LaTeX → HTML). */
export function promptHtml(prompt: string, math: (latex: string) => string): string {
  const lines = prompt.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const indent = (n: number) => (n > 0 ? ` style="padding-left:${Math.min(n, 12)}ch"` : '');
    if (line.trim() === '') {
      out.push('<div class="gap"></div>');
      i++;
      continue;
    }
    const t = typesetAt(lines, i);
    if (t === null) {
      const lead = /^\s*/.exec(line)![0].length;
      out.push(`<div class="line"${indent(lead)}>${escapeHtml(line.trim())}</div>`);
      i++;
      continue;
    }
    const original = lines
      .slice(i, i + t.lines)
      .map((l) => l.trim())
      .join(' ');
    out.push(
      `<div class="line math"${indent(t.indent)}><span class="sr-only">${escapeHtml(original)}</span>` +
        `<span aria-hidden="true">${drawnText(escapeHtml(t.prefix) + math(t.latex))}</span></div>`,
    );
    i += t.lines;
  }
  return out.join('');
}
