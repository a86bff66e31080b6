// Two hints per ask: the formula, then the formula with this exercise's numbers substituted (from the
// engine's intermediate values, never a result the template computed itself).
import { penaltySlope } from '../concepts/regularization';
import type { GraphSolution } from '../graph/solve';
import { formulaText } from '../graph/formula';
import { atStep } from '../graph/text';
import { activation } from '../concepts/activations';
import { loss, type Shown } from '../concepts/losses';
import { weightAt as weightXW, type Matrix, type NetworkSpec } from '../concepts/network';
import { sign, type Value } from '../number/value';
import { activationName, lossFormula, outputName } from './describe';
import { optimizerHints } from './optimizer-hints';
import { show, showVector } from './show';
import type { NetworkContext } from './template';
import { sub, sup, t } from './text';
import type { GraphAsk, GraphStepAsk, Lang, NetworkAsk } from './types';

/** A value as an operand: negative numbers in parentheses, "0.5 × (-0.2)". */
function op(v: Value): string {
  const s = show(v);
  return s.startsWith('-') ? `(${s})` : s;
}

function inputRow(ctx: NetworkContext, l: number, s: number): readonly Value[] {
  return l === 0 ? ctx.spec.input[s] : ctx.solution.layers[l - 1].output[s];
}

/** h′ at a cell, written as a student substitutes it. */
function derivativeText(
  ctx: NetworkContext,
  l: number,
  s: number,
  j: number,
  lang: Lang,
  conditionOnly = false,
): string {
  const layer = ctx.spec.layers[l];
  const y = ctx.solution.layers[l].output[s][j];
  const a = ctx.solution.layers[l].preactivation[s][j];
  const substituted = activation(layer.activation).derivativeAt;
  if (substituted) return substituted(op(y));
  const h = ctx.solution.layers[l].activationDerivative?.[s][j];
  const where =
    sign(a) === 0
      ? (ctx.spec.conventions.reluGradAtZero === 1
          ? t('a = 0: this exercise takes the right derivative', 'a = 0: この問題では右微分をとる')
          : t('a = 0: this exercise takes the left derivative', 'a = 0: この問題では左微分をとる'))[lang]
      : `a = ${show(a)} ${sign(a) > 0 ? '>' : '<'} 0`;
  if (conditionOnly || !h) return where;
  return `${op(h)} [${where}]`;
}

function derivativeFormula(ctx: NetworkContext, l: number): string {
  return activation(ctx.spec.layers[l].activation).derivativeText;
}

function batchPrefix(spec: NetworkSpec): string {
  return spec.input.length > 1 && spec.conventions.batch === 'mean' ? `(1/${spec.input.length}) × ` : '';
}

/** A number as the loss concepts substitute it: plain and as an operand. */
function shown(v: Value): Shown {
  return { plain: show(v), operand: op(v) };
}

/** ∂L/∂y for one output cell, substituted. */
function lossGradientText(spec: NetworkSpec, y: Value, target: Value): string {
  return loss(spec.loss).gradientAt(shown(y), shown(target), spec.target[0].length);
}

function lossGradientFormula(spec: NetworkSpec): string {
  return loss(spec.loss).gradientText(spec.target[0].length);
}

function sampleLossText(spec: NetworkSpec, y: readonly Value[], target: readonly Value[]): string {
  return loss(spec.loss).sampleAt(
    y.map(shown),
    target.map(shown),
    target.map((v) => sign(v) === 0),
  );
}

function matrixText(m: Matrix): string {
  return m.length === 1 ? showVector(m[0]) : `[${m.map((r) => r.map(show).join(' ')).join('; ')}]`;
}

