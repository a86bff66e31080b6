// How a node's operation and its local derivatives are written, in plain text and in LaTeX, given the
// way its arguments are written (names or numbers). Used by the text output, figures and renderers.
import type { GraphOp } from './spec';

/** The short label drawn inside a node of a figure (DLfS draws ×, +, exp, /). */
export const OP_SYMBOL: Readonly<Record<GraphOp, string>> = {
  add: '+',
  sub: '−',
  mul: '×',
  div: '÷',
  neg: '−x',
  square: 'x²',
  pow: 'xⁿ',
  exp: 'exp',
  log: 'log',
  reciprocal: '1/x',
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
};

/** A figure label for pow shows its exponent, e.g. x^3. */
export function opLabel(op: GraphOp, exponentText: string | null): string {
  return op === 'pow' && exponentText !== null ? `x^${exponentText}` : OP_SYMBOL[op];
}

const NEGATIVE = /^[-−]/;
/** An argument after an operator is parenthesised when it is negative or a fraction: 2 × (−1). */
const operand = (t: string) => (NEGATIVE.test(t) || t.includes('/') || /\s/.test(t) ? `(${t})` : t);

/** The node's formula in plain text, e.g. "apple × apple_num", "exp(a)", "1/a". */
export function formulaText(op: GraphOp, args: readonly string[]): string {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return [args[0], ...args.slice(1).map(operand)].join(' + ');
    case 'mul':
      return args.map((t, i) => (i === 0 && !t.includes('/') ? t : operand(t))).join(' × ');
    case 'sub':
      return `${a} − ${operand(b)}`;
    case 'div':
      return `${operand(a)} / ${operand(b)}`;
    case 'pow':
      return `${operand(a)}^${operand(b)}`;
    case 'neg':
      return `−${operand(a)}`;
    case 'square':
      return `${operand(a)}²`;
    case 'exp':
      return `exp(${a})`;
    case 'log':
      return `log(${a})`;
    case 'reciprocal':
      return `1 / ${operand(a)}`;
    case 'sigmoid':
      return `σ(${a})`;
    case 'tanh':
      return `tanh(${a})`;
    case 'relu':
      return `ReLU(${a})`;
  }
}

const latexOperand = (t: string) => (t.startsWith('-') ? `\\left(${t}\\right)` : t);

/** A function's argument already sits in brackets: drop the ones around a bracketed negative number. */
function bare(t: string): string {
  if (!t.startsWith('\\left(') || !t.endsWith('\\right)')) return t;
  const inner = t.slice('\\left('.length, -'\\right)'.length);
  let depth = 0;
  for (const m of inner.matchAll(/\\left\(|\\right\)/g)) {
    depth += m[0] === '\\left(' ? 1 : -1;
    if (depth < 0) return t; // the outer brackets do not enclose the whole argument
  }
  return depth === 0 ? inner : t;
}

/** The node's formula in LaTeX; `args` are already LaTeX (escaped names or numbers). */
export function formulaLatex(op: GraphOp, args: readonly string[]): string {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return [args[0], ...args.slice(1).map(latexOperand)].join(' + ');
    case 'mul':
      return args.map((t, i) => (i === 0 ? t : latexOperand(t))).join(' \\times ');
    case 'sub':
      return `${a} - ${latexOperand(b)}`;
    case 'div':
      return `\\frac{${a}}{${b}}`;
    case 'pow':
      return `{${latexOperand(a)}}^{${b}}`;
    case 'neg':
      return `-${latexOperand(a)}`;
    case 'square':
      return `{${latexOperand(a)}}^{2}`;
    case 'exp':
      return `\\exp\\left(${bare(a)}\\right)`;
    case 'log':
      return `\\log\\left(${bare(a)}\\right)`;
    case 'reciprocal':
      return `\\frac{1}{${a}}`;
    case 'sigmoid':
      return `\\sigma\\left(${bare(a)}\\right)`;
    case 'tanh':
      return `\\tanh\\left(${bare(a)}\\right)`;
    case 'relu':
      return `\\mathrm{ReLU}\\left(${bare(a)}\\right)`;
  }
}

/**
 * The rule for ∂y/∂arg_i in plain text, in terms of the argument names and the node's own name y,
 * e.g. mul → the other factors, sigmoid → "y(1 − y)". Null for pow's exponent (a constant).
 */
export function localRuleText(op: GraphOp, i: number, args: readonly string[], y: string, lang: 'en' | 'ja' = 'en'): string | null {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return '1';
    case 'mul': {
      // The other factors: for a × b, ∂/∂a = b.
      const others = args.filter((_, j) => j !== i);
      return others.length === 1 ? others[0] : formulaText('mul', others);
    }
    case 'sub':
      return i === 0 ? '1' : '-1';
    case 'div':
      return i === 0 ? `1 / ${operand(b)}` : `−${operand(a)} / ${operand(b)}²`;
    case 'pow':
      return i === 0 ? `${operand(b)} × ${operand(a)}^(${b} − 1)` : null;
    case 'neg':
      return '-1';
    case 'square':
      return `2 × ${operand(a)}`;
    case 'exp':
      return `exp(${a}) = ${y}`;
    case 'log':
      return `1 / ${operand(a)}`;
    case 'reciprocal':
      return `−1 / ${operand(a)}² = −${y}²`;
    case 'sigmoid':
      return `${y}(1 − ${y})`;
    case 'tanh':
      return `1 − ${y}²`;
    case 'relu':
      return lang === 'ja' ? `${a} > 0 なら 1、それ以外は 0` : `1 if ${a} > 0, else 0`;
  }
}

/** The same rule in LaTeX (arguments and y already LaTeX). */
export function localRuleLatex(op: GraphOp, i: number, args: readonly string[], y: string): string | null {
  const [a, b] = args;
  switch (op) {
    case 'add':
      return '1';
    case 'mul': {
      const others = args.filter((_, j) => j !== i);
      return others.map((t, k) => (k === 0 ? t : latexOperand(t))).join(' \\times ');
    }
    case 'sub':
      return i === 0 ? '1' : '-1';
    case 'div':
      return i === 0 ? `\\frac{1}{${b}}` : `-\\frac{${a}}{{${latexOperand(b)}}^{2}}`;
    case 'pow':
      return i === 0 ? `${b} \\, {${latexOperand(a)}}^{${b} - 1}` : null;
    case 'neg':
      return '-1';
    case 'square':
      return `2 ${latexOperand(a)}`;
    case 'exp':
      return `\\exp\\left(${bare(a)}\\right) = ${y}`;
    case 'log':
      return `\\frac{1}{${a}}`;
    case 'reciprocal':
      return `-\\frac{1}{{${latexOperand(a)}}^{2}} = -{${y}}^{2}`;
    case 'sigmoid':
      return `${y}\\left(1 - ${y}\\right)`;
    case 'tanh':
      return `1 - {${y}}^{2}`;
    case 'relu':
      return `\\begin{cases} 1 & ${a} > 0 \\\\ 0 & ${a} \\le 0 \\end{cases}`;
  }
}
