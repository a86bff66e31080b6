// Every misconception the grader recognises must show in the asked values. A variant in which a
// student's mistake gives the right answer anyway cannot be diagnosed — worse, the mistake is marked
// correct: a symmetric W makes Δ·W equal Δ·Wᵀ, η = 1 makes "forgot the learning rate" harmless, a zero
// delta row makes "did not sum the bias over the batch" harmless. Such variants are rejected.
//
// Which asked cells a mistake *can* change is decided structurally, not by a table: the network's
// "generic twin" — every weight, bias, input, rate, slope and stated output nudged by a distinct tiny
// real number (1e-10 to 2e-9, far too small to move a ReLU unit across its kink) — is solved with and
// without the mistake. Where the twin's cell changes, the mistake acts on that cell, so the real cell must change
// too; where the twin's does not (ReLU′ = 1 hides a missing h′; a diagonal cell hides a transposition),
// the mistake is invisible by the formula itself and nothing is required.
import { MISCONCEPTIONS, misconception, mistakeRules, reachOf, type Mistake } from '../concepts/misconceptions';
import { correctRules } from '../engine/rules';
import { solve, type Intermediate, type Solution } from '../engine/solve';
import type { Matrix, NetworkSpec } from '../concepts/network';
import { add, approx, compare, Decimal, div, exp, isZero, mul, ratio, sum, ZERO, type Value } from '../number/value';
import type { GivenOutputs } from './given';
import { askValue, cellsOf, type AskValue } from './quantities';
import type { NetworkAsk } from './types';

/** The mistake variants to check: every misconception's (src/concepts/misconceptions/) that applies. */
export function mistakeVariants(spec: NetworkSpec): Mistake[] {
  return MISCONCEPTIONS.filter((m) => m.applies(spec)).flatMap((m) => m.variants(spec));
}

/**
 * Distinct tiny nudges c·10^-12·e^(1/7) (c from a fixed LCG, 97 ≤ c < 2000): real numbers, so the twin
 * is solved in 64-digit decimals (its exact rationals would grow to thousands of bits); the common
 * transcendental factor and the scattered c make an accidental equality in the twin as unlikely as in
 * any generic network, while a nudge of at most 1e-8 never moves a hand-friendly pre-activation
 * (|a| ≥ 1e-4 or exactly 0) across a kink.
 */
let nudgeUnit: Value | null = null;

function nudges(sign: 1 | -1): () => Value {
  const unit = (nudgeUnit ??= mul(ratio(1, 10n ** 12n), exp(ratio(1, 7))));
  let state = 0x2545;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return mul(ratio(sign * (97 + ((state >>> 8) % 1903))), unit);
  };
}

/**
 * The generic twin of a network and its stated outputs (softmax rows renormalised to sum to 1); `sign`
 * −1 nudges the other way, which puts a unit exactly at a kink (a = 0) on the other side of it.
 */
export function genericTwin(
  spec: NetworkSpec,
  given: GivenOutputs,
  sign: 1 | -1 = 1,
): { spec: NetworkSpec; given: GivenOutputs } {
  const next = nudges(sign);
  const nudge = (v: Value): Value => add(v, next());
  const nudgeMatrix = (m: Matrix): Value[][] => m.map((row) => row.map(nudge));
  const twin: NetworkSpec = {
    ...spec,
    layers: spec.layers.map((layer) => ({
      ...layer,
      weights: nudgeMatrix(layer.weights),
      bias: layer.bias.map(nudge),
      alpha: layer.alpha === null ? null : nudge(layer.alpha),
    })),
    input: nudgeMatrix(spec.input),
    learningRate: nudge(spec.learningRate),
  };
  const twinGiven = new Map<number, Matrix>();
  for (const [l, rows] of given) {
    const nudged = nudgeMatrix(rows);
    twinGiven.set(
      l,
      spec.layers[l].activation === 'softmax' ? nudged.map((row) => row.map((v) => div(v, sum(row)))) : nudged,
    );
  }
  return { spec: twin, given: twinGiven };
}

