// What to read after a misconception: the `explain` topic that derives the rule it breaks, or null
// where no derivation covers it (the update rule), in which case the right-way formula is the reading.
import type { MisconceptionId } from '../concepts/misconceptions';

export const READING: Readonly<Record<MisconceptionId, string | null>> = {
  'sign-flip': 'chain-rule',
  'relu-grad-at-zero': 'relu',
  'missing-activation-derivative': 'chain-rule',
  'sigmoid-derivative-of-output': 'sigmoid',
  'transposed-gradient': 'affine',
  'batch-sum-vs-mean': 'affine',
  'half-factor': 'chain-rule',
  'wrong-update-sign': null,
  'forgot-learning-rate': null,
  'updated-weights-in-backprop': 'affine',
  'softmax-diagonal-only': 'softmax',
  'ce-extra-terms': 'cross-entropy',
  'preactivation-as-input': 'affine',
  'bias-not-summed': 'affine',
  'derivative-at-preactivation': 'sigmoid',
  'derivative-from-exact-output': 'sigmoid',
  'prelu-grad-at-zero': 'relu',
  'relu6-grad-at-six': 'relu',
  'softmax-jacobian-sign': 'softmax',
  'bce-forgot-one-minus-t': 'sigmoid-binary-cross-entropy',
  'bce-extra-sigmoid-derivative': 'sigmoid-binary-cross-entropy',
  'l2-on-biases': 'l2-regularization',
  'momentum-sign': 'momentum',
  'adam-no-bias-correction': 'adam',
  'value-for-derivative': 'gradient-descent',
};

export function readingFor(id: string): string | null {
  return Object.hasOwn(READING, id) ? READING[id as MisconceptionId] : null;
}
