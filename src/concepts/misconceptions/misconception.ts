// What a misconception is: a named "buggy rule" a student applies. It says in words what the mistake
// is, which asked quantities it typically shows in, the step that shows the right way, in which
// networks and variants it can be made, and — as an override of the correct rules
// (src/concepts/rules.ts) — how to compute what a student who makes it gets.
import type { NetworkSpec } from '../network';
import type { Value } from '../../number/value';
import type { Matrix } from '../../number/vector';
import type { Text } from '../../text/lang';
import type { Rules } from '../rules';

/** One way of making a misconception: in every layer or in one layer, and which variant of it. */
export interface Mistake<Id extends string = string> {
  readonly id: Id;
  /** Make a layer-local mistake in this layer only (default: in every layer). */
  readonly layer?: number;
  /** For a mistake that can be made in more than one way: which one (see the misconception). */
  readonly variant?: number;
}

/** The step of the worked solution that shows the right way, and its formula. */
export interface RightStep {
  /** A trace step / solve JSON quantity. */
  readonly quantity: string;
  readonly formula: Text;
  /**
   * Where the step is: in the mistake's layer (else the asked one, else the output layer; the default),
   * in the output layer, in the layer below the mistake's (the delta passed back into it), or at a cell
   * with a = 0 in a layer the mistake is made in.
   */
  readonly at?: 'layer' | 'output' | 'below' | 'kink';
  /** The formula in the exercise's own terms (its loss, its layout), when there is a network. */
  readonly formulaFor?: (network: NetworkSpec) => Text;
  /** Asked quantities that are shown their own step instead (an asked m̂ its m̂ step, not the update's). */
  readonly ownStepIn?: readonly string[];
}

/**
 * Which asked values a mistake can change (a cheap over-approximation that only saves solving):
 * every gradient and update, by a constant factor ≠ 1 on ∂L/∂y; only the listed quantities of its own
 * layer (one step); the layers below its own (the delta passed back); its own layer and those below.
 */
export type Reach =
  | { readonly kind: 'scale' }
  | { readonly kind: 'step'; readonly quantities: readonly string[] }
  | { readonly kind: 'pass-back' }
  | { readonly kind: 'backward' };

/** The values of one layer of a correct solution that tell whether a mistake there can show. */
export interface LayerValues {
  readonly preactivation: Matrix;
  readonly output: Matrix;
  readonly activationDerivative: Matrix | null;
}

export interface Misconception<Id extends string = string> {
  readonly id: Id;
  /** What the mistake is, in one sentence. */
  readonly words: Text;
  /** Quantities in which this mistake is the first explanation to offer (diagnosis order). */
  readonly targets: readonly string[];
  /** The step that shows the right way. */
  readonly step: RightStep;
  /** Whether the mistake can change anything in this network (saves solving when it cannot). */
  /** The mistake involves the learning rate: a student can make it only where the exercise gives one. */
  readonly usesLearningRate?: boolean;
  readonly applies: (network: NetworkSpec) => boolean;
  /** The variants to recompute. */
  readonly variants: (network: NetworkSpec) => readonly Mistake<Id>[];
  /** Made in one layer at a time as well as in all layers. */
  readonly layerLocal: boolean;
  /** The layers it can be made in (default: every layer). */
  readonly madeIn?: (network: NetworkSpec) => readonly number[];
  readonly reach: Reach;
  /** A variant that differs from the rest in its right-way step or its reach. */
  readonly perVariant?: Readonly<Record<number, { readonly step?: RightStep; readonly reach?: Reach }>>;
  /** Made in layer l, it provably changes nothing (there is nothing to solve). */
  readonly inert?: (
    network: NetworkSpec,
    l: number,
    layers: readonly LayerValues[],
    variant: number | undefined,
  ) => boolean;
  /**
   * The override of the correct rules `right` that computes what a student making the mistake gets
   * (in every layer: a mistake's layer is applied by mistakeRules in ./index.ts).
   */
  readonly rules: (mistake: { readonly variant?: number }, network: NetworkSpec, right: Rules) => Partial<Rules>;
  /** Its value is the right gradient negated (so it is recognised in a graph's gradients and in ∂L/∂X). */
  readonly negatesGradient?: boolean;
  /** The words for a computational graph, where the catalogue's words do not apply. */
  readonly graphWords?: Text;
  /**
   * How a student making the mistake moves an input in a gradient step on a graph: from x, η, the
   * gradient ∂f/∂x and the output f at the point, and whether the step climbs (ascent). Absent: the
   * mistake does not show in a graph's steps.
   */
  readonly graphRule?: (x: Value, eta: Value, gradient: Value, value: Value, ascent: boolean) => Value;
  /** A cell [i][k] of the softmax Jacobian as the student writes it, from the right one (and the mistake's variant). */
  readonly softmaxJacobian?: (right: Value, i: number, k: number, variant: number | undefined) => Value;
  /** Quantities in which an answer that is the right matrix transposed is this mistake. */
  readonly transposedIn?: readonly string[];
  /** Words that fit this network better than `words` (made in `layer`, or in every layer), or null. */
  readonly wordsFor?: (network: NetworkSpec, layer: number | undefined) => Text | null;
  /** A note on the network's convention, added to the feedback. */
  readonly conventionNote?: (network: NetworkSpec) => Text;
}

export const GRADIENTS: readonly string[] = [
  'delta',
  'grad_weights',
  'grad_bias',
  'grad_alpha',
  'grad_input',
  'activation_derivative',
];
export const UPDATES: readonly string[] = ['weights_after', 'bias_after', 'loss_after', 'loss_improvement'];

export const SCALE: Reach = { kind: 'scale' };
export const BACKWARD: Reach = { kind: 'backward' };
export const PASS_BACK: Reach = { kind: 'pass-back' };

export const always = (): boolean => true;

export const everyLayer = (n: NetworkSpec): number[] => n.layers.map((_, l) => l);
/** The layers with an input from a layer below (all but the first). */
export const hiddenInputs = (n: NetworkSpec): number[] => everyLayer(n).filter((l) => l > 0);
export const layersWith =
  (test: (activation: string) => boolean) =>
  (n: NetworkSpec): number[] =>
    n.layers.flatMap((layer, l) => (test(layer.activation) ? [l] : []));

/** One variant per layer restriction: every layer, then each of `layers` alone (when the network has more than one). */
export function perLayer<Id extends string>(
  id: Id,
  layers: (n: NetworkSpec) => readonly number[] = everyLayer,
  variant?: number,
) {
  return (n: NetworkSpec): Mistake<Id>[] => {
    const base: Mistake<Id> = variant === undefined ? { id } : { id, variant };
    const own = layers(n);
    if (own.length === 0) return [];
    return [base, ...(n.layers.length > 1 ? own.map((layer) => ({ ...base, layer })) : [])];
  };
}

/** Every cell of m passes the test. */
export const allCells = (m: Matrix, test: (v: Value) => boolean): boolean => m.every((row) => row.every(test));
