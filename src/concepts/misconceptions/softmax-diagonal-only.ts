// The lecture deck's softmax derivative: only the diagonal y_k(1 − y_k) of the Jacobian.
import { mul, ONE, sub, ZERO } from '../../number/value';
import { text } from '../../text/lang';
import { BACKWARD, layersWith, perLayer, type Misconception } from './misconception';

const softmaxLayers = layersWith((a) => a === 'softmax');

export const softmaxDiagonalOnly: Misconception<'softmax-diagonal-only'> = {
  id: 'softmax-diagonal-only',
  words: text(
    'only the diagonal y_k(1 − y_k) of the softmax Jacobian was used; the off-diagonal terms −y_i·y_k were dropped',
    'ソフトマックスのヤコビ行列の対角成分 y_k(1 − y_k) だけを使い、非対角成分 −y_i·y_k を落としています',
  ),
  targets: ['softmax_jacobian', 'delta', 'grad_weights', 'grad_bias'],
  step: {
    quantity: 'delta',
    formula: text(
      '∂y_i/∂a_k = y_i(δ_ik − y_k); with cross-entropy the delta is y − t',
      '∂y_i/∂a_k = y_i(δ_ik − y_k)。交差エントロピー誤差と組み合わせるとデルタは y − t',
    ),
  },
  applies: (n) => softmaxLayers(n).length > 0,
  variants: perLayer('softmax-diagonal-only', softmaxLayers),
  layerLocal: true,
  madeIn: softmaxLayers,
  reach: BACKWARD,
  softmaxJacobian: (right, i, k) => (i === k ? right : ZERO),
  rules: () => ({
    softmaxBackward: (_n, _l, y, g) => y.map((yk, k) => mul(g[k], mul(yk, sub(ONE, yk)))),
    softmaxCrossEntropyDelta: () => null,
  }),
};
