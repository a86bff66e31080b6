// How a node's operation and its local derivatives are written, in plain text and in LaTeX, given the
// way its arguments are written (names or numbers): read from the op table. Used by the text output,
// figures and renderers.
import { OPS } from './ops';
import type { GraphOp } from './spec';

/** The short label drawn inside a node of a figure (DLfS draws ×, +, exp, /). */
export const OP_SYMBOL: Readonly<Record<GraphOp, string>> = Object.fromEntries(
  Object.entries(OPS).map(([op, d]) => [op, d.symbol]),
) as Record<GraphOp, string>;

/** A figure label for pow shows its exponent, e.g. x^3. */
export function opLabel(op: GraphOp, exponentText: string | null): string {
  return op === 'pow' && exponentText !== null ? `x^${exponentText}` : OP_SYMBOL[op];
}

/** The node's formula in plain text, e.g. "apple × apple_num", "exp(a)", "1/a". */
export function formulaText(op: GraphOp, args: readonly string[]): string {
  return OPS[op].text(args);
}

/** The node's formula in LaTeX; `args` are already LaTeX (escaped names or numbers). */
export function formulaLatex(op: GraphOp, args: readonly string[]): string {
  return OPS[op].latex(args);
}

/**
 * The rule for ∂y/∂arg_i in plain text, in terms of the argument names and the node's own name y,
 * e.g. mul → the other factors, sigmoid → "y(1 − y)". Null for pow's exponent (a constant).
 */
export function localRuleText(
  op: GraphOp,
  i: number,
  args: readonly string[],
  y: string,
  lang: 'en' | 'ja' = 'en',
): string | null {
  return OPS[op].ruleText(i, args, y, lang);
}

/** The same rule in LaTeX (arguments and y already LaTeX). */
export function localRuleLatex(op: GraphOp, i: number, args: readonly string[], y: string): string | null {
  return OPS[op].ruleLatex(i, args, y);
}
