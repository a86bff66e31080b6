// Splits normalised answer text into tokens in one left-to-right pass (no regular expressions over the
// input). Numbers become exact fractions here; letters become known names or a rejection.
import { Fraction } from '../number/value';
import type { NumberLiteral } from './ast';
import { fail } from './errors';
import type { AnswerLimits } from './limits';
import {
  GREEK,
  UNSUPPORTED_CONSTANTS,
  UNSUPPORTED_FUNCTIONS,
  resolveWord,
  suggestName,
  type NameMeaning,
  type NameTable,
} from './names';
import type { Normalized } from './normalize';
import type { Work } from './work';

export type Op = '+' | '-' | '*' | '/' | '^';
export type Punctuation = '(' | ')' | '[' | ']' | ',' | ';' | 'newline';

interface TokenBase {
  /** Index in the typed text of the token's first character. */
  readonly pos: number;
  /** Whether whitespace precedes the token (a space separates matrix entries). */
  readonly space: boolean;
  readonly text: string;
}

export type Token =
  | (TokenBase & { readonly kind: 'number'; readonly literal: NumberLiteral })
  | (TokenBase & { readonly kind: 'name'; readonly meaning: NameMeaning })
  | (TokenBase & { readonly kind: 'op'; readonly op: Op })
  | (TokenBase & { readonly kind: Punctuation });

const PUNCTUATION: Record<string, Punctuation> = {
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  ',': ',',
  ';': ';',
  '\n': 'newline',
};

/** Tokens after which a final "." can only be a sentence's full stop. */
const ENDS_VALUE = new Set<string>(['number', ')', ']']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isAlnum(c: string | undefined): boolean {
  return isLetter(c) || isDigit(c);
}

/** Characters rejected with their own explanation rather than "cannot be used". */
const SPECIAL: ReadonlyMap<string, Parameters<typeof fail>[0]> = new Map([
  ['・', 'ambiguous-dot'],
  ['･', 'ambiguous-dot'],
  ['=', 'assignment'],
  ['≈', 'assignment'],
  ['≒', 'assignment'],
  ['%', 'percent'],
  ['{', 'curly-brace'],
  ['}', 'curly-brace'],
  ['∂', 'derivative-notation'],
  ['Σ', 'unsupported-sum'],
  ['∑', 'unsupported-sum'],
  ['π', 'unsupported-constant'],
  ['∞', 'unsupported-constant'],
] as const);

export function tokenize(input: Normalized, table: NameTable, limits: AnswerLimits, work: Work): Token[] {
  const s = input.text;
  const at = (i: number): number => input.origin[Math.min(i, input.origin.length - 1)];
  const tokens: Token[] = [];
  let space = false;
  let i = 0;
  const push = (t: Token): void => {
    if (tokens.length >= limits.maxTokens) fail('too-many-tokens', { max: limits.maxTokens }, t.pos);
    tokens.push(t);
    space = false;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === ' ') {
      space = true;
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(s[i + 1]))) {
      const end = scanNumber(s, i);
      push({
        kind: 'number',
        literal: numberLiteral(s, i, end, limits, work, at(i)),
        pos: at(i),
        space,
        text: s.slice(i, end.end),
      });
      i = end.end;
    } else if (isLetter(c) || GREEK.has(c)) {
      i = lexWord(s, i, at, table, tokens, space, push);
    } else if (c === '√') {
      push({ kind: 'name', meaning: { kind: 'function', fn: 'sqrt' }, pos: at(i), space, text: c });
      i++;
    } else if (c === '*' && s[i + 1] === '*') {
      push({ kind: 'op', op: '^', pos: at(i), space, text: '**' });
      i += 2;
    } else if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      push({ kind: 'op', op: c, pos: at(i), space, text: c });
      i++;
    } else if (
      c === '.' &&
      tokens.length > 0 &&
      ENDS_VALUE.has(tokens[tokens.length - 1].kind) &&
      s.slice(i + 1).trim() === ''
    ) {
      // A full stop ending the answer ("-0.288." or, typed in kana mode, "-0.288。", "[1, 2]。") is not part of it.
      i = s.length;
    } else if (Object.hasOwn(PUNCTUATION, c)) {
      push({ kind: PUNCTUATION[c], pos: at(i), space, text: c === '\n' ? '⏎' : c });
      i++;
      if (c === '\n') space = true;
    } else {
      const special = SPECIAL.get(c);
      const ch = String.fromCodePoint(s.codePointAt(i) ?? 0xfffd);
      fail(special ?? 'unexpected-character', { text: ch }, at(i));
    }
  }
  return tokens;
}

