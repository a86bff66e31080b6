// `explain --format text`: a topic as numbered steps, each sentence followed by its formula turned from
// LaTeX into readable terminal text (∂L/∂y, Σ, ᵀ, …). The converter knows exactly the LaTeX the
// topics use; anything else keeps its backslash, which the tests catch.
import type { Lang, Topic } from './types';

// Spacing that must survive the collapsing of spaces: \quad and \qquad.
const QUAD = '\u0001';
const QQUAD = '\u0002';
const SYMBOLS: Readonly<Record<string, string>> = {
  partial: '∂', top: 'ᵀ', alpha: 'α', delta: 'δ', sigma: 'σ', epsilon: 'ε', eta: 'η', infty: '∞',
  ldots: '…', dots: '…',
  quad: QUAD, qquad: QQUAD, ',': ' ', ';': ' ', '!': '', '{': '{', '}': '}', '\\': '; ',
};
/** Function names: followed by a space unless an argument in parentheses follows. */
const FUNCTIONS = new Set(['exp', 'log', 'ln', 'tanh', 'max', 'min']);
/** Binary operators and relations, written with a space on each side. */
const OPERATORS: Readonly<Record<string, string>> = {
  cdot: '·', times: '×', odot: '⊙', ne: '≠', le: '≤', ge: '≥', approx: '≈', Rightarrow: '⇒', to: '→',
};
const TEXT_GROUPS = new Set(['text', 'mathrm', 'mathtt', 'operatorname']);
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', n: 'ⁿ', i: 'ⁱ', 'ᵀ': 'ᵀ',
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

const WIDTH = 92;

/** Wraps on spaces (Japanese text, which has none, is left as one line). */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const SOURCES = { en: 'after notes', ja: '元にした資料' } as const;

export function topicToText(topic: Topic, lang: Lang): string {
  const title = lang === 'ja' ? topic.title_ja : topic.title_en;
  const lines = [title, '='.repeat(Math.min(WIDTH, [...title].length * (lang === 'ja' ? 2 : 1))), `(${SOURCES[lang]}: ${topic.sources.join(', ')})`, ''];
  topic.steps.forEach((step, i) => {
    const number = `${String(i + 1).padStart(2)}. `;
    const text = lang === 'ja' ? step.text_ja : step.text_en;
    // Japanese has no spaces to break at: the terminal wraps it.
    const wrapped = lang === 'ja' ? [`    ${text}`] : wrap(text, '    ');
    lines.push(number + wrapped[0].trimStart(), ...wrapped.slice(1));
    lines.push(`        ${latexToText(step.latex)}`, '');
  });
  return `${lines.join('\n')}`;
}

const LIST_HEADING = {
  en: 'Derivations (backprop-tutor explain TOPIC [--lang en|ja] [--format text|json|markdown|html|latex]):',
  ja: '導出の一覧 (backprop-tutor explain トピック [--lang en|ja] [--format text|json|markdown|html|latex]):',
} as const;

export function topicListText(topics: readonly Topic[], lang: Lang): string {
  const width = Math.max(...topics.map((t) => t.id.length));
  return [LIST_HEADING[lang], ...topics.map((t) => `  ${t.id.padEnd(width)}  ${lang === 'ja' ? t.title_ja : t.title_en}`), ''].join('\n');
}
