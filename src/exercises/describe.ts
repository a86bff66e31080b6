// The generic, readable description of an exercise's network in English or Japanese: layout, input,
// layers, loss, target, learning rate, conventions and the stated (given) values.
import { KINKED, activation } from '../concepts/activations';
import { loss } from '../concepts/losses';
import type { ActivationName, LossName, NetworkSpec } from '../concepts/network';
import { pick } from '../text/lang';
import type { GivenOutputs } from './given';
import { matrixBlock, show, valueBlock, showSmall } from './show';
import { sup, t } from './text';
import type { Lang, NetworkAsk } from './types';

export function activationName(name: ActivationName, lang: Lang): string {
  return pick(activation(name).names.described, lang);
}

export function lossFormula(name: LossName, outputs: number, lang: Lang): string {
  return pick(loss(name).described(outputs), lang);
}

export function reluConvention(spec: NetworkSpec, lang: Lang): string {
  const right = spec.conventions.reluGradAtZero === 1;
  return right
    ? t(
        'At a = 0 take the right derivative: ReLU′(0) = 1 (also for Leaky ReLU/PReLU/ReLU6).',
        'a = 0 では右微分を使う: ReLU′(0) = 1（Leaky ReLU・PReLU・ReLU6 も同様）。',
      )[lang]
    : t(
        'At a = 0 take the left derivative: ReLU′(0) = 0 (Leaky ReLU/PReLU: α; ReLU6: 0).',
        'a = 0 では左微分を使う: ReLU′(0) = 0（Leaky ReLU・PReLU は α、ReLU6 は 0）。',
      )[lang];
}

/** The name of layer l's output: y for the output layer, z^l for a hidden one (1-based superscript). */
export function outputName(spec: NetworkSpec, l: number): string {
  return l === spec.layers.length - 1 ? 'y' : `z${sup(l + 1)}`;
}

/** Whether the learning rate matters for the asks (updates and the loss after them). */
export function needsLearningRate(asks: readonly NetworkAsk[]): boolean {
  return asks.some((a) =>
    ['weights_after', 'bias_after', 'loss_after', 'loss_improvement', 'velocity_after', 'velocity_bias_after'].includes(
      a.quantity,
    ),
  );
}

export function layoutLine(spec: NetworkSpec, lang: Lang): string {
  return spec.layout === 'x-w'
    ? t(
        'Layout x·W: a = x·W + b with row vectors; W[i][j] is the weight from input i to unit j.',
        '重みの並べ方 x·W: a = x·W + b（行ベクトル）。W[i][j] は入力 i からユニット j への重み。',
      )[lang]
    : t(
        'Layout W·x: a = W·x + b with column vectors; W[j][i] is the weight from input i to unit j.',
        '重みの並べ方 W·x: a = W·x + b（列ベクトル）。W[j][i] は入力 i からユニット j への重み。',
      )[lang];
}

export function givenLines(spec: NetworkSpec, given: GivenOutputs, lang: Lang): string[] {
  const lines: string[] = [];
  for (const [l, m] of [...given.entries()].sort((a, b) => a[0] - b[0])) {
    const name = outputName(spec, l);
    const layerText =
      l === spec.layers.length - 1 ? t('the output layer', '出力層')[lang] : t(`layer ${l + 1}`, `第${l + 1}層`)[lang];
    lines.push(
      lang === 'en'
        ? `Given (the ${activationName(spec.layers[l].activation, lang)} outputs of ${layerText}, rounded to one decimal; use these values):`
        : `与えられた値（${layerText}の${activationName(spec.layers[l].activation, lang)}の出力を小数第1位に丸めた値。この値を使うこと）:`,
    );
    lines.push(...valueBlock(name, m, '  '));
  }
  return lines;
}

