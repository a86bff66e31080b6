// Solving a draft with the engine and deciding whether to keep it. A variant is a draft together
// with the engine's results; nothing here computes an answer by itself.
import { solve, type Solution } from '../engine/solve';
import { graphFromSource } from '../graph/load';
import { solveGraph, type GraphSolution } from '../graph/solve';
import { approx, compare, isZero, type Value } from '../number/value';
import { askProblem, equalityGroup, rejection } from './checks';
import { deriveGivenOutputs, type GivenOutputs } from './given';
import { networkSpecOf, toNetworkFile } from './network-file';
import { isHandFriendly } from './numbers';
import { askValue, type AskValue } from './quantities';
import type { Draft, GraphDraft, NetworkContext, NetworkDraft, SymbolicDraft } from './template';
import type { NetworkSpec } from '../concepts/network';
import type { GraphAsk, GraphFile, GraphStepAsk, NetworkAsk, NetworkFile } from './types';
import { hiddenMistake } from './visible-mistakes';
import { LIMITS } from '../number/limits';

export interface NetworkVariant {
  readonly kind: 'network';
  readonly draft: NetworkDraft;
  readonly file: NetworkFile;
  readonly ctx: NetworkContext;
}

export interface GraphVariant {
  readonly kind: 'graph';
  readonly draft: GraphDraft;
  readonly solution: GraphSolution;
  readonly values: readonly Value[];
}

export interface SymbolicVariant {
  readonly kind: 'symbolic';
  readonly draft: SymbolicDraft;
}

export type Variant = NetworkVariant | GraphVariant | SymbolicVariant;

const STATED: readonly string[] = ['sigmoid', 'tanh', 'softmax'];

/** Solves a network draft: the network file, the stated outputs, the engine's solution and asked values. */
export function solveNetworkDraft(
  original: NetworkDraft,
  maxFigures?: number,
): { variant: NetworkVariant } | { rejected: string } {
  let draft = original;
  const file = toNetworkFile(draft.net);
  const spec = networkSpecOf(file);
  const layers = draft.giveOutputs ?? spec.layers.flatMap((layer, l) => (STATED.includes(layer.activation) ? [l] : []));
  const given: GivenOutputs | null = deriveGivenOutputs(spec, layers);
  if (!given) return { rejected: 'a stated output rounds to a saturated value' };
  const solution = solve(spec, { givenOutputs: given });
  if (draft.alternatives) {
    const { alternatives: _, ...rest } = draft;
    draft = { ...rest, asks: chooseAsks(draft, spec, solution, given, maxFigures) };
  }
  const values = draft.asks.map((ask) => askValue(spec, solution, given, ask));
  const ctx: NetworkContext = { spec, given, solution, values };
  const why = rejection(spec, solution, given, draft.asks, values, { ...draft, maxFigures });
  if (why) return { rejected: why };
  if (draft.accept && !draft.accept(ctx)) return { rejected: 'template-specific check failed' };
  // Last, being the costliest (a few solves per misconception variant).
  const hidden = hiddenMistake(spec, given, solution, draft.asks, values);
  if (hidden) return { rejected: hidden };
  return { variant: { kind: 'network', draft, file, ctx } };
}

/**
 * Each ask, or the first of its alternatives that is usable on its own (askProblem) and differs from
 * the single cells already chosen of the same quantity; the ask itself when none is (the full checks
 * then reject the draft).
 */
function chooseAsks(
  draft: NetworkDraft,
  spec: NetworkSpec,
  solution: Solution,
  given: GivenOutputs,
  maxFigures: number | undefined,
): NetworkAsk[] {
  const chosen: { ask: NetworkAsk; value: AskValue }[] = [];
  for (const ask of draft.asks) {
    const options = [ask, ...(draft.alternatives?.[ask.id] ?? []).map((alt) => ({ ...alt, id: ask.id }))];
    const usable = options
      .map((option) => ({ ask: option, value: askValue(spec, solution, given, option) }))
      .find(({ ask: option, value }) => {
        if (askProblem(spec, solution, given, option, value, { ...draft, maxFigures })) return false;
        if (draft.allowEqual || Array.isArray(value)) return true;
        const group = equalityGroup(option);
        return !chosen.some(
          (c) =>
            equalityGroup(c.ask) === group &&
            !Array.isArray(c.value) &&
            compare(c.value as Value, value as Value) === 0,
        );
      });
    chosen.push(usable ?? { ask, value: askValue(spec, solution, given, ask) });
  }
  return chosen.map((c) => c.ask);
}

export function graphAskValue(solution: GraphSolution, ask: GraphAsk): Value {
  if (ask.quantity === 'value') return solution.value;
  if (ask.quantity === 'input_after' || ask.quantity === 'value_after') {
    const v = graphStepValue(solution, ask);
    if (v === null)
      throw new RangeError(
        `ask ${ask.id}: the graph has no step ${ask.step} moving "${'node' in ask ? ask.node : ''}"`,
      );
    return v;
  }
  const table = ask.quantity === 'gradients' ? solution.gradients : solution.values;
  const v = table.get(ask.node);
  if (v === undefined) throw new RangeError(`ask ${ask.id}: the graph has no node or input "${ask.node}"`);
  return v;
}

/** x_k or f(x_k) of an ask after step k; null when the graph takes no such step or has no such input. */
export function graphStepValue(solution: GraphSolution, ask: GraphStepAsk): Value | null {
  const record = Number.isInteger(ask.step) && ask.step >= 1 ? solution.history[ask.step - 1] : undefined;
  if (!record) return null;
  return ask.quantity === 'value_after' ? record.value : (record.inputs.get(ask.node) ?? null);
}

const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;

export function solveGraphFile(file: GraphFile): GraphSolution {
  return solveGraph(graphFromSource({ file: '<exercise graph>', data: file, lineOf: () => null }));
}

export function solveGraphDraft(
  draft: GraphDraft,
  maxFigures?: number,
): { variant: GraphVariant } | { rejected: string } {
  const solution = solveGraphFile(draft.file);
  const values = draft.asks.map((ask) => graphAskValue(solution, ask));
  const friendly = draft.roundedAnswers
    ? (v: Value) => approx(v).abs().lte(1000) && approx(v).abs().gte(0.01)
    : (v: Value) => isHandFriendly(v, { ...draft.friendliness, maxFigures });
  if (!values.every(friendly)) return { rejected: 'asked value not hand-friendly' };
  // The exercise file states every key exactly: each side of the fraction within a literal's digits.
  if (
    values.some(
      (v) => v.kind === 'rational' && (digits(v.q.n) > LIMITS.literalDigits || digits(v.q.d) > LIMITS.literalDigits),
    )
  )
    return { rejected: 'asked value has more digits than an exercise file may state' };
  if (values.some(isZero)) return { rejected: 'asked value is 0' };
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++)
      if (compare(values[i], values[j]) === 0) return { rejected: 'two asked values are equal' };
  }
  const all = [...solution.values.values(), ...solution.gradients.values()];
  if (!all.every((v) => isHandFriendly(v, draft.friendliness)))
    return { rejected: 'intermediate value not hand-friendly' };
  return { variant: { kind: 'graph', draft, solution, values } };
}

/** Solves a draft; `maxFigures` bounds the significant figures of every given and asked number. */
export function solveDraft(draft: Draft, maxFigures?: number): { variant: Variant } | { rejected: string } {
  switch (draft.kind) {
    case 'network':
      return solveNetworkDraft(draft, maxFigures);
    case 'graph':
      return solveGraphDraft(draft, maxFigures);
    case 'symbolic':
      return { variant: { kind: 'symbolic', draft } };
  }
}
