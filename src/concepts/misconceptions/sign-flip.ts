// The error taken as t − y instead of y − t (or the gradient negated): every gradient changes sign.
import type { LossName, NetworkSpec } from '../network';
import { neg } from '../../number/value';
import { text, type Text } from '../../text/lang';
import { GRADIENTS, SCALE, always, type Misconception } from './misconception';

/** ∂L/∂y of each loss and the delta it gives, with the batch note (loss knowledge). */
const LOSS_GRADIENT: Readonly<
  Record<Exclude<LossName, 'cross-entropy' | 'binary-cross-entropy'>, (batch: Text) => Text>
> = {
  'half-sse': (batch) =>
    text(
      `L = ½Σ(y − t)² gives ∂L/∂y = y − t (not t − y)${batch.en}, so δ = (y − t) ⊙ h′(a)`,
      `L = ½Σ(y − t)² より ∂L/∂y = y − t（t − y ではない）${batch.ja}、よって δ = (y − t) ⊙ h′(a)`,
    ),
  sse: (batch) =>
    text(
      `L = Σ(y − t)² gives ∂L/∂y = 2(y − t) (not 2(t − y))${batch.en}, so δ = 2(y − t) ⊙ h′(a)`,
      `L = Σ(y − t)² より ∂L/∂y = 2(y − t)（2(t − y) ではない）${batch.ja}、よって δ = 2(y − t) ⊙ h′(a)`,
    ),
  mse: (batch) =>
    text(
      `L = (1/n)Σ(y − t)² over the n outputs gives ∂L/∂y = (2/n)(y − t) (not (2/n)(t − y))${batch.en}, so δ = (2/n)(y − t) ⊙ h′(a)`,
      `n 個の出力について L = (1/n)Σ(y − t)² より ∂L/∂y = (2/n)(y − t)（(2/n)(t − y) ではない）${batch.ja}、よって δ = (2/n)(y − t) ⊙ h′(a)`,
    ),
};

/** ∂L/∂y for the network's loss, and where the sign comes from. */
export function lossGradientText(spec: NetworkSpec): Text {
  const last = spec.layers[spec.layers.length - 1].activation;
  const batch =
    spec.input.length > 1 && spec.conventions.batch === 'mean'
      ? text(', each sample’s term ×1/N for the mean over the batch', '（バッチ平均なので各サンプルの項に 1/N）')
      : text('', '');
  if (spec.loss === 'binary-cross-entropy') {
    return last === 'sigmoid'
      ? text(
          `with a sigmoid output and binary cross-entropy the delta is δ = y − t (not t − y)${batch.en}`,
          `シグモイド関数の出力と二値交差エントロピー誤差の組み合わせではデルタは δ = y − t（t − y ではない）${batch.ja}`,
        )
      : text(
          `binary cross-entropy gives ∂L/∂y = (y − t)/(y(1 − y)) (not its negative)${batch.en}, so δ = ∂L/∂y ⊙ h′(a)`,
          `二値交差エントロピー誤差より ∂L/∂y = (y − t)/(y(1 − y))（符号を反転しない）${batch.ja}、よって δ = ∂L/∂y ⊙ h′(a)`,
        );
  }
  if (spec.loss !== 'cross-entropy') return LOSS_GRADIENT[spec.loss](batch);
  return last === 'softmax'
    ? text(
        `with softmax and L = −Σ t·ln y the delta is δ = y − t (not t − y)${batch.en}`,
        `ソフトマックスと L = −Σ t·ln y の組み合わせではデルタは δ = y − t（t − y ではない）${batch.ja}`,
      )
    : text(
        `L = −Σ t·ln y gives ∂L/∂y = −t/y (negative where t > 0)${batch.en}, so δ = (−t/y) ⊙ h′(a)`,
        `L = −Σ t·ln y より ∂L/∂y = −t/y（t > 0 なら負）${batch.ja}、よって δ = (−t/y) ⊙ h′(a)`,
      );
}

export const signFlip: Misconception<'sign-flip'> = {
  id: 'sign-flip',
  words: text(
    'the sign is flipped: the error was taken as t − y instead of y − t (or the gradient was negated)',
    '符号が逆です: 誤差を y − t ではなく t − y としている（または勾配の符号を反転している）',
  ),
  targets: GRADIENTS,
  step: {
    quantity: 'delta',
    formula: text(
      '∂L/∂y = y − t for ½Σ(y − t)², so δ = (y − t) ⊙ h′(a)',
      '½Σ(y − t)² なら ∂L/∂y = y − t、よって δ = (y − t) ⊙ h′(a)',
    ),
    at: 'output',
    formulaFor: lossGradientText,
  },
  applies: always,
  variants: () => [{ id: 'sign-flip' }],
  layerLocal: false,
  reach: SCALE,
  negatesGradient: true,
  graphWords: text('the sign of the gradient is flipped', '勾配の符号が逆になっています'),
  rules: (_mistake, _network, right) => ({
    outputGradient: (n, y, t, c) => right.outputGradient(n, y, t, c).map(neg),
    softmaxCrossEntropyDelta: (n, l, y, t, c) =>
      right.softmaxCrossEntropyDelta(n, l, y, t, c)?.map((row) => row.map(neg)) ?? null,
  }),
};
