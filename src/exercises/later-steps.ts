// The solution of a later gradient-descent step of an exercise's network: step k (from 1) starts from
// the parameters and optimizer state step k − 1 left, on the whole batch, as `solve` works a network
// with `steps` (its history[k − 1]). A mistake is made in every step (a student who forgets η forgets
// it twice); stated outputs belong to the first step only. Solutions are kept per first step, so the
// grader's many look-ups cost one solve per step.
import { mistakeRules, type Mistake } from '../concepts/misconceptions';
import type { NetworkSpec } from '../concepts/network';
import { correctRules } from '../engine/rules';
import { solve, type Solution } from '../engine/solve';
import type { Training } from '../engine/train';

const later = new WeakMap<Solution, Solution[]>();

/** The steps an ask may name in this network: its `steps` (default 1). */
export function stepsOf(spec: NetworkSpec): number {
  return spec.steps ?? 1;
}

/**
 * The solution of step `k` (1-based) of `spec`, given the solution `first` of its first step (solved
 * with `mistake`, if any). Throws RangeError when the network's `steps` does not reach k, or when it
 * trains on mini-batches (an ask names a step of the whole batch).
 */
export function solutionAtStep(spec: NetworkSpec, first: Solution, k: number, mistake?: Mistake): Solution {
  if (k === 1) return first;
  if (!Number.isInteger(k) || k < 1 || k > stepsOf(spec))
    throw new RangeError(`step ${k} is not one of the network's steps 1..${stepsOf(spec)} (set steps: ${k} or more)`);
  if (spec.batchSize !== undefined) throw new RangeError('an ask of a later step needs a network without batch_size');
  let chain = later.get(first);
  if (!chain) later.set(first, (chain = [first]));
  const rules = mistake ? mistakeRules(mistake, spec, correctRules) : undefined;
  while (chain.length < k) {
    const previous = chain[chain.length - 1];
    chain.push(solve({ ...previous.updated, input: spec.input, target: spec.target }, rules ? { rules } : {}));
  }
  return chain[k - 1];
}

/** Every step of the exercise's network as a training (first.updated after the last), for its worked document. */
export function exerciseTraining(spec: NetworkSpec, first: Solution): Training {
  const rows = spec.input.map((_, i) => i);
  const steps = Array.from({ length: stepsOf(spec) }, (_, k) => ({
    batch: rows,
    solution: solutionAtStep(spec, first, k + 1),
  }));
  const last = steps[steps.length - 1].solution;
  return { steps, final: { ...last.updated, input: spec.input, target: spec.target } };
}
