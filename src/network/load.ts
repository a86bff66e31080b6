// Validates a network file and turns it into a NetworkSpec with exact numbers.
// A valibot schema checks the structure (fields, types, names); the checks below it need the numbers
// and the shapes (matrix sizes, softmax last, targets that are distributions).
import * as v from 'valibot';
import { parseLiteral, ratio, sign, sum, compare, ONE, ZERO, type Value } from '../number/value';
import { quoted } from '../text/escape';
import type { Text } from '../text/lang';
import { InputError } from './errors';
import { LIMITS, LIMIT_WORDS } from './limits';
import { got, mapping, says, unknownField, validate } from './schema-issues';
import { fail, readSource, parseSource, type Path, type Source } from './source';
import {
  ACTIVATIONS,
  DEFAULT_CONVENTIONS,
  LOSSES,
  MAX_STEPS,
  REGULARIZATION_SCALES,
  layerShape,
  type LayerSpec,
  type Layout,
  type Matrix,
  type NetworkSpec,
  type Regularization,
} from '../concepts/network';
import { ADAM_DEFAULTS, OPTIMIZERS, type LayerState, type Optimizer } from '../concepts/optimizer';

/** Every structural message, in both languages. */
const SAYS = {
  number: { en: 'expected a number such as 0.15, -2 or "1/3"', ja: '数（例: 0.15, -2, "1/3"）を指定してください' },
  vector: {
    en: 'expected a list of numbers, e.g. [0.35, 0.35]',
    ja: '数のリスト（例: [0.35, 0.35]）を指定してください',
  },
  row: {
    en: 'expected a row: a list of numbers, e.g. [0.15, 0.25]',
    ja: '行（数のリスト、例: [0.15, 0.25]）を指定してください',
  },
  matrix: {
    en: 'expected a matrix: a list of rows, e.g. [[0.15, 0.25], [0.20, 0.30]]',
    ja: '行列（行のリスト、例: [[0.15, 0.25], [0.20, 0.30]]）を指定してください',
  },
  mapping: { en: 'expected a mapping', ja: 'マッピングを指定してください' },
} as const satisfies Record<string, Text>;

const scalar = v.string(says(SAYS.number));
const vector = v.array(scalar, says(SAYS.vector));
const matrix = v.array(v.array(scalar, says(SAYS.row)), says(SAYS.matrix));
const absent = v.picklist(['', '~', 'null'], says({ en: 'expected a value', ja: '値を指定してください' }));

const LayerSchema = mapping(
  {
    weights: matrix,
    // One number: a single bias shared by every unit of the layer.
    bias: v.optional(
      v.union(
        [absent, vector, scalar],
        says({
          en: 'expected a list of numbers, e.g. [0.35, 0.35], or one number shared by every unit',
          ja: '数のリスト（例: [0.35, 0.35]）、または全ユニットで共有する1つの数を指定してください',
        }),
      ),
    ),
    activation: v.picklist(
      ACTIVATIONS,
      says({
        en: `expected one of ${ACTIVATIONS.join(', ')}`,
        ja: `活性化関数として ${ACTIVATIONS.join(', ')} のいずれかを指定してください`,
      }),
    ),
    alpha: v.optional(scalar),
  },
  { expected: SAYS.mapping, unknown: unknownField({ en: 'a layer', ja: '層' }, 'weights, bias, activation, alpha') },
);

const ConventionsSchema = mapping(
  {
    relu_grad_at_zero: v.optional(
      v.picklist(
        ['0', '1'],
        says({
          en: 'expected 0 (left derivative) or 1 (right derivative)',
          ja: '0（左微分）または 1（右微分）を指定してください',
        }),
      ),
    ),
    batch: v.optional(
      v.picklist(['mean', 'sum'], says({ en: 'expected mean or sum', ja: 'mean または sum を指定してください' })),
    ),
  },
  {
    expected: SAYS.mapping,
    unknown: unknownField(
      { en: 'conventions', ja: 'conventions ' },
      { en: 'relu_grad_at_zero and batch', ja: 'relu_grad_at_zero と batch' },
    ),
  },
);

