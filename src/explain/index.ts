// The derivations behind the numbers (`backprop-tutor explain TOPIC`), as plain data for any renderer.
import type { Topic } from './types';
import { sigmoid } from './topics/sigmoid';
import { tanh } from './topics/tanh';
import { leakyRelu, prelu, relu, relu6 } from './topics/relu';
import { softmax } from './topics/softmax';
import { crossEntropy } from './topics/cross-entropy';
import { softmaxCrossEntropy } from './topics/softmax-cross-entropy';
import { chainRule } from './topics/chain-rule';
import { affine } from './topics/affine';
import { squaredError } from './topics/squared-error';
import { sigmoidBinaryCrossEntropy } from './topics/sigmoid-binary-cross-entropy';
import { softmaxOverflow } from './topics/softmax-overflow';
import { l2Regularization } from './topics/l2-regularization';
import { gradientDescent } from './topics/gradient-descent';
import { momentum } from './topics/momentum';
import { adam } from './topics/adam';

export type { Topic, Step, StepRole, Check, CheckScope, RandomVariable, Lang } from './types';
export { topicToText, topicListText, latexToText } from './text';
export { topicToJson, topicListJson, type JsonTopic, type JsonTopicSummary } from './json';

/** Every topic, in teaching order. */
export const TOPICS: readonly Topic[] = [
  chainRule,
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  prelu,
  relu6,
  softmax,
  softmaxOverflow,
  squaredError,
  crossEntropy,
  softmaxCrossEntropy,
  sigmoidBinaryCrossEntropy,
  affine,
  gradientDescent,
  l2Regularization,
  momentum,
  adam,
];

export function findTopic(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id.toLowerCase());
}
