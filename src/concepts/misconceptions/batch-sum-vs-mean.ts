// The batch summed instead of averaged (or averaged instead of summed): the other batch factor.
import { ONE, ratio } from '../../number/value';
import { text } from '../../text/lang';
import { SCALE, type Misconception } from './misconception';

export const batchSumVsMean: Misconception<'batch-sum-vs-mean'> = {
  id: 'batch-sum-vs-mean',
  words: text(
    'the batch was summed instead of averaged (or averaged instead of summed): with a mean loss every gradient carries 1/N',
    'バッチの和と平均を取り違えています: 平均の損失では勾配に 1/N が付きます',
  ),
  targets: ['loss', 'loss_after', 'loss_improvement', 'delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'loss',
    formula: text(
      'L = (1/N)·Σ_s L_s for a mean over N samples, so ∂L/∂y_s = (1/N)·∂L_s/∂y_s',
      'N サンプルの平均なら L = (1/N)·Σ_s L_s、よって ∂L/∂y_s = (1/N)·∂L_s/∂y_s',
    ),
  },
  applies: (n) => n.input.length > 1,
  variants: () => [{ id: 'batch-sum-vs-mean' }],
  layerLocal: false,
  reach: SCALE,
  // The factor of the other convention: 1 for a mean, 1/N for a sum.
  rules: () => ({ lossFactor: (n) => (n.conventions.batch === 'mean' ? ONE : ratio(1, n.input.length)) }),
};