/** [formula, formula with numbers] for a network ask. */
export function networkHints(ctx: NetworkContext, ask: NetworkAsk, lang: Lang): [string, string] {
  const { spec, solution } = ctx;
  const l = ask.layer ?? 0;
  const L = sup(l + 1);
  const last = l === spec.layers.length - 1;
  const whole =
    ask.index === undefined || (ask.quantity === 'softmax_jacobian' ? ask.index.length < 3 : ask.index.length === 0);
  const example = whole ? t('For example, the first entry: ', '例えば最初の要素: ')[lang] : '';
  const [s, j] = whole ? [0, 0] : ask.index!;
  const samples = spec.input.map((_, k) => k);
  const stepped = optimizerHints(ctx, ask, lang);
  if (stepped) return stepped;
  switch (ask.quantity) {
    case 'loss': {
      const per = spec.target.map((target, k) =>
        sampleLossText(spec, solution.layers[spec.layers.length - 1].output[k], target),
      );
      const joined = per.map((p, k) => (k > 0 && p.startsWith('−') ? `(${p})` : p)).join(' + ');
      const combined =
        per.length === 1 ? per[0] : spec.conventions.batch === 'mean' ? `(1/${per.length})[${joined}]` : joined;
      return [
        `${t('Loss', '損失関数')[lang]}: ${lossFormula(spec.loss, spec.target[0].length, lang)}`,
        `L = ${combined}`,
      ];
    }
    case 'loss_after': {
      const params = solution.layers.map(
        (layer, k) =>
          `W${sup(k + 1)}′ = ${matrixText(layer.weightsAfter)}, b${sup(k + 1)}′ = ${showVector(layer.biasAfter)}`,
      );
      return [
        t(
          'Update every parameter (W′ = W − η·∂L/∂W, b′ = b − η·∂L/∂b), run the forward pass again and compute the loss L′.',
          'すべてのパラメータを更新し（W′ = W − η·∂L/∂W、b′ = b − η·∂L/∂b）、もう一度順伝播して損失 L′ を計算する。',
        )[lang],
        params.join('; '),
      ];
    }
    case 'loss_improvement':
      return [
        t(
          'Improvement = L − L′ (loss before minus loss after the update).',
          '改善量 = L − L′（更新前の損失 − 更新後の損失）。',
        )[lang],
        `L − L′ = ${show(solution.loss)} − ${op(solution.lossAfter)}`,
      ];
    case 'preactivation': {
      const x = inputRow(ctx, l, s);
      const terms = x.map((xi, i) => `${op(xi)} × ${op(weightXW(spec, l, i, j))}`);
      return [
        `a_j = Σ_i ${l === 0 ? 'x_i' : `z${sup(l)}_i`} w_ij + b_j`,
        `${example}a${L}${sub(j + 1)} = ${terms.join(' + ')} + ${op(spec.layers[l].bias[j])}`,
      ];
    }
    case 'output': {
      const a = solution.layers[l].preactivation[s][j];
      const h = activationName(spec.layers[l].activation, lang);
      return [
        `${outputName(spec, l)}_j = h(a_j), h = ${h}`,
        `${example}${outputName(spec, l)}${sub(j + 1)} = ${h}(${show(a)})`,
      ];
    }
    case 'delta': {
      if (last) {
        const y = solution.layers[l].output[s][j];
        const target = spec.target[s][j];
        if (spec.layers[l].activation === 'softmax' && spec.loss === 'cross-entropy') {
          return [
            `δ_j = ${batchPrefix(spec) ? '(y_j − t_j) / N' : 'y_j − t_j'} ${t('(softmax + cross-entropy)', '（ソフトマックス関数 + 交差エントロピー誤差）')[lang]}`,
            `${example}δ${L}${sub(j + 1)} = ${batchPrefix(spec)}(${show(y)} − ${show(target)})`,
          ];
        }
        return [
          `δ_j = ∂L/∂y_j · h′(a_j), ${lossGradientFormula(spec)}, ${derivativeFormula(ctx, l)}${batchPrefix(spec) ? `, × 1/${spec.input.length} (${t('batch mean', 'バッチ平均')[lang]})` : ''}`,
          `${example}δ${L}${sub(j + 1)} = ${batchPrefix(spec)}${lossGradientText(spec, y, target)} × ${derivativeText(ctx, l, s, j, lang)}`,
        ];
      }
      const next = solution.layers[l + 1].delta[s];
      const sum = next.map((dk, k) => `${op(dk)} × ${op(weightXW(spec, l + 1, j, k))}`).join(' + ');
      return [
        `δ_j = (Σ_k δ_k w_jk) · h′(a_j), ${t('weights before the update', '更新前の重み')[lang]}; ${derivativeFormula(ctx, l)}`,
        `${example}δ${L}${sub(j + 1)} = (${sum}) × ${derivativeText(ctx, l, s, j, lang)}`,
      ];
    }
    case 'grad_weights':
    case 'weights_after': {
      const [r, c] = whole ? [0, 0] : ask.index!;
      const [i, jj] = spec.layout === 'x-w' ? [r, c] : [c, r];
      const z = l === 0 ? 'x_i' : `z${sup(l)}_i`;
      // L2 regularization adds k·w (k = λ, or λ/N) to every weight gradient.
      const reg = spec.regularization;
      const k = reg ? penaltySlope(reg, spec.input.length) : null;
      const decay = k ? ` + ${op(k)} × ${op(spec.layers[l].weights[r][c])}` : '';
      const grad =
        samples.map((s) => `${op(inputRow(ctx, l, s)[i])} × ${op(solution.layers[l].delta[s][jj])}`).join(' + ') +
        decay;
      const decayFormula = reg ? (reg.scale === '1/2' ? ' + λ·w_ij' : ' + (λ/N)·w_ij') : '';
      const gradFormula = (spec.input.length > 1 ? `∂L/∂w_ij = Σ_s ${z}·δ_j` : `∂L/∂w_ij = ${z}·δ_j`) + decayFormula;
      if (ask.quantity === 'grad_weights') return [gradFormula, `${example}${grad}`];
      const w = spec.layers[l].weights[r][c];
      const g = solution.layers[l].gradWeights[r][c];
      const o = spec.optimizer;
      if (o?.name === 'momentum')
        return [
          `v′ = μ·v − η·∂L/∂w, w′ = w + v′, ${gradFormula}`,
          `${example}${show(w)} + (${op(o.momentum)} × ${op(o.velocity[l].weights[r][c])} − ${op(spec.learningRate)} × ${op(g)})  (∂L/∂w = ${grad})`,
        ];
      return [
        `w′ = w − η·∂L/∂w, ${gradFormula}`,
        `${example}${show(w)} − ${op(spec.learningRate)} × ${op(g)}  (∂L/∂w = ${grad})`,
      ];
    }
    case 'grad_bias':
    case 'bias_after': {
      const jj = whole ? 0 : ask.index![0];
      const grad = samples.map((k) => op(solution.layers[l].delta[k][jj])).join(' + ');
      const gradFormula = spec.input.length > 1 ? '∂L/∂b_j = Σ_s δ_j' : '∂L/∂b_j = δ_j';
      if (ask.quantity === 'grad_bias') return [gradFormula, `${example}∂L/∂b${L}${sub(jj + 1)} = ${grad}`];
      const b = spec.layers[l].bias[jj];
      const o = spec.optimizer;
      if (o?.name === 'momentum')
        return [
          `v′ = μ·v − η·∂L/∂b, b′ = b + v′, ${gradFormula}`,
          `${example}${show(b)} + (${op(o.momentum)} × ${op(o.velocity[l].bias[jj])} − ${op(spec.learningRate)} × ${op(solution.layers[l].gradBias[jj])})  (∂L/∂b = ${grad})`,
        ];
      return [
        `b′ = b − η·∂L/∂b, ${gradFormula}`,
        `${example}${show(b)} − ${op(spec.learningRate)} × ${op(solution.layers[l].gradBias[jj])}  (∂L/∂b = ${grad})`,
      ];
    }
    case 'grad_alpha':
      return [
        '∂L/∂α = Σ ∂L/∂z · a (a ≤ 0)',
        t('Add ∂L/∂z·a over the cells with a ≤ 0.', 'a ≤ 0 の要素について ∂L/∂z·a を足す。')[lang],
      ];
    case 'activation_derivative':
      return [derivativeFormula(ctx, l), `${example}${derivativeText(ctx, l, s, j, lang, true)}`];
    case 'softmax_jacobian': {
      const [ss, i, k] = whole ? [ask.index?.[0] ?? 0, 0, 0] : ask.index!;
      const y = solution.layers[l].output[ss];
      return [
        `${activation('softmax').derivativeText}, δ_ik = 1 (i = k), 0 (i ≠ k)`,
        `${example}${op(y[i])} × (${i === k ? 1 : 0} − ${op(y[k])})`,
      ];
    }
    case 'grad_input': {
      const delta = solution.layers[l].delta[s];
      const sum = delta.map((dk, k) => `${op(dk)} × ${op(weightXW(spec, l, j, k))}`).join(' + ');
      return ['dx = dout·Wᵀ: dx_i = Σ_j dout_j w_ij', `${example}${sum}`];
    }
  }
  // The optimizer's state was answered above; it needs the optimizer the network names.
  throw new RangeError(
    `ask ${ask.id}: ${ask.quantity} needs the ${ask.quantity.startsWith('adam') ? 'adam' : 'momentum'} optimizer`,
  );
}

