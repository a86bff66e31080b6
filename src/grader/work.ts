// "Check my own work": verifies a student's hand calculation value by value, in computation order.
// Each value is compared with the engine's; a value that is off only because the student's own earlier
// values were rounded counts as right; one that follows correctly from their own earlier *wrong* value
// is marked carried forward; otherwise the misconceptions are tried, each recomputed from the
// student's own earlier values (so the mistake is recognised where it was made).
import { solve, type Solution } from '../engine/solve';
import { mistakeRules, type Mistake } from '../concepts/misconceptions';
import { correctRules } from '../engine/rules';
import type { Matrix, NetworkSpec } from '../concepts/network';
import { sub, type Value } from '../number/value';
import {
  carriedPolicies,
  policyKey,
  roundingHook,
  seenValue,
  substitutionHook,
  type RoundingPolicy,
  type Substitution,
} from './chains';
import { MIN_FIGURES, judgeNumber, matchesValue, type NumberVerdict, type StudentNumber } from './compare';
import { solvedOrNull } from './context';
import { diagnosisOrder } from './misconceptions';
import { effectiveSigFigs, sameValue } from './precision';
import type { WorkEntry } from './work-file';

export type WorkStatus = 'correct' | 'incorrect' | 'invalid';

export interface WorkResult {
  readonly path: string;
  readonly status: WorkStatus;
  readonly expected: Value;
  readonly misconception: Mistake | null;
  /** Wrong only because it follows correctly from the student's own earlier wrong value. */
  readonly carriedForward: boolean;
  /** Right at the student's precision, but only from their own rounded earlier values. */
  readonly fromRounded: boolean;
  /** Right, but with fewer significant figures than it has (fine for one's own working). */
  readonly rounded: boolean;
  /** Right, but to fewer than MIN_FIGURES significant figures: later values computed from it drift (a note, not an error). */
  readonly fewFigures: boolean;
  readonly entry: WorkEntry;
}

export interface WorkCheck {
  readonly results: readonly WorkResult[];
  /** The first value that is wrong (in computation order), or null. */
  readonly firstWrong: WorkResult | null;
  readonly solution: Solution;
}

/** The order in which the chain computes each (quantity, layer): forward, loss, backward, update, after. */
function computationOrder(spec: NetworkSpec): { quantity: WorkEntry['quantity']; layer: number }[] {
  const order: { quantity: WorkEntry['quantity']; layer: number }[] = [];
  spec.layers.forEach((_, l) => order.push({ quantity: 'preactivation', layer: l }, { quantity: 'output', layer: l }));
  order.push({ quantity: 'loss', layer: -1 });
  for (let l = spec.layers.length - 1; l >= 0; l--) {
    for (const quantity of [
      'grad_output',
      'activation_derivative',
      'delta',
      'grad_weights',
      'grad_bias',
      'grad_alpha',
      'weights_after',
      'bias_after',
    ] as const) {
      order.push({ quantity, layer: l });
    }
  }
  order.push({ quantity: 'loss_after', layer: -1 }, { quantity: 'loss_improvement', layer: -1 });
  return order;
}

/** The engine's value of one cell of a solution. */
function cellOf(
  solution: Solution,
  quantity: WorkEntry['quantity'],
  layer: number,
  row: number,
  column: number,
): Value | null {
  if (quantity === 'loss') return solution.loss;
  if (quantity === 'loss_after') return solution.lossAfter;
  if (quantity === 'loss_improvement') return sub(solution.loss, solution.lossAfter);
  const r = solution.layers[layer];
  const m: Matrix | null = ((): Matrix | null => {
    switch (quantity) {
      case 'preactivation':
        return r.preactivation;
      case 'output':
        return r.output;
      case 'grad_output':
        return r.gradOutput;
      case 'activation_derivative':
        return r.activationDerivative;
      case 'delta':
        return r.delta;
      case 'grad_weights':
        return r.gradWeights;
      case 'grad_bias':
        return [r.gradBias];
      case 'grad_alpha':
        return r.gradAlpha === null ? null : [[r.gradAlpha]];
      case 'weights_after':
        return r.weightsAfter;
      case 'bias_after':
        return [r.biasAfter];
      default:
        return null;
    }
  })();
  return m?.[row]?.[column] ?? null;
}

/**
 * The value of a cell as the chain computed it *before* any substitution there, with the student's
 * values substituted upstream. loss_improvement = their loss − their loss_after.
 */
function chainCell(
  spec: NetworkSpec,
  subs: readonly Substitution[],
  quantity: WorkEntry['quantity'],
  layer: number,
  row: number,
  column: number,
  mistake?: Mistake,
  policy: RoundingPolicy | null = null,
): Value | null {
  const seen = new Map<string, Matrix>();
  // The student's other values rounded as this one is (never this value itself: `seen` holds it as computed).
  const rounding = policy && quantity !== 'loss_improvement' ? roundingHook(policy, { quantity, layer }) : undefined;
  // The student's own values can leave the functions' domain (an output of 0 in ln y): then nothing
  // follows from them, and the value is graded on its own.
  const solution = solvedOrNull(() =>
    solve(spec, {
      intermediate: substitutionHook(subs, seen, rounding),
      ...(mistake ? { rules: mistakeRules(mistake, spec, correctRules) } : {}),
    }),
  );
  if (solution === null) return null;
  if (quantity === 'loss_improvement') {
    const loss = subs.find((s) => s.quantity === 'loss')?.value ?? solution.loss;
    const lossAfter = subs.find((s) => s.quantity === 'loss_after')?.value ?? solution.lossAfter;
    return sub(loss, lossAfter);
  }
  const m = seenValue(seen, quantity, layer);
  return m?.[row]?.[column] ?? null;
}

