// LaTeX formulas as plain text for a terminal, in the two styles the tool prints.
//
// latexToText (explain's derivations): reads the LaTeX as a small TeX parser and writes it the way one
// would by hand: ∂L/∂y, x_i², Σ(i=1..n), { x (x > 0); 0 (x ≤ 0) }. It knows exactly the LaTeX the
// topics use; anything else keeps its backslash, which the tests catch.
//
// stepLatexToText (the grader's hints): a few rewrites of the worked steps' LaTeX that keep every
// group in parentheses, (a)/(b) and ^(2). Its output is part of `check`'s JSON, which is why the two
// styles stay two functions.

// Spacing that must survive the collapsing of spaces: \quad and \qquad.
const QUAD = '\u0001';
const QQUAD = '\u0002';
const SYMBOLS: Readonly<Record<string, string>> = {
  partial: '∂',
  top: 'ᵀ',
  alpha: 'α',
  delta: 'δ',
  sigma: 'σ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  lambda: 'λ',
  mu: 'μ',
  beta: 'β',
  lVert: '‖',
  rVert: '‖',
  lvert: '|',
  rvert: '|',
  leftarrow: '←',
  infty: '∞',
  ldots: '…',
  dots: '…',
  quad: QUAD,
  qquad: QQUAD,
  ',': ' ',
  ';': ' ',
  '!': '',
  '{': '{',
  '}': '}',
  '\\': '; ',
};
/** Function names: followed by a space unless an argument in parentheses follows. */
const FUNCTIONS = new Set(['exp', 'log', 'ln', 'tanh', 'max', 'min']);
/** Binary operators and relations, written with a space on each side. */
const OPERATORS: Readonly<Record<string, string>> = {
  cdot: '·',
  times: '×',
  odot: '⊙',
  oslash: '⊘',
  ne: '≠',
  le: '≤',
  ge: '≥',
  approx: '≈',
  Rightarrow: '⇒',
  to: '→',
  in: '∈',
  notin: '∉',
};
const TEXT_GROUPS = new Set(['text', 'mathrm', 'mathtt', 'operatorname']);
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  n: 'ⁿ',
  i: 'ⁱ',
  ᵀ: 'ᵀ',
};

class Reader {
  pos = 0;
  constructor(readonly src: string) {}
  get done() {
    return this.pos >= this.src.length;
  }
  peek() {
    return this.src[this.pos];
  }
  /** The raw text of a {…} group (or of the next single character), without the braces. */
  group(): string {
    while (this.peek() === ' ') this.pos++;
    if (this.peek() !== '{') return this.src[this.pos++] ?? '';
    let depth = 0;
    const start = this.pos + 1;
    for (; this.pos < this.src.length; this.pos++) {
      if (this.src[this.pos] === '\\') this.pos++;
      else if (this.src[this.pos] === '{') depth++;
      else if (this.src[this.pos] === '}' && --depth === 0) break;
    }
    return this.src.slice(start, this.pos++);
  }
  /** A command name; spaces after a control word are not part of the output (as in TeX). */
  command(): string {
    const m = /^\\([A-Za-z]+ *|.)/.exec(this.src.slice(this.pos))!;
    this.pos += m[0].length;
    return m[1].trimEnd();
  }
}

/** Wraps a fraction's part in parentheses unless it is one symbol, number, ∂x, f(…) or (…). */
function atom(t: string): string {
  if (/^∂?[\p{L}\p{N}.ᵀ⁰¹²³⁴⁵⁶⁷⁸⁹ⁿⁱ⁻_]+$/u.test(t)) return t;
  const call = /^[\p{L}]*\((.*)\)[²ᵀ]?$/u.exec(t);
  return call && balancedParens(call[1]) ? t : `(${t})`;
}