function valueOrNull(
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  ask: NetworkAsk,
  mistake?: Mistake,
): Value[] | null {
  try {
    return cellsOf(askValue(spec, solution, given, ask, mistake));
  } catch {
    return null; // the mistake changes the shape (a transposed non-square matrix): it shows
  }
}

const sameCells = (a: readonly Value[], b: readonly Value[]) =>
  a.length === b.length && a.every((v, i) => compare(v, b[i]) === 0);

/**
 * Equality in the twin, by the 64-digit approximations: a mistake moves a twin value by about its own
 * size, a coincidence of the real numbers by about a nudge (1e-10), and a value it cannot act on only
 * by rounding noise (1e-60). (compare() would re-evaluate an exact tie at up to 1024 digits.)
 */
const TWIN_TIE = new Decimal('1e-40');
const twinSame = (a: readonly Value[], b: readonly Value[]) =>
  a.length === b.length &&
  a.every((v, i) => {
    const x = approx(v);
    const y = approx(b[i]);
    return x
      .minus(y)
      .abs()
      .lte(Decimal.max(x.abs(), y.abs(), 1).times(TWIN_TIE));
  });

/**
 * Mistakes never touch the forward pass; the loss only by a factor (½, 1/N) or by the term of a target
 * that is not 1 (binary cross-entropy without (1 − t)), so it changes unless 0.
 */
const FORWARD_ONLY = new Set(['preactivation', 'output', 'softmax_jacobian', 'loss']);
const AFTER_UPDATE = new Set(['loss_after', 'loss_improvement']);

/**
 * Whether a mistake can change an ask at all — a cheap over-approximation that only saves solving
 * (the generic twin still decides), by the mistake's reach: one that multiplies ∂L/∂y by a constant
 * other than 1 (−1, 2 or ½, N or 1/N) changes every non-zero gradient and every update whose gradient
 * is not 0, which checks.ts already demands of the asked values — only the loss after the update is
 * left; one made in one step of layer k only the quantities of that step in layer k; any other acts on
 * the backward pass of layer k and, through it, on the layers below.
 */
function canAct(mistake: Mistake, ask: NetworkAsk, layers: number): boolean {
  if (AFTER_UPDATE.has(ask.quantity)) return true;
  const reach = reachOf(mistake);
  if (FORWARD_ONLY.has(ask.quantity) || reach.kind === 'scale') return false;
  if (reach.kind === 'step')
    return reach.quantities.includes(ask.quantity) && (mistake.layer === undefined || mistake.layer === ask.layer);
  const highest = mistake.layer ?? layers - 1;
  const l = ask.layer ?? 0;
  // Passing the delta back through W or the updated W changes only the layers below (and dx = ∂L/∂X).
  if (reach.kind === 'pass-back') return ask.quantity === 'grad_input' ? l <= highest : l < highest;
  return l <= highest;
}

/**
 * Whether a mistake provably changes nothing in this network (so there is nothing to solve), in every
 * layer it is made in: e.g. the other ReLU convention at 0 without any pre-activation at 0, a missing h′
 * where h′ = 1 everywhere (identity, active ReLU units).
 */
function isNoOp(mistake: Mistake, spec: NetworkSpec, solution: Solution): boolean {
  const inert = misconception(mistake.id).inert;
  if (!inert) return false;
  const layers = mistake.layer === undefined ? spec.layers.map((_, l) => l) : [mistake.layer];
  return layers.every((l) => inert(spec, l, solution.layers, mistake.variant));
}

/**
 * The variants worth solving: not provably no-ops, acting on some ask; and the all-layers form of a
 * mistake is dropped when only one layer's form acts (it then gives the same asked values).
 */
function variantsToSolve(spec: NetworkSpec, solution: Solution, asks: readonly NetworkAsk[]): Mistake[] {
  const acting = mistakeVariants(spec).filter(
    (m) => !isNoOp(m, spec, solution) && asks.some((ask) => canAct(m, ask, spec.layers.length)),
  );
  const family = (m: Mistake) => `${m.id}/${m.variant ?? ''}`;
  return acting.filter((m) => {
    if (m.layer !== undefined) return true;
    const single = acting.filter((other) => other.layer !== undefined && family(other) === family(m));
    const hasSingles = mistakeVariants(spec).some((other) => other.layer !== undefined && family(other) === family(m));
    return !(hasSingles && single.length === 1);
  });
}

