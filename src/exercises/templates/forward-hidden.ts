// Forward pass asking the hidden values: the outputs of the ReLU hidden layers, the weighted sum u of
// the output unit and its sigmoid output y = σ(u) (logistic regression behind hidden layers). Nothing
// is stated rounded, since the hidden and output values are what is asked; σ(u) is irrational and
// answered as a decimal to 4 significant figures.
import type { ActivationName } from '../../concepts/network';
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { randomNet } from './common';

export const forwardHidden: Template = {
  name: 'forward-hidden',
  kind: 'network',
  description: t(
    'Forward pass asking the hidden values, with a sigmoid output: h, u and y = σ(u)',
    '中間層の値を問う順伝播（出力はシグモイド関数）: h、u と y = σ(u)',
  ),
  topic: t(
    'the lecture slides: forward propagation with known weights; the E-shikaku notes: u = Wx + b, z = f(u), a sigmoid output',
    '講義スライドの重みが既知のときの順伝播、E資格のノートの u = Wx + b、z = f(u)、シグモイド関数の出力',
  ),
  draft(rng, difficulty): NetworkDraft {
    const hidden: ActivationName = difficulty === 1 ? 'relu' : rng.pick(['relu', 'leaky-relu']);
    const sizes = difficulty === 3 ? [2, 2, 2, 1] : [2, 2, 1];
    const net = randomNet(rng, {
      sizes,
      hidden,
      output: 'sigmoid',
      // The loss is not asked; half-SSE keeps a grader's re-solve from rounded answers away from ln 0.
      loss: 'half-sse',
      batch: 1,
      // Difficulty 1 draws from the nicer pools; 2 from the full ones (tenths), with Leaky ReLU at times.
      nice: difficulty !== 2,
    });
    const last = sizes.length - 2;
    const hiddenAsks: NetworkAsk[] = Array.from({ length: last }, (_, l) => l).flatMap((l) =>
      [0, 1].map((k) => ({ id: '', quantity: 'output' as const, layer: l, index: [0, k] })),
    );
    // Difficulty 3 asks the last hidden layer only (the first is a step on the way).
    const shown = difficulty === 3 ? hiddenAsks.slice(2) : hiddenAsks;
    const cells: NetworkAsk[] = [
      ...shown,
      { id: '', quantity: 'preactivation', layer: last, index: [0, 0] },
      { id: '', quantity: 'output', layer: last, index: [0, 0] },
    ];
    const asks = cells.map((ask, i) => ({ ...ask, id: `a${i + 1}` }));
    return {
      kind: 'network',
      net,
      asks,
      giveOutputs: [],
      friendliness: { maxExprSize: 4 },
      intro: t(
        'Forward pass: compute the outputs of the hidden layer, the weighted sum u of the output unit and its output y = σ(u) (a decimal to 4 significant figures).',
        '順伝播: 中間層の出力、出力ユニットの重み付き和 u とその出力 y = σ(u)（有効数字 4 桁の小数）を求めよ。',
      ),
    };
  },
};
