// Everything the grader needs about one exercise, computed once and cached: the network and its exact
// solution, the value of each ask, the value of each ask under every misconception variant, and the
// chains recomputed from rounded intermediates. Grading many answers to one exercise (a quiz, a class)
// then costs only comparisons.
import { mistakeRules, type Misconception, type Mistake } from '../concepts/misconceptions';
import { correctRules } from '../engine/rules';
import { solve, type Solution } from '../engine/solve';
import { givenOutputsOf, type GivenOutputs } from '../exercises/given';
import { networkSpecOf } from '../exercises/network-file';
import { askValue, type AskValue } from '../exercises/quantities';
import {
  isGraphAsk,
  isGraphFile,
  isGraphStepAsk,
  isSymbolicAsk,
  type Ask,
  type Exercise,
  type NetworkAsk,
} from '../exercises/types';
import { graphStepValue } from '../exercises/variant';
import { graphFromSource } from '../graph/load';
import { NodeDomainError, solveGraph, StepDomainError, type GraphSolution } from '../graph/solve';
import { stepHook, type StepSubstitution } from './graph-chains';
import type { Matrix, NetworkSpec } from '../concepts/network';
import { approx, neg, type Value } from '../number/value';
import { placeOf, policyKey, roundingHook, substitutionHook, type RoundingPolicy, type Substitution } from './chains';
import type { Tolerance } from './compare';
import { MISCONCEPTIONS, misconception } from './misconceptions';
import { sameValue } from './precision';

/** A value an ask would have under one variant of a misconception. */
export interface MistakenValue {
  readonly mistake: Mistake;
  readonly value: AskValue;
}

export interface GradingContext {
  readonly exercise: Exercise;
  readonly spec: NetworkSpec | null;
  readonly given: GivenOutputs;
  readonly solution: Solution | null;
  readonly graph: GraphSolution | null;
  /** Tolerance overrides by ask id (or '*' for the whole exercise). */
  readonly tolerances: ReadonlyMap<string, Tolerance>;
  /** The engine's value of an ask (null for a formula ask). */
  expected(ask: Ask): AskValue | null;
  /** The ask's value under each misconception variant where it differs from the right one. */
  mistaken(ask: Ask): readonly MistakenValue[];
  /** The ask's value with intermediates rounded by `policy` (the ask's own value left as computed). */
  rounded(ask: Ask, policy: RoundingPolicy): AskValue | null;
  /** The ask's value computed from the student's own values for other cells (the rest rounded by `policy`, if given). */
  chained(ask: Ask, substitutions: readonly Substitution[], policy?: RoundingPolicy | null): AskValue | null;
  /** A graph's x_k or f(x_k) from the student's own iterates, the others rounded by `policy` (if given). */
  graphChained(ask: Ask, substitutions: readonly StepSubstitution[], policy?: RoundingPolicy | null): AskValue | null;
}

/** The misconception whose value is the right gradient negated. */
const NEGATION: Misconception | undefined = MISCONCEPTIONS.find((m) => m.negatesGradient === true);

/** Solutions recomputed from students' own values kept per exercise (oldest dropped first). */
const CHAINED_CACHE_SIZE = 500;

export interface ContextOptions {
  readonly tolerances?: ReadonlyMap<string, Tolerance>;
}

/** Asked quantities that need the learning rate. */
const UPDATE_QUANTITIES: ReadonlySet<string> = new Set([
  'weights_after',
  'bias_after',
  'loss_after',
  'loss_improvement',
  'velocity_after',
  'velocity_bias_after',
]);

