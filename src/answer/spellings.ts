// Other ways of writing the same answer, turned into the one the parser reads: numpy's
// array([[…]]) wrapper, tuples ((1, 2), (3, 4)) for brackets, and square brackets as parentheses
// inside an expression ("(1/2)[−ln 0.4 + (−ln 0.6)]", as hints and textbooks write it). Each works on
// the tokens' kinds only, so positions in errors still point at what the student typed.
import type { Normalized } from './normalize';
import type { Token } from './lexer';
import type { Expect } from './structure';

const ARRAY_PREFIXES = ['numpy.array(', 'np.array(', 'array('];

/** numpy's array(…) around a whole answer becomes spaces, keeping every other character's position. */
export function withoutArrayWrapper(normalized: Normalized): Normalized {
  const text = normalized.text;
  let start = 0;
  while (start < text.length && text[start] === ' ') start++;
  const prefix = ARRAY_PREFIXES.find((p) => text.startsWith(p, start));
  if (prefix === undefined) return normalized;
  let end = text.length;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\n')) end--;
  if (text[end - 1] !== ')') return normalized;
  const blank = (n: number) => ' '.repeat(n);
  return {
    text:
      text.slice(0, start) +
      blank(prefix.length) +
      text.slice(start + prefix.length, end - 1) +
      blank(1) +
      text.slice(end),
    origin: normalized.origin,
  };
}

interface Pair {
  readonly open: number;
  readonly close: number;
  /** A "," ";" or line break directly inside the pair. */
  readonly separated: boolean;
}

/** Matching ( ) and [ ] pairs; unmatched ones are left for the parser to report. */
function pairs(tokens: readonly Token[], lo: number, hi: number): Pair[] {
  const found: Pair[] = [];
  const stack: { open: number; separated: boolean }[] = [];
  for (let k = lo; k < hi; k++) {
    const kind = tokens[k].kind;
    if (kind === '(' || kind === '[') stack.push({ open: k, separated: false });
    else if (kind === ')' || kind === ']') {
      const top = stack.pop();
      if (top === undefined) return found;
      const opener = tokens[top.open].kind;
      if ((opener === '(') !== (kind === ')')) return found;
      found.push({ open: top.open, close: k, separated: top.separated });
    } else if ((kind === ',' || kind === ';' || kind === 'newline') && stack.length > 0)
      stack[stack.length - 1].separated = true;
  }
  return found;
}

const as = (t: Token, kind: '(' | ')' | '[' | ']'): Token => ({ ...t, kind }) as Token;

/**
 * The tokens with tuples read as brackets and expression brackets read as parentheses. A "( )" holding
 * a top-level comma is a tuple (no function here takes two arguments); a "[ ]" without separators is a
 * parenthesis when one number is expected, or when something stands around it.
 */
export function acceptedSpellings(tokens: readonly Token[], lo: number, hi: number, expect: Expect): Token[] {
  const out = [...tokens];
  for (const p of pairs(tokens, lo, hi)) {
    const kind = tokens[p.open].kind;
    if (kind === '(' && p.separated) {
      out[p.open] = as(tokens[p.open], '[');
      out[p.close] = as(tokens[p.close], ']');
    } else if (kind === '[' && !p.separated) {
      const innerIsRow = tokens[p.open + 1]?.kind === '[' || tokens[p.open + 1]?.kind === '(';
      const surrounded = p.open !== lo || p.close !== hi - 1;
      if (expect === 'scalar' || (surrounded && !innerIsRow && !insideMatrix(tokens, p, lo))) {
        out[p.open] = as(tokens[p.open], '(');
        out[p.close] = as(tokens[p.close], ')');
      }
    }
  }
  return out;
}

/** Whether the pair is a row of an enclosing [ … ] matrix ([[1, 2], [3]] keeps its rows). */
function insideMatrix(tokens: readonly Token[], p: Pair, lo: number): boolean {
  const before = p.open > lo ? tokens[p.open - 1].kind : null;
  const after = tokens[p.close + 1]?.kind ?? null;
  return (
    (before === '[' || before === ',' || before === ';' || before === 'newline' || before === ']') &&
    (after === ']' || after === ',' || after === ';' || after === 'newline' || after === '[' || after === null)
  );
}