const RegularizationSchema = mapping(
  {
    l2: scalar,
    scale: v.optional(
      v.picklist(
        REGULARIZATION_SCALES,
        says({
          en: 'expected "1/2" ((λ/2)·Σw²) or "1/(2N)" ((λ/2N)·Σw², N samples in the batch)',
          ja: '"1/2"（(λ/2)·Σw²）または "1/(2N)"（(λ/2N)·Σw²、N はバッチのサンプル数）を指定してください',
        }),
      ),
    ),
  },
  {
    expected: SAYS.mapping,
    unknown: unknownField({ en: 'regularization', ja: 'regularization ' }, { en: 'l2 and scale', ja: 'l2 と scale' }),
  },
);

const VelocitySchema = v.array(
  mapping(
    { weights: matrix, bias: v.optional(v.union([vector, scalar], says(SAYS.vector))) },
    {
      expected: {
        en: 'expected a mapping with weights and bias',
        ja: 'weights と bias を持つマッピングを指定してください',
      },
      unknown: unknownField({ en: 'a velocity', ja: '速度' }, { en: 'weights and bias', ja: 'weights と bias' }),
    },
  ),
  says({
    en: 'expected a list with one {weights, bias} per layer',
    ja: '層ごとに1つの {weights, bias} のリストを指定してください',
  }),
);

const OptimizerSchema = mapping(
  {
    name: v.picklist(
      OPTIMIZERS,
      says({
        en: `expected one of ${OPTIMIZERS.join(', ')}`,
        ja: `${OPTIMIZERS.join(', ')} のいずれかを指定してください`,
      }),
    ),
    momentum: v.optional(scalar),
    velocity: v.optional(VelocitySchema),
    beta1: v.optional(scalar),
    beta2: v.optional(scalar),
    epsilon: v.optional(scalar),
    steps: v.optional(scalar),
    m: v.optional(VelocitySchema),
    v: v.optional(VelocitySchema),
  },
  {
    expected: SAYS.mapping,
    unknown: unknownField(
      { en: 'optimizer', ja: 'optimizer ' },
      {
        en: 'name, momentum, velocity, beta1, beta2, epsilon, steps, m and v',
        ja: 'name, momentum, velocity, beta1, beta2, epsilon, steps, m, v',
      },
    ),
  },
);

const FileSchema = mapping(
  {
    layout: v.optional(
      v.picklist(
        ['x-w', 'w-x'],
        says({
          en: 'expected x-w (a = x·W + b) or w-x (a = W·x + b)',
          ja: 'x-w（a = x·W + b）または w-x（a = W·x + b）を指定してください',
        }),
      ),
    ),
    layers: v.pipe(
      v.array(
        LayerSchema,
        says({
          en: 'expected a list of layers, each with weights and activation',
          ja: '層のリスト（各層に weights と activation）を指定してください',
        }),
      ),
      v.minLength(1, says({ en: 'expected at least one layer', ja: '層が少なくとも1つ必要です' }, { got: false })),
    ),
    loss: v.picklist(
      LOSSES,
      says({
        en: `expected one of ${LOSSES.join(', ')}`,
        ja: `損失関数として ${LOSSES.join(', ')} のいずれかを指定してください`,
      }),
    ),
    input: matrix,
    target: matrix,
    learning_rate: scalar,
    update_biases: v.optional(
      v.picklist(['true', 'false'], says({ en: 'expected true or false', ja: 'true または false を指定してください' })),
    ),
    conventions: v.optional(ConventionsSchema),
    steps: v.optional(scalar),
    batch_size: v.optional(scalar),
    regularization: v.optional(RegularizationSchema),
    optimizer: v.optional(OptimizerSchema),
  },
  {
    expected: {
      en: 'expected a network: a mapping with layers, loss, input, target, learning_rate',
      ja: 'ネットワーク（layers, loss, input, target, learning_rate を持つマッピング）を指定してください',
    },
    got: false,
    unknown: unknownField(
      { en: 'a network', ja: 'ネットワーク' },
      'layout, layers, loss, input, target, learning_rate, update_biases, conventions, steps, batch_size, regularization, optimizer',
    ),
  },
);