interface NumberExtent {
  readonly intEnd: number;
  readonly fracStart: number;
  readonly fracEnd: number;
  readonly expStart: number;
  readonly end: number;
}

/** digits [. digits] [(e|E) [+|-] digits]; the exponent only counts when a digit follows e, so 2e stays 2 then e. */
function scanNumber(s: string, start: number): NumberExtent {
  let i = start;
  while (isDigit(s[i])) i++;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (s[i] === '.') {
    fracStart = ++i;
    while (isDigit(s[i])) i++;
    fracEnd = i;
  }
  let expStart = -1;
  if (s[i] === 'e' || s[i] === 'E') {
    let k = i + 1;
    if (s[k] === '+' || s[k] === '-') k++;
    if (isDigit(s[k])) {
      expStart = i + 1;
      i = k;
      while (isDigit(s[i])) i++;
    }
  }
  return { intEnd, fracStart, fracEnd, expStart, end: i };
}

function numberLiteral(
  s: string,
  start: number,
  x: NumberExtent,
  limits: AnswerLimits,
  work: Work,
  pos: number,
): NumberLiteral {
  const text = s.slice(start, x.end);
  const intDigits = s.slice(start, x.intEnd);
  const fracDigits = s.slice(x.fracStart, x.fracEnd);
  let exponent = 0;
  if (x.expStart >= 0) {
    const expText = s.slice(x.expStart, x.end);
    // Compare as text first: a 2,000-digit exponent must not be turned into a number at all.
    const magnitude = expText.replace(/^[+-]/, '').replace(/^0+/, '');
    if (magnitude.length > 6 || Number(magnitude) > limits.maxLiteralExponent)
      fail('exponent-too-large', { max: limits.maxLiteralExponent }, pos);
    exponent = Number(expText);
  }
  const digits = (intDigits + fracDigits).replace(/^0+/, '');
  // Decimal digits needed for numerator or denominator: beyond maxBits · log10(2) the number is too big.
  const maxDigits = Math.ceil(limits.maxBits * 0.30103);
  const scale = exponent - fracDigits.length;
  if (digits.length + Math.max(0, scale) > maxDigits || -scale > maxDigits)
    fail('number-too-large', { max: limits.maxBits }, pos);
  let n = BigInt(digits === '' ? '0' : digits);
  let d = 1n;
  if (scale >= 0) n *= 10n ** BigInt(scale);
  else d = 10n ** BigInt(-scale);
  work.chargeBits(n, d);
  const value = new Fraction(n, d);
  return {
    value,
    text,
    intDigits,
    fracDigits,
    hasPoint: x.fracStart > x.intEnd,
    exponent,
    scientific: x.expStart >= 0,
  };
}

/**
 * A run of ASCII letters (or one Greek letter), an optional subscript `_x`, `_{jk}` or trailing digits,
 * resolved into one token per known name. Returns the index after what was consumed.
 */
