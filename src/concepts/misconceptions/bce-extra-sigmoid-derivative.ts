// The delta of a sigmoid output under binary cross-entropy multiplied by σ′ once more:
// δ = (y − t)·y(1 − y) instead of y − t. ∂L/∂y = (y − t)/(y(1 − y)) and σ′ = y(1 − y) cancel to y − t;
// a student who takes y − t for ∂L/∂y (as ½Σ(y − t)² would give) and then applies σ′ counts σ′ twice.
import { ONE, mul, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { NetworkSpec } from '../network';
import { BACKWARD, type Misconception } from './misconception';

const sigmoidWithBce = (n: NetworkSpec): boolean =>
  n.loss === 'binary-cross-entropy' && n.layers[n.layers.length - 1].activation === 'sigmoid';

export const bceExtraSigmoidDerivative: Misconception<'bce-extra-sigmoid-derivative'> = {
  id: 'bce-extra-sigmoid-derivative',
  words: text(
    'σ′ was applied twice: with binary cross-entropy the delta of a sigmoid output is y − t (σ′ = y(1 − y) already cancelled against ∂L/∂y), not (y − t)·y(1 − y)',
    'σ′ を 2 回掛けています: 二値交差エントロピー誤差ではシグモイド関数の出力のデルタは y − t です（σ′ = y(1 − y) は ∂L/∂y と約分済み）。(y − t)·y(1 − y) ではありません',
  ),
  targets: ['delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'delta',
    at: 'output',
    formula: text(
      'L = −[t·ln y + (1 − t)·ln(1 − y)] gives ∂L/∂y = (y − t)/(y(1 − y)); times σ′ = y(1 − y) that is δ = y − t, with no further σ′',
      'L = −[t·ln y + (1 − t)·ln(1 − y)] より ∂L/∂y = (y − t)/(y(1 − y))。σ′ = y(1 − y) を掛けると δ = y − t で、σ′ はもう掛けない',
    ),
  },
  applies: sigmoidWithBce,
  variants: () => [{ id: 'bce-extra-sigmoid-derivative' }],
  layerLocal: false,
  reach: BACKWARD,
  rules: (_mistake, _network, right) => ({
    softmaxCrossEntropyDelta: (n, l, y, t, c) =>
      sigmoidWithBce(n)
        ? y.map((row, s) => row.map((yk, k) => mul(mul(c, sub(yk, t[s][k])), mul(yk, sub(ONE, yk)))))
        : right.softmaxCrossEntropyDelta(n, l, y, t, c),
  }),
};