type RawFile = v.InferOutput<typeof FileSchema>;

export function loadNetwork(file: string): NetworkSpec {
  return networkFromSource(readSource(file));
}

export function parseNetwork(text: string, file = '<input>'): NetworkSpec {
  return networkFromSource(parseSource(file, text));
}

/** Validates already-parsed data (all scalars as strings, as the failsafe YAML schema gives them). */
export function networkFromSource(source: Source): NetworkSpec {
  return buildSpec(source, validate(source, FileSchema));
}

function number(source: Source, path: Path, text: string): Value {
  const value = parseLiteral(text);
  if (!value) {
    const shown = got(quoted(text));
    fail(source, path, { en: `${SAYS.number.en}${shown.en}`, ja: `${SAYS.number.ja}${shown.ja}` });
  }
  return value;
}

/**
 * Adam's steps already taken (t − 1 of the next step), a whole number from 0 to MAX_STEPS: the bias
 * corrections 1 − βᵗ are exact powers, so t is bounded like the steps of a run.
 */
function stepsTaken(source: Source, text: string): number {
  if (!/^\s*\d{1,7}\s*$/.test(text) || Number(text) > MAX_STEPS)
    fail(source, ['optimizer', 'steps'], {
      en: `expected a whole number from 0 to ${MAX_STEPS}: the Adam steps already taken (t − 1 of the next step)${got(quoted(text)).en}`,
      ja: `0 から ${MAX_STEPS} までの整数を指定してください: すでに行った Adam のステップ数（次のステップの t − 1）${got(quoted(text)).ja}`,
    });
  return Number(text);
}

/** A whole number from 1 to `max` (steps, batch_size). */
function count(source: Source, path: Path, text: string, max: number): number {
  if (!/^\s*\d{1,7}\s*$/.test(text) || Number(text) < 1 || Number(text) > max) {
    const shown = got(quoted(text));
    const what =
      path[0] === 'batch_size'
        ? { en: `rows of input per step (the input has ${max})`, ja: `1ステップあたりの入力の行数（入力は ${max} 行）` }
        : { en: 'gradient-descent steps', ja: '勾配降下法のステップ数' };
    fail(source, path, {
      en: `expected a whole number from 1 to ${max}: ${what.en}${shown.en}`,
      ja: `1 から ${max} までの整数を指定してください: ${what.ja}${shown.ja}`,
    });
  }
  return Number(text);
}

function numberMatrix(source: Source, path: Path, rows: readonly (readonly string[])[]): Matrix {
  if (rows.length === 0) fail(source, path, { en: 'expected at least one row', ja: '少なくとも1行必要です' });
  const width = rows[0].length;
  if (width === 0)
    fail(source, [...path, 0], {
      en: 'expected at least one number in the row',
      ja: '行には少なくとも1つの数が必要です',
    });
  return rows.map((row, i) => {
    if (row.length !== width) {
      fail(source, [...path, i], {
        en: `expected ${width} numbers like row 0, got ${row.length} (every row must have the same length)`,
        ja: `行 0 と同じく ${width} 個の数が必要ですが、${row.length} 個です（すべての行は同じ長さでなければなりません）`,
      });
    }
    return row.map((text, j) => number(source, [...path, i, j], text));
  });
}

/**
 * The size limits of a network (layers, units, samples, and the work of one solve), checked on the
 * raw file before any number is read.
 */
