// One small term tree for the formulas the tool writes about its concepts (h(a), h′(a), losses):
// numbers, symbols with sub- and superscripts, sums, differences, products, fractions, powers,
// function calls, brackets, equations and cases. Printed by latex.ts and unicode.ts.

/** A name written differently in LaTeX and in plain text: \sigma and σ. */
export interface Name {
  readonly latex: string;
  readonly text: string;
}

export type Term =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'symbol'; readonly name: Name; readonly sub?: Term; readonly sup?: Term; readonly prime?: boolean }
  | { readonly kind: 'sum'; readonly terms: readonly Term[] }
  | { readonly kind: 'difference'; readonly left: Term; readonly right: Term }
  | { readonly kind: 'negate'; readonly arg: Term }
  /** `juxtapose`: written side by side (y(1 − y)); otherwise with a multiplication sign. */
  | { readonly kind: 'product'; readonly factors: readonly Term[]; readonly juxtapose: boolean }
  | { readonly kind: 'fraction'; readonly num: Term; readonly den: Term }
  | { readonly kind: 'power'; readonly base: Term; readonly exponent: Term }
  | { readonly kind: 'call'; readonly fn: Term; readonly args: readonly Term[] }
  | { readonly kind: 'paren'; readonly inner: Term }
  | { readonly kind: 'equation'; readonly left: Term; readonly right: Term }
  /** A relation between terms, as in a condition: a > 0, a ≤ 0. */
  | { readonly kind: 'relation'; readonly left: Term; readonly relation: Relation; readonly right: Term }
  | { readonly kind: 'cases'; readonly cases: readonly { readonly value: Term; readonly when: Term }[] };

export type Relation = '<' | '>' | '≤' | '≥' | '=';

export const num = (text: string | number): Term => ({ kind: 'number', text: String(text) });

/** A symbol; `name` as a string is the same in LaTeX and in text (a, y, t). */
export function sym(
  name: string | Name,
  scripts: { sub?: Term | string; sup?: Term | string; prime?: boolean } = {},
): Term {
  const n = typeof name === 'string' ? { latex: name, text: name } : name;
  const lift = (s: Term | string | undefined) => (typeof s === 'string' ? sym(s) : s);
  return { kind: 'symbol', name: n, sub: lift(scripts.sub), sup: lift(scripts.sup), prime: scripts.prime };
}

export const add = (...terms: Term[]): Term => ({ kind: 'sum', terms });
export const minus = (left: Term, right: Term): Term => ({ kind: 'difference', left, right });
export const neg = (arg: Term): Term => ({ kind: 'negate', arg });
export const times = (...factors: Term[]): Term => ({ kind: 'product', factors, juxtapose: false });
export const juxt = (...factors: Term[]): Term => ({ kind: 'product', factors, juxtapose: true });
export const frac = (num: Term, den: Term): Term => ({ kind: 'fraction', num, den });
export const pow = (base: Term, exponent: Term | number): Term => ({
  kind: 'power',
  base,
  exponent: typeof exponent === 'number' ? num(exponent) : exponent,
});
export const call = (fn: Term | Name | string, ...args: Term[]): Term => ({
  kind: 'call',
  fn: typeof fn === 'string' || !('kind' in fn) ? sym(fn) : fn,
  args,
});
export const paren = (inner: Term): Term => ({ kind: 'paren', inner });
export const eq = (left: Term, right: Term): Term => ({ kind: 'equation', left, right });
export const rel = (left: Term, relation: Relation, right: Term): Term => ({ kind: 'relation', left, relation, right });
export const cases = (...list: [Term, Term][]): Term => ({
  kind: 'cases',
  cases: list.map(([value, when]) => ({ value, when })),
});

/**
 * The term with every plain symbol (no scripts) whose text is a key of `bindings` replaced by its
 * binding, all at once: substituting a ↦ y and y ↦ z never turns a into z.
 */
export function substitute(term: Term, bindings: Readonly<Record<string, Term>>): Term {
  const go = (t: Term): Term => substitute(t, bindings);
  switch (term.kind) {
    case 'number':
      return term;
    case 'symbol':
      return !term.sub && !term.sup && !term.prime && Object.hasOwn(bindings, term.name.text)
        ? bindings[term.name.text]
        : term;
    case 'sum':
      return { ...term, terms: term.terms.map(go) };
    case 'difference':
    case 'equation':
      return { ...term, left: go(term.left), right: go(term.right) };
    case 'relation':
      return { ...term, left: go(term.left), right: go(term.right) };
    case 'negate':
      return { ...term, arg: go(term.arg) };
    case 'product':
      return { ...term, factors: term.factors.map(go) };
    case 'fraction':
      return { ...term, num: go(term.num), den: go(term.den) };
    case 'power':
      return { ...term, base: go(term.base), exponent: go(term.exponent) };
    case 'call':
      return { ...term, args: term.args.map(go) };
    case 'paren':
      return { ...term, inner: go(term.inner) };
    case 'cases':
      return { ...term, cases: term.cases.map((c) => ({ value: go(c.value), when: go(c.when) })) };
  }
}
