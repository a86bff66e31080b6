// Recomputing a chain the way a student actually worked it, through the engine's `intermediate` hook:
// with intermediate values rounded as they rounded them, or continuing from their own values.
// Never a widened tolerance: the value their working leads to is computed exactly, then compared.
import type { Intermediate, Quantity } from '../engine/solve';
import type { NetworkAsk } from '../exercises/types';
import type { Matrix, NetworkSpec } from '../concepts/network';
import type { Value } from '../number/value';
import { roundToFigures, roundToPlaces } from './precision';

/** Rounding to n significant figures or to n decimal places. */
export interface Rounding {
  readonly by: 'figures' | 'places';
  readonly n: number;
}

/** One intermediate of the engine's chain: a hook quantity in a layer (−1 for the losses). */
export interface Place {
  readonly quantity: Quantity;
  readonly layer: number;
}

/**
 * How a student may have rounded along the way. Either every intermediate the same way (`all`), or
 * only the values the asked one is computed from directly (`inputs`: each its own way, null = kept
 * exact, e.g. δ to 3 significant figures and z to 4), the rest exact. The asked value itself is never
 * rounded: the student's own last rounding is their answer's precision.
 */
export interface RoundingPolicy {
  readonly all: Rounding | null;
  readonly inputs: readonly (Place & { readonly rounding: Rounding | null })[];
}

const roundingKey = (r: Rounding | null) => (r === null ? '-' : `${r.by[0]}${r.n}`);
const placeKey = (p: Place) => `${p.quantity}/${p.layer}`;

export function policyKey(policy: RoundingPolicy): string {
  return `${roundingKey(policy.all)}|${policy.inputs.map((i) => `${placeKey(i)}=${roundingKey(i.rounding)}`).join(',')}`;
}

export const uniform = (by: Rounding['by'], n: number): RoundingPolicy => ({ all: { by, n }, inputs: [] });

/** Where an ask's value sits in the engine's chain (null when the hook never sees it as such). */
export function placeOf(ask: NetworkAsk): Place | null {
  // The hook sees the first step's chain only; a later step's value is computed from it.
  if ((ask.step ?? 1) !== 1) return null;
  const l = ask.layer ?? -1;
  switch (ask.quantity) {
    case 'loss':
    case 'loss_after':
      return { quantity: ask.quantity, layer: -1 };
    case 'grad_input':
      // ∂L/∂(input of layer l) is the gradient at the output of layer l − 1.
      return l > 0 ? { quantity: 'grad_output', layer: l - 1 } : null;
    case 'preactivation':
    case 'output':
    case 'delta':
    case 'grad_weights':
    case 'grad_bias':
    case 'grad_alpha':
    case 'weights_after':
    case 'bias_after':
    case 'activation_derivative':
      return { quantity: ask.quantity, layer: l };
    default:
      return null;
  }
}

/** The intermediates an asked value is computed from directly (the step's operands). */
export function inputsOf(spec: NetworkSpec, ask: NetworkAsk): Place[] {
  if ((ask.step ?? 1) !== 1) return [];
  const l = ask.layer ?? -1;
  const last = spec.layers.length - 1;
  const at = (quantity: Quantity, layer: number): Place => ({ quantity, layer });
  const deltaInputs = (k: number): Place[] =>
    spec.layers[k]?.activation === 'softmax'
      ? [at('output', k), at('grad_output', k)]
      : [at('grad_output', k), at('activation_derivative', k)];
  switch (ask.quantity) {
    case 'preactivation':
      return l > 0 ? [at('output', l - 1)] : [];
    case 'output':
      return [at('preactivation', l)];
    case 'loss':
      return [at('output', last)];
    case 'loss_after':
      return [at('output_after', last)];
    case 'loss_improvement':
      return [at('loss', -1), at('loss_after', -1)];
    case 'activation_derivative':
    case 'softmax_jacobian':
      return [at('output', l)];
    case 'delta':
      return deltaInputs(l);
    case 'grad_weights':
      return l > 0 ? [at('output', l - 1), at('delta', l)] : [at('delta', l)];
    case 'grad_bias':
    case 'grad_input':
      return [at('delta', l)];
    case 'grad_alpha':
      return [at('grad_output', l), at('preactivation', l)];
    case 'weights_after':
      return [at('grad_weights', l)];
    case 'bias_after':
      return [at('grad_bias', l)];
    default:
      return [];
  }
}