function checkSize(source: Source, raw: RawFile): void {
  const over = (path: Path, what: Text, count: number, limit: number) => {
    if (count > limit) fail(source, path, LIMIT_WORDS.count(what, count, limit));
  };
  over(['layers'], { en: 'layers', ja: '層' }, raw.layers.length, LIMITS.layers);
  const samples = { en: 'samples (rows)', ja: 'サンプル（行）' };
  const values = { en: 'values in a row', ja: '1行の値' };
  for (const key of ['input', 'target'] as const) {
    over([key], samples, raw[key].length, LIMITS.samples);
    raw[key].forEach((row, i) => over([key, i], values, row.length, LIMITS.units));
  }
  let weights = 0;
  raw.layers.forEach((layer, l) => {
    const units = {
      en: 'rows or columns of weights (units or inputs of a layer)',
      ja: '重みの行または列（層のユニットまたは入力）',
    };
    over(['layers', l, 'weights'], units, layer.weights.length, LIMITS.units);
    layer.weights.forEach((row, i) => over(['layers', l, 'weights', i], units, row.length, LIMITS.units));
    if (Array.isArray(layer.bias)) over(['layers', l, 'bias'], values, layer.bias.length, LIMITS.units);
    weights += layer.weights.reduce((n, row) => n + row.length, 0);
  });
  const steps = raw.steps !== undefined && /^\s*\d{1,7}\s*$/.test(raw.steps) ? Number(raw.steps) : 1;
  const work = weights * raw.input.length * Math.max(1, steps);
  if (work > LIMITS.work) {
    fail(source, ['layers'], {
      en: `too much work for a hand calculation: ${weights.toLocaleString('en')} weights × ${raw.input.length} samples × ${steps} steps = ${work.toLocaleString('en')}, the limit is ${LIMITS.work.toLocaleString('en')}`,
      ja: `手計算には多すぎます: 重み ${weights.toLocaleString('en')} 個 × サンプル ${raw.input.length} 個 × ステップ ${steps} 回 = ${work.toLocaleString('en')} で、上限は ${LIMITS.work.toLocaleString('en')} です`,
    });
  }
}

