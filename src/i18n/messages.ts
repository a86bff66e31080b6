// The words of the worked solutions (steps, headings, notes) and of their CLI messages, as a typed
// dictionary: every language implements the whole Messages interface, so a missing string is a type
// error. Japanese terms follow docs/glossary-ja.md (the seeds' own words).
import type { ActivationName, Layout, LossName } from '../concepts/network';
import type { OptimizerName } from '../concepts/optimizer';

import type { Lang } from '../text/lang';

export { LANGS, type Lang } from '../text/lang';

/** A place in the network for a step label; all numbers are 1-based, sample is null for a single sample. */
export interface Cell {
  readonly layer: number;
  readonly unit: number;
  readonly sample: number | null;
}

export interface WeightCell {
  readonly layer: number;
  readonly input: number;
  readonly unit: number;
}

/** velocity (momentum); m, v (Adam's moments) and their bias-corrected mHat, vHat. */
export type OptimizerStateKind = 'velocity' | 'm' | 'v' | 'mHat' | 'vHat';

export type SectionTitle =
  | 'problem'
  | 'forwardScalar'
  | 'forwardMatrix'
  | 'loss'
  | 'backwardScalar'
  | 'backwardMatrix'
  | 'updateMatrix'
  | 'after'
  | 'appendix';

