// The rules of one step of backprop that a student can get wrong, each named after what it computes.
// The engine (src/engine/solve.ts) calls them in the order of the correct computation; the correct
// rules are src/engine/rules.ts. A misconception (src/concepts/misconceptions/) is an override of some
// of them: the engine with that override computes what a student who makes the mistake gets.
// (Type-only import of the network: concepts sit below the network files at run time.)
import type { NetworkSpec } from './network';
import type { Adam, AdamCell } from './optimizer';
import type { Value } from '../number/value';
import type { Matrix, Vector } from '../number/vector';

/** Rules of the whole network: the loss and the gradient arriving at the output. */
export interface NetworkRules {
  /** c in L = c·Σ_s L_s: 1/N for a mean over the batch of N samples, 1 for a sum. */
  readonly lossFactor: (network: NetworkSpec) => Value;
  /** c·∂L_s/∂y for one sample's output y and target t. */
  readonly outputGradient: (network: NetworkSpec, y: Vector, t: Vector, c: Value) => Vector;
  /** L_s, the loss of one sample's output y and target t (before the batch factor c). */
  readonly sampleLoss: (network: NetworkSpec, y: Vector, t: Vector) => Value;
}

/**
 * Rules of one layer l, always called with the network and l first, so that a mistake can be made in
 * one layer alone (src/concepts/misconceptions/index.ts restricts an override to its layer).
 */
export interface LayerRules {
  /** h′(a) of one unit, from its pre-activation a and its output y = h(a). */
  readonly activationDerivative: (network: NetworkSpec, l: number, a: Value, y: Value) => Value;
  /** Δ = G ⊙ h′(A): the delta of an element-wise activation from G = ∂L/∂Z and h′(A). */
  readonly deltaThroughActivation: (network: NetworkSpec, l: number, g: Matrix, h: Matrix) => Matrix;
  /** The delta of one sample through softmax, δ_k = y_k(g_k − Σ_i g_i y_i) (the whole Jacobian). */
  readonly softmaxBackward: (network: NetworkSpec, l: number, y: Vector, g: Vector) => Vector;
  /**
   * A softmax output layer under cross-entropy: Δ = c·(Y − T) straight from the targets (one row per
   * sample); null when the delta is to be computed the long way, through ∂L/∂y and softmaxBackward.
   */
  readonly softmaxCrossEntropyDelta: (network: NetworkSpec, l: number, y: Matrix, t: Matrix, c: Value) => Matrix | null;
  /** The input of layer l (l > 0) in ∂L/∂W^l = Z^{l−1}ᵀ·Δ^l: the outputs Z^{l−1} of the layer below. */
  readonly gradWeightsInput: (network: NetworkSpec, l: number, preactivation: Matrix, output: Matrix) => Matrix;
  /** ∂L/∂W^l in the file's layout, from the x-w product Z^{l−1}ᵀ·Δ^l. */
  readonly gradWeightsLayout: (network: NetworkSpec, l: number, gradXW: Matrix) => Matrix;
  /** ∂L/∂b^l: Δ^l summed over the samples (its rows). */
  readonly gradBias: (network: NetworkSpec, l: number, delta: Matrix) => Vector;
  /**
   * The gradient of the regularization penalty at layer l's parameters (weights in the file's
   * layout), added to ∂L/∂W and ∂L/∂b: λ·W (or λ/N·W) for L2 and nothing for the biases; null when
   * the network has no penalty.
   */
  readonly penaltyGradient: (
    network: NetworkSpec,
    l: number,
    weights: Matrix,
    bias: Vector,
  ) => { readonly weights: Matrix; readonly bias: Vector | null } | null;
  /** One momentum step of one parameter w with velocity v and gradient g: v ← μ·v − η·g, w ← w + v. */
  readonly momentumStep: (
    network: NetworkSpec,
    l: number,
    mu: Value,
    eta: Value,
    w: Value,
    v: Value,
    g: Value,
  ) => { readonly v: Value; readonly w: Value };
  /** One Adam step (step number t, from 1) of one parameter, bias-corrected. */
  readonly adamStep: (
    network: NetworkSpec,
    l: number,
    adam: Adam,
    t: number,
    eta: Value,
    w: Value,
    m: Value,
    v: Value,
    g: Value,
  ) => AdamCell;
  /** The step size of layer l's gradient-descent update: η. */
  readonly stepSize: (network: NetworkSpec, l: number) => Value;
  /**
   * The matrix Δ^l is multiplied by to pass it back to layer l − 1, from W^l (x-w) before and after
   * the update: W^lᵀ of the weights before the update.
   */
  readonly backpropWeights: (network: NetworkSpec, l: number, before: Matrix, after: Matrix) => Matrix;
}

export type Rules = NetworkRules & LayerRules;

/** The rules of the whole network (not restricted to a layer). */
export const NETWORK_RULES: readonly (keyof NetworkRules)[] = ['lossFactor', 'outputGradient', 'sampleLoss'];

export function isLayerRule(name: keyof Rules): name is keyof LayerRules {
  return !(NETWORK_RULES as readonly string[]).includes(name);
}
