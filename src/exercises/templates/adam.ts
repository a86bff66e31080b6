// One Adam step from zero moments (t = 1): the gradient of a weight, its first and second moments
// m = (1 − β₁)·g and v = (1 − β₂)·g², their bias-corrected forms m̂ = g and v̂ = g², and the weight
// after w − η·m̂/(√v̂ + ε) — about η against the sign of g, which is the point of the correction:
// without it the first step would be (1 − β₁)/√(1 − β₂) ≈ 3.2 times as long.
import type { NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { NetworkAsk } from '../types';
import { lit } from '../numbers';
import { randomNet } from './common';

export const adamStep: Template = {
  name: 'adam-step',
  kind: 'network',
  description: t(
    "one Adam step: a weight's gradient, its moments m, v, the bias-corrected m̂, v̂ and the weight after w − η·m̂/(√v̂ + ε)",
    'Adam の 1 ステップ: 重みの勾配、モーメント m, v、バイアス補正した m̂, v̂、更新後の重み w − η·m̂/(√v̂ + ε)',
  ),
  topic: t(
    'Adam: moments and bias correction (Kingma & Ba 2015; Deep Learning from Scratch 6.1.6; CS231n)',
    'Adam: モーメントとバイアス補正（Kingma & Ba 2015、『ゼロから作るDeep Learning』6.1.6、CS231n）',
  ),
  draft(rng, difficulty): NetworkDraft {
    const sizes = difficulty === 3 ? [2, 2, 1] : [2, 1];
    const batch = difficulty === 2 ? 2 : 1;
    const net = randomNet(rng, {
      sizes,
      hidden: 'relu',
      output: 'identity',
      loss: 'half-sse',
      batch,
      batchMode: 'mean',
      nice: difficulty > 1,
    });
    // Difficulty 3 asks a weight of the hidden layer (its gradient comes back through the output).
    const layer = difficulty === 3 ? 0 : sizes.length - 2;
    const cell = [rng.int(0, sizes[layer] - 1), rng.int(0, sizes[layer + 1] - 1)];
    const at = (id: string, quantity: NetworkAsk['quantity']): NetworkAsk => ({ id, quantity, layer, index: cell });
    const asks: NetworkAsk[] = [
      at('a1', 'grad_weights'),
      at('a2', 'adam_m_after'),
      at('a3', 'adam_v_after'),
      at('a4', 'adam_m_hat'),
      at('a5', 'adam_v_hat'),
      at('a6', 'weights_after'),
      // With a batch, the bias as well: its gradient sums the samples' deltas.
      ...(difficulty === 2 ? [{ id: 'a7', quantity: 'bias_after' as const, layer, index: [0] }] : []),
    ];
    const betas =
      difficulty === 1
        ? ['0.9', '0.999']
        : rng.pick([
            ['0.9', '0.999'],
            ['0.8', '0.99'],
            ['0.5', '0.9'],
          ]);
    return {
      kind: 'network',
      net: {
        ...net,
        learningRate: lit(rng.pick(['0.1', '0.01', '0.2'])),
        adam: { beta1: lit(betas[0]), beta2: lit(betas[1]), epsilon: lit('1e-8') },
      },
      asks,
      intro: t(
        'One step of Adam from zero moments (t = 1): compute the gradient of a weight, its first and second moments, their bias-corrected forms and the weight after the step.',
        'モーメント 0 から始める Adam の 1 ステップ（t = 1）: 重みの勾配、1次・2次モーメント、それぞれのバイアス補正した値、更新後の重みを求めよ。',
      ),
      // (1 − β₂)·g² of a two-decimal gradient has up to 7 places (0.001 × 0.64 = 0.00064): still one product.
      friendliness: { maxPlaces: 8 },
    };
  },
};