export function gradingContext(exercise: Exercise, options: ContextOptions = {}): GradingContext {
  const network = exercise.network;
  const spec = network !== null && !isGraphFile(network) ? networkSpecOf(network) : null;
  const graph =
    network !== null && isGraphFile(network)
      ? solveGraph(graphFromSource({ file: '<exercise>', data: network, lineOf: () => null }))
      : null;
  const given = spec ? givenOutputsOf(exercise.given, spec) : new Map<number, Matrix>();
  const solution = spec ? solve(spec, { givenOutputs: given }) : null;

  // A mistake with the learning rate can be made only where the exercise gives one: it asks for an
  // update, or its prompt states η.
  const givesLearningRate =
    exercise.asks.some((ask) => UPDATE_QUANTITIES.has(ask.quantity)) || exercise.prompt.includes('η');
  const couldMake = (m: Misconception) => m.applies(spec!) && (!m.usesLearningRate || givesLearningRate);

  let mistakeSolutions: { mistake: Mistake; solution: Solution }[] | null = null;
  const mistakenCache = new Map<string, MistakenValue[]>();
  const roundedCache = new Map<string, Solution>();
  const expectedCache = new Map<string, AskValue | null>();
  const chainedCache = new Map<string, Solution>();
  const graphMistakes = new Map<string, GraphSolution | null>();
  const graphChainedCache = new Map<string, GraphSolution | null>();

  // The mistake matters where a value is recomputed from the network (dx of layer 0, grad_input).
  const valueIn = (s: Solution, ask: NetworkAsk, mistake?: Mistake): AskValue | null => {
    try {
      return askValue(spec!, s, given, ask, mistake);
    } catch {
      return null;
    }
  };

  const expected = (ask: Ask): AskValue | null => {
    if (expectedCache.has(ask.id)) return expectedCache.get(ask.id)!;
    let v: AskValue | null = null;
    if (isSymbolicAsk(ask)) v = null;
    else if (isGraphAsk(ask)) v = graph ? graphValue(graph, ask) : null;
    else if (spec && solution) v = valueIn(solution, ask);
    expectedCache.set(ask.id, v);
    return v;
  };

  const mistaken = (ask: Ask): readonly MistakenValue[] => {
    const cached = mistakenCache.get(ask.id);
    if (cached) return cached;
    const right = expected(ask);
    const out: MistakenValue[] = [];
    if (right === null || isSymbolicAsk(ask)) {
      // nothing to recompute
    } else if (isGraphAsk(ask)) {
      // A graph has no engine mistakes; a negated gradient is still one.
      if (ask.quantity === 'gradients' && NEGATION) out.push({ mistake: { id: NEGATION.id }, value: negated(right) });
      // A step taken by a wrong rule (uphill, without η, along f instead of f′), every step alike.
      if (isGraphStepAsk(ask) && graph) {
        for (const m of MISCONCEPTIONS) {
          if (!m.graphRule) continue;
          let s = graphMistakes.get(m.id);
          if (s === undefined) {
            s = graphSolvedOrNull(() => solveGraph(graph.spec, { rule: m.graphRule }));
            graphMistakes.set(m.id, s);
          }
          const v = s && graphStepValue(s, ask);
          if (v && !sameAskValue(v, right)) out.push({ mistake: { id: m.id }, value: v });
        }
      }
    } else if (spec) {
      // A variant that provably changes nothing here (no cell at the kink, no stated output) is not solved.
      const inert = (m: Misconception, mistake: Mistake) =>
        m.inert !== undefined &&
        solution !== null &&
        (mistake.layer === undefined ? spec.layers.map((_, l) => l) : [mistake.layer]).every((l) =>
          m.inert!(spec, l, solution.layers, mistake.variant),
        );
      mistakeSolutions ??= MISCONCEPTIONS.filter(couldMake).flatMap((m) =>
        m
          .variants(spec)
          .filter((mistake) => !inert(m, mistake))
          .map((mistake) => ({
            mistake,
            solution: solve(spec, { givenOutputs: given, rules: mistakeRules(mistake, spec, correctRules) }),
          })),
      );
      for (const { mistake, solution: s } of mistakeSolutions) {
        const jacobian = ask.quantity === 'softmax_jacobian' ? misconception(mistake.id).softmaxJacobian : undefined;
        const v = jacobian ? jacobianAs(jacobian, right, ask, mistake.variant) : valueIn(s, ask, mistake);
        if (v !== null && !sameAskValue(v, right)) out.push({ mistake, value: v });
      }
      if (ask.quantity === 'grad_input' && NEGATION && !out.some((m) => m.mistake.id === NEGATION.id)) {
        out.push({ mistake: { id: NEGATION.id }, value: negated(right) });
      }
    }
    mistakenCache.set(ask.id, out);
    return out;
  };

  // The ask's value under each policy object (policies are cached per ask and precision, so this is a lookup).
  const roundedValues = new Map<string, WeakMap<RoundingPolicy, AskValue | null>>();
  const rounded = (ask: Ask, policy: RoundingPolicy): AskValue | null => {
    let byPolicy = roundedValues.get(ask.id);
    if (!byPolicy) roundedValues.set(ask.id, (byPolicy = new WeakMap()));
    if (byPolicy.has(policy)) return byPolicy.get(policy)!;
    const v = roundedValue(ask, policy);
    byPolicy.set(policy, v);
    return v;
  };
  const roundedValue = (ask: Ask, policy: RoundingPolicy): AskValue | null => {
    if (isGraphStepAsk(ask)) return graphChained(ask, [], policy);
    if (!spec || isGraphAsk(ask) || isSymbolicAsk(ask)) return null;
    const own = placeOf(ask);
    const key = `${policyKey(policy)}@${own ? `${own.quantity}/${own.layer}` : ''}`;
    let s = roundedCache.get(key);
    if (!s) {
      s =
        solvedOrNull(() => solve(spec, { givenOutputs: given, intermediate: roundingHook(policy, own) })) ?? undefined;
      if (!s) return null;
      roundedCache.set(key, s);
    }
    return valueIn(s, ask);
  };

  const chained = (
    ask: Ask,
    substitutions: readonly Substitution[],
    policy: RoundingPolicy | null = null,
  ): AskValue | null => {
    if (!spec || isGraphAsk(ask) || isSymbolicAsk(ask) || substitutions.length === 0) return null;
    const own = policy ? placeOf(ask) : null;
    // Students of one class often make the same slip: solutions are cached by the values substituted.
    const subsKey = substitutions
      .map(
        (s) =>
          `${s.quantity}/${s.layer}/${s.row},${s.column}=${s.value.kind === 'rational' ? s.value.q.toFraction() : approx(s.value).toString()}`,
      )
      .sort()
      .join(';');
    const key = policy ? `${subsKey}|${policyKey(policy)}@${own ? `${own.quantity}/${own.layer}` : ''}` : subsKey;
    let s = chainedCache.get(key);
    if (!s) {
      s =
        solvedOrNull(() =>
          solve(spec, {
            givenOutputs: given,
            intermediate: substitutionHook(substitutions, undefined, policy ? roundingHook(policy, own) : undefined),
          }),
        ) ?? undefined;
      if (!s) return null;
      if (chainedCache.size >= CHAINED_CACHE_SIZE) chainedCache.delete(chainedCache.keys().next().value!);
      chainedCache.set(key, s);
    }
    return valueIn(s, ask);
  };

  const graphChained = (
    ask: Ask,
    substitutions: readonly StepSubstitution[],
    policy: RoundingPolicy | null = null,
  ): AskValue | null => {
    if (!graph || !isGraphStepAsk(ask)) return null;
    const subsKey = substitutions
      .map(
        (s) =>
          `${s.step}/${s.input}=${s.value.kind === 'rational' ? s.value.q.toFraction() : approx(s.value).toString()}`,
      )
      .sort()
      .join(';');
    const own = ask.quantity === 'input_after' ? `${ask.step}/${ask.node}` : '';
    const key = `${subsKey}|${policy ? policyKey(policy) : '-'}@${own}`;
    let s = graphChainedCache.get(key);
    if (s === undefined) {
      s = graphSolvedOrNull(() => solveGraph(graph.spec, { afterStep: stepHook(ask, substitutions, policy) }));
      if (graphChainedCache.size >= CHAINED_CACHE_SIZE)
        graphChainedCache.delete(graphChainedCache.keys().next().value!);
      graphChainedCache.set(key, s);
    }
    return s && graphStepValue(s, ask);
  };

  return {
    exercise,
    spec,
    given,
    solution,
    graph,
    graphChained,
    tolerances: options.tolerances ?? new Map(),
    expected,
    mistaken,
    rounded,
    chained,
  };
}