function buildSpec(source: Source, raw: RawFile): NetworkSpec {
  checkSize(source, raw);
  const layout: Layout = raw.layout ?? 'x-w';
  const input = numberMatrix(source, ['input'], raw.input);
  const target = numberMatrix(source, ['target'], raw.target);
  const loss = raw.loss;

  let width = input[0].length;
  const layers: LayerSpec[] = raw.layers.map((rawLayer, l): LayerSpec => {
    const at = ['layers', l] as const;
    const weights = numberMatrix(source, [...at, 'weights'], rawLayer.weights);
    const { inputs, units } = layerShape(layout, weights);
    if (inputs !== width) {
      const shape =
        layout === 'x-w'
          ? `${width} rows (inputs) × ${units} columns (units)`
          : `${units} rows (units) × ${width} columns (inputs)`;
      const shapeJa =
        layout === 'x-w'
          ? `${width} 行（入力）× ${units} 列（ユニット）`
          : `${units} 行（ユニット）× ${width} 列（入力）`;
      const from = l === 0 ? `the input has ${width} values per sample` : `layer ${l - 1} has ${width} units`;
      const fromJa =
        l === 0 ? `入力はサンプルごとに ${width} 個の値を持つ` : `層 ${l - 1} のユニットが ${width} 個である`;
      const size = `${weights.length}×${weights[0].length}`;
      fail(source, [...at, 'weights'], {
        en: `expected ${shape} in the ${layout} layout, because ${from}; got ${size}`,
        ja: `${fromJa}ため、重みの並べ方 ${layout} では重みは ${shapeJa}でなければなりませんが、${size} です`,
      });
    }
    width = units;
    const biasText = Array.isArray(rawLayer.bias) ? rawLayer.bias : null;
    const sharedBias = typeof rawLayer.bias === 'string' && !['', '~', 'null'].includes(rawLayer.bias);
    const shared = sharedBias ? number(source, [...at, 'bias'], rawLayer.bias as string) : ZERO;
    const bias = biasText
      ? biasText.map((text, j) => number(source, [...at, 'bias', j], text))
      : Array.from({ length: units }, () => shared);
    if (bias.length !== units) {
      fail(source, [...at, 'bias'], {
        en: `expected ${units} numbers (one per unit), got ${bias.length}`,
        ja: `バイアスには ${units} 個の数（ユニットごとに1つ）が必要ですが、${bias.length} 個です`,
      });
    }
    const activation = rawLayer.activation;
    if (activation === 'softmax' && l !== raw.layers.length - 1) {
      fail(source, [...at, 'activation'], {
        en: 'softmax is allowed only in the last layer',
        ja: 'softmax（ソフトマックス関数）は最後の層（出力層）でのみ使えます',
      });
    }
    let alpha: Value | null = null;
    if (activation === 'leaky-relu' || activation === 'prelu') {
      alpha =
        rawLayer.alpha === undefined
          ? activation === 'prelu'
            ? ratio(1, 4)
            : ratio(1, 100)
          : number(source, [...at, 'alpha'], rawLayer.alpha);
    } else if (rawLayer.alpha !== undefined) {
      fail(source, [...at, 'alpha'], {
        en: `alpha is only for leaky-relu and prelu, not ${activation}`,
        ja: `alpha は leaky-relu と prelu の活性化関数のためのもので、${activation} には使えません`,
      });
    }
    return { weights, bias, activation, alpha, ...(sharedBias ? { sharedBias } : {}) };
  });

  if (target.length !== input.length) {
    fail(source, ['target'], {
      en: `expected ${input.length} rows (one per input sample), got ${target.length}`,
      ja: `教師データには ${input.length} 行（入力のサンプルごとに1行）が必要ですが、${target.length} 行です`,
    });
  }
  if (target[0].length !== width) {
    fail(source, ['target', 0], {
      en: `expected ${width} numbers per row (the last layer has ${width} units), got ${target[0].length}`,
      ja: `最後の層のユニットが ${width} 個なので、教師データの各行には ${width} 個の数が必要ですが、${target[0].length} 個です`,
    });
  }
  if (loss === 'cross-entropy') {
    const last = layers[layers.length - 1].activation;
    if (last === 'sigmoid') {
      // −Σ t ln y over sigmoid outputs drops the (1 − t) ln(1 − y) terms: no course means that by it.
      fail(source, ['loss'], {
        en: 'cross-entropy with a sigmoid last layer: use loss: binary-cross-entropy (−Σ [t ln y + (1 − t) ln(1 − y)]), or softmax in the last layer',
        ja: '最後の層が sigmoid のときの cross-entropy は使えません: loss: binary-cross-entropy（二値交差エントロピー誤差 −Σ [t ln y + (1 − t) ln(1 − y)]）にするか、最後の層を softmax にしてください',
      });
    }
    if (last !== 'softmax') {
      // −Σ t·ln y needs y > 0 summing to 1: softmax guarantees it.
      fail(source, ['layers', layers.length - 1, 'activation'], {
        en: 'cross-entropy needs outputs that are a distribution: use softmax in the last layer (or binary-cross-entropy with sigmoid)',
        ja: 'cross-entropy（交差エントロピー誤差）には確率分布の出力が必要です: 最後の層の活性化関数を softmax にしてください（sigmoid なら binary-cross-entropy）',
      });
    }
    target.forEach((row, i) => {
      row.forEach((t, j) => {
        if (sign(t) < 0) {
          fail(source, ['target', i, j], {
            en: 'cross-entropy targets must be probabilities (≥ 0)',
            ja: 'cross-entropy（交差エントロピー誤差）の教師データは確率（≥ 0）でなければなりません',
          });
        }
      });
      if (compare(sum(row), ONE) !== 0) {
        fail(source, ['target', i], {
          en: 'cross-entropy targets must be a distribution: each row must sum to 1 (e.g. one-hot [0, 1, 0])',
          ja: 'cross-entropy（交差エントロピー誤差）の教師データは確率分布でなければなりません: 各行の和を 1 にしてください（例: one-hot表現 [0, 1, 0]）',
        });
      }
    });
  }

  if (loss === 'binary-cross-entropy') {
    target.forEach((row, i) => {
      row.forEach((t, j) => {
        if (sign(t) < 0 || compare(t, ONE) > 0) {
          fail(source, ['target', i, j], {
            en: 'binary-cross-entropy targets must be in [0, 1]',
            ja: 'binary-cross-entropy（二値交差エントロピー誤差）の教師データは [0, 1] の範囲でなければなりません',
          });
        }
      });
    });
    const lastLayer = layers[layers.length - 1];
    if (lastLayer.activation !== 'sigmoid' && !(lastLayer.activation === 'softmax' && width > 1)) {
      // t·ln y + (1 − t)·ln(1 − y) needs 0 < y < 1.
      fail(source, ['layers', layers.length - 1, 'activation'], {
        en: 'binary-cross-entropy needs outputs in (0, 1): use sigmoid in the last layer',
        ja: 'binary-cross-entropy（二値交差エントロピー誤差）には (0, 1) の範囲の出力が必要です: 最後の層の活性化関数を sigmoid にしてください',
      });
    }
  }

  const learningRate = number(source, ['learning_rate'], raw.learning_rate);
  if (sign(learningRate) <= 0)
    fail(source, ['learning_rate'], { en: 'expected a positive number', ja: '学習率には正の数を指定してください' });

  const steps = raw.steps === undefined ? undefined : count(source, ['steps'], raw.steps, MAX_STEPS);
  const batchSize =
    raw.batch_size === undefined ? undefined : count(source, ['batch_size'], raw.batch_size, input.length);

  let regularization: Regularization | undefined;
  if (raw.regularization) {
    const l2 = number(source, ['regularization', 'l2'], raw.regularization.l2);
    if (sign(l2) < 0)
      fail(source, ['regularization', 'l2'], {
        en: 'expected λ ≥ 0 (the weight-decay coefficient)',
        ja: 'λ（重み減衰の係数）には 0 以上の数を指定してください',
      });
    regularization = { l2, scale: raw.regularization.scale ?? '1/2' };
  }

  const optimizer = raw.optimizer ? optimizerOf(source, raw.optimizer, layers, layout) : undefined;

  return {
    layout,
    layers,
    loss,
    ...(regularization ? { regularization } : {}),
    ...(optimizer && optimizer.name !== 'sgd' ? { optimizer } : {}),
    input,
    target,
    learningRate,
    updateBiases: raw.update_biases !== 'false',
    ...(steps === undefined ? {} : { steps }),
    ...(batchSize === undefined ? {} : { batchSize }),
    conventions: {
      reluGradAtZero: raw.conventions?.relu_grad_at_zero === '1' ? 1 : DEFAULT_CONVENTIONS.reluGradAtZero,
      batch: raw.conventions?.batch ?? DEFAULT_CONVENTIONS.batch,
    },
  };
}

