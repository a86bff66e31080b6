// How a graph formula writes an argument after an operator or inside a function call, in plain text
// and in LaTeX. Shared by every operation's entry in the op table.

const NEGATIVE = /^[-−]/;

/** An argument after an operator is parenthesised when it is negative or a fraction: 2 × (−1). */
export const operand = (t: string): string => (NEGATIVE.test(t) || t.includes('/') || /\s/.test(t) ? `(${t})` : t);

export const latexOperand = (t: string): string => (t.startsWith('-') ? `\\left(${t}\\right)` : t);

/** A function's argument already sits in brackets: drop the ones around a bracketed negative number. */
export function bare(t: string): string {
  if (!t.startsWith('\\left(') || !t.endsWith('\\right)')) return t;
  const inner = t.slice('\\left('.length, -'\\right)'.length);
  let depth = 0;
  for (const m of inner.matchAll(/\\left\(|\\right\)/g)) {
    depth += m[0] === '\\left(' ? 1 : -1;
    if (depth < 0) return t; // the outer brackets do not enclose the whole argument
  }
  return depth === 0 ? inner : t;
}
