// The names an answer may use: the functions, the constant e, and — for a symbolic answer — exactly the
// exercise's variables. A run of letters is split into known names ("ax" → a·x when a and x are
// variables, "expx" → exp x); anything else is rejected. Lookups use Maps only, so a name such as
// "__proto__" or "constructor" is just an unknown name.

export type FunctionName = 'exp' | 'ln' | 'sqrt' | 'sigmoid' | 'tanh';

export type NameMeaning =
  | { readonly kind: 'function'; readonly fn: FunctionName }
  | { readonly kind: 'constant'; readonly name: 'e' }
  | { readonly kind: 'variable'; readonly name: string };

/** Function spellings, matched case-insensitively (a phone keyboard writes "Exp"). */
const FUNCTIONS = new Map<string, FunctionName>([
  ['exp', 'exp'],
  ['ln', 'ln'],
  ['log', 'ln'],
  ['sqrt', 'sqrt'],
  ['sigmoid', 'sigmoid'],
  ['sigma', 'sigmoid'],
  ['tanh', 'tanh'],
]);

/** Functions students may try that the tutor does not evaluate (named in the rejection). */
export const UNSUPPORTED_FUNCTIONS = new Set([
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'asin',
  'acos',
  'atan',
  'arcsin',
  'arccos',
  'arctan',
  'sinh',
  'cosh',
  'max',
  'min',
  'abs',
  'relu',
  'softmax',
  'lg',
  'log10',
  'log2',
  'floor',
  'ceil',
  'round',
  'mod',
  'pow',
  'cbrt',
  'nthroot',
]);

export const UNSUPPORTED_CONSTANTS = new Set(['pi', 'inf', 'infinity', 'nan', 'tau']);

/** Greek letters as the ASCII names they stand for in a variable name (δ_k ≡ delta_k). */
export const GREEK = new Map<string, string>([
  ['α', 'alpha'],
  ['β', 'beta'],
  ['γ', 'gamma'],
  ['δ', 'delta'],
  ['ε', 'epsilon'],
  ['ϵ', 'epsilon'],
  ['ζ', 'zeta'],
  ['η', 'eta'],
  ['θ', 'theta'],
  ['ι', 'iota'],
  ['κ', 'kappa'],
  ['λ', 'lambda'],
  ['μ', 'mu'],
  ['ν', 'nu'],
  ['ξ', 'xi'],
  ['ο', 'omicron'],
  ['π', 'pi'],
  ['ρ', 'rho'],
  ['σ', 'sigma'],
  ['ς', 'sigma'],
  ['τ', 'tau'],
  ['υ', 'upsilon'],
  ['φ', 'phi'],
  ['ϕ', 'phi'],
  ['χ', 'chi'],
  ['ψ', 'psi'],
  ['ω', 'omega'],
  ['Γ', 'Gamma'],
  ['Δ', 'Delta'],
  ['Θ', 'Theta'],
  ['Λ', 'Lambda'],
  ['Ξ', 'Xi'],
  ['Φ', 'Phi'],
  ['Ψ', 'Psi'],
  ['Ω', 'Omega'],
]);

export interface NameOptions {
  /** The exercise's variables; their presence makes the answer symbolic. */
  readonly variables?: readonly string[];
  /** Extra spellings: typed name → one of `variables`, e.g. { 'δ_k': 'd_k' }. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Read δ_X / delta_X as d_X when the variables have d_X but no delta_X (default true). */
  readonly aliasDelta?: boolean;
}

export interface NameTable {
  readonly symbolic: boolean;
  /** Names without a subscript: functions are looked up separately (case-insensitive). */
  readonly words: ReadonlyMap<string, NameMeaning>;
  /** Subscripted variables by canonical spelling base_sub, e.g. "w_jk". */
  readonly subscripted: ReadonlyMap<string, NameMeaning>;
  readonly maxWord: number;
  readonly maxBase: number;
  /** The variables as the exercise named them (for messages). */
  readonly variables: readonly string[];
}

const NAME_SHAPE = /^[A-Za-z]+(?:_[A-Za-z0-9]+)?$/;

/**
 * The canonical spelling of a name: Greek letters spelled out, braces and commas in a subscript dropped
 * ("w_{j,k}" → "w_jk", "δ_k" → "delta_k"). Used for the exercise's own names (trusted input).
 */
export function canonicalName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (ch === '{' || ch === '}' || ch === ',' || ch === ' ') continue;
    out += GREEK.get(ch) ?? ch;
  }
  return out;
}

const E_CONSTANT: NameMeaning = { kind: 'constant', name: 'e' };
const SCALAR_TABLE = buildTable({});
const tableCache = new Map<string, NameTable>();

/** The name table for these options (cached: a grader parses many answers against the same names). */
export function nameTable(options: NameOptions): NameTable {
  if (!options.variables) return SCALAR_TABLE;
  const key = JSON.stringify([options.variables, options.aliases ?? null, options.aliasDelta ?? true]);
  let table = tableCache.get(key);
  if (!table) {
    table = buildTable(options);
    if (tableCache.size > 256) tableCache.clear();
    tableCache.set(key, table);
  }
  return table;
}