/**
 * The ways a student who answers with `figures` significant figures (at least 3) and `places` decimal
 * places may have rounded along the way: every intermediate to the answer's figures or places, or with
 * one guard digit more; then mixed precisions for the step's own inputs (each exact, to 3 figures, to
 * the answer's figures, or one more — δ at 3 figures and z at 4 is common).
 */
/** Intermediates rounded to fewer figures (or places) than this are not a rounding the grader rewards. */
const MIN_INTERMEDIATE_FIGURES = 3;

export function policiesFor(figures: number, places: number, inputs: readonly Place[]): RoundingPolicy[] {
  const policies: RoundingPolicy[] = [];
  // Intermediates kept to fewer than 3 figures are not a rounding the grader should reward.
  if (figures < 3) return policies;
  // Every intermediate to k figures (3 ≤ k ≤ the answer's figures + 1: the final value may carry more
  // figures than the intermediates did) or to d places (3 ≤ d ≤ the answer's places + 1).
  for (let k = figures; k <= figures + 1; k++) policies.push(uniform('figures', k));
  for (let k = MIN_INTERMEDIATE_FIGURES; k < figures; k++) policies.push(uniform('figures', k));
  if (places >= 1) policies.push(uniform('places', places), uniform('places', places + 1));
  for (let d = MIN_INTERMEDIATE_FIGURES; d < places; d++) policies.push(uniform('places', d));
  const choices: (Rounding | null)[] = [
    null,
    ...[...new Set([3, figures, figures + 1])].map((n) => ({ by: 'figures' as const, n })),
  ];
  const assign = (k: number, chosen: (Rounding | null)[]): void => {
    if (k === inputs.length) {
      if (chosen.some((c) => c !== null))
        policies.push({ all: null, inputs: inputs.map((p, i) => ({ ...p, rounding: chosen[i] })) });
      return;
    }
    for (const c of choices) assign(k + 1, [...chosen, c]);
  };
  if (inputs.length > 0 && inputs.length <= 2) assign(0, []);
  return policies;
}

/** A student's own earlier answers may be combined with the rest of the chain exact or rounded like the answer. */
export function carriedPolicies(figures: number | null): (RoundingPolicy | null)[] {
  return figures !== null && figures >= 3
    ? [null, uniform('figures', figures), uniform('figures', figures + 1)]
    : [null];
}

function rounder(r: Rounding): (v: Value) => Value {
  return r.by === 'figures' ? (v) => roundToFigures(v, r.n) : (v) => roundToPlaces(v, r.n);
}

/** Rounds intermediates as `policy` says, leaving `own` (the asked value's place) as computed. */
export function roundingHook(policy: RoundingPolicy, own: Place | null): Intermediate {
  const all = policy.all ? rounder(policy.all) : null;
  const byPlace = new Map(policy.inputs.map((i) => [placeKey(i), i.rounding ? rounder(i.rounding) : null]));
  const ownKey = own ? placeKey(own) : null;
  return (quantity, layer, m) => {
    const key = `${quantity}/${layer}`;
    if (key === ownKey) return m;
    const round = byPlace.has(key) ? byPlace.get(key)! : all;
    return round ? m.map((row) => row.map(round)) : m;
  };
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
 * before the replacement. `before` (optional) runs first (a rounding hook: the student's values win).
 */
export function substitutionHook(
  substitutions: readonly Substitution[],
  seen?: Map<string, Matrix>,
  before?: Intermediate,
): Intermediate {
  const byKey = new Map<string, Substitution[]>();
  for (const s of substitutions) {
    const key = keyOf(s.quantity, s.layer);
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return (quantity, layer, computed) => {
    const key = keyOf(quantity, layer);
    seen?.set(key, computed);
    const m = before ? before(quantity, layer, computed) : computed;
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
