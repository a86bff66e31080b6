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
function network(
  parts: Partial<Record<'layout' | 'layers' | 'loss' | 'input' | 'target' | 'rate' | 'extra', string>> = {},
): string {
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
  expect(error.messageIn('en')).toBe(error.message);
  expectJapanese(error.messageIn('ja'), prefix);
}

/**
 * The --lang ja message: the same `file:line: field: ` prefix, one line, written in Japanese (kana
 * or kanji, none of the English message's words; only the YAML parser's own detail, in brackets
 * after the Japanese, stays English), and every quoted value of the file still shown.
 */
function expectJapanese(ja: string, prefix: string): void {
  expect(ja.startsWith(prefix), `"${ja}" should start with "${prefix}"`).toBe(true);
  expect(ja).not.toContain('\n');
  const words = ja.slice(prefix.length).replace(/（[A-Z][^（）]*）$/, '');
  expect(words, ja).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
  expect(words, ja).not.toMatch(
    /\b(expected|got|must|unknown|missing|field|only|needs|allowed|rows?|numbers?|a list|mapping|valid|such|nothing)\b/i,
  );
}

describe('exact numbers', () => {
  it('reads decimals, integers, fractions and exponents exactly', () => {
    const spec = parseNetwork(
      network({
        layers:
          'layers:\n  - weights: [[0.15, "1/3", -2, 1e-3, .5, "0.1e2", "-7/21", 0.1000000000000000055511151231257827]]\n    activation: identity',
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
    const spec = parseNetwork(
      network({ layers: 'layers:\n  - weights: [[0.1, 0.2]]\n    bias: [0.2, 0.1]\n    activation: identity' }),
    );
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
      network({
        layout: 'layout: w-x',
        layers: 'layers:\n  - weights: [[1, 2]]\n    activation: identity',
        target: 'target: [[1]]',
      }),
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
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]\n    bias: [1]\n    activation: identity' }),
      'layers[0].bias',
      4,
      /expected 2 numbers/,
      /got 1/,
    );
  });

  it('targets of the wrong width or count', () => {
    expectError(network({ target: 'target: [[1, 2, 3]]' }), 'target[0]', 7, /expected 2 numbers/, /got 3/);
    expectError(
      network({ target: 'target: [[1, 2], [3, 4]]' }),
      'target',
      7,
      /expected 1 rows? \(one per input sample\)/,
      /got 2/,
    );
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
    expectError(
      network({ extra: 'conventions: {relu_grad_at_zero: 2}' }),
      'conventions.relu_grad_at_zero',
      9,
      /0/,
      /1/,
      /"2"/,
    );
    expectError(
      network({ extra: 'conventions:\n  batch: average' }),
      'conventions.batch',
      10,
      /mean or sum/,
      /"average"/,
    );
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
      network({
        layers: `layers:\n  - weights: [[1, 2]]\n    activation: ${activation}`,
        loss: 'loss: cross-entropy',
        input,
        target,
      });
    expectError(ce('target: [[0.5, 0.6]]'), 'target[0]', 7, /distribution/, /sum to 1/);
    expectError(ce('target: [[1.5, -0.5]]'), 'target[0][1]', 7, /≥ 0/);
    expectError(ce('target:\n  - [0, 1]\n  - [0.3, 0.3]', 'softmax', 'input: [[1], [2]]'), 'target[1]', 9, /sum to 1/);
    // −Σ t·ln y needs outputs that are a distribution.
    expectError(ce('target: [[0, 1]]', 'identity'), 'layers[0].activation', 4, /softmax/, /binary-cross-entropy/);
    // With a sigmoid last layer no course means −Σ t ln y: the loss it needs is named.
    expectError(ce('target: [[0, 1]]', 'sigmoid'), 'loss', 5, /sigmoid last layer/, /binary-cross-entropy/);
  });

  it('non-numeric values', () => {
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, abc]]\n    activation: identity' }),
      'layers[0].weights[0][1]',
      3,
      /expected a number/,
      /"abc"/,
    );
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, "1/0"]]\n    activation: identity' }),
      'layers[0].weights[0][1]',
      3,
      /expected a number/,
      /"1\/0"/,
    );
    expectError(network({ input: 'input: [[0x10]]' }), 'input[0][0]', 6, /expected a number/, /"0x10"/);
    expectError(network({ rate: 'learning_rate: fast' }), 'learning_rate', 8, /expected a number/, /"fast"/);
    expectError(
      network({ layers: 'layers:\n  - weights: 3\n    activation: identity' }),
      'layers[0].weights',
      3,
      /matrix/,
    );
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, [2]]]\n    activation: identity' }),
      'layers[0].weights[0][1]',
      3,
      /number/,
    );
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: leaky-relu\n    alpha: steep' }),
      'layers[0].alpha',
      5,
      /"steep"/,
    );
  });

  it('a learning rate that is not positive', () => {
    expectError(network({ rate: 'learning_rate: 0' }), 'learning_rate', 8, /positive/);
    expectError(network({ rate: 'learning_rate: -0.1' }), 'learning_rate', 8, /positive/);
  });

  it('missing fields', () => {
    expectError(network({ target: '' }), 'target', 1, /missing required field/);
    expectError(network({ rate: '' }), 'learning_rate', 1, /missing required field/);
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]' }),
      'layers[0].activation',
      3,
      /missing required field/,
    );
    expectError(
      network({ layers: 'layers:\n  - activation: identity' }),
      'layers[0].weights',
      3,
      /missing required field/,
    );
    expectError(network({ layers: 'layers: []' }), 'layers', 2, /at least one layer/);
    expectError(network({ input: 'input: []' }), 'input', 6, /at least one row/);
  });

  it('unknown fields', () => {
    expectError(network({ extra: 'epochs: 3' }), 'epochs', 9, /unknown field/, /learning_rate/);
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: identity\n    dropout: 0.5' }),
      'layers[0].dropout',
      5,
      /unknown field/,
      /weights, bias, activation, alpha/,
    );
    expectError(
      network({ extra: 'conventions: {relu_grad: 1}' }),
      'conventions.relu_grad',
      9,
      /unknown field/,
      /relu_grad_at_zero/,
    );
    expectError(
      network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: sigmoid\n    alpha: 0.1' }),
      'layers[0].alpha',
      5,
      /only for leaky-relu and prelu/,
    );
  });

  it('invalid YAML, with the line the parser reports', () => {
    expectError(
      'layers:\n  - weights: [[1]\n    activation: identity\nloss: half-sse\n',
      null,
      3,
      /not valid YAML or JSON/,
    );
    expectError('loss: sse\nloss: mse\n', null, 2, /not valid YAML or JSON/, /unique/);
    expectError('{"layers": [ }', null, 1, /not valid YAML or JSON/);
  });

  it('a file that is not a mapping', () => {
    expectError('', null, null, /expected a network/);
    expectError('- 1\n- 2\n', null, 1, /expected a network/);
  });
});

