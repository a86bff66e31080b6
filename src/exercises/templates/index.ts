// Every template, in the order --list shows them.
import type { Template } from '../template';
import { activationDerivative } from './activation-derivative';
import { adamStep } from './adam';
import { activationValues } from './activation-values';
import { affineBackward } from './affine-backward';
import { bceGradient } from './binary-cross-entropy';
import { l2Update } from './l2-regularization';
import { logisticLoss } from './logistic-loss';
import { forwardPass, lossTemplate } from './forward';
import { forwardHidden } from './forward-hidden';
import { chainRule, graphBackward } from './graphs';
import { gradientDescent1d } from './gradient-descent';
import { hiddenDelta, hiddenWeightGrad } from './hidden-layer';
import { matrixForm } from './matrix-form';
import { momentumUpdate } from './momentum';
import { outputBiasGrad, outputDelta, outputWeightGrad } from './output-layer';
import { softmaxCeGradient, softmaxJacobian } from './softmax';
import { hiddenBiasFormula, outputBiasFormula, partialDerivative } from './symbolic';
import { trainOnce, weightUpdate } from './update';
import { trainOnceSoftmax } from './train-once-softmax';
import { twoSteps } from './two-steps';
import { trainOnceBce } from './train-once-bce';

export const TEMPLATES: readonly Template[] = [
  forwardPass,
  lossTemplate,
  forwardHidden,
  outputDelta,
  outputBiasGrad,
  outputWeightGrad,
  hiddenDelta,
  hiddenWeightGrad,
  weightUpdate,
  trainOnce,
  trainOnceSoftmax,
  trainOnceBce,
  twoSteps,
  l2Update,
  momentumUpdate,
  adamStep,
  activationDerivative,
  activationValues,
  softmaxJacobian,
  softmaxCeGradient,
  bceGradient,
  logisticLoss,
  matrixForm,
  affineBackward,
  chainRule,
  graphBackward,
  gradientDescent1d,
  partialDerivative,
  outputBiasFormula,
  hiddenBiasFormula,
];

export function templateByName(name: string): Template | undefined {
  return TEMPLATES.find((tpl) => tpl.name === name);
}
