// The cells a student's answer to one part fixes in the chain, for recomputing the other parts from
// the student's own values (error carried forward, or their own rounding).
import type { Quantity } from '../engine/solve';
import type { NetworkAsk } from '../exercises/types';
import type { Substitution } from './chains';
import type { StudentNumber } from './compare';
import type { GradingContext } from './context';
import type { StudentAnswer } from './student';

/** Where an ask's cells sit in the engine's chain: hook quantity, layer, and whether it is a vector. */
function chainPlace(ask: NetworkAsk): { quantity: Quantity; layer: number; vector: boolean; scalar: boolean } | null {
  const l = ask.layer ?? -1;
  switch (ask.quantity) {
    case 'loss':
    case 'loss_after':
      return { quantity: ask.quantity, layer: -1, vector: false, scalar: true };
    case 'grad_alpha':
      return { quantity: 'grad_alpha', layer: l, vector: false, scalar: true };
    case 'grad_bias':
    case 'bias_after':
      return { quantity: ask.quantity, layer: l, vector: true, scalar: false };
    case 'preactivation':
    case 'output':
    case 'delta':
    case 'grad_weights':
    case 'weights_after':
    case 'activation_derivative':
      return { quantity: ask.quantity, layer: l, vector: false, scalar: false };
    case 'grad_input':
      // ∂L/∂(input of layer l) is the gradient at the output of layer l − 1.
      return l > 0 ? { quantity: 'grad_output', layer: l - 1, vector: false, scalar: false } : null;
    default:
      return null;
  }
}

/** The substitutions an answer to `ask` makes (none when it is not a usable number or matrix). */
export function substitutionsFor(ctx: GradingContext, ask: NetworkAsk, answer: StudentAnswer): Substitution[] {
  const place = chainPlace(ask);
  if (!place || ctx.spec === null) return [];
  const { quantity, layer } = place;
  const at = (row: number, column: number, n: StudentNumber): Substitution => ({ quantity, layer, row, column, value: n.value });
  const index = ask.index ?? [];
  if (answer.kind === 'number') {
    if (place.scalar) return [at(0, 0, answer.number)];
    if (place.vector && index.length === 1) return [at(0, index[0], answer.number)];
    if (!place.vector && index.length === 2) return [at(index[0], index[1], answer.number)];
    return [];
  }
  if (answer.kind !== 'matrix' || index.length > 0) return [];
  const expected = ctx.expected(ask);
  if (!Array.isArray(expected)) return [];
  if (place.vector) {
    const flat = answer.rows.length === 1 ? answer.rows[0] : answer.rows.every((r) => r.length === 1) ? answer.rows.map((r) => r[0]) : [];
    return flat.length === expected.length ? flat.map((n, j) => at(0, j, n)) : [];
  }
  const rows = expected as readonly (readonly unknown[])[];
  const sameShape = answer.rows.length === rows.length && answer.rows.every((r, i) => r.length === rows[i].length);
  return sameShape ? answer.rows.flatMap((r, i) => r.map((n, j) => at(i, j, n))) : [];
}