export interface Messages {
  readonly lang: Lang;
  /** Document title, e.g. "Worked solution: mazur.yaml". */
  readonly title: (name: string) => string;
  /** What the document works through: how many steps, and which update rule. */
  readonly subtitle: (steps: number, optimizer: OptimizerName) => string;
  readonly section: Readonly<Record<SectionTitle, string>>;
  /** The scalar update section's title, naming the rule: "Parameter update (Adam)". */
  readonly updateTitle: (optimizer: OptimizerName) => string;
  /** Several gradient-descent steps (`steps`, `batch_size`). */
  readonly training: {
    /** "Step 2 of 3 (rows 3–4)": the heading put before each section of that step. */
    readonly step: (k: number, of: number, rows: string) => string;
    readonly history: string;
    readonly header: readonly [string, string, string, string];
  };
  readonly layerHeading: (layer: number, output: boolean, activation: string) => string;
  readonly activation: Readonly<Record<ActivationName, string>>;
  readonly lossName: Readonly<Record<LossName, string>>;
  readonly layout: Readonly<Record<Layout, string>>;
  readonly problem: {
    readonly network: (layers: number, inputs: number, outputs: number) => string;
    readonly layoutLine: string;
    readonly layer: (layer: number, output: boolean, inputs: number, units: number, activation: string) => string;
    readonly alpha: (learnable: boolean) => string;
    readonly lossLine: string;
    /** columns: the w-x layout shows X and T with one column per sample (as the matrix steps use them). */
    readonly inputLine: (samples: number, columns: boolean) => string;
    readonly targetLine: (samples: number, columns: boolean) => string;
    readonly learningRate: string;
    readonly batch: (mode: 'mean' | 'sum', samples: number) => string;
    readonly reluConvention: (gradAtZero: 0 | 1) => string;
    readonly biasesFixed: string;
    /** Layers whose one bias is shared by every unit. */
    readonly sharedBias: (layers: readonly number[]) => string;
    /** L2 regularization, with its scale "1/2" or "1/(2N)". */
    readonly regularization: (scale: '1/2' | '1/(2N)') => string;
    readonly figureCaption: (sample: number | null) => string;
    readonly figureAlt: string;
    readonly figureNoEdgeLabels: string;
  };
  readonly intro: {
    readonly forwardScalar: string;
    readonly forwardMatrix: (columns: boolean) => string;
    readonly loss: string;
    readonly backwardScalar: string;
    readonly backwardMatrix: (columns: boolean) => string;
    readonly update: string;
    /** The update with momentum or Adam instead of plain gradient descent. */
    readonly optimizer: (name: 'momentum' | 'adam', t: number) => string;
    readonly biasesFixed: string;
    readonly after: string;
    readonly conclusion: (improved: boolean) => string;
    /** The appendix of derivations (the derivatives the steps use). */
    readonly appendix: string;
  };
  readonly step: {
    readonly preactivation: (c: Cell) => string;
    readonly output: (c: Cell) => string;
    readonly sampleLoss: (sample: number) => string;
    readonly loss: (samples: number, mode: 'mean' | 'sum') => string;
    readonly gradOutputLast: (c: Cell) => string;
    readonly gradOutputHidden: (c: Cell) => string;
    readonly activationDerivative: (c: Cell) => string;
    readonly delta: (c: Cell) => string;
    readonly gradWeight: (c: WeightCell) => string;
    readonly gradBias: (layer: number, unit: number) => string;
    readonly gradAlpha: (layer: number) => string;
    readonly weightAfter: (c: WeightCell) => string;
    readonly biasAfter: (layer: number, unit: number) => string;
    /** A bias shared by every unit of the layer. */
    readonly gradSharedBias: (layer: number) => string;
    readonly sharedBiasAfter: (layer: number) => string;
    /** The L2 penalty R (before and after the update). */
    readonly regularization: string;
    readonly regularizationAfter: string;
    /** Momentum's velocity or Adam's moments of one weight (or bias, unit null when shared). */
    readonly optimizerState: (
      kind: OptimizerStateKind,
      at: WeightCell | { layer: number; unit: number | null },
    ) => string;
    readonly optimizerStateMatrix: (kind: OptimizerStateKind, layer: number, bias: boolean) => string;
    readonly alphaAfter: (layer: number) => string;
    readonly afterSuffix: string;
    readonly lossAfter: string;
    readonly sampleLossAfter: (sample: number) => string;
    readonly improvement: string;
    // matrix form
    readonly preactivationMatrix: (layer: number) => string;
    readonly outputMatrix: (layer: number) => string;
    readonly gradOutputLastMatrix: (layer: number) => string;
    readonly gradOutputHiddenMatrix: (layer: number) => string;
    readonly activationDerivativeMatrix: (layer: number) => string;
    readonly deltaMatrix: (layer: number) => string;
    readonly gradWeightsMatrix: (layer: number) => string;
    readonly gradBiasMatrix: (layer: number) => string;
    readonly weightsAfterMatrix: (layer: number) => string;
    readonly biasAfterMatrix: (layer: number) => string;
  };
  readonly note: {
    readonly given: string;
    readonly softmaxCrossEntropy: string;
    readonly sigmoidBinaryCrossEntropy: string;
    readonly reluConvention: (gradAtZero: 0 | 1) => string;
    readonly weightsBeforeUpdate: string;
    readonly elementwise: string;
    readonly broadcastBias: (columns: boolean) => string;
    readonly sharedBias: string;
    readonly l2WeightsOnly: string;
    readonly softmaxRows: (columns: boolean) => string;
    readonly softmaxJacobian: string;
    readonly derivativeBySign: string;
  };
  /** Words of the terminal tables of `solve --format text`. */
  readonly table: {
    readonly summary: (
      layers: number,
      layout: string,
      loss: string,
      samples: number,
      batch: 'mean' | 'sum',
      eta: string,
    ) => string;
    readonly loss: string;
    readonly sample: (s: number) => string;
    readonly row: (r: number) => string;
    readonly preactivation: (layout: Layout) => string;
    readonly output: string;
    readonly delta: string;
    readonly gradWeights: string;
    readonly gradBias: string;
    readonly gradAlpha: string;
    /** "W after the update (W − η·∂L/∂W)", with the rule of the optimizer. */
    readonly weightsAfter: (optimizer: OptimizerName) => string;
    readonly biasAfter: (optimizer: OptimizerName) => string;
    readonly biasFixed: string;
    readonly alphaAfter: string;
    readonly lossAfter: string;
    readonly regularization: string;
  };
}
