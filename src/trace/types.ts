// The step trace of a solved network: plain, readonly data, built once from a Solution. Renderers only
// format it (src/trace/document.ts turns it into words in a language; src/render/* into files).
import type { Quantity as EngineQuantity } from '../engine/solve';
import type { Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import type { Relation } from './numbers';
import type { OptimizerQuantity } from '../concepts/optimizer';

/**
 * What a step computes. Keys of the `solve --format json` layer objects where one exists (so an
 * exercise's ask {quantity, layer, index} finds its step), plus the intermediate quantities of the
 * chain rule and of the forward pass after the update.
 */
export type Quantity = EngineQuantity | 'sample_loss' | 'sample_loss_after' | 'loss_improvement' | OptimizerQuantity;

/** The state of momentum (velocity) and Adam (moments, bias-corrected moments) after a step. */
export type { OptimizerQuantity };

/** scalar: one number, per-element chain rule; matrix: a whole matrix at once (rows = samples in x-w). */
export type Form = 'scalar' | 'matrix';
export type FormOption = Form | 'both';

interface StepBase {
  /** Unique in the trace, e.g. "grad_weights/1/0,1" or "m:delta/0". */
  readonly id: string;
  readonly quantity: Quantity;
  readonly form: Form;
  /** 0-based layer index as in the engine and the JSON output; null for the loss. */
  readonly layer: number | null;
  /** LaTeX, symbolic, in the notation of docs/notation.md. */
  readonly formula: string;
  /** LaTeX with the numbers substituted; null when it would only repeat the result. */
  readonly substituted: string | null;
  /** Relation between the substituted form and the result: "≈" when an operand is rounded. */
  readonly substitutedApproximate: boolean;
  /** LaTeX of a condition under which the formula applies, e.g. a^{(1)}_1 = -0.3 \le 0. */
  readonly condition: string | null;
  /** Why the step looks as it does, for the renderer to put in words. */
  readonly note: StepNote | null;
  /** The result as typeset after the substituted form (or the formula). */
  readonly resultRelation: Relation;
  readonly resultLatex: string;
}

export interface ScalarStep extends StepBase {
  readonly shape: 'scalar';
  /**
   * The cell as `solve --format json` addresses it: [sample, unit] for activations and deltas,
   * [row, column] of the file's weight matrix, [unit] for biases, [] for the loss and alpha, [sample]
   * for a sample's loss.
   */
  readonly index: readonly number[];
  /** The engine's value, never recomputed by a renderer. */
  readonly result: Value;
}

export interface MatrixStep extends StepBase {
  readonly shape: 'matrix';
  readonly index: readonly [];
  /** The engine's matrix as displayed: transposed (units × samples) in the w-x layout's column form. */
  readonly result: Matrix;
  /** Whether `result` is the transpose of the engine's matrix. */
  readonly transposed: boolean;
}

export type Step = ScalarStep | MatrixStep;

/** Explanations a renderer turns into words (see src/i18n). */
export type StepNote =
  | { readonly kind: 'given' }
  | { readonly kind: 'softmax-cross-entropy' }
  | { readonly kind: 'sigmoid-binary-cross-entropy' }
  | { readonly kind: 'relu-convention'; readonly gradAtZero: 0 | 1 }
  | { readonly kind: 'weights-before-update' }
  | { readonly kind: 'elementwise' }
  | { readonly kind: 'broadcast-bias' }
  | { readonly kind: 'shared-bias' }
  | { readonly kind: 'l2-weights-only' }
  | { readonly kind: 'softmax-rows'; readonly columns: boolean }
  | { readonly kind: 'softmax-jacobian' }
  | { readonly kind: 'derivative-by-sign'; readonly name: string };

export type SectionKind = 'forward' | 'loss' | 'backward' | 'update' | 'after';

export interface TraceSection {
  readonly kind: SectionKind;
  /** Which form the section's steps use (the loss section is shared by both). */
  readonly form: Form;
  readonly steps: readonly Step[];
}

export interface Trace {
  readonly form: FormOption;
  readonly sections: readonly TraceSection[];
}
