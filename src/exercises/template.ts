// What a template is: a seeded generator of candidate variants (drafts) of one kind of exercise.
// The generator (generate.ts) solves each draft with the engine and keeps the first that passes the
// hand-friendliness and non-degeneracy checks.
import type { Solution } from '../engine/solve';
import type { NetworkSpec } from '../concepts/network';
import type { GivenOutputs } from './given';
import type { NetDraft } from './network-file';
import type { Friendliness } from './numbers';
import type { Rng } from './prng';
import type { AskValue } from './quantities';
import type { Text } from './text';
import type { Difficulty, GraphAsk, GraphFile, Lang, NetworkAsk, SymbolicAsk } from './types';

export interface NetworkContext {
  readonly spec: NetworkSpec;
  readonly given: GivenOutputs;
  readonly solution: Solution;
  readonly values: readonly AskValue[];
}

export interface NetworkDraft {
  readonly kind: 'network';
  readonly net: NetDraft;
  readonly asks: readonly NetworkAsk[];
  /**
   * Other cells to ask instead, by ask id, in the order to try them: when an ask's own cell is unusable
   * (0, a zero gradient, not hand-friendly, equal to another asked cell), the first usable alternative
   * replaces it — so a dead ReLU unit need not cost a whole new draw. Drawn by the template's rng, so
   * the choice stays deterministic.
   */
  readonly alternatives?: Readonly<Record<string, readonly NetworkAsk[]>>;
  /** Template-specific opening sentence. */
  readonly intro?: Text;
  /** Replaces the generic description of the network (an Affine layer, a function at a point). */
  readonly statement?: (ctx: NetworkContext, lang: Lang) => string[];
  /** Replaces the generic label of an ask. */
  readonly label?: (ctx: NetworkContext, ask: NetworkAsk, lang: Lang) => string | undefined;
  /** Layers whose outputs are stated (rounded); default: every sigmoid, tanh and softmax layer. */
  readonly giveOutputs?: readonly number[];
  /** Zero is a legitimate answer here (e.g. ReLU′ at a negative point). */
  readonly allowZero?: boolean;
  /** Equal asked cells are legitimate here (e.g. the derivative at several points). */
  readonly allowEqual?: boolean;
  readonly friendliness?: Friendliness;
  /** An extra acceptance test on the solved variant. */
  readonly accept?: (ctx: NetworkContext) => boolean;
}

export interface GraphDraft {
  readonly kind: 'graph';
  readonly file: GraphFile;
  readonly asks: readonly GraphAsk[];
  readonly intro: Text;
  /** Human names of the graph's nodes and inputs, e.g. apple_num → "number of apples". */
  readonly names?: Readonly<Record<string, Text>>;
  readonly friendliness?: Friendliness;
  /** Replaces "Find (give exact values …):" where the values are to be rounded. */
  readonly findLine?: Text;
  /**
   * The asked values are answered rounded (the findLine says how): they need not be short decimals,
   * only of a moderate size (|v| ≤ 1000 and at least 0.01).
   */
  readonly roundedAnswers?: boolean;
}

export interface SymbolicDraft {
  readonly kind: 'symbolic';
  readonly asks: readonly SymbolicAsk[];
  /** The full statement. */
  readonly prompt: Text;
  /** The model answers typeset, by ask id. */
  readonly latex: Readonly<Record<string, string>>;
  /** Per ask id: [formula hint, worked hint]. */
  readonly hints: Readonly<Record<string, readonly [Text, Text]>>;
}

export type Draft = NetworkDraft | GraphDraft | SymbolicDraft;

export interface Template {
  /** kebab-case name used by --template. */
  readonly name: string;
  readonly kind: 'network' | 'graph' | 'symbolic';
  /** One line for --list. */
  readonly description: Text;
  /** Which seed document and topic it practises. */
  readonly topic: Text;
  /** A candidate variant; null when this draw is unusable (the search draws again). */
  draft(rng: Rng, difficulty: Difficulty): Draft | null;
}
