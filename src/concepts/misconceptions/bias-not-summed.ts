// ∂L/∂b not summed over the batch: one sample's delta row taken instead (the variant is the sample).
import { text } from '../../text/lang';
import { perLayer, type Misconception } from './misconception';

export const biasNotSummed: Misconception<'bias-not-summed'> = {
  id: 'bias-not-summed',
  words: text(
    '∂L/∂b was not summed over the batch: it is the sum of the delta rows, one per sample',
    '∂L/∂b をバッチについて合計していません: ∂L/∂b はデルタの各行（サンプルごと）の和です',
  ),
  targets: ['grad_bias', 'bias_after'],
  step: {
    quantity: 'grad_bias',
    formula: text(
      '∂L/∂b^l = Σ over samples of the rows of Δ^l (db = Σ dout)',
      '∂L/∂b^l = Δ^l の行（サンプル）の和（db = Σ dout）',
    ),
  },
  applies: (n) => n.input.length > 1,
  variants: (n) => n.input.flatMap((_, s) => perLayer('bias-not-summed', undefined, s)(n)),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['grad_bias', 'bias_after'] },
  rules: (mistake, _network, right) => ({
    gradBias: (n, l, delta) => delta[mistake.variant ?? 0] ?? right.gradBias(n, l, delta),
  }),
};
