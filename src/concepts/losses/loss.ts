// What a loss function is, in one place: its value and gradient for one sample (exact), and every
// way the tool writes it. One file per loss implements this. The batch factor (1/N for a mean) is
// applied by the caller, so these are the formulas for one sample exactly as the seeds write them.
import type { Term } from '../../math/term';
import type { Value } from '../../number/value';
import type { Vector } from '../../number/vector';
import type { Text } from '../../text/lang';

/** A number as a hint writes it: plain, and as an operand (negative numbers bracketed). */
export interface Shown {
  readonly plain: string;
  readonly operand: string;
}

export interface Loss<N extends string = string> {
  readonly name: N;
  /** L for one sample. */
  sampleLoss(y: Vector, t: Vector): Value;
  /**
   * The term of each output unit in L for one sample (Mazur's E₁, E₂): they add up to sampleLoss,
   * so mse's terms carry its 1/m.
   */
  unitLosses(y: Vector, t: Vector): Value[];
  /** ∂L/∂y_k for one sample. */
  gradient(y: Vector, t: Vector): Value[];
  /**
   * The constant k in ∂L/∂y_k = k·(y_k − t_k) (squared errors) or −k·t_k/y_k (cross-entropy) for
   * `outputs` outputs: half-sse 1, sse 2, mse 2/m, cross-entropy 1.
   */
  gradientFactor(outputs: number): Value;
  readonly names: {
    /** In the worked document: "sum of squared errors with 1/2". */
    readonly document: Text;
  };
  /** L = … for one sample, with the outputs y_k and targets t_k. */
  readonly formula: Term;
  /** L for one sample in LaTeX, given the left-hand side and the output and target symbols. */
  latex(lhs: string, z: string, t: string): string;
  /** L in plain text, short: "L = ½·Σ(y − t)²". */
  readonly text: string;
  /** L in plain text without the product dot, as feedback writes it: "L = ½Σ(y − t)²". */
  readonly compactText: string;
  /** ∂L/∂y as a vector in plain text: "y − t", "2(y − t)", "(2/n)(y − t)", "−t/y". */
  readonly gradientVectorText: string;
  /** The loss in a sentence with its formula, for an exercise with `outputs` outputs. */
  described(outputs: number): Text;
  /** ∂L/∂y_j in plain text for `outputs` outputs: "∂L/∂y_j = y_j − t_j". */
  gradientText(outputs: number): string;
  /** ∂L/∂y for one output with its numbers substituted: "(0.5 − 1)", "−1 / 0.3". */
  gradientAt(y: Shown, t: Shown, outputs: number): string;
  /** L for one sample with its numbers substituted; `zero[k]` marks a target that is exactly 0. */
  sampleAt(y: readonly Shown[], t: readonly Shown[], zero: readonly boolean[]): string;
  /** The `explain` topic that derives ∂L/∂y, or null. */
  readonly topic: string | null;
}