describe('the same errors in Japanese (--lang ja): same prefix, glossary terms', () => {
  const ja = (text: string) => errorOf(text).messageIn('ja');

  it('shapes name 重み, 層, ユニット, バイアス and 教師データ', () => {
    expect(
      ja(
        'layers:\n  - weights: [[1, 2], [3, 4]]\n    activation: sigmoid\n  - weights: [[1, 2, 3]]\n    activation: sigmoid\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[1, 2, 3]]\nlearning_rate: 0.5\n',
      ),
    ).toBe(
      'bad.yaml:4: layers[1].weights: 層 0 のユニットが 2 個であるため、重みの並べ方 x-w では重みは 2 行（入力）× 3 列（ユニット）でなければなりませんが、1×3 です',
    );
    expect(
      ja(
        network({
          layout: 'layout: w-x',
          layers: 'layers:\n  - weights: [[1, 2]]\n    activation: identity',
          target: 'target: [[1]]',
        }),
      ),
    ).toBe(
      'bad.yaml:3: layers[0].weights: 入力はサンプルごとに 1 個の値を持つため、重みの並べ方 w-x では重みは 1 行（ユニット）× 1 列（入力）でなければなりませんが、1×2 です',
    );
    expect(ja(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    bias: [1]\n    activation: identity' }))).toBe(
      'bad.yaml:4: layers[0].bias: バイアスには 2 個の数（ユニットごとに1つ）が必要ですが、1 個です',
    );
    expect(ja(network({ target: 'target: [[1, 2, 3]]' }))).toBe(
      'bad.yaml:7: target[0]: 最後の層のユニットが 2 個なので、教師データの各行には 2 個の数が必要ですが、3 個です',
    );
  });

  it('names 活性化関数, 損失関数 and 学習率, and shows the value found', () => {
    expect(ja(network({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: sigmod' }))).toBe(
      'bad.yaml:4: layers[0].activation: 活性化関数として identity, sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax のいずれかを指定してください（指定値: "sigmod"）',
    );
    expect(ja(network({ loss: 'loss: hinge' }))).toBe(
      'bad.yaml:5: loss: 損失関数として half-sse, sse, mse, cross-entropy, binary-cross-entropy のいずれかを指定してください（指定値: "hinge"）',
    );
    expect(ja(network({ rate: 'learning_rate: 0' }))).toBe(
      'bad.yaml:8: learning_rate: 学習率には正の数を指定してください',
    );
    expect(ja(network({ rate: 'learning_rate: fast' }))).toBe(
      'bad.yaml:8: learning_rate: 数（例: 0.15, -2, "1/3"）を指定してください（指定値: "fast"）',
    );
  });

  it('missing and unknown fields, cross-entropy targets, YAML syntax, not a mapping', () => {
    expect(ja(network({ layers: 'layers:\n  - weights: [[1, 2]]' }))).toBe(
      'bad.yaml:3: layers[0].activation: 必須のフィールドがありません',
    );
    expect(ja(network({ extra: 'epochs: 3' }))).toBe(
      'bad.yaml:9: epochs: 不明なフィールドです（ネットワークのフィールドは layout, layers, loss, input, target, learning_rate, update_biases, conventions, steps, batch_size, regularization, optimizer）',
    );
    const ce = network({
      layers: 'layers:\n  - weights: [[1, 2]]\n    activation: softmax',
      loss: 'loss: cross-entropy',
      target: 'target: [[0.5, 0.6]]',
    });
    expect(ja(ce)).toMatch(
      /^bad\.yaml:7: target\[0\]: cross-entropy（交差エントロピー誤差）の教師データは確率分布でなければなりません: 各行の和を 1 にしてください/,
    );
    expect(ja('loss: sse\nloss: mse\n')).toBe(
      'bad.yaml:2: YAML または JSON として正しくありません: 同じキーが2回書かれています（Map keys must be unique）',
    );
    expect(ja('- 1\n- 2\n')).toBe(
      'bad.yaml:1: ネットワーク（layers, loss, input, target, learning_rate を持つマッピング）を指定してください',
    );
  });

  it('an error built from a plain string reads the same in both languages', () => {
    const error = new InputError('f.yaml', 'x', 'expected 3', 7);
    expect(error.message).toBe('f.yaml:7: x: expected 3');
    expect(error.messageIn('ja')).toBe('f.yaml:7: x: expected 3');
    expect(error.expected).toBe('expected 3');
    const both = new InputError('f.yaml', null, { en: 'no', ja: 'いいえ' });
    expect([both.message, both.expected, both.messageIn('ja')]).toEqual(['f.yaml: no', 'no', 'f.yaml: いいえ']);
  });

  it('an alias bomb is a bad input, not an internal error', () => {
    const bomb = `a: &a [1, 2]\nb: [${Array.from({ length: 200 }, () => '*a').join(', ')}]\n`;
    expectError(bomb, null, null, /too many YAML aliases/);
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
    const error = (() => {
      try {
        loadNetwork(missing);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an InputError');
    })();
    expect(error.messageIn('ja')).toBe(`${missing}: ファイルが見つかりません`);
  });

  it('loads a JSON file', () => {
    const file = join(dir, 'net.json');
    writeFileSync(
      file,
      JSON.stringify({
        layers: [{ weights: [['1/3']], activation: 'identity' }],
        loss: 'sse',
        input: [[3]],
        target: [[0]],
        learning_rate: 0.1,
      }),
    );
    const spec = loadNetwork(file);
    expect(exactString(spec.layers[0].weights[0][0])).toBe('1/3');
    expect(exactString(solve(spec).loss)).toBe('1');
  });
});

describe('messages that name the real problem', () => {
  it('a misspelt field is reported as the unknown field, not as the missing one', () => {
    expectError(network({ rate: 'learning_rat: 0.5' }), 'learning_rat', 8, /unknown field/, /learning_rate/);
  });
  it('an empty or plain `conventions` asks for a mapping', () => {
    expectError(network({ extra: 'conventions:' }), 'conventions', 9, /expected a mapping/);
    expectError(network({ extra: 'conventions: mean' }), 'conventions', 9, /expected a mapping, got "mean"/);
  });
});

describe('a hostile value is echoed escaped and cut', () => {
  // Sets the terminal title, fakes a second line, reverses what follows: each shows as U+XXXX.
  const EVIL = '\u001b]0;PWNED\u0007\nbackprop-tutor: all good \u202Eevil';
  const SHOWN = 'U+001B]0;PWNEDU+0007U+000Abackprop-tutor: all good U+202Eevil';
  const expectTame = (message: string) => {
    expect(message).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(message.length).toBeLessThan(1000);
  };

  it('a number that is not one', () => {
    for (const lang of ['en', 'ja'] as const) {
      const error = errorOf(network({ rate: `learning_rate: ${JSON.stringify(EVIL)}` }));
      expect(error.messageIn(lang)).toContain(SHOWN);
      expectTame(error.messageIn(lang));
    }
  });

  it('a step count that is not one, a megabyte long', () => {
    const error = errorOf(network({ extra: `steps: ${JSON.stringify(`${'x'.repeat(1_000_000)}${EVIL}`)}` }));
    expect(error.message).toContain(`got "${'x'.repeat(80)}…"`);
    expectTame(error.message);
  });

  it('a quote and a backslash do not end the quoted value early', () => {
    expect(errorOf(network({ rate: `learning_rate: '1"\\x'` })).message).toContain('got "1U+0022U+005Cx"');
  });
});