/** The network in words and aligned numbers. */
export function describeNetwork(
  spec: NetworkSpec,
  given: GivenOutputs,
  asks: readonly NetworkAsk[],
  lang: Lang,
): string[] {
  const count = spec.layers.length;
  const batch = spec.input.length;
  const lines: string[] = [];
  lines.push(layoutLine(spec, lang));
  lines.push(
    t('Units, inputs and samples are numbered from 1.', 'ユニット・入力・サンプルの番号は 1 から数える。')[lang],
  );
  lines.push('');
  if (batch === 1) {
    lines.push(...valueBlock(t('Input x', '入力 x')[lang], spec.input, ''));
  } else {
    lines.push(
      t(`Input: a batch of ${batch} samples, one row per sample:`, `入力: バッチサイズ ${batch}（1 行が 1 サンプル）:`)[
        lang
      ],
    );
    lines.push(...valueBlock('X', spec.input, '  '));
  }
  spec.layers.forEach((layer, l) => {
    const role = l === count - 1 ? t('output layer', '出力層')[lang] : t('hidden layer', '中間層')[lang];
    let act = activationName(layer.activation, lang);
    if (layer.alpha)
      act += activation(layer.activation).learnsSlope
        ? ` (α = ${show(layer.alpha)}${t(', learnable', '、学習する')[lang]})`
        : ` (α = ${show(layer.alpha)})`;
    lines.push(lang === 'en' ? `Layer ${l + 1} (${role}, ${act}):` : `第${l + 1}層（${role}、${act}）:`);
    lines.push(...matrixBlock(`W${sup(l + 1)}`, layer.weights, '  '));
    lines.push(`  b${sup(l + 1)} = (${layer.bias.map(show).join(', ')})`);
  });
  const outputs = spec.target[0].length;
  lines.push(`${t('Loss', '損失関数')[lang]}: ${lossFormula(spec.loss, outputs, lang)}`);
  const reg = spec.regularization;
  if (reg) {
    const factor = reg.scale === '1/2' ? 'λ/2' : 'λ/(2N)';
    lines.push(
      t(
        `L2 regularization (weight decay) with λ = ${show(reg.l2)}: the loss also has + (${factor})·Σw² over every weight (not the biases)${reg.scale === '1/2' ? '' : ', N the samples of the batch'}.`,
        `L2正則化（荷重減衰）λ = ${show(reg.l2)}: 損失にすべての重み（バイアスは含めない）の + (${factor})·Σw² を加える${reg.scale === '1/2' ? '' : '（N はバッチのサンプル数）'}。`,
      )[lang],
    );
  }
  const o = spec.optimizer;
  if (o?.name === 'momentum') {
    lines.push(
      t(
        `Gradient descent with momentum μ = ${show(o.momentum)}: v ← μ·v − η·∂L/∂w, then w ← w + v (the same for each bias). The velocity before this step:`,
        `モーメンタム μ = ${show(o.momentum)} つきの勾配降下法: v ← μ·v − η·∂L/∂w、次に w ← w + v（バイアスも同様）。この更新の前の速度:`,
      )[lang],
    );
    o.velocity.forEach((v, l) => {
      lines.push(...matrixBlock(`vW${sup(l + 1)}`, v.weights, '  '));
      lines.push(`  vb${sup(l + 1)} = (${v.bias.map(show).join(', ')})`);
    });
  }
  if (o?.name === 'adam') {
    const t1 = o.steps + 1;
    lines.push(
      t(
        `Adam with β₁ = ${show(o.beta1)}, β₂ = ${show(o.beta2)}, ε = ${showSmall(o.epsilon)}, for each weight and bias with gradient g: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − η·m̂/(√v̂ + ε). This is step t = ${t1}${o.steps === 0 ? ', from m = v = 0' : ''}.`,
        `Adam（β₁ = ${show(o.beta1)}、β₂ = ${show(o.beta2)}、ε = ${showSmall(o.epsilon)}）: 勾配 g の各重みとバイアスについて m ← β₁·m + (1 − β₁)·g、v ← β₂·v + (1 − β₂)·g²、m̂ = m/(1 − β₁ᵗ)、v̂ = v/(1 − β₂ᵗ)、w ← w − η·m̂/(√v̂ + ε)。この更新はステップ t = ${t1}${o.steps === 0 ? '（m = v = 0 から）' : ''}。`,
      )[lang],
    );
  }
  if (batch > 1) {
    lines.push(
      spec.conventions.batch === 'mean'
        ? t(
            `The batch loss is the mean of the ${batch} per-sample losses.`,
            `バッチの損失は ${batch} 個のサンプルの損失の平均とする。`,
          )[lang]
        : t(
            `The batch loss is the sum of the ${batch} per-sample losses.`,
            `バッチの損失は ${batch} 個のサンプルの損失の和とする。`,
          )[lang],
    );
    lines.push(...valueBlock(t('Targets T', '教師データ T')[lang], spec.target, ''));
  } else {
    lines.push(...valueBlock(t('Target t', '教師データ t')[lang], spec.target, ''));
  }
  if (needsLearningRate(asks)) {
    lines.push(`${t('Learning rate', '学習率')[lang]} η = ${show(spec.learningRate)}`);
    if (!spec.updateBiases) lines.push(t('Biases are not updated.', 'バイアスは更新しない。')[lang]);
  }
  if (spec.layers.some((layer) => KINKED.has(layer.activation))) lines.push(reluConvention(spec, lang));
  if (given.size > 0) {
    lines.push('');
    lines.push(...givenLines(spec, given, lang));
  }
  return lines;
}
