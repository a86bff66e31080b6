// What an activation function h is, in one place: its value and derivative (exact), how it is named
// and written, and the topic that derives it. One file per activation implements this.
import type { Term } from '../../math/term';
import type { Value } from '../../number/value';
import type { Vector } from '../../number/vector';
import type { Text } from '../../text/lang';
import type { Conventions } from '../conventions';

/** Targets that suit the activation's range when an exercise draws them. */
export type TargetRange = 'one-hot' | 'unit' | 'signed-unit' | 'non-negative' | 'any';

export interface Activation<N extends string = string> {
  readonly name: N;
  /** h(a) for one element; alpha is the slope for a < 0 (leaky-relu, prelu), null otherwise. */
  value(a: Value, alpha: Value | null): Value;
  /**
   * h′(a) from the pre-activation a and the output y = h(a) (σ′ = y(1 − y) and tanh′ = 1 − y² use y
   * as students do by hand). At a kink the convention decides.
   */
  derivative(a: Value, y: Value, alpha: Value | null, conventions: Conventions): Value;
  /**
   * The points where h′ jumps, in increasing order: [0] for ReLU, [0, 6] for ReLU6, none for a smooth h.
   * At 0 a convention fixes h′; at a later kink h′ takes the value beyond it (ReLU6′(6) = 0).
   */
  readonly kinks: readonly Value[];
  /** h depends on the slope α (leaky-relu, prelu). */
  readonly slope: boolean;
  /** The slope α is a parameter the network learns (prelu), not a fixed constant. */
  readonly learnsSlope: boolean;
  /** α when the file gives none: 1/100 for Leaky ReLU, 1/4 for PReLU; null without a slope. */
  readonly defaultSlope: Value | null;
  readonly names: {
    /** In a sentence: "sigmoid σ" / "シグモイド関数 σ". */
    readonly described: Text;
    /** In the worked document's headings: "sigmoid" / "シグモイド関数". */
    readonly document: Text;
    /** The function symbol in plain text (σ, tanh, ReLU) and in LaTeX (\sigma, \tanh, \mathrm{ReLU}). */
    readonly text: string;
    readonly latex: string;
  };
  /**
   * How a worked step writes z = h(a): by the function's name (tanh(a)), by its definition
   * (max(0, a), or the case that applies), or both (σ(a) = 1/(1 + e^{−a})).
   */
  readonly stepForm: 'name' | 'definition' | 'name-and-definition';
  /** h(a) = … with the variable a (cases for a piecewise h). */
  readonly formula: Term;
  /**
   * h′(a) = … in terms of a and the output y (for softmax ∂y_i/∂a_k); at a kink, under the default
   * convention (the left derivative at a = 0).
   */
  readonly derivativeFormula: Term;
  /** The derivative rule in plain text, as the hints print it: "σ′(a) = y(1 − y)". */
  readonly derivativeText: string;
  /**
   * h′ with the output y (already written as an operand) substituted, as a hint writes it by hand:
   * "0.5 × (1 − 0.5)". Absent where h′ is read off a condition on a instead (the ReLU family, softmax).
   */
  readonly derivativeAt?: (y: string) => string;
  /** The definition as an exercise states it; `alpha` already written as text. */
  definitionText(alpha: string, lang: 'en' | 'ja'): string;
  /** The `explain` topic that derives h′, or null (identity). */
  readonly topic: string | null;
  readonly targets: TargetRange;
}

/** Softmax works on a whole row: its value is a vector and its derivative a Jacobian. */
export interface RowActivation<N extends string = string> extends Activation<N> {
  /** softmax(a)_k for a whole row. */
  row(a: Vector): Value[];
  /** ∂y_i/∂a_k from the outputs y. */
  jacobian(y: Vector, i: number, k: number): Value;
  /** δ = J^T g for an upstream gradient g = ∂L/∂y. */
  backward(y: Vector, g: Vector): Value[];
}