/** x_k = x_(k−1) − η·∂f/∂x at x_(k−1), then with the numbers of that step; f(x_k) at the point reached. */
function stepHints(solution: GraphSolution, ask: GraphStepAsk, lang: Lang): [string, string] {
  const { spec, history } = solution;
  const step = spec.step!;
  const output = spec.output;
  const k = ask.step;
  const sign = step.ascent ? '+' : '−';
  const before = k === 1 ? solution.values : history[k - 2].inputs;
  if (ask.quantity === 'value_after') {
    const point = step.update
      .map((name) => `${atStep(name, k)} = ${show(history[k - 1].inputs.get(name)!)}`)
      .join(', ');
    return [
      t(
        `Evaluate ${output} again, node by node, at the point step ${k} reaches.`,
        `ステップ ${k} で到達した点で、${output} をノードごとにもう一度計算する。`,
      )[lang],
      t(`${output} at ${point}`, `${point} での ${output}`)[lang],
    ];
  }
  const x = ask.node;
  const g = history[k - 1].gradients.get(x)!;
  return [
    t(
      `${atStep(x, k)} = ${atStep(x, k - 1)} ${sign} η·∂${output}/∂${x}, the gradient taken at the point before the step (${atStep(x, k - 1)}); each step starts from the last.`,
      `${atStep(x, k)} = ${atStep(x, k - 1)} ${sign} η·∂${output}/∂${x}。勾配はステップ前の点（${atStep(x, k - 1)}）での値。各ステップは前のステップの結果から始める。`,
    )[lang],
    `${atStep(x, k)} = ${show(before.get(x)!)} ${sign} ${op(step.learningRate)} × ${op(g)}  (∂${output}/∂${x} = ${show(g)})`,
  ];
}

