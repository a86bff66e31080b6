// Two steps of gradient descent: the second starts from the weights the first left, so its gradient is
// worked again with the new weights (not reused from step 1) — the loss after step 2 shows the descent.
// At difficulty 3 with momentum from rest: the velocity of step 1 carries into step 2.
import { ZERO } from '../../number/value';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { lit } from '../numbers';
import { randomNet } from './common';

export const twoSteps: Template = {
  name: 'two-steps',
  kind: 'network',
  description: t(
    'two update steps: a weight after step 1 and after step 2 (its gradient worked again), and the loss after step 2',
    '2 回の更新: 1 回目と 2 回目の更新後の重み（2 回目は勾配を計算し直す）と、2 回目の更新後の損失',
  ),
  topic: t(
    'several steps of gradient descent (E資格; CS231n; each step from the weights the step before left)',
    '複数回の勾配降下法（E資格、CS231n。各ステップは前のステップが残した重みから）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const batch = difficulty === 2 ? 2 : 1;
    const net = randomNet(rng, {
      sizes: [2, 1],
      hidden: 'relu',
      output: 'identity',
      loss: 'half-sse',
      batch,
      batchMode: 'mean',
      nice: true,
    });
    const cell = [rng.int(0, 1), 0];
    const momentum = difficulty === 3;
    const asks: NetworkAsk[] = [
      { id: 'a1', quantity: 'weights_after', layer: 0, index: cell },
      ...(momentum ? [{ id: 'a2', quantity: 'velocity_after' as const, layer: 0, index: cell, step: 2 }] : []),
      { id: momentum ? 'a3' : 'a2', quantity: 'weights_after', layer: 0, index: cell, step: 2 },
      { id: momentum ? 'a4' : 'a3', quantity: 'loss_after', step: 2 },
    ];
    return {
      kind: 'network',
      net: {
        ...net,
        learningRate: lit(rng.pick(['0.1', '0.5', '0.2'])),
        steps: 2,
        ...(momentum
          ? {
              momentum: {
                mu: lit(rng.pick(['0.5', '0.9'])),
                velocity: net.layers.map((layer) => ({
                  weights: layer.weights.map((row) => row.map(() => ZERO)),
                  bias: layer.bias.map(() => ZERO),
                })),
              },
            }
          : {}),
      },
      asks,
      intro: momentum
        ? t(
            'Two steps of gradient descent with momentum, from rest (v = 0): update the network once, then again from the updated weights, the velocity carried over. Give a weight after each step, its velocity after step 2 and the loss after step 2.',
            '静止状態（v = 0）から始めるモーメンタムつき勾配降下法を 2 ステップ行う: 1 回更新し、更新後の重みと速度を引き継いでもう一度更新せよ。各ステップ後の重み、2 回目の更新後の速度と損失を求めよ。',
          )
        : t(
            'Two steps of gradient descent: update the network once, then again from the updated weights (forward and backward pass again). Give a weight after each step and the loss after the second.',
            '勾配降下法を 2 ステップ行う: ネットワークを 1 回更新し、更新後の重みからもう一度（順伝播・逆伝播をやり直して）更新せよ。各ステップ後の重みと、2 回目の更新後の損失を求めよ。',
          ),
      friendliness: { maxPlaces: 6 },
    };
  },
};
