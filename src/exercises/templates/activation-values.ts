// Activation values of a vector: y = h(a) element by element for sigmoid, tanh and ReLU, and softmax
// of a whole row, whose large inputs need the overflow trick softmax(a) = softmax(a − max a) (the
// definitions-and-layer-code notes). The network is one layer with input 1, bias 0 and the vector a
// as its one row of weights, so the layer's output is h(a); nothing is stated rounded (the outputs are
// what is asked), and an irrational value is answered as a decimal to 4 significant figures.
import { activation } from '../../concepts/activations';
import type { ActivationName } from '../../concepts/network';
import type { Value } from '../../number/value';
import { lit } from '../numbers';
import type { Rng } from '../prng';
import { showVector } from '../show';
import type { NetworkContext, NetworkDraft, Template } from '../template';
import { t } from '../text';
import type { Lang, NetworkAsk } from '../types';

const values = (...texts: string[]) => texts.map(lit);
const SMOOTH_POINTS = values('-2', '-1', '-0.5', '0.5', '1', '2', '1.5', '-1.5', '0', '3');
const RELU_POINTS = values('-2', '-1', '-0.5', '0.5', '1', '2', '1.5', '-1.5', '3', '-3', '0.2', '-0.2');
/** Large logits: exp(1000) overflows a float64, so the trick is needed, not just recommended. */
const LARGE_BASES = [1000, 800, 1010, 999];

function points(rng: Rng, pool: readonly Value[], n: number): Value[] {
  return rng.sample(pool, n);
}

function largeLogits(rng: Rng, n: number): Value[] {
  const base = rng.pick(LARGE_BASES);
  const offsets = rng.sample([0, 1, 2, 3, -1], n);
  return offsets.map((k) => lit(String(base + k)));
}

function statement(ctx: NetworkContext, lang: Lang): string[] {
  const layer = ctx.spec.layers[0];
  const a = showVector(layer.weights[0]);
  const def =
    layer.activation === 'softmax'
      ? 'softmax(a)_i = e^(a_i) / Σ_k e^(a_k)'
      : activation(layer.activation).definitionText('', lang);
  const lines = [`${t('Activation function', '活性化関数')[lang]}: ${def}`, `a = ${a}`];
  if (layer.activation === 'softmax')
    lines.push(
      t(
        'e^a overflows a calculator (and a float64, beyond e^709) for these inputs: subtract the largest input first, softmax(a) = softmax(a − max a), which does not change the result.',
        'この入力では e^a が電卓（と e^709 を超える float64）でオーバーフローする: 先に最大の入力を引くこと。softmax(a) = softmax(a − max a) で結果は変わらない。',
      )[lang],
    );
  if (layer.activation === 'sigmoid' || layer.activation === 'tanh' || layer.activation === 'softmax')
    lines.push(
      t('Give irrational values as decimals to 4 significant figures.', '無理数の値は有効数字 4 桁の小数で答えよ。')[
        lang
      ],
    );
  return lines;
}

function label(ctx: NetworkContext, ask: NetworkAsk, lang: Lang): string {
  const k = ask.index?.[1] ?? 0;
  const f = activation(ctx.spec.layers[0].activation).names.text;
  const name = f === 'softmax' ? `y_${k + 1} = softmax(a)_${k + 1}` : `y_${k + 1} = ${f}(a_${k + 1})`;
  return lang === 'en' ? name : `${name} の値`;
}

export const activationValues: Template = {
  name: 'activation-values',
  kind: 'network',
  description: t(
    'Activation values of a vector: sigmoid, tanh, ReLU element-wise, softmax with the overflow trick',
    'ベクトルの活性化関数の値: シグモイド・tanh・ReLU（要素ごと）、オーバーフロー対策をしたソフトマックス',
  ),
  topic: t(
    'the definitions-and-layer-code notes: sigmoid, tanh, ReLU, softmax with the max-subtraction overflow trick',
    '定義とレイヤのコードのノート: シグモイド・tanh・ReLU、最大値を引くソフトマックスのオーバーフロー対策',
  ),
  draft(rng, difficulty): NetworkDraft {
    let name: ActivationName;
    let a: Value[];
    if (difficulty === 1) {
      name = rng.pick(['relu', 'sigmoid', 'tanh'] as const);
      a = points(rng, name === 'relu' ? RELU_POINTS : SMOOTH_POINTS, 3);
    } else if (difficulty === 2) {
      name = rng.pick(['sigmoid', 'tanh', 'softmax'] as const);
      a = name === 'softmax' ? points(rng, values('-1', '0', '1', '2', '0.5'), 3) : points(rng, SMOOTH_POINTS, 4);
    } else {
      name = 'softmax';
      a = largeLogits(rng, rng.pick([3, 4]));
    }
    const asks: NetworkAsk[] = a.map((_, k) => ({ id: `a${k + 1}`, quantity: 'output', layer: 0, index: [0, k] }));
    return {
      kind: 'network',
      net: {
        layout: 'x-w',
        layers: [{ weights: [a], bias: a.map(() => lit('0')), activation: name }],
        loss: name === 'softmax' ? 'cross-entropy' : 'half-sse',
        input: [[lit('1')]],
        target: [a.map((_, k) => lit(k === 0 ? '1' : '0'))],
        learningRate: lit('0.1'),
      },
      asks,
      giveOutputs: [],
      // ReLU of a negative input is a legitimate 0; σ(0) = 1/2 and tanh(0) = 0 are exact.
      allowZero: true,
      friendliness: { maxExprSize: 24 },
      intro: t(
        'Activation functions: compute the output y = h(a) of the activation for the input vector a.',
        '活性化関数: 入力ベクトル a に対する活性化関数の出力 y = h(a) を求めよ。',
      ),
      statement,
      label,
    };
  },
};