function lexWord(
  s: string,
  start: number,
  at: (i: number) => number,
  table: NameTable,
  tokens: readonly Token[],
  space: boolean,
  push: (t: Token) => void,
): number {
  const greek = GREEK.get(s[start]);
  let i = start;
  if (greek === undefined) while (isLetter(s[i])) i++;
  else i++;
  const word = greek ?? s.slice(start, i);
  const wordEnd = i;

  // "1.5x10^-3": x between a number and 10^ means times, unless x is one of the exercise's names.
  const previous = tokens[tokens.length - 1];
  if ((word === 'x' || word === 'X') && previous?.kind === 'number' && !table.words.has(word) && timesTen(s, i)) {
    push({ kind: 'op', op: '*', pos: at(start), space, text: word });
    return i;
  }

  let sub: string | null = null;
  let subBraced = false;
  let subStart = i;
  if (s[i] === '_') {
    if (s[i + 1] === '{') {
      const close = s.indexOf('}', i + 2);
      const inside = close < 0 || close - i > 40 ? null : s.slice(i + 2, close);
      if (inside === null || ![...inside].every((ch) => isAlnum(ch) || ch === ',' || ch === ' ')) {
        fail('unknown-name', nameParams(table, s.slice(start, Math.min(s.length, i + 12))), at(start));
      }
      sub = [...inside].filter(isAlnum).join('');
      subBraced = true;
      subStart = close + 1;
    } else {
      let k = i + 1;
      while (isAlnum(s[k])) k++;
      if (k === i + 1) fail('unexpected-character', { text: '_' }, at(i));
      sub = s.slice(i + 1, k);
      subStart = i + 1;
    }
  }
  let digits: string | null = null;
  if (sub === null && isDigit(s[i])) {
    let k = i;
    while (isDigit(s[k])) k++;
    digits = s.slice(i, k);
  }

  const resolution = resolveWord(table, word, sub, subBraced, digits);
  if (!resolution) rejectWord(table, s, start, wordEnd, word, sub, at(start));

  const segments = resolution.segments;
  let first = true;
  for (const [index, seg] of segments.entries()) {
    const last = index === segments.length - 1;
    const pos = at(greek === undefined ? start + seg.offset : start);
    let text = greek === undefined ? s.slice(start + seg.offset, start + seg.offset + seg.length) : s[start];
    if (last && resolution.subUsed > 0)
      text +=
        sub !== null
          ? `_${subBraced ? `{${sub}}` : sub.slice(0, resolution.subUsed)}`
          : digits?.slice(0, resolution.subUsed);
    push({ kind: 'name', meaning: seg.meaning, pos, space: first ? space : false, text });
    first = false;
  }
  if (resolution.subUsed === 0) return wordEnd;
  if (sub === null) return wordEnd + resolution.subUsed;
  return subBraced ? subStart : subStart + resolution.subUsed;
}

/** Whether "10" and then "^" or "**" follow (spaces allowed around the 10). */
function timesTen(s: string, i: number): boolean {
  while (s[i] === ' ') i++;
  if (s[i] !== '1' || s[i + 1] !== '0') return false;
  let k = i + 2;
  while (s[k] === ' ') k++;
  return s[k] === '^' || (s[k] === '*' && s[k + 1] === '*');
}

function nameParams(table: NameTable, text: string): Record<string, string> {
  if (!table.symbolic) return { text };
  const suggestion = suggestName(table, text);
  return { text, allowed: table.variables.join(', '), ...(suggestion ? { suggestion } : {}) };
}

function rejectWord(
  table: NameTable,
  s: string,
  start: number,
  wordEnd: number,
  word: string,
  sub: string | null,
  pos: number,
): never {
  const lower = word.toLowerCase();
  const typed = sub === null ? s.slice(start, wordEnd) : `${s.slice(start, wordEnd)}_${sub}`;
  if (lower === 'sum' && sub === null) fail('unsupported-sum', {}, pos);
  if (UNSUPPORTED_CONSTANTS.has(lower)) fail('unsupported-constant', { text: typed }, pos);
  // "sinx", "max(…": name the function they tried, not the whole run of letters.
  for (let len = Math.min(7, lower.length); len >= 2; len--) {
    if (UNSUPPORTED_FUNCTIONS.has(lower.slice(0, len))) fail('unsupported-function', { text: word.slice(0, len) }, pos);
  }
  if (lower.startsWith('d') && sub === null && s[wordEnd] === '/')
    fail('derivative-notation', { text: `${word}/` }, pos);
  fail('unknown-name', nameParams(table, typed), pos);
}
