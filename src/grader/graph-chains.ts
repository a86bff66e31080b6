// Recomputing a graph's gradient steps the way a student worked them: each iterate rounded as they
// rounded it, or continued from their own x_k (as they carried it into the next step). Like chains.ts
// for networks: the value their working leads to is computed exactly, then compared.
import type { GraphStepAsk } from '../exercises/types';
import type { StepHook } from '../graph/solve';
import type { Value } from '../number/value';
import type { RoundingPolicy } from './chains';
import { roundToFigures, roundToPlaces } from './precision';
import type { StudentAnswer } from './student';

/** The student's value of one input after one step (1-based). */
export interface StepSubstitution {
  readonly step: number;
  readonly input: string;
  readonly value: Value;
}

/** What an answer to x_k puts into the chain: its number (nothing for a value, a matrix or a bad answer). */
export function stepSubstitutions(ask: GraphStepAsk, answer: StudentAnswer): StepSubstitution[] {
  if (ask.quantity !== 'input_after') return [];
  const n =
    answer.kind === 'number'
      ? answer.number
      : answer.kind === 'matrix' && answer.rows.length === 1 && answer.rows[0].length === 1
        ? answer.rows[0][0]
        : null;
  return n === null ? [] : [{ step: ask.step, input: ask.node, value: n.value }];
}

/**
 * The hook that rounds every iterate as `policy.all` says (the asked x_k itself left as computed: its
 * rounding is the answer's) and puts in the student's own values where they gave them (theirs win).
 */
export function stepHook(
  ask: GraphStepAsk,
  subs: readonly StepSubstitution[],
  policy: RoundingPolicy | null,
): StepHook {
  const r = policy?.all ?? null;
  const round =
    r === null ? null : r.by === 'figures' ? (v: Value) => roundToFigures(v, r.n) : (v: Value) => roundToPlaces(v, r.n);
  return (k, inputs) => {
    const step = k + 1;
    const out = new Map(inputs);
    if (round) {
      for (const [name, x] of inputs) {
        const own = ask.quantity === 'input_after' && ask.step === step && ask.node === name;
        if (!own) out.set(name, round(x));
      }
    }
    for (const s of subs) if (s.step === step && out.has(s.input)) out.set(s.input, s.value);
    return out;
  };
}