function balancedParens(t: string): boolean {
  let depth = 0;
  for (const c of t) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function superscript(raw: string): string {
  const t = convert(raw).trim();
  return [...t].every((c) => SUPERSCRIPT[c]) ? [...t].map((c) => SUPERSCRIPT[c]).join('') : `^${atom(t)}`;
}

function convert(src: string, literal = false): string {
  const r = new Reader(src);
  let out = '';
  while (!r.done) {
    const c = r.peek();
    if (c === '\\') {
      const name = r.command();
      if (name === 'frac' || name === 'dfrac') {
        const num = convert(r.group()).trim();
        const den = convert(r.group()).trim();
        out += `${atom(num)}/${atom(den)}`;
      } else if (name === 'left' || name === 'right') {
        const d = r.src[r.pos++];
        out += d === '.' ? '' : d;
      } else if (name === 'sqrt') {
        out += `√${atom(convert(r.group()).trim())}`;
      } else if (name === 'tilde') {
        out += `${convert(r.group()).trim()}\u0303`;
      } else if (name === 'hat') {
        // A combining circumflex over the symbol: m̂.
        out += `${convert(r.group()).trim()}\u0302`;
      } else if (TEXT_GROUPS.has(name)) {
        out += convert(r.group(), true);
      } else if (name === 'xrightarrow') {
        out += ` —${convert(r.group()).trim()}→ `;
      } else if (name === 'sum' || name === 'lim') {
        let under = '';
        let over = '';
        for (;;) {
          if (r.peek() === '_') {
            r.pos++;
            under = convert(r.group()).trim();
          } else if (r.peek() === '^') {
            r.pos++;
            over = convert(r.group()).trim();
          } else break;
        }
        const symbol = name === 'sum' ? 'Σ' : 'lim';
        out += over ? `${symbol}(${under}..${over}) ` : under ? `${symbol}_${atom(under)} ` : `${symbol} `;
      } else if (name === 'begin') {
        const env = r.group();
        const end = src.indexOf(`\\end{${env}}`, r.pos);
        const body = src.slice(r.pos, end);
        r.pos = end + `\\end{${env}}`.length;
        const rows = body.split('\\\\').map((row) => row.split('&').map((cell) => convert(cell).trim()));
        out += `{ ${rows.map(([value, condition]) => (condition ? `${value} ${condition}` : value)).join('; ')} }`;
      } else if (FUNCTIONS.has(name)) {
        const rest = r.src.slice(r.pos);
        out += rest.startsWith('(') || rest.startsWith('\\left(') ? name : `${name} `;
      } else if (name in OPERATORS) {
        out += ` ${OPERATORS[name]} `;
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
      } else {
        out += `\\${name}`;
      }
    } else if (c === '^') {
      r.pos++;
      out += superscript(r.group());
    } else if (c === '_') {
      r.pos++;
      const sub = convert(r.group()).trim();
      out += `_${sub.length === 1 ? sub : atom(sub)}`;
    } else if (c === '{') {
      out += convert(r.group(), literal);
    } else {
      r.pos++;
      out += !literal && c === '-' ? '−' : c === '&' ? ' ' : c;
    }
  }
  return out;
}

/** A LaTeX formula of the topics as plain terminal text, e.g. \frac{\partial L}{\partial y} → ∂L/∂y. */
export function latexToText(latex: string): string {
  return convert(latex)
    .replace(/ +/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ *\u0001 */g, '  ')
    .replace(/ *\u0002 */g, '    ')
    .trim();
}

const LATEX_WORDS: readonly [RegExp, string][] = [
  [/\\left|\\right/g, ''],
  [/\\cdot/g, '·'],
  [/\\times/g, '×'],
  [/\\odot/g, '⊙'],
  [/\\oslash/g, '⊘'],
  [/\\partial\s*/g, '∂'],
  [/\\delta/g, 'δ'],
  [/\\Delta/g, 'Δ'],
  [/\\sigma/g, 'σ'],
  [/\\eta/g, 'η'],
  [/\\alpha/g, 'α'],
  [/\\lambda/g, 'λ'],
  [/\\mu/g, 'μ'],
  [/\\beta/g, 'β'],
  [/\\(var)?epsilon/g, 'ε'],
  [/\\sqrt\{([^{}]*)\}/g, '√($1)'],
  [/\\hat\{([^{}]*)\}/g, '$1\u0302'],
  [/\\lVert|\\rVert/g, '‖'],
  [/\\tanh/g, 'tanh'],
  [/\\max/g, 'max'],
  [/\\min/g, 'min'],
  [/\\le\b/g, '≤'],
  [/\\ge\b/g, '≥'],
  [/\\approx/g, '≈'],
  [/\\mathbf\{([^{}]*)\}/g, '$1'],
  [/\\qquad/g, ' '],
  [/\\ln/g, 'ln'],
  [/\\sum/g, 'Σ'],
  [/\\ldots|\\dots/g, '…'],
  [/\\top/g, 'ᵀ'],
  [/\\mathrm\{([^{}]*)\}/g, '$1'],
  [/\\,|\\;|\\!|\\quad/g, ' '],
  [/'/g, '′'],
];

/** A step's LaTeX as plain text for a terminal: \frac{a}{b} → (a)/(b), ^{(2)} → ^(2), _{1} → _1. */
export function stepLatexToText(latex: string): string {
  let out = latex;
  for (let i = 0; i < 8 && /[_^]\{/.test(out); i++) out = out.replace(/([_^])\{([^{}]*)\}/g, '$1$2');
  for (let i = 0; i < 8 && out.includes('\\frac'); i++)
    out = out.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)');
  for (const [pattern, replacement] of LATEX_WORDS) out = out.replace(pattern, replacement);
  return out.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}