/**
 * For asks that do not need the loss after the update: the pass after the update runs on zero
 * pre-activations (σ(0) = 1/2 is exact), which skips its 64-digit exp/tanh and leaves every asked
 * value as it is (the hook of solve() may replace an intermediate; only loss_after is then wrong).
 */
const skipLossAfter: Intermediate = (quantity, _layer, value) =>
  quantity === 'preactivation_after' ? value.map((row) => row.map(() => ZERO)) : value;

/** The mistake moves some updated weight or bias. */
function changesUpdate(right: Solution, wrong: Solution): boolean {
  return right.layers.some((layer, l) => {
    const other = wrong.layers[l];
    const w = cellsOf(layer.weightsAfter);
    const v = cellsOf(other.weightsAfter);
    return !sameCells(w, v) || !sameCells(cellsOf(layer.biasAfter), cellsOf(other.biasAfter));
  });
}

/** Some unit of the network has its pre-activation exactly at 0 (where the two twins differ). */
function atKink(spec: NetworkSpec, solution: Solution): boolean {
  return kinked(
    spec,
    solution.layers.map((layer) => layer.preactivation),
  );
}

/** A unit of a non-linear layer with its pre-activation exactly at 0. */
function kinked(spec: NetworkSpec, preactivations: readonly Matrix[]): boolean {
  return preactivations.some((a, l) => spec.layers[l].activation !== 'identity' && a.some((row) => row.some(isZero)));
}

/**
 * Null when every mistake that acts on an asked value changes it; else which mistake hides, e.g.
 * "the mistake transposed-gradient (variant 1, layer 1) gives the right a1". `values` are the right
 * asked values. A single asked cell must change; a whole array must change somewhere (the grader
 * compares it whole, and a single 0 cell, which a flipped sign leaves alone, is allowed there).
 * The real network is solved first; the twin only when a value comes out unchanged, to tell a
 * coincidence (reject) from a mistake that cannot act on that cell (fine).
 */
export function hiddenMistake(
  spec: NetworkSpec,
  given: GivenOutputs,
  solution: Solution,
  asks: readonly NetworkAsk[],
  values: readonly AskValue[],
): string | null {
  const right = values.map(cellsOf);
  const needsLossAfter = asks.some((ask) => ask.quantity === 'loss_after' || ask.quantity === 'loss_improvement');
  const options = (givenOutputs: GivenOutputs, network: NetworkSpec, mistake?: Mistake) => ({
    givenOutputs,
    ...(mistake ? { rules: mistakeRules(mistake, network, correctRules) } : {}),
    ...(needsLossAfter ? {} : { intermediate: skipLossAfter }),
  });
  // Two twins, nudged either way: a unit exactly at a kink (a = 0) lies on one side in one and on the
  // other side in the other, and a mistake that can act on a cell in either must change it.
  const twins: ({ spec: NetworkSpec; given: GivenOutputs; right: (Value[] | null)[] } | null)[] = [null, null];
  const twinOf = (k: 0 | 1) => {
    let twin = twins[k];
    if (!twin) {
      const t = genericTwin(spec, given, k === 0 ? 1 : -1);
      const solution = solve(t.spec, options(t.given, t.spec));
      twin = { ...t, right: asks.map((ask) => valueOrNull(t.spec, solution, t.given, ask)) };
      twins[k] = twin;
    }
    return twin;
  };
  const solved = new Map<string, Solution>();
  const solvedWith = (mistake: Mistake): Solution => {
    const key = JSON.stringify(mistake);
    let s = solved.get(key);
    if (!s) solved.set(key, (s = solve(spec, options(given, spec, mistake))));
    return s;
  };
  for (const mistake of variantsToSolve(spec, solution, asks)) {
    const candidates = asks.flatMap((ask, i) => (canAct(mistake, ask, spec.layers.length) ? [i] : []));
    const mistaken = solvedWith(mistake);
    // Asks whose value (the cell, or the whole array) the mistake leaves unchanged.
    const unchanged = candidates.filter((i) => {
      const wrong = valueOrNull(spec, mistaken, given, asks[i], mistake);
      return wrong !== null && sameCells(wrong, right[i]);
    });
    if (unchanged.length === 0) continue;
    const twinSolutions: (Solution | null)[] = [null, null];
    const actsInTwin = (i: number, k: 0 | 1): boolean => {
      const t = twinOf(k);
      const twinSolution = (twinSolutions[k] ??= solve(t.spec, options(t.given, t.spec, mistake)));
      const base = t.right[i];
      const wrong = valueOrNull(t.spec, twinSolution, t.given, asks[i], mistake);
      return base !== null && !(wrong !== null && twinSame(wrong, base));
    };
    for (const i of unchanged) {
      // The right update leaves a unit exactly at a kink (a′ = 0): the loss after the update from
      // parameters the mistake did change is a coincidence there, which no twin can tell from a mistake
      // that cannot act (the twins move that unit off the kink with the rest).
      const coincidence =
        AFTER_UPDATE.has(asks[i].quantity) &&
        kinked(spec, solution.after.preactivations) &&
        changesUpdate(solution, mistaken);
      if (!coincidence && !actsInTwin(i, 0) && !(atKink(spec, solution) && actsInTwin(i, 1))) continue; // cannot act here
      const where = [
        mistake.variant === undefined ? '' : `variant ${mistake.variant}`,
        mistake.layer === undefined ? '' : `layer ${mistake.layer}`,
      ]
        .filter(Boolean)
        .join(', ');
      return `the mistake ${mistake.id}${where ? ` (${where})` : ''} gives the right ${asks[i].id}`;
    }
  }
  return twinMistakes(spec, given, solution, asks, right, solvedWith, () => twinOf(0), options);
}