const rightish = (v: NumberVerdict) => v.kind === 'exact' || v.kind === 'rounded' || v.kind === 'few-figures';

export function checkWork(spec: NetworkSpec, entries: readonly WorkEntry[]): WorkCheck {
  const solution = solve(spec);
  const order = computationOrder(spec);
  const rank = new Map(order.map((o, i) => [`${o.quantity}/${o.layer}`, i]));
  const sorted = [...entries].sort(
    (a, b) =>
      rank.get(`${a.quantity}/${a.layer}`)! - rank.get(`${b.quantity}/${b.layer}`)! ||
      a.row - b.row ||
      a.column - b.column,
  );

  const results: WorkResult[] = [];
  const good: Substitution[] = [];
  const all: Substitution[] = [];
  // Chains are recomputed once per (quantity, layer) group: the values in a group do not depend on each other.
  let groupKey = '';
  let cacheGood = new Map<string, Value | null>();
  let cacheAll = new Map<string, Value | null>();
  let pendingGood: Substitution[] = [];
  let pendingAll: Substitution[] = [];

  for (const entry of sorted) {
    const key = `${entry.quantity}/${entry.layer}`;
    if (key !== groupKey) {
      groupKey = key;
      good.push(...pendingGood);
      all.push(...pendingAll);
      pendingGood = [];
      pendingAll = [];
      cacheGood = new Map();
      cacheAll = new Map();
    }
    const right = cellOf(solution, entry.quantity, entry.layer, entry.row, entry.column);
    if (right === null) continue;
    const base = {
      path: entry.path,
      expected: right,
      entry,
      misconception: null,
      carriedForward: false,
      fromRounded: false,
      rounded: false,
      fewFigures: false,
    };
    const answer = entry.answer;
    if (answer.kind !== 'number') {
      results.push({ ...base, status: 'invalid' });
      continue;
    }
    const student: StudentNumber = answer.number;
    const cellKey = `${entry.row},${entry.column}`;
    const substitution: Substitution | null =
      entry.quantity === 'loss_improvement'
        ? null
        : { quantity: entry.quantity, layer: entry.layer, row: entry.row, column: entry.column, value: student.value };
    const accept = (result: WorkResult, isGood: boolean) => {
      results.push(result);
      if (substitution) {
        pendingAll.push(substitution);
        if (isGood) pendingGood.push(substitution);
      }
    };

    const verdict = judgeNumber(right, student);
    // Fewer than MIN_FIGURES significant figures: right, but noted (as the exercise grader asks for 3).
    const figures = student.written ? effectiveSigFigs(right, student.value, student.written) : null;
    const fewFigures = figures !== null && figures < MIN_FIGURES && verdict.kind !== 'exact';
    if (rightish(verdict)) {
      accept({ ...base, status: 'correct', rounded: verdict.kind !== 'exact', fewFigures }, true);
      continue;
    }
    // The student's other values exact, or rounded as this one is (their own rounding is never punished).
    const policies = carriedPolicies(figures);
    const cached = (cache: Map<string, Value | null>, subs: readonly Substitution[], policy: RoundingPolicy | null) => {
      const key = `${cellKey}|${policy ? policyKey(policy) : ''}`;
      if (!cache.has(key))
        cache.set(key, chainCell(spec, subs, entry.quantity, entry.layer, entry.row, entry.column, undefined, policy));
      return cache.get(key)!;
    };
    // From the student's own (right but rounded) earlier values?
    if (good.length > 0 || entry.quantity === 'loss_improvement') {
      const v = policies
        .map((p) => cached(cacheGood, good, p))
        .map((x) => (x === null ? null : judgeNumber(x, student)))
        .find((x) => x !== null && rightish(x));
      if (v) {
        accept({ ...base, status: 'correct', fromRounded: true, rounded: true, fewFigures }, true);
        continue;
      }
    }
    // From their own earlier wrong values? (Before any misconception: a value that follows from their own
    // earlier values is carried forward, whatever mistake it might also resemble.)
    if (all.length > good.length) {
      if (
        policies.some((p) => {
          const x = cached(cacheAll, all, p);
          return x !== null && rightish(judgeNumber(x, student));
        })
      ) {
        accept({ ...base, status: 'incorrect', carriedForward: true }, false);
        continue;
      }
    }
    accept({ ...base, status: 'incorrect', misconception: diagnose(spec, all, entry, student, right) }, false);
  }
  const firstWrong = results.find((r) => r.status === 'incorrect') ?? null;
  return { results, firstWrong, solution };
}

/** The first misconception (in diagnosis order) that turns the student's own earlier values into this one. */
function diagnose(
  spec: NetworkSpec,
  subs: readonly Substitution[],
  entry: WorkEntry,
  student: StudentNumber,
  right: Value,
): Mistake | null {
  const quantity = entry.quantity === 'loss_improvement' ? 'loss_improvement' : entry.quantity;
  for (const m of diagnosisOrder(quantity)) {
    if (!m.applies(spec)) continue;
    for (const mistake of m.variants(spec)) {
      // The mistake made here on the student's own earlier values, or made all along from the start.
      for (const from of subs.length > 0 ? [subs, []] : [subs]) {
        const buggy = chainCell(spec, from, entry.quantity, entry.layer, entry.row, entry.column, mistake);
        if (buggy !== null && !sameValue(buggy, right) && matchesValue(buggy, student)) return mistake;
      }
    }
  }
  return null;
}
