// 日本語: 途中式つきの解説の言葉 (用語は glossary-ja.md、つまり教材の用語に合わせる)。
import { activationNames } from '../concepts/activations';
import { lossNames } from '../concepts/losses';
import type { OptimizerName } from '../concepts/optimizer';
import { UPDATE_RULE } from './update-rule';
import type { Cell, Messages, OptimizerStateKind, WeightCell } from './messages';

const sample = (c: { sample: number | null }) => (c.sample === null ? '' : `・サンプル${c.sample}`);
const at = (c: Cell) => `第${c.layer}層 ユニット${c.unit}${sample(c)}`;
const edge = (c: WeightCell) => `入力${c.input}→ユニット${c.unit}`;

const STATE_JA: Readonly<Record<OptimizerStateKind, string>> = {
  velocity: '速度 v',
  m: '1次モーメント m',
  v: '2次モーメント v',
  mHat: 'バイアス補正した1次モーメント m̂',
  vHat: 'バイアス補正した2次モーメント v̂',
};

const OPTIMIZER_JA: Readonly<Record<OptimizerName, string>> = {
  sgd: '勾配降下法',
  momentum: 'モーメンタム',
  adam: 'Adam',
};

export const ja: Messages = {
  lang: 'ja',
  title: (name) => `途中式つきの解説: ${name}`,
  subtitle: (steps, optimizer) =>
    steps === 1
      ? `誤差逆伝播法を厳密な数値で手計算する: 順伝播、逆伝播、${OPTIMIZER_JA[optimizer]}による1回の更新、更新後の損失。`
      : `誤差逆伝播法を厳密な数値で手計算する: ${steps}ステップ。各ステップで順伝播、逆伝播、${OPTIMIZER_JA[optimizer]}による更新、更新後の損失。`,
  section: {
    problem: 'ネットワーク',
    forwardScalar: '順伝播（ユニットごと）',
    forwardMatrix: '順伝播（行列表現）',
    loss: '損失関数',
    backwardScalar: '逆伝播: 重みごとの連鎖律',
    backwardMatrix: '逆伝播: 行列表現',
    updateMatrix: 'パラメータの更新（行列表現）',
    after: '損失はいくら改善するか',
    appendix: '付録: 導出',
  },
  updateTitle: (optimizer) => `パラメータの更新（${OPTIMIZER_JA[optimizer]}）`,
  training: {
    step: (k, of, rows) => `ステップ ${k}/${of}（${rows} 行目）`,
    history: '学習: 各ステップの損失',
    header: ['ステップ', '行', '損失 L', 'ステップ後の損失 L⁺'],
  },
  layerHeading: (layer, output, activation) => `第${layer}層（${output ? '出力層' : '中間層'}、${activation}）`,
  activation: activationNames('ja'),
  lossName: lossNames('ja'),
  layout: {
    'x-w': '行ベクトル、a = x W + b、W[入力][ユニット]（講義スライド、ゼロから作るDeep Learning）',
    'w-x': '列ベクトル、a = W x + b、W[ユニット][入力]（E資格のノート）',
  },
  problem: {
    network: (layers, inputs, outputs) => `${layers}層のネットワーク（入力${inputs}個、出力${outputs}個）。`,
    layoutLine: '重みの並べ方:',
    layer: (layer, output, inputs, units, activation) =>
      `第${layer}層（${output ? '出力層' : '中間層'}）: 入力${inputs}個、ユニット${units}個、活性化関数は${activation}`,
    alpha: (learnable) => (learnable ? '学習する傾き' : 'a < 0 での傾き'),
    lossLine: '損失関数:',
    inputLine: (samples, columns) =>
      samples > 1
        ? `入力（1${columns ? '列' : '行'}が1サンプル、${samples}サンプルのミニバッチ）:`
        : columns
          ? '入力（列ベクトル）:'
          : '入力:',
    targetLine: (samples, columns) =>
      samples > 1
        ? `教師データ（1${columns ? '列' : '行'}が1サンプル）:`
        : columns
          ? '教師データ（列ベクトル）:'
          : '教師データ:',
    learningRate: '学習率:',
    batch: (mode, samples) =>
      mode === 'mean'
        ? `バッチの損失は${samples}サンプルの損失の平均。`
        : `バッチの損失は${samples}サンプルの損失の和。`,
    reluConvention: (g) =>
      `約束: ReLU系の関数の a = 0 での微分は${g === 0 ? '左' : '右'}微分とする（relu_grad_at_zero = ${g}）。`,
    biasesFixed: 'バイアスは更新しない（update_biases: false）。',
    regularization: (scale) =>
      `損失にL2正則化（荷重減衰）の項 R = ${scale === '1/2' ? '(λ/2)' : '(λ/2N)（N はバッチのサンプル数）'}×（すべての重みの二乗和、バイアスは含めない）を加える。`,
    sharedBias: (layers) =>
      `${layers.map((l) => `第${l}層`).join('と')}のバイアスは全ユニットで共有する1つの数（b の成分はすべて同じ値）。`,
    figureCaption: (s) =>
      `ネットワークと値${s === null ? '' : `（サンプル${s}）`}: 左が入力層。各ユニットの中に重み付き和 a と出力 z、各エッジの上に重み w（黒）、その下に勾配 ∂L/∂w（青）。`,
    figureAlt: 'ネットワークの図: ユニットを円で、重みをエッジで表す',
    figureNoEdgeLabels: '層の幅が大きいのでエッジには値を書いていない。重みと勾配は各ステップを参照。',
  },
  intro: {
    forwardScalar:
      '各ユニットは入力の重み付き和にバイアスを足した値（重み付き和 a）を計算し、活性化関数を通して出力する: z = h(a)。',
    forwardMatrix: (columns) =>
      columns
        ? '同じ計算を層ごとに行列でまとめて行う（1列が1サンプル）。'
        : '同じ計算を層ごとに行列でまとめて行う（1行が1サンプル。講義スライドの行ベクトル表現）。',
    loss: '損失関数で最後の層の出力と教師データを比べる。',
    backwardScalar:
      'ユニットのデルタ δ（誤差）は、損失 L の、重み付き和 a についての偏微分。出力層から逆向きに求め、各重みの勾配は「そのユニットのデルタ × その重みにかかる入力」になる。',
    backwardMatrix: (columns) =>
      columns
        ? '同じ逆伝播を行列でまとめて行う（1列が1サンプル）。'
        : '同じ逆伝播を講義スライドのように行列でまとめて行う（1行が1サンプル）。',
    update: 'すべてのパラメータを勾配と逆向きに動かす: 新しい値 = 古い値 − 学習率 × 勾配。',
    optimizer: (name, t) =>
      name === 'momentum'
        ? 'Momentum では各パラメータが速度 v を持つ: v⁺ = μ·v − η·（勾配）とし、パラメータをその分だけ動かす: w⁺ = w + v⁺。'
        : `Adam では各パラメータが勾配の移動平均 m と勾配の二乗の移動平均 v を持つ。ステップ t = ${t} ではそれぞれを 1 − β₁ᵗ、1 − β₂ᵗ で割り（バイアス補正）、パラメータを η·m̂/(√v̂ + ε) だけ動かす。`,
    biasesFixed: 'バイアスは更新しない（update_biases: false）ので、値はそのまま。',
    after: '更新したパラメータでもう一度順伝播し、損失を求め、どれだけ減ったかを見る。',
    conclusion: (improved) =>
      improved
        ? '1回の更新で損失が小さくなった。'
        : 'この更新では損失が小さくならなかった（学習率が大きすぎる可能性がある）。',
    appendix: '上のステップで使った微分がどこから来るかを、順を追って導く。',
  },
  step: {
    preactivation: (c) => `${at(c)}: 重み付き和 a（活性化前の値）`,
    output: (c) => `${at(c)}: 活性化関数の出力`,
    sampleLoss: (s) => `サンプル${s}の損失`,
    loss: (samples, mode) =>
      samples === 1
        ? '損失関数の値'
        : mode === 'mean'
          ? `ミニバッチの損失（${samples}サンプルの平均）`
          : `ミニバッチの損失（${samples}サンプルの和）`,
    gradOutputLast: (c) => `${at(c)}: 出力についての損失の勾配`,
    gradOutputHidden: (c) => `${at(c)}: 第${c.layer + 1}層から逆伝播してくる勾配（連鎖律）`,
    activationDerivative: (c) => `${at(c)}: 活性化関数の微分`,
    delta: (c) => `${at(c)}: デルタ δ（誤差）`,
    gradWeight: (c) => `第${c.layer}層: 重み（${edge(c)}）の勾配`,
    gradBias: (l, j) => `第${l}層: ユニット${j}のバイアスの勾配`,
    gradAlpha: (l) => `第${l}層: PReLUの傾き α の勾配`,
    weightAfter: (c) => `第${c.layer}層: 更新後の重み（${edge(c)}）`,
    biasAfter: (l, j) => `第${l}層: ユニット${j}の更新後のバイアス`,
    gradSharedBias: (l) => `第${l}層: 共有バイアスの勾配`,
    sharedBiasAfter: (l) => `第${l}層: 更新後の共有バイアス`,
    regularization: 'L2正則化の項（荷重減衰）',
    regularizationAfter: '更新後の重みのL2正則化の項',
    optimizerState: (kind, at) =>
      `第${at.layer}層: ${'input' in at ? `入力${at.input}からユニット${at.unit}への重み` : at.unit === null ? '共有バイアス' : `ユニット${at.unit}のバイアス`}の${STATE_JA[kind]}`,
    optimizerStateMatrix: (kind, l, bias) => `第${l}層: ${bias ? 'バイアス' : '重み'}の${STATE_JA[kind]}`,
    alphaAfter: (l) => `第${l}層: 更新後のPReLUの傾き`,
    afterSuffix: '（更新後）',
    lossAfter: '更新後の損失',
    sampleLossAfter: (s) => `更新後のサンプル${s}の損失`,
    improvement: '損失の改善量',
    preactivationMatrix: (l) => `第${l}層: 重み付き和`,
    outputMatrix: (l) => `第${l}層: 出力`,
    gradOutputLastMatrix: (l) => `第${l}層: 出力についての損失の勾配`,
    gradOutputHiddenMatrix: (l) => `第${l}層: 第${l + 1}層から逆伝播してくる勾配`,
    activationDerivativeMatrix: (l) => `第${l}層: 活性化関数の微分`,
    deltaMatrix: (l) => `第${l}層: デルタ（誤差）`,
    gradWeightsMatrix: (l) => `第${l}層: 重みの勾配`,
    gradBiasMatrix: (l) => `第${l}層: バイアスの勾配`,
    weightsAfterMatrix: (l) => `第${l}層: 更新後の重み`,
    biasAfterMatrix: (l) => `第${l}層: 更新後のバイアス`,
  },
  note: {
    given: '問題文で与えられた値',
    softmaxCrossEntropy:
      'ソフトマックス関数と交差エントロピー誤差の組み合わせ: ソフトマックスのヤコビ行列と損失の 1/z が打ち消し合い z − t が残る',
    sigmoidBinaryCrossEntropy:
      'シグモイド関数と二値交差エントロピー誤差の組み合わせ: h′(a) = z(1 − z) と ∂L/∂z の 1/(z(1 − z)) が打ち消し合い z − t が残る',
    reluConvention: (g) => `a = 0 での微分は約束で決める。relu_grad_at_zero = ${g} なので${g === 0 ? '左' : '右'}微分`,
    weightsBeforeUpdate: '更新前の重みを使う',
    elementwise: '要素ごとの計算（⊙ は要素ごとの積、アダマール積）',
    l2WeightsOnly:
      '正則化の項は重みだけの二乗和で、バイアスは含めない。損失の一部なので、各重みの勾配にはその微分 λ·w も加わる。',
    sharedBias:
      '1つのバイアスを層のすべてのユニットに足しているので、その勾配はすべてのユニットとサンプルのデルタの和になる。',
    broadcastBias: (columns) => (columns ? 'バイアスは各列（サンプル）に足す' : 'バイアスの行は各行（サンプル）に足す'),
    softmaxRows: (columns) =>
      columns ? '各列（サンプル）ごとにソフトマックス関数を適用' : '各行（サンプル）ごとにソフトマックス関数を適用',
    softmaxJacobian: 'ソフトマックス関数のヤコビ行列 dz_i/da_k = z_i (δ_ik − z_k) を通す。1 は成分がすべて1のベクトル',
    derivativeBySign: '要素ごとに、重み付き和の符号で決まる。[P] は条件 P が成り立つ要素で 1、成り立たない要素で 0',
  },
  table: {
    summary: (layers, layout, loss, samples, batch, eta) =>
      `ネットワーク: ${layers}層、重みの並べ方 ${layout}、損失関数 ${loss}、バッチ ${samples}サンプル（${batch === 'mean' ? '平均' : '和'}）、学習率 η = ${eta}`,
    loss: '損失 L',
    sample: (s) => `サンプル${s}`,
    row: (r) => `${r}行目`,
    preactivation: (layout) => `重み付き和 a = ${layout === 'x-w' ? 'z·W + b' : 'W·z + b'}`,
    output: '出力 z = h(a)',
    delta: 'デルタ δ = ∂L/∂a',
    gradWeights: '重みの勾配 ∂L/∂W',
    gradBias: 'バイアスの勾配 ∂L/∂b',
    gradAlpha: 'α の勾配 ∂L/∂α',
    weightsAfter: (optimizer) => `更新後の重み ${UPDATE_RULE[optimizer]('W')}`,
    biasAfter: (optimizer) => `更新後のバイアス ${UPDATE_RULE[optimizer]('b')}`,
    regularization: 'L2正則化の項 R（損失に含む）',
    biasFixed: 'バイアス b（update_biases が false なので更新しない）',
    alphaAfter: '更新後の α',
    lossAfter: '1回更新した後の損失',
  },
};
