// The misconceptions, one file each, registered in diagnosis order: among mistakes equally targeted at
// a quantity, one that changes only a few values (relu-grad-at-zero changes only cells at a kink) comes
// before a broader one that can give the same number there (missing-activation-derivative), and h′ from
// the exact output, which changes only cells whose output the exercise states, before h′ left out; with a
// batch, summing instead of averaging (×N) comes before a dropped ½ (×2), which it equals for two samples;
// the update going uphill (wrong-update-sign) before a momentum sign mixed up, of which it is the case
// with both signs flipped.
import type { NetworkSpec } from '../network';
import { isLayerRule, type Rules } from '../rules';
import { adamNoBiasCorrection } from './adam-no-bias-correction';
import { batchSumVsMean } from './batch-sum-vs-mean';
import { bceExtraSigmoidDerivative } from './bce-extra-sigmoid-derivative';
import { bceForgotOneMinusT } from './bce-forgot-one-minus-t';
import { biasNotSummed } from './bias-not-summed';
import { ceExtraTerms } from './ce-extra-terms';
import { derivativeAtPreactivation } from './derivative-at-preactivation';
import { derivativeFromExactOutput } from './derivative-from-exact-output';
import { forgotLearningRate } from './forgot-learning-rate';
import { halfFactor } from './half-factor';
import { l2OnBiases } from './l2-on-biases';
import type { Mistake as MistakeOf, Misconception as MisconceptionOf, Reach, RightStep } from './misconception';
import { missingActivationDerivative } from './missing-activation-derivative';
import { momentumSign } from './momentum-sign';
import { preactivationAsInput } from './preactivation-as-input';
import { preluGradAtZero } from './prelu-grad-at-zero';
import { reluGradAtZero } from './relu-grad-at-zero';
import { relu6GradAtSix } from './relu6-grad-at-six';
import { sigmoidDerivativeOfOutput } from './sigmoid-derivative-of-output';
import { signFlip } from './sign-flip';
import { softmaxDiagonalOnly } from './softmax-diagonal-only';
import { softmaxJacobianSign } from './softmax-jacobian-sign';
import { transposedGradient } from './transposed-gradient';
import { updatedWeightsInBackprop } from './updated-weights-in-backprop';
import { valueForDerivative } from './value-for-derivative';
import { wrongUpdateSign } from './wrong-update-sign';

export type { LayerValues, Reach, RightStep } from './misconception';
export {
  adamNoBiasCorrection,
  batchSumVsMean,
  bceExtraSigmoidDerivative,
  bceForgotOneMinusT,
  biasNotSummed,
  ceExtraTerms,
  derivativeAtPreactivation,
  derivativeFromExactOutput,
  forgotLearningRate,
  halfFactor,
  l2OnBiases,
  missingActivationDerivative,
  momentumSign,
  preactivationAsInput,
  preluGradAtZero,
  reluGradAtZero,
  relu6GradAtSix,
  sigmoidDerivativeOfOutput,
  signFlip,
  softmaxDiagonalOnly,
  softmaxJacobianSign,
  transposedGradient,
  updatedWeightsInBackprop,
  valueForDerivative,
  wrongUpdateSign,
};

const REGISTERED = [
  signFlip,
  reluGradAtZero,
  preluGradAtZero,
  relu6GradAtSix,
  derivativeFromExactOutput,
  missingActivationDerivative,
  sigmoidDerivativeOfOutput,
  derivativeAtPreactivation,
  transposedGradient,
  batchSumVsMean,
  halfFactor,
  wrongUpdateSign,
  forgotLearningRate,
  updatedWeightsInBackprop,
  momentumSign,
  adamNoBiasCorrection,
  softmaxDiagonalOnly,
  softmaxJacobianSign,
  ceExtraTerms,
  bceForgotOneMinusT,
  bceExtraSigmoidDerivative,
  preactivationAsInput,
  biasNotSummed,
  l2OnBiases,
  valueForDerivative,
] as const;

export type MisconceptionId = (typeof REGISTERED)[number]['id'];
export type Mistake = MistakeOf<MisconceptionId>;
export type Misconception = MisconceptionOf<MisconceptionId>;

/** Every misconception, in diagnosis order. */
export const MISCONCEPTIONS: readonly Misconception[] = REGISTERED;
export const MISCONCEPTION_IDS: readonly MisconceptionId[] = MISCONCEPTIONS.map((m) => m.id);

const BY_ID = new Map<string, Misconception>(MISCONCEPTIONS.map((m) => [m.id, m]));

export function isMisconceptionId(text: string): text is MisconceptionId {
  return BY_ID.has(text);
}

export function misconception(id: MisconceptionId): Misconception {
  return BY_ID.get(id)!;
}

/** The right-way step of a mistake's variant. */
export function stepOf(mistake: Mistake): RightStep {
  const m = misconception(mistake.id);
  return (mistake.variant !== undefined ? m.perVariant?.[mistake.variant]?.step : undefined) ?? m.step;
}

/** Which asked values a mistake's variant can change. */
export function reachOf(mistake: Mistake): Reach {
  const m = misconception(mistake.id);
  return (mistake.variant !== undefined ? m.perVariant?.[mistake.variant]?.reach : undefined) ?? m.reach;
}

/** Any rule of one layer (see LayerRules): the network and l, then its own arguments. */
type AnyLayerRule = (network: NetworkSpec, l: number, ...rest: never[]) => unknown;

/**
 * The rules with which the engine computes what a student making `mistake` gets: its misconception's
 * override of the correct rules `right`, in the mistake's layer only when it has one (the rules of
 * other layers, and of the whole network, stay as they are).
 */
export function mistakeRules(mistake: Mistake, network: NetworkSpec, right: Rules): Partial<Rules> {
  const override = misconception(mistake.id).rules(mistake, network, right);
  const layer = mistake.layer;
  if (layer === undefined) return override;
  const restricted: Partial<Record<keyof Rules, unknown>> = {};
  for (const name of Object.keys(override) as (keyof Rules)[]) {
    if (!isLayerRule(name)) {
      restricted[name] = override[name];
      continue;
    }
    const own = override[name] as AnyLayerRule;
    const base = right[name] as AnyLayerRule;
    restricted[name] = (n: NetworkSpec, l: number, ...rest: never[]) =>
      l === layer ? own(n, l, ...rest) : base(n, l, ...rest);
  }
  return restricted as Partial<Rules>;
}