/** The optimizer: its hyper-parameters checked, a momentum's velocity and Adam's warm state (steps, m, v) against the layers' shapes. */
function optimizerOf(
  source: Source,
  raw: NonNullable<RawFile['optimizer']>,
  layers: readonly LayerSpec[],
  layout: Layout,
): Optimizer {
  const at = (key: string): Path => ['optimizer', key];
  const only: Record<string, readonly string[]> = {
    sgd: [],
    momentum: ['momentum', 'velocity'],
    adam: ['beta1', 'beta2', 'epsilon', 'steps', 'm', 'v'],
  };
  for (const key of ['momentum', 'velocity', 'beta1', 'beta2', 'epsilon', 'steps', 'm', 'v'] as const) {
    if (raw[key] !== undefined && !only[raw.name].includes(key))
      fail(source, at(key), {
        en: `${key} is not a setting of the ${raw.name} optimizer${only[raw.name].length ? ` (it has ${only[raw.name].join(', ')})` : ''}`,
        ja: `${key} は ${raw.name} の設定ではありません${only[raw.name].length ? `（設定は ${only[raw.name].join(', ')}）` : ''}`,
      });
  }
  /** A coefficient in [0, 1): μ, β₁, β₂. */
  const fraction = (key: 'momentum' | 'beta1' | 'beta2', fallback: string): Value => {
    const value = number(source, at(key), raw[key] ?? fallback);
    if (sign(value) < 0 || compare(value, ONE) >= 0)
      fail(source, at(key), {
        en: 'expected a number from 0 up to (not including) 1',
        ja: '0 以上 1 未満の数を指定してください',
      });
    return value;
  };
  if (raw.name === 'sgd') return { name: 'sgd' };
  if (raw.name === 'adam') {
    const epsilon = number(source, at('epsilon'), raw.epsilon ?? ADAM_DEFAULTS.epsilon);
    if (sign(epsilon) <= 0)
      fail(source, at('epsilon'), { en: 'expected a positive number', ja: '正の数を指定してください' });
    return {
      name: 'adam',
      beta1: fraction('beta1', ADAM_DEFAULTS.beta1),
      beta2: fraction('beta2', ADAM_DEFAULTS.beta2),
      epsilon,
      steps: raw.steps === undefined ? 0 : stepsTaken(source, raw.steps),
      m: stateOf(source, 'm', raw.m, layers, layout),
      v: stateOf(source, 'v', raw.v, layers, layout),
    };
  }
  const momentum = fraction('momentum', '0.9');
  const velocity = stateOf(source, 'velocity', raw.velocity, layers, layout);
  return { name: 'momentum', momentum, velocity };
}