function graphValue(graph: GraphSolution, ask: Ask): Value | null {
  if (isGraphStepAsk(ask)) return graphStepValue(graph, ask);
  if (ask.quantity === 'value') return graph.value;
  if (ask.quantity === 'gradients') return graph.gradients.get(ask.node) ?? null;
  if (ask.quantity === 'nodes') return graph.values.get(ask.node) ?? null;
  return null;
}

/** The asked softmax Jacobian (or its cell [s, i, k]) as a student with a misconception writes it. */
function jacobianAs(
  cell: NonNullable<Misconception['softmaxJacobian']>,
  right: AskValue,
  ask: NetworkAsk,
  variant: number | undefined,
): AskValue | null {
  const index = ask.index ?? [];
  if (index.length === 3) return cell(right as Value, index[1], index[2], variant);
  if (!Array.isArray(right)) return null;
  return (right as Matrix).map((row, i) => row.map((v, k) => cell(v, i, k, variant)));
}

function negated(v: AskValue): AskValue {
  if (!Array.isArray(v)) return neg(v as Value);
  return (v as readonly AskValue[]).map(negated) as AskValue;
}

export function sameAskValue(a: AskValue, b: AskValue): boolean {
  if (!Array.isArray(a) || !Array.isArray(b))
    return !Array.isArray(a) && !Array.isArray(b) && sameValue(a as Value, b as Value);
  return (
    a.length === b.length && (a as readonly AskValue[]).every((x, i) => sameAskValue(x, (b as readonly AskValue[])[i]))
  );
}

/** A graph stepped from a student's values or by a wrong rule, or null where it leaves an op's domain. */
function graphSolvedOrNull(run: () => GraphSolution): GraphSolution | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof NodeDomainError || error instanceof StepDomainError || error instanceof RangeError)
      return null;
    throw error;
  }
}

/**
 * A solve with a student's rounded or substituted values, or null when they leave the functions'
 * domain: a sigmoid output rounded to 1 makes ln(1 − y) of binary cross-entropy undefined.
 */
export function solvedOrNull(run: () => Solution): Solution | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
