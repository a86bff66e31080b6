// The Affine layer's backward pass (the Deep Learning from Scratch 2 summary, ch. 1; the layer-code notes' Affine class): dx = dout·Wᵀ, dW = xᵀ·dout,
// db = Σ dout over the batch. The network is the single Affine layer (identity activation, ½SSE summed
// over the batch) with the target chosen so that the engine's ∂L/∂y is exactly the drawn dout; every
// asked value is then read from the engine (dx as the quantity grad_input).
import { forward } from '../../engine/solve';
import { sub, type Value } from '../../number/value';
import { networkSpecOf, toNetworkFile, type NetDraft } from '../network-file';
import { lit } from '../numbers';
import { matrixBlock, showVector, valueBlock } from '../show';
import type { NetworkContext, NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Lang, NetworkAsk } from '../types';
import { matrix, POOL } from './common';

const DOUT = ['0.1', '-0.1', '0.2', '-0.2', '0.5', '-0.5', '1', '-1', '2', '-2', '0.4', '-0.4', '1.5'].map(lit);

function statement(ctx: NetworkContext, lang: Lang): string[] {
  const layer = ctx.spec.layers[0];
  const batch = ctx.spec.input.length;
  const dout = ctx.solution.layers[0].gradOutput;
  return [
    lang === 'en'
      ? `An Affine layer computes y = x·W + b (one row per sample${batch > 1 ? `, a batch of ${batch}` : ''}):`
      : `Affineレイヤは y = x·W + b を計算する（1 行が 1 サンプル${batch > 1 ? `、バッチサイズ ${batch}` : ''}）:`,
    ...valueBlock(batch > 1 ? 'X' : 'x', ctx.spec.input, '  '),
    ...matrixBlock('W', layer.weights, '  '),
    `  b = ${showVector(layer.bias)}`,
    lang === 'en' ? 'In the backward pass the gradient arriving from above is' : '逆伝播で上流から伝わってくる勾配は',
    ...valueBlock('dout = ∂L/∂y', dout, '  '),
  ];
}

function label(ctx: NetworkContext, ask: NetworkAsk, lang: Lang): string | undefined {
  const batch = ctx.spec.input.length;
  switch (ask.quantity) {
    case 'grad_input':
      return t(
        `dx = ∂L/∂x = dout·Wᵀ (the whole ${batch > 1 ? 'matrix' : 'row'})`,
        `dx = ∂L/∂x = dout·Wᵀ（${batch > 1 ? '行列' : '行ベクトル'}全体）`,
      )[lang];
    case 'grad_weights':
      return t('dW = ∂L/∂W = xᵀ·dout (the whole matrix)', 'dW = ∂L/∂W = xᵀ·dout（行列全体）')[lang];
    case 'grad_bias':
      return t(
        'db = ∂L/∂b (the whole vector; sum dout over the batch)',
        'db = ∂L/∂b（ベクトル全体。dout をバッチ方向に足し合わせる）',
      )[lang];
    default:
      return undefined;
  }
}

export const affineBackward: Template = {
  name: 'affine-backward',
  kind: 'network',
  description: t(
    'Affine layer backward: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout',
    'Affineレイヤの逆伝播: dx = dout·Wᵀ、dW = xᵀ·dout、db = Σ dout',
  ),
  topic: t(
    'the Deep Learning from Scratch 2 summary: Affine backward (ch. 1); the layer-code notes: Affine class',
    '『ゼロから作るDeep Learning ❷』のまとめの Affineレイヤの逆伝播（第1章）、レイヤのコードのノートの Affine クラス',
  ),
  draft(rng, difficulty): NetworkDraft {
    const batch = difficulty === 3 ? 2 : 1;
    const units = difficulty === 2 ? 2 : 3;
    const weights = matrix(rng, 2, units, POOL.weight);
    const bias = matrix(rng, 1, units, POOL.bias)[0];
    const input = matrix(rng, batch, 2, POOL.input);
    const dout = matrix(rng, batch, units, DOUT);
    const base: NetDraft = {
      layout: 'x-w',
      layers: [{ weights, bias, activation: 'identity' }],
      loss: 'half-sse',
      input,
      target: dout,
      learningRate: lit('0.1'),
      batch: 'sum',
    };
    // ½Σ(y − t)² summed over the batch has ∂L/∂y = y − t: choose t = y − dout.
    const y = forward(networkSpecOf(toNetworkFile(base))).outputs[0];
    const target: Value[][] = y.map((row, s) => row.map((v, j) => sub(v, dout[s][j])));
    const asks: NetworkAsk[] =
      difficulty === 1
        ? [{ id: 'a1', quantity: 'grad_input', layer: 0 }]
        : [
            { id: 'a1', quantity: 'grad_input', layer: 0 },
            { id: 'a2', quantity: 'grad_weights', layer: 0 },
            { id: 'a3', quantity: 'grad_bias', layer: 0 },
          ];
    return {
      kind: 'network',
      net: { ...base, target },
      asks,
      intro: t('Affine layer: compute the backward pass.', 'Affineレイヤ: 逆伝播を計算せよ。'),
      statement,
      label,
    };
  },
};
