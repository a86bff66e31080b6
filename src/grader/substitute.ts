// The cells a student's answer to one part fixes in the chain, for recomputing the other parts from
// the student's own values (error carried forward, or their own rounding).
import type { Quantity } from '../engine/solve';
import type { NetworkAsk } from '../exercises/types';
import { placeOf, type Substitution } from './chains';
import type { StudentNumber } from './compare';
import type { GradingContext } from './context';
import type { StudentAnswer } from './student';

/** Where an ask's cells sit in the engine's chain: hook quantity, layer, and whether it is a vector or a scalar. */
function chainPlace(ask: NetworkAsk): { quantity: Quantity; layer: number; vector: boolean; scalar: boolean } | null {
  const place = placeOf(ask);
  if (place === null) return null;
  const scalar = place.quantity === 'loss' || place.quantity === 'loss_after' || place.quantity === 'grad_alpha';
  const vector = place.quantity === 'grad_bias' || place.quantity === 'bias_after';
  return { ...place, vector, scalar };
}

/** The substitutions an answer to `ask` makes (none when it is not a usable number or matrix). */
export function substitutionsFor(ctx: GradingContext, ask: NetworkAsk, answer: StudentAnswer): Substitution[] {
  const place = chainPlace(ask);
  if (!place || ctx.spec === null) return [];
  const { quantity, layer } = place;
  const at = (row: number, column: number, n: StudentNumber): Substitution => ({
    quantity,
    layer,
    row,
    column,
    value: n.value,
  });
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
    const flat =
      answer.rows.length === 1
        ? answer.rows[0]
        : answer.rows.every((r) => r.length === 1)
          ? answer.rows.map((r) => r[0])
          : [];
    return flat.length === expected.length ? flat.map((n, j) => at(0, j, n)) : [];
  }
  const rows = expected as readonly (readonly unknown[])[];
  const sameShape = answer.rows.length === rows.length && answer.rows.every((r, i) => r.length === rows[i].length);
  return sameShape ? answer.rows.flatMap((r, i) => r.map((n, j) => at(i, j, n))) : [];
}
