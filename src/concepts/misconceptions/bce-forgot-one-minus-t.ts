// Binary cross-entropy with its (1 − t) term dropped, as if it were −Σ t·ln y: the loss −Σ t·ln y (0 for
// a target 0) and ∂L/∂y = −t/y instead of (y − t)/(y(1 − y)). With a sigmoid output the delta becomes
// −t(1 − y) instead of y − t; a student can make it only where some target is not 1 (with t = 1 the
// dropped term is 0 anyway).
import { ONE, compare, div, isZero, mul, neg, sum } from '../../number/value';
import { lnOfOutput } from '../losses/output-log';
import { text } from '../../text/lang';
import { BACKWARD, type Misconception } from './misconception';

export const bceForgotOneMinusT: Misconception<'bce-forgot-one-minus-t'> = {
  id: 'bce-forgot-one-minus-t',
  words: text(
    'the (1 − t)·ln(1 − y) term of binary cross-entropy was left out: L = −Σ t·ln y and ∂L/∂y = −t/y instead of (y − t)/(y(1 − y))',
    '二値交差エントロピー誤差の (1 − t)·ln(1 − y) の項が抜けています: L = −Σ t·ln y、∂L/∂y = −t/y になっていますが、正しくは (y − t)/(y(1 − y))',
  ),
  targets: ['loss', 'grad_output', 'delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'delta',
    formula: text(
      'L = −[t·ln y + (1 − t)·ln(1 − y)] gives ∂L/∂y = −t/y + (1 − t)/(1 − y) = (y − t)/(y(1 − y)); with a sigmoid output the delta is y − t',
      'L = −[t·ln y + (1 − t)·ln(1 − y)] より ∂L/∂y = −t/y + (1 − t)/(1 − y) = (y − t)/(y(1 − y))。シグモイド出力ならデルタは y − t',
    ),
  },
  applies: (n) => n.loss === 'binary-cross-entropy' && n.target.some((row) => row.some((t) => compare(t, ONE) !== 0)),
  variants: () => [{ id: 'bce-forgot-one-minus-t' }],
  layerLocal: false,
  reach: BACKWARD,
  // The delta then goes the long way, through σ′ = y(1 − y).
  rules: (_mistake, _network, right) => ({
    sampleLoss: (n, y, t) =>
      n.loss === 'binary-cross-entropy'
        ? neg(sum(y.map((yk, k) => (isZero(t[k]) ? t[k] : mul(t[k], lnOfOutput(yk))))))
        : right.sampleLoss(n, y, t),
    outputGradient: (n, y, t, c) =>
      n.loss === 'binary-cross-entropy'
        ? y.map((yk, k) => mul(c, neg(div(t[k], yk))))
        : right.outputGradient(n, y, t, c),
    softmaxCrossEntropyDelta: (n, l, y, t, c) =>
      n.loss === 'binary-cross-entropy' ? null : right.softmaxCrossEntropyDelta(n, l, y, t, c),
  }),
};
