// LaTeX for a term: σ′(a) = σ(a)(1 − σ(a)) as \sigma'\left(a\right) = \sigma\left(a\right)\left(1 - \sigma\left(a\right)\right).
import { ATOM, PRODUCT, SUM, leadingMinus, precedence } from './precedence';
import type { Relation, Term } from './term';

const RELATIONS: Readonly<Record<Relation, string>> = { '<': '<', '>': '>', '≤': '\\le', '≥': '\\ge', '=': '=' };

export function latexRelation(relation: Relation): string {
  return RELATIONS[relation];
}

/** `t` as an operand: bracketed when it binds looser than `min` or (after an operator) starts with a minus. */
function operand(t: Term, min: number, afterOperator: boolean): string {
  const s = latex(t);
  return precedence(t) < min || (afterOperator && leadingMinus(t)) ? `\\left(${s}\\right)` : s;
}

export function latex(t: Term): string {
  switch (t.kind) {
    case 'number':
      return t.text;
    case 'symbol': {
      const sup = t.sup ? `^{${latex(t.sup)}}` : '';
      const sub = t.sub ? `_{${latex(t.sub)}}` : '';
      return `${t.name.latex}${t.prime ? "'" : ''}${sup}${sub}`;
    }
    case 'sum':
      return t.terms.map((x, k) => (k === 0 ? latex(x) : operand(x, SUM, true))).join(' + ');
    case 'difference':
      return `${latex(t.left)} - ${operand(t.right, PRODUCT, true)}`;
    case 'negate':
      return `-${operand(t.arg, PRODUCT, true)}`;
    case 'product':
      return t.factors
        .map((x, k) => {
          const s = operand(x, k === 0 ? PRODUCT : ATOM, k > 0);
          if (k === 0) return s;
          if (!t.juxtapose) return ` \\cdot ${s}`;
          return s.startsWith('\\left(') ? s : ` ${s}`;
        })
        .join('');
    case 'fraction':
      return `\\frac{${latex(t.num)}}{${latex(t.den)}}`;
    case 'power':
      return `{${operand(t.base, ATOM, true)}}^{${latex(t.exponent)}}`;
    case 'call':
      return `${latex(t.fn)}\\left(${t.args.map(latex).join(', ')}\\right)`;
    case 'paren':
      return `\\left(${latex(t.inner)}\\right)`;
    case 'equation':
      return `${latex(t.left)} = ${latex(t.right)}`;
    case 'relation':
      return `${latex(t.left)} ${latexRelation(t.relation)} ${latex(t.right)}`;
    case 'cases':
      return `\\begin{cases} ${t.cases.map((c) => `${latex(c.value)} & ${latex(c.when)}`).join(' \\\\ ')} \\end{cases}`;
  }
}
