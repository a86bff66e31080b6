// A tiny LaTeX term builder for step formulas. Each term knows its precedence and whether it starts
// with a minus sign, so a negative number after an operator is always parenthesised — `0.4 \cdot
// (-0.5)`, `e^{-(-0.12)}`, `0.3 - (-0.2)` — and never printed as `+-` or `--`.
//
// The same builder typesets a step's symbolic formula (leaves are symbols such as w^{(2)}_{11}) and its
// substituted form (leaves are numbers), so the two always have the same shape.

/** Precedence: a sum binds loosest, then a product, then atoms (numbers, symbols, brackets, calls). */
export const SUM = 0;
export const PRODUCT = 1;
export const ATOM = 2;
export type Precedence = typeof SUM | typeof PRODUCT | typeof ATOM;

export interface Tex {
  readonly tex: string;
  readonly prec: Precedence;
  /** The term starts with a minus sign (a negative number, or a negation). */
  readonly leadingMinus: boolean;
  /** Some number in it is a rounded decimal (an irrational value), so "≈" must follow it. */
  readonly approximate: boolean;
  /** A plain number (possibly bracketed): two of them side by side need a \cdot. */
  readonly numeric?: boolean;
  /** The same product with its first factor bracketed: + (−0.5) \cdot 0.3 rather than + (−0.5 \cdot 0.3). */
  readonly bracketFirst?: () => Tex;
}

export function atom(tex: string, leadingMinus = false, approximate = false): Tex {
  return { tex, prec: ATOM, leadingMinus, approximate };
}

const anyApprox = (terms: readonly Tex[]) => terms.some((t) => t.approximate);

/** Brackets sized to their content only when it is tall (fractions, matrices, sums): cheaper to typeset. */
export function bracket(inner: string): string {
  // Square brackets around round ones show the nesting: \frac{1}{2}[(z - t)^2 + …].
  // (Layer superscripts such as ^{(2)} do not count.)
  if (/\(/.test(inner.replace(/\{\([^{}]*\)[^{}]*\}/g, ''))) return `\\left[${inner}\\right]`;
  return /\\frac|\\begin|\\sum|\\left/.test(inner) ? `\\left(${inner}\\right)` : `(${inner})`;
}

const MATRIX = /^\\begin\{pmatrix\}.*\\end\{pmatrix\}$/s;

export function paren(t: Tex): Tex {
  return { tex: bracket(t.tex), prec: ATOM, leadingMinus: false, approximate: t.approximate, numeric: t.numeric };
}

/** `t` as an operand after an operator: bracketed when it binds looser than `min` or starts with a minus. */
function operand(t: Tex, min: Precedence): Tex {
  return t.prec < min || t.leadingMinus ? paren(t) : t;
}

/** A term after "+": a negative product brackets only its first factor. */
function addend(t: Tex): Tex {
  if (t.leadingMinus && t.prec === PRODUCT && t.bracketFirst) return t.bracketFirst();
  return operand(t, PRODUCT);
}

/** t₁ + t₂ + …; every term after the first is bracketed when negative. */
export function sum(terms: readonly Tex[]): Tex {
  if (terms.length === 0) return atom('0');
  if (terms.length === 1) return terms[0];
  const [first, ...rest] = terms;
  const tex = [first.tex, ...rest.map((t) => addend(t).tex)].join(' + ');
  return { tex, prec: SUM, leadingMinus: first.leadingMinus, approximate: anyApprox(terms) };
}

/** a − b; b is bracketed when it is a sum or negative. */
export function difference(a: Tex, b: Tex): Tex {
  return {
    tex: `${a.tex} - ${operand(b, PRODUCT).tex}`,
    prec: SUM,
    leadingMinus: a.leadingMinus,
    approximate: a.approximate || b.approximate,
  };
}

/**
 * f₁ · f₂ · …, joined by `operator` (`\cdot`, `\odot`, or a space for a matrix product / juxtaposition).
 * The first factor may keep its own minus sign; later ones are bracketed when negative.
 */
export function product(factors: readonly Tex[], operator = '\\cdot'): Tex {
  if (factors.length === 1) return factors[0];
  const [first, ...rest] = factors;
  const head = first.prec < PRODUCT ? paren(first) : first;
  const tail = rest.map((t) => operand(t, ATOM));
  // Juxtaposition (a space) is for symbols; a number after another factor gets a \cdot (0.05 \cdot 0.15),
  // and so does a fraction after a number (2 \frac{1}{3} would read as a mixed number).
  const factorsShown = [head, ...tail];
  const join = (t: Tex, k: number) =>
    operator !== ' '
      ? ` ${operator} `
      : t.numeric || (factorsShown[k].numeric && t.tex.startsWith('\\frac'))
        ? ' \\cdot '
        : ' ';
  const tex = head.tex + tail.map((t, k) => join(t, k) + t.tex).join('');
  return {
    tex,
    prec: PRODUCT,
    leadingMinus: head.leadingMinus,
    approximate: anyApprox(factors),
    bracketFirst: head.leadingMinus && head.prec === ATOM ? () => product([paren(head), ...rest], operator) : undefined,
  };
}

/** −t. */
export function negate(t: Tex): Tex {
  return { tex: `-${operand(t, ATOM).tex}`, prec: PRODUCT, leadingMinus: true, approximate: t.approximate };
}

/** base^{exponent}; the base is bracketed unless it is a plain non-negative atom: (−0.3)^{2}. */
export function power(base: Tex, exponent: string): Tex {
  const b = operand(base, ATOM);
  return { tex: `${braced(b.tex)}^{${exponent}}`, prec: ATOM, leadingMinus: false, approximate: base.approximate };
}

/** e^{t}: inside the exponent t may start with a minus sign (e^{-0.12}, e^{-(-0.12)}). */
export function expOf(t: Tex): Tex {
  return { tex: `e^{${t.tex}}`, prec: ATOM, leadingMinus: false, approximate: t.approximate };
}

/** A function applied to arguments: \sigma\left(a\right), \max\left(0, a\right). */
export function call(fn: string, args: readonly Tex[]): Tex {
  // A matrix brings its own parentheses: \sigma\begin{pmatrix}…\end{pmatrix}.
  const inner =
    args.length === 1 && MATRIX.test(args[0].tex) && args[0].tex.split('\\begin{pmatrix}').length === 2
      ? args[0].tex
      : bracket(args.map((a) => a.tex).join(', '));
  return { tex: `${fn}${inner}`, prec: ATOM, leadingMinus: false, approximate: anyApprox(args) };
}

export function frac(num: Tex, den: Tex): Tex {
  return {
    tex: `\\frac{${num.tex}}{${den.tex}}`,
    prec: ATOM,
    leadingMinus: false,
    approximate: num.approximate || den.approximate,
  };
}

/** A superscript such as ^{\top} on a matrix term. */
export function transposed(t: Tex): Tex {
  const b = operand(t, ATOM);
  return { tex: `${braced(b.tex)}^{\\top}`, prec: ATOM, leadingMinus: false, approximate: t.approximate };
}

/** Braces a term that already has a sub- or superscript, so that another one is not a double script. */
function braced(tex: string): string {
  return /[_^]/.test(tex) ? `{${tex}}` : tex;
}
