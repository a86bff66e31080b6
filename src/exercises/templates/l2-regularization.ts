// L2 regularization (weight decay): the gradient of a weight gains λ·w (λ/N·w for the Coursera
// scale), the bias's does not, and the update uses both.
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { lit } from '../numbers';
import { randomNet } from './common';

export const l2Update: Template = {
  name: 'l2-update',
  kind: 'network',
  description: t(
    'L2 regularization: a weight gradient ∂L/∂w + λw, the updated weight and the (unpenalised) bias',
    'L2正則化: 重みの勾配 ∂L/∂w + λw、更新後の重みと（正則化しない）バイアス',
  ),
  topic: t(
    'weight decay: L + (λ/2)Σw² (Deep Learning from Scratch 6.4.2; Coursera ex4 writes λ/2m)',
    '荷重減衰: L + (λ/2)Σw²（『ゼロから作るDeep Learning』6.4.2、Coursera ex4 は λ/2m）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const sizes = difficulty === 2 ? [2, 2, 1] : [2, 1];
    const batch = difficulty === 3 ? 2 : 1;
    const net = randomNet(rng, {
      sizes,
      hidden: 'relu',
      output: 'identity',
      loss: 'half-sse',
      batch,
      batchMode: 'mean',
      nice: difficulty === 3,
    });
    const last = sizes.length - 2;
    const cell = [rng.int(0, sizes[last] - 1), 0];
    const asks: NetworkAsk[] = [
      { id: 'a1', quantity: 'grad_weights', layer: last, index: cell },
      { id: 'a2', quantity: 'weights_after', layer: last, index: cell },
      { id: 'a3', quantity: 'bias_after', layer: last, index: [0] },
    ];
    return {
      kind: 'network',
      net: {
        ...net,
        learningRate: lit(rng.pick(['0.1', '0.5'])),
        // Coursera's λ/(2N) with a batch of 2 at difficulty 3.
        regularization: { l2: lit(rng.pick(['0.1', '0.2', '0.5'])), scale: difficulty === 3 ? '1/(2N)' : '1/2' },
      },
      asks,
      intro: t(
        'Gradient descent with L2 regularization: compute the gradient of a weight including the penalty, then update it and the bias once.',
        'L2正則化つきの勾配降下法: 罰則の項を含めた重みの勾配を求め、その重みとバイアスを 1 回更新せよ。',
      ),
    };
  },
};