/** [formula, formula with numbers] for a graph ask. */
export function graphHints(solution: GraphSolution, ask: GraphAsk, lang: Lang): [string, string] {
  const output = solution.spec.output;
  if (ask.quantity === 'input_after' || ask.quantity === 'value_after') return stepHints(solution, ask, lang);
  if (ask.quantity !== 'gradients') {
    const lines = solution.spec.nodes.map((node) => {
      const args = solution.edges
        .filter((e) => e.to === node.name)
        .map((e) => (e.fromKind === 'literal' ? e.from : show(e.forward)));
      return `${node.name} = ${formulaText(node.op, args)}`;
    });
    return [t('Forward pass: evaluate the nodes in order.', '順伝播: ノードを順に計算する。')[lang], lines.join(', ')];
  }
  const edges = solution.edges.filter((e) => e.fromKind !== 'literal' && e.from === ask.node && e.backward !== null);
  const terms = edges.map((e) => `${op(e.upstream)} × ${op(e.localDerivative!)}`);
  return [
    t(
      `Backward from ∂${output}/∂${output} = 1: each edge carries back upstream × local derivative (add: × 1; multiply: × the other input; square: × 2t); add the contributions of every edge leaving a node.`,
      `∂${output}/∂${output} = 1 から逆伝播: 各エッジは「上流の微分 × 局所的な微分」を逆向きに伝える（加算ノード: × 1、乗算ノード: × もう一方の入力、二乗: × 2t）。分岐では和をとる。`,
    )[lang],
    `∂${output}/∂${ask.node} = ${terms.join(' + ')}`,
  ];
}