/** Zeros in the shape of a layer's weights and bias (a state not given). */
function zeroState(layer: LayerSpec): LayerState {
  return { weights: layer.weights.map((row) => row.map(() => ZERO)), bias: layer.bias.map(() => ZERO) };
}

/**
 * A state given per layer as `{weights, bias}` in the file's layout (momentum's velocity, Adam's
 * moments m and v), checked against the layers' shapes; zeros where it is not given. Adam's second
 * moment v is a mean of squares: never negative.
 */
function stateOf(
  source: Source,
  key: 'velocity' | 'm' | 'v',
  given: NonNullable<RawFile['optimizer']>['velocity'],
  layers: readonly LayerSpec[],
  layout: Layout,
): LayerState[] {
  if (given !== undefined && given.length !== layers.length)
    fail(source, ['optimizer', key], {
      en: `expected ${layers.length} entries (one {weights, bias} per layer), got ${given.length}`,
      ja: `${layers.length} 個（層ごとに1つの {weights, bias}）が必要ですが、${given.length} 個です`,
    });
  const checked = (path: Path, value: Value): Value => {
    if (key === 'v' && sign(value) < 0)
      fail(source, path, {
        en: 'expected a number ≥ 0 (the second moment is a mean of squared gradients)',
        ja: '0 以上の数を指定してください（2次モーメントは勾配の2乗の平均です）',
      });
    return value;
  };
  return layers.map((layer, l) => {
    const entry = given?.[l];
    if (!entry) return zeroState(layer);
    const path: Path = ['optimizer', key, l];
    const weights = numberMatrix(source, [...path, 'weights'], entry.weights);
    if (weights.length !== layer.weights.length || weights[0].length !== layer.weights[0].length)
      fail(source, [...path, 'weights'], {
        en: `expected the shape of layer ${l}'s weights, ${layer.weights.length}×${layer.weights[0].length} in the ${layout} layout; got ${weights.length}×${weights[0].length}`,
        ja: `第${l}層の重みと同じ形（重みの並べ方 ${layout} で ${layer.weights.length}×${layer.weights[0].length}）が必要ですが、${weights.length}×${weights[0].length} です`,
      });
    weights.forEach((row, i) => row.forEach((w, j) => checked([...path, 'weights', i, j], w)));
    const units = layer.bias.length;
    const bias =
      entry.bias === undefined
        ? layer.bias.map(() => ZERO)
        : typeof entry.bias === 'string'
          ? layer.bias.map(() => checked([...path, 'bias'], number(source, [...path, 'bias'], entry.bias as string)))
          : entry.bias.map((text, j) => checked([...path, 'bias', j], number(source, [...path, 'bias', j], text)));
    if (bias.length !== units)
      fail(source, [...path, 'bias'], {
        en: `expected ${units} numbers (one per unit), got ${bias.length}`,
        ja: `${units} 個の数（ユニットごとに1つ）が必要ですが、${bias.length} 個です`,
      });
    return { weights, bias };
  });
}

export { InputError };
