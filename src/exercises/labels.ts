// What an ask asks, in words: "δ₂³, the delta of unit 2 in layer 3 (the output layer)". Indices are
// shown 1-based, as in the lecture deck, while the JSON keeps solve's 0-based ones; in Japanese the
// numbers sit next to their words as the worked solutions write them (ユニット2、2行1列).
import type { NetworkSpec } from '../concepts/network';
import { outputName } from './describe';
import { sub, sup, t } from './text';
import type { Lang, NetworkAsk } from './types';

function layerWords(spec: NetworkSpec, l: number, lang: Lang): string {
  const last = l === spec.layers.length - 1;
  return lang === 'en'
    ? `layer ${l + 1}${last ? ' (the output layer)' : ''}`
    : `第${l + 1}層${last ? '（出力層）' : ''}`;
}

function sampleWords(spec: NetworkSpec, s: number, lang: Lang): string {
  if (spec.input.length === 1) return '';
  return lang === 'en' ? `, sample ${s + 1}` : `、サンプル${s + 1}`;
}

/** "from input 2 to unit 1" for cell [r, c] of a weight matrix in the file's layout. */
function weightWords(spec: NetworkSpec, l: number, r: number, c: number, lang: Lang): string {
  const [i, j] = spec.layout === 'x-w' ? [r, c] : [c, r];
  const from =
    l === 0
      ? t(`input x${sub(i + 1)}`, `入力 x${sub(i + 1)}`)
      : t(
          `z${sup(l)}${sub(i + 1)} (unit ${i + 1} of layer ${l})`,
          `z${sup(l)}${sub(i + 1)}（第${l}層のユニット${i + 1}）`,
        );
  return lang === 'en'
    ? `row ${r + 1}, column ${c + 1}: the weight from ${from.en} to unit ${j + 1}`
    : `${r + 1}行${c + 1}列: ${from.ja} からユニット${j + 1}への重み`;
}

