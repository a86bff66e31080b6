// Recomputing a chain the way a student actually worked it, through the engine's `intermediate` hook:
// with every intermediate value rounded as they rounded it, or continuing from their own values.
// Never a widened tolerance: the value their working leads to is computed exactly, then compared.
import type { Intermediate, Quantity } from '../engine/solve';
import type { Matrix } from '../network/spec';
import type { Value } from '../number/value';
import { effectiveSigFigs, roundToFigures, roundToPlaces, type Written } from './precision';

export interface RoundingPolicy {
  /** Round every intermediate to n significant figures, or to n decimal places. */
  readonly by: 'figures' | 'places';
  readonly n: number;
}

export function policyKey(policy: RoundingPolicy): string {
  return `${policy.by}:${policy.n}`;
}

/**
 * The ways a student who answers with this precision may have rounded along the way: to the answer's
 * significant figures or decimal places, or with one guard digit more.
 */
export function policiesFor(value: Value, student: Value, written: Written): RoundingPolicy[] {
  const figures = effectiveSigFigs(value, student, written);
  const policies: RoundingPolicy[] = [];
  // Intermediates kept to fewer than 3 figures are not a rounding the grader should reward.
  if (figures >= 3) policies.push({ by: 'figures', n: figures }, { by: 'figures', n: figures + 1 });
  if (written.places >= 1) policies.push({ by: 'places', n: written.places }, { by: 'places', n: written.places + 1 });
  return policies;
}

/** Rounds every intermediate value (forward, backward, update and the pass after it). */
export function roundingHook(policy: RoundingPolicy): Intermediate {
  const round = policy.by === 'figures' ? (v: Value) => roundToFigures(v, policy.n) : (v: Value) => roundToPlaces(v, policy.n);
  return (_quantity, _layer, m) => m.map((row) => row.map(round));
}

/** A value the student gave for one cell of an intermediate (vectors are row 0, scalars cell [0, 0]). */
export interface Substitution {
  readonly quantity: Quantity;
  readonly layer: number;
  readonly row: number;
  readonly column: number;
  readonly value: Value;
}

const keyOf = (quantity: Quantity, layer: number) => `${quantity}/${layer}`;

/**
 * Replaces cells by the student's values as the chain reaches them, so that everything downstream is
 * computed from the student's own numbers. `seen` (optional) records each intermediate as computed,
 * before the replacement.
 */
export function substitutionHook(substitutions: readonly Substitution[], seen?: Map<string, Matrix>): Intermediate {
  const byKey = new Map<string, Substitution[]>();
  for (const s of substitutions) {
    const key = keyOf(s.quantity, s.layer);
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return (quantity, layer, m) => {
    const key = keyOf(quantity, layer);
    seen?.set(key, m);
    const subs = byKey.get(key);
    if (!subs) return m;
    const out = m.map((row) => [...row]);
    for (const s of subs) if (out[s.row] !== undefined && s.column < out[s.row].length) out[s.row][s.column] = s.value;
    return out;
  };
}

export function seenValue(seen: ReadonlyMap<string, Matrix>, quantity: Quantity, layer: number): Matrix | undefined {
  return seen.get(keyOf(quantity, layer));
}