/**
 * Two different misconceptions that give the same wrong number for an ask by a coincidence of the
 * numbers (η = 0.5 makes "forgot η" equal "½ dropped"), found as in hiddenMistake: equal in the
 * exercise, different in the generic twin. Such a variant is rejected, so that the grader can name the
 * one mistake the student made; where the equality holds by the formula itself (w + η·g is both a
 * flipped sign and a wrong update sign; ×N for N = 2 is ½ dropped) the grader names both.
 */
function twinMistakes(
  spec: NetworkSpec,
  given: GivenOutputs,
  solution: Solution,
  asks: readonly NetworkAsk[],
  right: readonly Value[][],
  solvedWith: (mistake: Mistake) => Solution,
  twinOf: () => { spec: NetworkSpec; given: GivenOutputs },
  options: (givenOutputs: GivenOutputs, network: NetworkSpec, mistake?: Mistake) => Parameters<typeof solve>[1],
): string | null {
  const variants = mistakeVariants(spec).filter((m) => !isNoOp(m, spec, solution));
  const twinSolved = new Map<string, Solution>();
  const inTwin = (mistake: Mistake, ask: NetworkAsk): Value[] | null => {
    const t = twinOf();
    const key = JSON.stringify(mistake);
    let s = twinSolved.get(key);
    if (!s) twinSolved.set(key, (s = solve(t.spec, options(t.given, t.spec, mistake))));
    return valueOrNull(t.spec, s, t.given, ask, mistake);
  };
  for (const [i, ask] of asks.entries()) {
    const wrong = variants.flatMap((mistake) => {
      const v = valueOrNull(spec, solvedWith(mistake), given, ask, mistake);
      return v !== null && !sameCells(v, right[i]) ? [{ mistake, v }] : [];
    });
    for (let a = 0; a < wrong.length; a++)
      for (let b = a + 1; b < wrong.length; b++) {
        if (wrong[a].mistake.id === wrong[b].mistake.id || !sameCells(wrong[a].v, wrong[b].v)) continue;
        const x = inTwin(wrong[a].mistake, ask);
        const y = inTwin(wrong[b].mistake, ask);
        if (x !== null && y !== null && !twinSame(x, y))
          return `the mistakes ${wrong[a].mistake.id} and ${wrong[b].mistake.id} give the same ${ask.id}`;
      }
  }
  return null;
}
