// Gradient descent with momentum from a warm start: the velocity before the step is stated, so the
// step is w + (μ·v − η·∂L/∂w) and not the plain w − η·∂L/∂w a zero velocity would give.
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { lit } from '../numbers';
import { randomNet } from './common';

/** Velocities a hand calculation can carry: small, of either sign, never all 0. */
const VELOCITY = ['0.1', '-0.1', '0.2', '-0.2', '0.05', '-0.05'] as const;

export const momentumUpdate: Template = {
  name: 'momentum-update',
  kind: 'network',
  description: t(
    'momentum with a warm start: a weight gradient, then that weight and a bias after one step v ← μv − η·g, w ← w + v',
    'ウォームスタートのモーメンタム: 重みの勾配と、1 回の更新 v ← μv − η·g、w ← w + v の後の重みとバイアス',
  ),
  topic: t(
    'momentum SGD: v ← μ·v − η·∂L/∂w, w ← w + v (Deep Learning from Scratch 6.1.4; CS231n)',
    'モーメンタム SGD: v ← μ·v − η·∂L/∂w、w ← w + v（『ゼロから作るDeep Learning』6.1.4、CS231n）',
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
    const velocity = net.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(() => lit(rng.pick(VELOCITY)))),
      bias: layer.bias.map(() => lit(rng.pick(VELOCITY))),
    }));
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
        momentum: { mu: lit(rng.pick(['0.9', '0.5'])), velocity },
      },
      asks,
      intro: t(
        'Gradient descent with momentum, continuing from the velocity given: compute the gradient of a weight, then that weight and the bias after one step.',
        '与えられた速度から続けるモーメンタムつき勾配降下法: 重みの勾配を求め、1 回の更新後のその重みとバイアスを求めよ。',
      ),
    };
  },
};
