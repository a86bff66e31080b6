// Validates a network file and turns it into a NetworkSpec with exact numbers.
// valibot checks the structure (fields, types, names); the checks below it need the numbers
// and the shapes (matrix sizes, softmax last, targets that are distributions).
import * as v from 'valibot';
import { parseLiteral, ratio, sign, sum, compare, ONE, ZERO, type Value } from '../number/value';
import { InputError } from './errors';
import { fail, readSource, parseSource, type Path, type Source } from './source';
import {
  ACTIVATIONS,
  DEFAULT_CONVENTIONS,
  LOSSES,
  layerShape,
  type LayerSpec,
  type Layout,
  type Matrix,
  type NetworkSpec,
} from './spec';

const NUMBER_HINT = 'a number such as 0.15, -2 or "1/3"';

const scalar = (what: string) => v.string(`expected ${what}`);
const vector = v.array(scalar(NUMBER_HINT), 'expected a list of numbers, e.g. [0.35, 0.35]');
const matrix = v.array(
  v.array(scalar(NUMBER_HINT), 'expected a row: a list of numbers, e.g. [0.15, 0.25]'),
  'expected a matrix: a list of rows, e.g. [[0.15, 0.25], [0.20, 0.30]]',
);
const absent = v.picklist(['', '~', 'null'], 'expected a value');

const LayerSchema = v.strictObject(
  {
    weights: matrix,
    bias: v.optional(v.union([absent, vector], 'expected a list of numbers, e.g. [0.35, 0.35]')),
    activation: v.picklist(ACTIVATIONS, `expected one of ${ACTIVATIONS.join(', ')}`),
    alpha: v.optional(scalar(NUMBER_HINT)),
  },
  'unknown field (a layer has weights, bias, activation, alpha)',
);

const FileSchema = v.strictObject(
  {
    layout: v.optional(v.picklist(['x-w', 'w-x'], 'expected x-w (a = x·W + b) or w-x (a = W·x + b)')),
    layers: v.pipe(
      v.array(LayerSchema, 'expected a list of layers, each with weights and activation'),
      v.minLength(1, 'expected at least one layer'),
    ),
    loss: v.picklist(LOSSES, `expected one of ${LOSSES.join(', ')}`),
    input: matrix,
    target: matrix,
    learning_rate: scalar(NUMBER_HINT),
    update_biases: v.optional(v.picklist(['true', 'false'], 'expected true or false')),
    conventions: v.optional(
      v.strictObject(
        {
          relu_grad_at_zero: v.optional(v.picklist(['0', '1'], 'expected 0 (left derivative) or 1 (right derivative)')),
          batch: v.optional(v.picklist(['mean', 'sum'], 'expected mean or sum')),
        },
        'unknown field (conventions has relu_grad_at_zero and batch)',
      ),
    ),
  },
  'unknown field (a network has layout, layers, loss, input, target, learning_rate, update_biases, conventions)',
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
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    fail(source, [], 'expected a network: a mapping with layers, loss, input, target, learning_rate');
  }
  const result = v.safeParse(FileSchema, source.data);
  if (!result.success) {
    const issue = result.issues[0];
    const path: (string | number)[] = (issue.path ?? []).map((item) => item.key as string | number);
    if (issue.type === 'strict_object' && issue.input === undefined) {
      // valibot reports a missing required key as an undefined value at that key.
      fail(source, path, 'missing required field');
    }
    if (issue.input === undefined && path.length > 0) fail(source, path, 'missing required field');
    fail(source, path, `${issue.message}${describeReceived(issue.input)}`);
  }
  return buildSpec(source, result.output);
}

function describeReceived(input: unknown): string {
  if (typeof input === 'string') return input === '' ? ', got nothing' : `, got ${JSON.stringify(input)}`;
  if (Array.isArray(input)) return ', got a list';
  if (input && typeof input === 'object') return ', got a mapping';
  return '';
}

function number(source: Source, path: Path, text: string): Value {
  const value = parseLiteral(text);
  if (!value) fail(source, path, `expected ${NUMBER_HINT}, got ${JSON.stringify(text)}`);
  return value;
}

