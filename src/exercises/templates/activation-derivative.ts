// The derivative of an activation function at a point (the E-shikaku notes: sigmoid, ReLU, tanh and their derivatives;
// the layer-code notes: Leaky ReLU, PReLU, ReLU6; the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2): σ′ = y(1 − y)), including the value at the kink a = 0 under the
// stated convention. The network is one unit with weight 1 and bias 0, one sample per point, so the
// engine's h′(A) (quantity activation_derivative) is h′ at each point.
import { activation } from '../../concepts/activations';
import type { ActivationName } from '../../concepts/network';
import type { Value } from '../../number/value';
import { reluConvention } from '../describe';
import { lit } from '../numbers';
import { show } from '../show';
import type { NetworkContext, NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Lang } from '../types';

const values = (...texts: string[]) => texts.map(lit);
const SMOOTH_POINTS = values('-2', '-1.5', '-1', '-0.5', '0.5', '1', '1.5', '2', '0.4', '-0.4', '0.8', '-0.8', '0.2');
const NONZERO_POINTS = values('-2', '-1', '-0.5', '0.5', '1', '2', '1.5', '-1.5', '3');
const ZERO = lit('0');

function definition(name: ActivationName, alpha: Value | null, lang: Lang): string {
  return activation(name).definitionText(alpha ? show(alpha) : '', lang);
}

function statement(ctx: NetworkContext, lang: Lang): string[] {
  const layer = ctx.spec.layers[0];
  const points = ctx.spec.input.map((row) => row[0]);
  const lines = [`${t('Activation function', '活性化関数')[lang]}: ${definition(layer.activation, layer.alpha, lang)}`];
  const given = ctx.given.get(0);
  if (given) {
    const y = `${activation(layer.activation).names.text}(a)`;
    points.forEach((a, s) => {
      lines.push(
        lang === 'en'
          ? `At a = ${show(a)} the output is y = ${y} ≈ ${show(given[s][0])} (rounded to one decimal); use y = ${show(given[s][0])}.`
          : `a = ${show(a)} での出力は y = ${y} ≈ ${show(given[s][0])}（小数第1位に丸めた値）。y = ${show(given[s][0])} を使うこと。`,
      );
    });
    lines.push(
      layer.activation === 'sigmoid'
        ? t(
            'Express the derivative through the output y, as on the computational graph of the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2).',
            'シグモイドレイヤの導出（『ゼロから作るDeep Learning』5.5.2）の計算グラフのように、微分を出力 y で表して計算せよ。',
          )[lang]
        : t('Express the derivative through the output y.', '微分を出力 y で表して計算せよ。')[lang],
    );
  } else {
    lines.push(reluConvention(ctx.spec, lang));
    if (layer.activation === 'relu6')
      lines.push(
        t(
          'At a = 6 and above, ReLU6′(a) = 0 (as in PyTorch and TensorFlow).',
          'a ≥ 6 では ReLU6′(a) = 0 とする（PyTorch・TensorFlow と同じ）。',
        )[lang],
      );
    lines.push(`${t('Points', '点')[lang]}: a = ${points.map(show).join(', ')}`);
  }
  return lines;
}

function label(ctx: NetworkContext, ask: { index?: readonly number[] }, lang: Lang): string {
  const s = ask.index?.[0] ?? 0;
  const a = show(ctx.spec.input[s][0]);
  const f = activation(ctx.spec.layers[0].activation).names.text;
  return lang === 'en' ? `${f}′(a) at a = ${a}` : `a = ${a} における ${f}′(a)`;
}

export const activationDerivative: Template = {
  name: 'activation-derivative',
  kind: 'network',
  description: t(
    'Derivative of an activation at a point: σ′ = y(1−y), tanh′ = 1−y², ReLU/Leaky/PReLU/ReLU6 incl. a = 0',
    '活性化関数の微分の値: σ′ = y(1−y)、tanh′ = 1−y²、ReLU・Leaky ReLU・PReLU・ReLU6（a = 0 を含む）',
  ),
  topic: t(
    'the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2): σ′ = y(1 − y); the E-shikaku notes: derivatives and ReLU′(0); the layer-code notes: Leaky ReLU, PReLU, ReLU6',
    'シグモイドレイヤの導出（『ゼロから作るDeep Learning』5.5.2）の σ′ = y(1 − y)、E資格のノートの活性化関数の微分と ReLU′(0)、レイヤのコードのノートの Leaky ReLU・PReLU・ReLU6',
  ),
  draft(rng, difficulty): NetworkDraft {
    let activation: ActivationName;
    let points: Value[];
    let alpha: Value | undefined;
    if (difficulty === 1) {
      activation = rng.pick(['sigmoid', 'tanh', 'relu', 'leaky-relu'] as const);
      points = [rng.pick(activation === 'sigmoid' || activation === 'tanh' ? SMOOTH_POINTS : NONZERO_POINTS)];
    } else if (difficulty === 2) {
      activation = rng.pick(['relu', 'leaky-relu', 'prelu'] as const);
      points = rng.sample([ZERO, rng.pick(NONZERO_POINTS)], 2);
    } else {
      activation = rng.pick(['relu6', 'leaky-relu', 'prelu'] as const);
      points =
        activation === 'relu6'
          ? rng.sample(
              [
                rng.pick(values('0', '6')),
                rng.pick(values('0.5', '1', '2', '3', '5', '5.5')),
                rng.pick(values('-1', '-2', '7', '8', '6.5')),
              ],
              3,
            )
          : rng.sample([ZERO, rng.pick(values('0.5', '1', '2', '3')), rng.pick(values('-0.5', '-1', '-2', '-3'))], 3);
    }
    if (activation === 'leaky-relu') alpha = rng.pick(values('0.01', '0.1', '0.2'));
    if (activation === 'prelu') alpha = rng.pick(values('0.25', '0.1', '0.5'));
    const draft: NetworkDraft = {
      kind: 'network',
      net: {
        layout: 'x-w',
        layers: [{ weights: [[lit('1')]], bias: [ZERO], activation, ...(alpha ? { alpha } : {}) }],
        loss: 'half-sse',
        input: points.map((a) => [a]),
        target: points.map(() => [ZERO]),
        learningRate: lit('0.1'),
        reluGradAtZero: rng.chance(0.5) ? 1 : 0,
      },
      asks: points.map((_, s) => ({
        id: `a${s + 1}`,
        quantity: 'activation_derivative' as const,
        layer: 0,
        index: [s, 0],
      })),
      intro: t(
        'Activation functions: compute the derivative h′(a) at each point.',
        '活性化関数: 各点における微分 h′(a) の値を求めよ。',
      ),
      statement,
      label,
      allowZero: true,
      allowEqual: true,
    };
    return draft;
  },
};
