// The softmax Jacobian ∂y_i/∂a_k = y_i(δ_ik − y_k) written with a wrong sign: the off-diagonal entries
// as +y_i·y_k (variant 0), or the whole Jacobian as y_i(y_k − δ_ik) (variant 1).
import { mul, neg, ONE, sub, sum, type Value } from '../../number/value';
import type { Vector } from '../../number/vector';
import { text } from '../../text/lang';
import { BACKWARD, layersWith, type Misconception, type Mistake } from './misconception';

const softmaxLayers = layersWith((a) => a === 'softmax');

/** A cell of the Jacobian as the student writes it, from the right one. */
function wrongCell(right: Value, i: number, k: number, variant: number): Value {
  return variant === 1 || i !== k ? neg(right) : right;
}

/** ∂y_i/∂a_k = y_i(δ_ik − y_k). */
const jacobian = (y: Vector, i: number, k: number): Value => mul(y[i], i === k ? sub(ONE, y[k]) : neg(y[k]));

export const softmaxJacobianSign: Misconception<'softmax-jacobian-sign'> = {
  id: 'softmax-jacobian-sign',
  words: text(
    'the softmax Jacobian has a wrong sign: ∂y_i/∂a_k = y_i(δ_ik − y_k), so the off-diagonal entries are −y_i·y_k and the diagonal ones y_k(1 − y_k), never negative',
    'ソフトマックス関数のヤコビ行列の符号が逆です: ∂y_i/∂a_k = y_i(δ_ik − y_k) なので、非対角成分は −y_i·y_k、対角成分は y_k(1 − y_k)（負にならない）',
  ),
  targets: ['softmax_jacobian'],
  step: {
    quantity: 'delta',
    formula: text(
      '∂y_i/∂a_k = y_i(δ_ik − y_k): y_k(1 − y_k) on the diagonal, −y_i·y_k off it',
      '∂y_i/∂a_k = y_i(δ_ik − y_k): 対角成分は y_k(1 − y_k)、非対角成分は −y_i·y_k',
    ),
  },
  applies: (n) => softmaxLayers(n).length > 0,
  variants: (n) =>
    softmaxLayers(n).length > 0
      ? [0, 1].map((variant): Mistake<'softmax-jacobian-sign'> => ({ id: 'softmax-jacobian-sign', variant }))
      : [],
  layerLocal: false,
  madeIn: softmaxLayers,
  reach: BACKWARD,
  softmaxJacobian: (right, i, k, variant) => wrongCell(right, i, k, variant ?? 0),
  // A student who writes the Jacobian out goes the long way to the delta: δ_k = Σ_i g_i·∂y_i/∂a_k.
  rules: (mistake) => ({
    softmaxBackward: (_n, _l, y, g) =>
      y.map((_, k) => sum(g.map((gi, i) => mul(gi, wrongCell(jacobian(y, i, k), i, k, mistake.variant ?? 0))))),
    softmaxCrossEntropyDelta: () => null,
  }),
};