function numberMatrix(source: Source, path: Path, rows: readonly (readonly string[])[]): Matrix {
  if (rows.length === 0) fail(source, path, 'expected at least one row');
  const width = rows[0].length;
  if (width === 0) fail(source, [...path, 0], 'expected at least one number in the row');
  return rows.map((row, i) => {
    if (row.length !== width) {
      fail(source, [...path, i], `expected ${width} numbers like row 0, got ${row.length} (every row must have the same length)`);
    }
    return row.map((text, j) => number(source, [...path, i, j], text));
  });
}

function buildSpec(source: Source, raw: RawFile): NetworkSpec {
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
      const shape = layout === 'x-w' ? `${width} rows (inputs) × ${units} columns (units)` : `${units} rows (units) × ${width} columns (inputs)`;
      const from = l === 0 ? `the input has ${width} values per sample` : `layer ${l - 1} has ${width} units`;
      fail(source, [...at, 'weights'], `expected ${shape} in the ${layout} layout, because ${from}; got ${weights.length}×${weights[0].length}`);
    }
    width = units;
    const biasText = Array.isArray(rawLayer.bias) ? rawLayer.bias : null;
    const bias = biasText ? biasText.map((text, j) => number(source, [...at, 'bias', j], text)) : Array.from({ length: units }, () => ZERO);
    if (bias.length !== units) fail(source, [...at, 'bias'], `expected ${units} numbers (one per unit), got ${bias.length}`);
    const activation = rawLayer.activation;
    if (activation === 'softmax' && l !== raw.layers.length - 1) {
      fail(source, [...at, 'activation'], 'softmax is allowed only in the last layer');
    }
    let alpha: Value | null = null;
    if (activation === 'leaky-relu' || activation === 'prelu') {
      alpha = rawLayer.alpha === undefined ? (activation === 'prelu' ? ratio(1, 4) : ratio(1, 100)) : number(source, [...at, 'alpha'], rawLayer.alpha);
    } else if (rawLayer.alpha !== undefined) {
      fail(source, [...at, 'alpha'], `alpha is only for leaky-relu and prelu, not ${activation}`);
    }
    return { weights, bias, activation, alpha };
  });

  if (target.length !== input.length) {
    fail(source, ['target'], `expected ${input.length} rows (one per input sample), got ${target.length}`);
  }
  if (target[0].length !== width) {
    fail(source, ['target', 0], `expected ${width} numbers per row (the last layer has ${width} units), got ${target[0].length}`);
  }
  if (loss === 'cross-entropy') {
    target.forEach((row, i) => {
      row.forEach((t, j) => {
        if (sign(t) < 0) fail(source, ['target', i, j], 'cross-entropy targets must be probabilities (≥ 0)');
      });
      if (compare(sum(row), ONE) !== 0) {
        fail(source, ['target', i], 'cross-entropy targets must be a distribution: each row must sum to 1 (e.g. one-hot [0, 1, 0])');
      }
    });
    const last = layers[layers.length - 1].activation;
    if (last !== 'softmax' && last !== 'sigmoid') {
      // −Σ t·ln y needs y > 0; only softmax and sigmoid guarantee it.
      fail(source, ['layers', layers.length - 1, 'activation'], 'cross-entropy needs outputs in (0, 1): use softmax (or sigmoid) in the last layer');
    }
  }

  const learningRate = number(source, ['learning_rate'], raw.learning_rate);
  if (sign(learningRate) <= 0) fail(source, ['learning_rate'], 'expected a positive number');

  return {
    layout,
    layers,
    loss,
    input,
    target,
    learningRate,
    updateBiases: raw.update_biases !== 'false',
    conventions: {
      reluGradAtZero: raw.conventions?.relu_grad_at_zero === '1' ? 1 : DEFAULT_CONVENTIONS.reluGradAtZero,
      batch: raw.conventions?.batch ?? DEFAULT_CONVENTIONS.batch,
    },
  };
}

export { InputError };