/** The generic label of a network ask. */
export function askLabel(spec: NetworkSpec, ask: NetworkAsk, lang: Lang): string {
  const l = ask.layer ?? 0;
  const L = sup(l + 1);
  const idx = ask.index;
  const whole = idx === undefined || idx.length === 0;
  // y (the network output) and z^l already name their layer.
  const symbol = (name: string) => (name === 'y' || name.startsWith('z') ? name : `${name}${L}`);
  const cellUnit = (what: string, whatJa: string, name: string): string => {
    if (whole) {
      return lang === 'en'
        ? `${what} of ${layerWords(spec, l, lang)}, all entries (one row per sample)`
        : `${layerWords(spec, l, lang)}の${whatJa}（すべての要素、1 行が 1 サンプル）`;
    }
    const [s, j] = idx;
    return lang === 'en'
      ? `${symbol(name)}${sub(j + 1)}, ${what} of unit ${j + 1} in ${layerWords(spec, l, lang)}${sampleWords(spec, s, lang)}`
      : `${symbol(name)}${sub(j + 1)}: ${layerWords(spec, l, lang)}のユニット${j + 1}の${whatJa}${sampleWords(spec, s, lang)}`;
  };
  const weightCell = (what: string, whatJa: string, name: string): string => {
    if (whole)
      return lang === 'en'
        ? `${name}, ${what} of ${layerWords(spec, l, lang)} (the whole matrix, laid out like W${L})`
        : `${name}（${layerWords(spec, l, lang)}の${whatJa}、W${L} と同じ形の行列全体）`;
    const [r, c] = idx;
    return lang === 'en'
      ? `${name}[${r + 1},${c + 1}], ${what} (${weightWords(spec, l, r, c, lang)})`
      : `${name}[${r + 1},${c + 1}]（${whatJa}。${weightWords(spec, l, r, c, lang)}）`;
  };
  const biasCell = (what: string, whatJa: string, name: string): string => {
    if (whole)
      return lang === 'en'
        ? `${name}, ${what} of ${layerWords(spec, l, lang)} (the whole vector)`
        : `${name}（${layerWords(spec, l, lang)}の${whatJa}、ベクトル全体）`;
    return lang === 'en'
      ? `${name}${sub(idx[0] + 1)}, ${what} of unit ${idx[0] + 1} in ${layerWords(spec, l, lang)}`
      : `${name}${sub(idx[0] + 1)}（${layerWords(spec, l, lang)}のユニット${idx[0] + 1}の${whatJa}）`;
  };
  switch (ask.quantity) {
    case 'loss':
      return t('the loss L', '損失 L')[lang];
    case 'loss_after':
      return t("the loss L' after updating every parameter once", "すべてのパラメータを 1 回更新した後の損失 L'")[lang];
    case 'loss_improvement':
      return t("by how much the loss improves: L − L'", "損失の改善量 L − L'")[lang];
    case 'preactivation':
      return cellUnit('the weighted sum (pre-activation)', '重み付き和 a（活性化前の値）', 'a');
    case 'output':
      return cellUnit('the output', '出力', outputName(spec, l));
    case 'delta':
      return cellUnit('the delta δ = ∂L/∂a', 'デルタ δ = ∂L/∂a', 'δ');
    case 'grad_weights':
      return weightCell('the gradient ∂L/∂w', '勾配 ∂L/∂w', `∂L/∂W${L}`);
    case 'grad_bias':
      return biasCell('the gradient ∂L/∂b', '勾配 ∂L/∂b', `∂L/∂b${L}`);
    case 'weights_after':
      // With momentum the step is w + v, v ← μv − η·∂L/∂w; with Adam w − η·m̂/(√v̂ + ε) (not w − η·∂L/∂w).
      return spec.optimizer?.name === 'momentum'
        ? weightCell(
            'the weight after one momentum step w + v, v ← μv − η·∂L/∂w',
            'モーメンタムで 1 回更新した後の重み w + v（v ← μv − η·∂L/∂w）',
            `W${L}′`,
          )
        : spec.optimizer?.name === 'adam'
          ? weightCell(
              'the weight after one Adam step w − η·m̂/(√v̂ + ε)',
              'Adam で 1 回更新した後の重み w − η·m̂/(√v̂ + ε)',
              `W${L}′`,
            )
          : weightCell('the weight after one update w − η·∂L/∂w', '1 回更新した後の重み w − η·∂L/∂w', `W${L}′`);
    case 'bias_after':
      return spec.optimizer?.name === 'momentum'
        ? biasCell(
            'the bias after one momentum step b + v, v ← μv − η·∂L/∂b',
            'モーメンタムで 1 回更新した後のバイアス b + v（v ← μv − η·∂L/∂b）',
            `b${L}′`,
          )
        : spec.optimizer?.name === 'adam'
          ? biasCell(
              'the bias after one Adam step b − η·m̂/(√v̂ + ε)',
              'Adam で 1 回更新した後のバイアス b − η·m̂/(√v̂ + ε)',
              `b${L}′`,
            )
          : biasCell('the bias after one update b − η·∂L/∂b', '1 回更新した後のバイアス b − η·∂L/∂b', `b${L}′`);
    case 'velocity_after':
      return weightCell('the velocity after the step v′ = μv − η·∂L/∂w', '更新後の速度 v′ = μv − η·∂L/∂w', `vW${L}′`);
    case 'velocity_bias_after':
      return biasCell('the velocity after the step v′ = μv − η·∂L/∂b', '更新後の速度 v′ = μv − η·∂L/∂b', `vb${L}′`);
    case 'adam_m_after':
      return weightCell(
        'the first moment after the step m′ = β₁m + (1 − β₁)·∂L/∂w',
        '更新後の1次モーメント m′ = β₁m + (1 − β₁)·∂L/∂w',
        `mW${L}′`,
      );
    case 'adam_m_bias_after':
      return biasCell(
        'the first moment after the step m′ = β₁m + (1 − β₁)·∂L/∂b',
        '更新後の1次モーメント m′ = β₁m + (1 − β₁)·∂L/∂b',
        `mb${L}′`,
      );
    case 'adam_v_after':
      return weightCell(
        'the second moment after the step v′ = β₂v + (1 − β₂)·(∂L/∂w)²',
        '更新後の2次モーメント v′ = β₂v + (1 − β₂)·(∂L/∂w)²',
        `vW${L}′`,
      );
    case 'adam_v_bias_after':
      return biasCell(
        'the second moment after the step v′ = β₂v + (1 − β₂)·(∂L/∂b)²',
        '更新後の2次モーメント v′ = β₂v + (1 − β₂)·(∂L/∂b)²',
        `vb${L}′`,
      );
    case 'adam_m_hat':
      return weightCell(
        'the bias-corrected first moment m̂ = m′/(1 − β₁ᵗ)',
        'バイアス補正した1次モーメント m̂ = m′/(1 − β₁ᵗ)',
        `m̂W${L}`,
      );
    case 'adam_m_hat_bias':
      return biasCell(
        'the bias-corrected first moment m̂ = m′/(1 − β₁ᵗ)',
        'バイアス補正した1次モーメント m̂ = m′/(1 − β₁ᵗ)',
        `m̂b${L}`,
      );
    case 'adam_v_hat':
      return weightCell(
        'the bias-corrected second moment v̂ = v′/(1 − β₂ᵗ)',
        'バイアス補正した2次モーメント v̂ = v′/(1 − β₂ᵗ)',
        `v̂W${L}`,
      );
    case 'adam_v_hat_bias':
      return biasCell(
        'the bias-corrected second moment v̂ = v′/(1 − β₂ᵗ)',
        'バイアス補正した2次モーメント v̂ = v′/(1 − β₂ᵗ)',
        `v̂b${L}`,
      );
    case 'grad_alpha':
      return lang === 'en'
        ? `∂L/∂α, the gradient of the PReLU slope of ${layerWords(spec, l, lang)}`
        : `∂L/∂α（${layerWords(spec, l, lang)}の PReLU の傾き α の勾配）`;
    case 'activation_derivative':
      return cellUnit("the activation function's derivative h′(a)", '活性化関数の微分 h′(a)', 'h′');
    case 'softmax_jacobian': {
      if (!idx || idx.length < 3)
        return t(
          'the softmax Jacobian ∂y_i/∂a_k (the whole matrix, row i, column k)',
          'ソフトマックス関数のヤコビ行列 ∂y_i/∂a_k（行列全体、i 行 k 列）',
        )[lang];
      const [s, i, k] = idx;
      return lang === 'en'
        ? `∂y${sub(i + 1)}/∂a${sub(k + 1)}, the softmax Jacobian entry${sampleWords(spec, s, lang)}`
        : `∂y${sub(i + 1)}/∂a${sub(k + 1)}（ソフトマックス関数のヤコビ行列の要素${sampleWords(spec, s, lang)}）`;
    }
    case 'grad_input': {
      const name = l === 0 ? 'x' : `z${sup(l)}`;
      if (whole)
        return lang === 'en'
          ? `dx = ∂L/∂${name}, the gradient with respect to the input of ${layerWords(spec, l, lang)} (one row per sample)`
          : `dx = ∂L/∂${name}（${layerWords(spec, l, lang)}への入力に関する勾配、1 行が 1 サンプル）`;
      const [s, i] = idx;
      return lang === 'en'
        ? `∂L/∂${name}${sub(i + 1)}${sampleWords(spec, s, lang)}`
        : `∂L/∂${name}${sub(i + 1)}${sampleWords(spec, s, lang)}`;
    }
  }
}
