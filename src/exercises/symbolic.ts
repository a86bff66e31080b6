// Formulas for symbolic exercises, built once and written twice: in the answer syntax (identifiers,
// numbers, + - * / ^, parentheses) for grading, and in LaTeX for display. Names follow the lecture
// deck: x_j (outputs), t_j (targets), a_j (weighted sums), w_jk (weights), d_k for δ_k.

export interface Sym {
  readonly text: string;
  readonly latex: string;
  /** 1: sum, 2: product, 3: atom or power. */
  readonly prec: 1 | 2 | 3;
}

/** A variable such as x_2, w_21 or d_1 (δ_1 in LaTeX). */
export function v(name: string): Sym {
  const [base, index] = name.split('_');
  const texBase = base === 'd' ? '\\delta' : base;
  return { text: name, latex: index === undefined ? texBase : `${texBase}_{${index}}`, prec: 3 };
}

export function num(text: string): Sym {
  return { text, latex: text, prec: text.startsWith('-') ? 1 : 3 };
}

const paren = (s: Sym, min: number): Sym =>
  s.prec >= min ? s : { text: `(${s.text})`, latex: `\\left(${s.latex}\\right)`, prec: 3 };

export function add(...terms: Sym[]): Sym {
  return { text: terms.map((s) => s.text).join(' + '), latex: terms.map((s) => s.latex).join(' + '), prec: 1 };
}

export function minus(a: Sym, b: Sym): Sym {
  const r = paren(b, 2);
  return { text: `${a.text} - ${r.text}`, latex: `${a.latex} - ${r.latex}`, prec: 1 };
}

export function neg(a: Sym): Sym {
  const r = paren(a, 2);
  return { text: `-${r.text}`, latex: `-${r.latex}`, prec: 1 };
}

export function mul(...factors: Sym[]): Sym {
  const parts = factors.map((s) => paren(s, 2));
  return { text: parts.map((s) => s.text).join('*'), latex: parts.map((s) => s.latex).join(' '), prec: 2 };
}

export function div(a: Sym, b: Sym): Sym {
  const n = paren(a, 2);
  const d = paren(b, 3);
  return { text: `${n.text}/${d.text}`, latex: `\\frac{${a.latex}}{${b.latex}}`, prec: 2 };
}

export function pow(a: Sym, n: number): Sym {
  const b = paren(a, 3);
  return { text: `${b.text}^${n}`, latex: `${b.latex}^{${n}}`, prec: 3 };
}

/** exp(a), in the answer syntax's function form. */
export function expOf(a: Sym): Sym {
  return { text: `exp(${a.text})`, latex: `e^{${a.latex}}`, prec: 3 };
}

/** sigmoid(a) or tanh(a), in the answer syntax's function form. */
export function call(fn: 'sigmoid' | 'tanh', a: Sym): Sym {
  return {
    text: `${fn}(${a.text})`,
    latex: `${fn === 'sigmoid' ? '\\sigma' : '\\tanh'}\\left(${a.latex}\\right)`,
    prec: 3,
  };
}