function buildTable(options: NameOptions): NameTable {
  const words = new Map<string, NameMeaning>([['e', E_CONSTANT]]);
  const subscripted = new Map<string, NameMeaning>();
  const variables = options.variables ?? [];
  const add = (spelling: string, meaning: NameMeaning): void => {
    const canonical = canonicalName(spelling);
    if (!NAME_SHAPE.test(canonical)) {
      throw new TypeError(
        `answer variable "${spelling}": expected letters with an optional subscript, such as x_j, w_{jk} or δ_k`,
      );
    }
    (canonical.includes('_') ? subscripted : words).set(canonical, meaning);
  };
  for (const v of variables) add(v, { kind: 'variable', name: v });
  const byCanonical = new Map(variables.map((v) => [canonicalName(v), v]));
  if (options.aliasDelta ?? true) {
    for (const [canonical, v] of byCanonical) {
      if (!canonical.startsWith('d_')) continue;
      const delta = `delta${canonical.slice(1)}`;
      if (!byCanonical.has(delta)) subscripted.set(delta, { kind: 'variable', name: v });
    }
  }
  for (const [typed, target] of Object.entries(options.aliases ?? {})) {
    const v = byCanonical.get(canonicalName(target));
    if (v === undefined) throw new TypeError(`answer alias "${typed}": "${target}" is not one of the variables`);
    add(typed, { kind: 'variable', name: v });
  }
  let maxWord = 'sigmoid'.length;
  for (const w of words.keys()) maxWord = Math.max(maxWord, w.length);
  let maxBase = 0;
  for (const s of subscripted.keys()) maxBase = Math.max(maxBase, s.indexOf('_'));
  return { symbolic: options.variables !== undefined, words, subscripted, maxWord, maxBase, variables };
}

/** A name without subscript: an exercise variable first, then e, then a function (any letter case). */
export function lookupWord(table: NameTable, word: string): NameMeaning | undefined {
  const known = table.words.get(word);
  if (known) return known;
  const fn = word.length <= 7 ? FUNCTIONS.get(word.toLowerCase()) : undefined;
  return fn ? { kind: 'function', fn } : undefined;
}

export interface Segment {
  readonly meaning: NameMeaning;
  /** Offset and length in the word; the last segment may also take `subLength` characters of subscript. */
  readonly offset: number;
  readonly length: number;
}

export interface Resolution {
  readonly segments: readonly Segment[];
  /** Characters of the subscript (or of the trailing digits) that the last segment took; 0 if none. */
  readonly subUsed: number;
}

/**
 * Splits a run of letters, optionally followed by a subscript (`sub`, without the "_" and braces) or by
 * digits ("x1" for x_1), into known names. The last segment takes the longest prefix of the subscript
 * that names a variable (or all of it when the subscript was braced). Returns null when it cannot.
 */
export function resolveWord(
  table: NameTable,
  word: string,
  sub: string | null,
  subBraced: boolean,
  digits: string | null,
): Resolution | null {
  const reach = prefixSegmentation(table, word);
  const tail = sub ?? digits;
  if (tail !== null) {
    const from = Math.max(0, word.length - table.maxBase);
    for (let k = from; k < word.length; k++) {
      if (reach[k] < 0) continue;
      const base = word.slice(k);
      const lengths = sub !== null && subBraced ? [tail.length] : descending(tail.length);
      for (const p of lengths) {
        const meaning = table.subscripted.get(`${base}_${tail.slice(0, p)}`);
        if (meaning) {
          const segments = [...segmentsUpTo(word, reach, k, table), { meaning, offset: k, length: word.length - k }];
          return { segments, subUsed: p };
        }
      }
    }
    if (sub !== null) return null;
  }
  if (reach[word.length] < 0) return null;
  return { segments: segmentsUpTo(word, reach, word.length, table), subUsed: 0 };
}

function descending(n: number): number[] {
  const out: number[] = [];
  for (let p = n; p >= 1; p--) out.push(p);
  return out;
}

/** reach[i] = length of the last known name in a segmentation of word[0, i), or −1 if none; reach[0] = 0. */
function prefixSegmentation(table: NameTable, word: string): Int32Array {
  const reach = new Int32Array(word.length + 1).fill(-1);
  reach[0] = 0;
  for (let i = 0; i < word.length; i++) {
    if (reach[i] < 0) continue;
    const longest = Math.min(table.maxWord, word.length - i);
    for (let len = longest; len >= 1; len--) {
      if (reach[i + len] < 0 && lookupWord(table, word.slice(i, i + len))) reach[i + len] = len;
    }
  }
  return reach;
}

function segmentsUpTo(word: string, reach: Int32Array, end: number, table: NameTable): Segment[] {
  const out: Segment[] = [];
  for (let i = end; i > 0; i -= reach[i]) {
    const length = reach[i];
    const meaning = lookupWord(table, word.slice(i - length, i));
    if (!meaning) throw new Error('unreachable: segmentation lost a name');
    out.push({ meaning, offset: i - length, length });
  }
  return out.reverse();
}

/** A variable the student may have meant: same name in another letter case, or same base letter. */
export function suggestName(table: NameTable, typed: string): string | null {
  const canonical = canonicalName(typed);
  const lower = canonical.toLowerCase();
  const base = lower.split('_')[0];
  for (const v of table.variables) if (canonicalName(v).toLowerCase() === lower) return v;
  for (const v of table.variables) if (canonicalName(v).toLowerCase().split('_')[0] === base) return v;
  return null;
}
