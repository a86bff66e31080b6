// The network file loader: exact numbers, and for every kind of bad input one InputError that names
// the file, the field path, the line where there is one, and what was expected.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { InputError } from '../../src/network/errors';
import { exactString } from '../../src/number/format';
import { solve } from '../../src/engine/solve';
import { solutionToJson } from '../../src/render/json';

/** A valid one-layer network whose parts a test can replace. */
function network(parts: Partial<Record<'layout' | 'layers' | 'loss' | 'input' | 'target' | 'rate' | 'extra', string>> = {}): string {
  return [
    parts.layout ?? 'layout: x-w',
    parts.layers ?? 'layers:\n  - weights: [[1, 2]]\n    activation: identity',
    parts.loss ?? 'loss: half-sse',
    parts.input ?? 'input: [[1]]',
    parts.target ?? 'target: [[1, 2]]',
    parts.rate ?? 'learning_rate: 0.5',
    parts.extra ?? '',
  ].join('\n');
}

/** The InputError that parsing `text` as bad.yaml throws. */
function errorOf(text: string): InputError {
  try {
    parseNetwork(text, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected an InputError for:\n${text}`);
}

/** Asserts field, line, and that the message says file:line: field: and the expected words. */
function expectError(text: string, field: string | null, line: number | null, ...expected: (string | RegExp)[]): void {
  const error = errorOf(text);
  expect({ field: error.field, line: error.line }).toEqual({ field, line });
  const prefix = `${line === null ? 'bad.yaml' : `bad.yaml:${line}`}: ${field === null ? '' : `${field}: `}`;
  expect(error.message.startsWith(prefix), `"${error.message}" should start with "${prefix}"`).toBe(true);
  expect(error.message).not.toContain('\n');
  for (const e of expected) expect(error.message).toMatch(e);
}

describe('exact numbers', () => {
  it('reads decimals, integers, fractions and exponents exactly', () => {
    const spec = parseNetwork(
      network({
        layers: 'layers:\n  - weights: [[0.15, "1/3", -2, 1e-3, .5, "0.1e2", "-7/21", 0.1000000000000000055511151231257827]]\n    activation: identity',
        target: 'target: [[0, 0, 0, 0, 0, 0, 0, 0]]',
      }),
    );
    expect(spec.layers[0].weights[0].map(exactString)).toEqual([
      '3/20',
      '1/3',
      '-2',
      '1/1000',
      '1/2',
      '10',
      '-1/3',
      // Not the binary double nearest 0.1: exactly the decimal written.
      '1000000000000000055511151231257827/10000000000000000000000000000000000',
    ]);
    expect(exactString(spec.learningRate)).toBe('1/2');
  });

  it('0.1 + 0.2 stays exactly 3/10 through the engine', () => {
    const spec = parseNetwork(network({ layers: 'layers:\n  - weights: [[0.1, 0.2]]\n    bias: [0.2, 0.1]\n    activation: identity' }));
    const json = solutionToJson(solve(spec));
    expect(json.layers[0].preactivation[0].map((v) => v.exact)).toEqual(['3/10', '3/10']);
  });

  it('applies the defaults: x-w, zero bias, alphas 1/100 and 1/4, update_biases true, relu_grad_at_zero 0, mean', () => {
    const spec = parseNetwork(
      'layers:\n  - weights: [[1, 2]]\n    activation: leaky-relu\n  - weights: [[1], [1]]\n    activation: prelu\nloss: sse\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 1\n',
    );
    expect(spec.layout).toBe('x-w');
    expect(spec.layers[0].bias.map(exactString)).toEqual(['0', '0']);
    expect(exactString(spec.layers[0].alpha!)).toBe('1/100');
    expect(exactString(spec.layers[1].alpha!)).toBe('1/4');
    expect(spec.updateBiases).toBe(true);
    expect(spec.conventions).toEqual({ reluGradAtZero: 0, batch: 'mean' });
  });

  it('reads every option', () => {
    const spec = parseNetwork(
      network({
        layout: 'layout: w-x',
        layers: 'layers:\n  - weights: [[1], [2]]\n    bias: [0.35, 0.35]\n    activation: prelu\n    alpha: "1/5"',
        extra: 'update_biases: false\nconventions: {relu_grad_at_zero: 1, batch: sum}\n',
      }),
    );
    expect(spec.layout).toBe('w-x');
    expect(spec.layers[0].bias.map(exactString)).toEqual(['7/20', '7/20']);
    expect(exactString(spec.layers[0].alpha!)).toBe('1/5');
    expect(spec.updateBiases).toBe(false);
    expect(spec.conventions).toEqual({ reluGradAtZero: 1, batch: 'sum' });
  });

  it('accepts JSON, numbers and "p/q" strings alike, with the same result as YAML', () => {
    const json = JSON.stringify({
      layout: 'x-w',
      layers: [{ weights: [[0.15, '1/3']], bias: [0.35, 0.35], activation: 'sigmoid' }],
      loss: 'half-sse',
      input: [[0.05]],
      target: [[0.01, 0.99]],
      learning_rate: 0.5,
      update_biases: false,
      conventions: { relu_grad_at_zero: 0, batch: 'mean' },
    });
    const yaml = `layers:\n  - weights: [[0.15, "1/3"]]\n    bias: [0.35, 0.35]\n    activation: sigmoid\nloss: half-sse\ninput: [[0.05]]\ntarget: [[0.01, 0.99]]\nlearning_rate: 0.5\nupdate_biases: false\n`;
    const fromJson = parseNetwork(json, 'net.json');
    expect(fromJson.layers[0].weights[0].map(exactString)).toEqual(['3/20', '1/3']);
    expect(solutionToJson(solve(fromJson))).toEqual(solutionToJson(solve(parseNetwork(yaml))));
  });
});

describe('bad input: one error naming file, line, field and what was expected', () => {
  it('a layer whose weights do not fit the previous layer (x-w)', () => {
    expectError(
      'layers:\n  - weights: [[1, 2], [3, 4]]\n    activation: sigmoid\n  - weights: [[1, 2, 3]]\n    activation: sigmoid\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[1, 2, 3]]\nlearning_rate: 0.5\n',
      'layers[1].weights',
      4,
      /2 rows \(inputs\) × 3 columns \(units\)/,
      /x-w/,
      /got 1×3/,
    );
  });

  it('weights that do not fit the input (w-x)', () => {
    expectError(
      network({ layout: 'layout: w-x', layers: 'layers:\n  - weights: [[1, 2]]\n    activation: identity', target: 'target: [[1]]' }),
      'layers[0].weights',
      3,
      /1 rows \(units\) × 1 columns \(inputs\)/,
      /w-x/,
      /got 1×2/,
    );
  });

  it('a ragged weight matrix, in block style: the line of the bad row', () => {
    expectError(
      'layers:\n  - weights:\n      - [1, 2]\n      - [3]\n    activation: identity\nloss: sse\ninput: [[1, 2]]\ntarget: [[1, 2]]\nlearning_rate: 1\n',
      'layers[0].weights[1]',
      4,
      /expected 2 numbers/,
      /got 1/,
    );
  });

  it('a bias of the wrong length', () => {
    expectError(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    bias: [1]\n    activation: identity' }), 'layers[0].bias', 4, /expected 2 numbers/, /got 1/);
  });

  it('targets of the wrong width or count', () => {
    expectError(network({ target: 'target: [[1, 2, 3]]' }), 'target[0]', 7, /expected 2 numbers/, /got 3/);
    expectError(network({ target: 'target: [[1, 2], [3, 4]]' }), 'target', 7, /expected 1 rows? \(one per input sample\)/, /got 2/);
  });

  it('an unknown activation', () => {
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: sigmod' }),
      'layers[0].activation',
      4,
      /expected one of identity, sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax/,
      /"sigmod"/,
    );
  });

  it('an unknown loss, layout or convention', () => {
    expectError(network({ loss: 'loss: hinge' }), 'loss', 5, /half-sse, sse, mse, cross-entropy/, /"hinge"/);
    expectError(network({ layout: 'layout: xw' }), 'layout', 1, /x-w/, /w-x/);
    expectError(network({ extra: 'conventions: {relu_grad_at_zero: 2}' }), 'conventions.relu_grad_at_zero', 9, /0/, /1/, /"2"/);
    expectError(network({ extra: 'conventions:\n  batch: average' }), 'conventions.batch', 10, /mean or sum/, /"average"/);
    expectError(network({ extra: 'update_biases: yes' }), 'update_biases', 9, /true or false/);
  });

  it('softmax before the last layer', () => {
    expectError(
      'layers:\n  - weights: [[1, 2]]\n    activation: softmax\n  - weights: [[1], [2]]\n    activation: identity\nloss: sse\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 1\n',
      'layers[0].activation',
      3,
      /softmax/,
      /last layer/,
    );
  });

  it('cross-entropy targets that are not a distribution', () => {
    const ce = (target: string, activation = 'softmax', input = 'input: [[1]]') =>
      network({ layers: `layers:\n  - weights: [[1, 2]]\n    activation: ${activation}`, loss: 'loss: cross-entropy', input, target });
    expectError(ce('target: [[0.5, 0.6]]'), 'target[0]', 7, /distribution/, /sum to 1/);
    expectError(ce('target: [[1.5, -0.5]]'), 'target[0][1]', 7, /≥ 0/);
    expectError(ce('target:\n  - [0, 1]\n  - [0.3, 0.3]', 'sigmoid', 'input: [[1], [2]]'), 'target[1]', 9, /sum to 1/);
    // −Σ t·ln y needs outputs in (0, 1).
    expectError(ce('target: [[0, 1]]', 'identity'), 'layers[0].activation', 4, /softmax/, /sigmoid/);
  });

  it('non-numeric values', () => {
    expectError(network({ layers: 'layers:\n  - weights: [[1, abc]]\n    activation: identity' }), 'layers[0].weights[0][1]', 3, /expected a number/, /"abc"/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, "1/0"]]\n    activation: identity' }), 'layers[0].weights[0][1]', 3, /expected a number/, /"1\/0"/);
    expectError(network({ input: 'input: [[0x10]]' }), 'input[0][0]', 6, /expected a number/, /"0x10"/);
    expectError(network({ rate: 'learning_rate: fast' }), 'learning_rate', 8, /expected a number/, /"fast"/);
    expectError(network({ layers: 'layers:\n  - weights: 3\n    activation: identity' }), 'layers[0].weights', 3, /matrix/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, [2]]]\n    activation: identity' }), 'layers[0].weights[0][1]', 3, /number/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: leaky-relu\n    alpha: steep' }), 'layers[0].alpha', 5, /"steep"/);
  });

  it('a learning rate that is not positive', () => {
    expectError(network({ rate: 'learning_rate: 0' }), 'learning_rate', 8, /positive/);
    expectError(network({ rate: 'learning_rate: -0.1' }), 'learning_rate', 8, /positive/);
  });

  it('missing fields', () => {
    expectError(network({ target: '' }), 'target', 1, /missing required field/);
    expectError(network({ rate: '' }), 'learning_rate', 1, /missing required field/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, 2]]' }), 'layers[0].activation', 3, /missing required field/);
    expectError(network({ layers: 'layers:\n  - activation: identity' }), 'layers[0].weights', 3, /missing required field/);
    expectError(network({ layers: 'layers: []' }), 'layers', 2, /at least one layer/);
    expectError(network({ input: 'input: []' }), 'input', 6, /at least one row/);
  });

  it('unknown fields', () => {
    expectError(network({ extra: 'epochs: 3' }), 'epochs', 9, /unknown field/, /learning_rate/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: identity\n    dropout: 0.5' }), 'layers[0].dropout', 5, /unknown field/, /weights, bias, activation, alpha/);
    expectError(network({ extra: 'conventions: {relu_grad: 1}' }), 'conventions.relu_grad', 9, /unknown field/, /relu_grad_at_zero/);
    expectError(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: sigmoid\n    alpha: 0.1' }), 'layers[0].alpha', 5, /only for leaky-relu and prelu/);
  });

  it('invalid YAML, with the line the parser reports', () => {
    expectError('layers:\n  - weights: [[1]\n    activation: identity\nloss: half-sse\n', null, 3, /not valid YAML or JSON/);
    expectError('loss: sse\nloss: mse\n', null, 2, /not valid YAML or JSON/, /unique/);
    expectError('{"layers": [ }', null, 1, /not valid YAML or JSON/);
  });

  it('a file that is not a mapping', () => {
    expectError('', null, null, /expected a network/);
    expectError('- 1\n- 2\n', null, 1, /expected a network/);
  });
});

describe('loadNetwork reads files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file in errors', () => {
    const file = join(dir, 'shape.yaml');
    writeFileSync(file, network({ target: 'target: [[1]]' }));
    expect(() => loadNetwork(file)).toThrow(`${file}:7: target[0]: expected 2 numbers per row`);
  });

  it('reports a missing file or a directory', () => {
    const missing = join(dir, 'nope.yaml');
    expect(() => loadNetwork(missing)).toThrow(`${missing}: no such file`);
    expect(() => loadNetwork(dir)).toThrow(/is a directory/);
  });

  it('loads a JSON file', () => {
    const file = join(dir, 'net.json');
    writeFileSync(file, JSON.stringify({ layers: [{ weights: [['1/3']], activation: 'identity' }], loss: 'sse', input: [[3]], target: [[0]], learning_rate: 0.1 }));
    const spec = loadNetwork(file);
    expect(exactString(spec.layers[0].weights[0][0])).toBe('1/3');
    expect(exactString(solve(spec).loss)).toBe('1');
  });
});
