// Plain Unicode for a term, as printed in a terminal: σ′(a) = σ(a)(1 − σ(a)), a₁⁽¹⁾, y², ∂y_i/∂a_k.
import { ATOM, PRODUCT, SUM, leadingMinus, precedence } from './precedence';
import type { Term } from './term';

const SUBSCRIPT: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789'].map((d, k) => [d, String.fromCharCode(0x2080 + k)]),
);
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'0123456789'].map((d, k) => [d, '⁰¹²³⁴⁵⁶⁷⁸⁹'[k]])),
  '(': '⁽',
  ')': '⁾',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
};

/** Digits become ₁₂; anything else is written _i (letters read better on the line: y_i, δ_ik). */
function subscript(s: string): string {
  return /^[0-9]+$/.test(s) ? [...s].map((c) => SUBSCRIPT[c]).join('') : `_${s}`;
}

/** ², ⁽¹⁾, ⁻¹ where every character has a superscript form; ^(…) otherwise. */
function superscript(s: string): string {
  if ([...s].every((c) => c in SUPERSCRIPT)) return [...s].map((c) => SUPERSCRIPT[c]).join('');
  return s.length === 1 ? `^${s}` : `^(${s})`;
}

function operand(t: Term, min: number, afterOperator: boolean): string {
  const s = unicode(t);
  return precedence(t) < min || (afterOperator && leadingMinus(t)) ? `(${s})` : s;
}

export function unicode(t: Term): string {
  switch (t.kind) {
    case 'number':
      return t.text.replace(/^-/, '−');
    case 'symbol': {
      const sub = t.sub ? subscript(unicode(t.sub)) : '';
      const sup = t.sup ? superscript(unicode(t.sup)) : '';
      return `${t.name.text}${t.prime ? '′' : ''}${sub}${sup}`;
    }
    case 'sum':
      return t.terms.map((x, k) => (k === 0 ? unicode(x) : operand(x, SUM, true))).join(' + ');
    case 'difference':
      return `${unicode(t.left)} − ${operand(t.right, PRODUCT, true)}`;
    case 'negate':
      return `−${operand(t.arg, PRODUCT, true)}`;
    case 'product':
      return t.factors
        .map((x, k) => {
          const s = operand(x, k === 0 ? PRODUCT : ATOM, k > 0);
          if (k === 0) return s;
          if (!t.juxtapose) return `·${s}`;
          return s.startsWith('(') ? s : ` ${s}`;
        })
        .join('');
    case 'fraction':
      return `${operand(t.num, ATOM, false)}/${operand(t.den, ATOM, true)}`;
    case 'power':
      return `${operand(t.base, ATOM, true)}${superscript(unicode(t.exponent))}`;
    case 'call':
      return `${unicode(t.fn)}(${t.args.map(unicode).join(', ')})`;
    case 'paren':
      return `(${unicode(t.inner)})`;
    case 'equation':
      return `${unicode(t.left)} = ${unicode(t.right)}`;
    case 'relation':
      return `${unicode(t.left)} ${t.relation} ${unicode(t.right)}`;
    case 'cases':
      return t.cases.map((c) => `${unicode(c.value)} (${unicode(c.when)})`).join(', ');
  }
}
