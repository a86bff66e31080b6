import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/network/errors';
import { loadSet, parseSet } from '../../src/sets/load';

const SETS = readdirSync('exercises/sets')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function errorOf(text: string): { en: string; ja: string } {
  try {
    parseSet(text, 'set.yaml');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { en: error.message, ja: error.messageIn('ja') };
  }
  throw new Error('expected an InputError');
}

describe('set files', () => {
  test('the example from the issue loads, with its numbers and questions', () => {
    const set = parseSet(
      [
        'title: 誤差逆伝播 小テスト 1',
        'lang: ja',
        'seed: 2026',
        'questions:',
        '  - {template: output-bias-grad, difficulty: 1, points: 2}',
        '  - {template: hidden-delta, difficulty: 2, points: 3}',
        '  - {network: ../networks/mazur.yaml, asks: [{quantity: weights_after, layer: 1, index: [0, 0]}], points: 5}',
      ].join('\n'),
      'exercises/sets/quiz.yaml',
    );
    expect(set).toMatchObject({ title: '誤差逆伝播 小テスト 1', lang: 'ja', seed: 2026 });
    expect(set.questions[0]).toEqual({ kind: 'template', template: 'output-bias-grad', difficulty: 1, points: 2 });
    expect(set.questions[1]).toEqual({ kind: 'template', template: 'hidden-delta', difficulty: 2, points: 3 });
    const q = set.questions[2];
    expect(q.kind).toBe('file');
    if (q.kind !== 'file') return;
    expect(q.path).toBe('../networks/mazur.yaml');
    expect(q.asks).toEqual([{ id: 'a1', quantity: 'weights_after', layer: 1, index: [0, 0] }]);
    expect(q.points).toBe(5);
    // The network travels as the file's exact text values.
    expect((q.network as { learning_rate: string }).learning_rate).toBe('0.5');
  });

  test('lang defaults to en and difficulty to 1', () => {
    const set = parseSet('title: T\nseed: 0\nquestions:\n  - {template: loss, points: 1.5}\n');
    expect(set.lang).toBe('en');
    expect(set.questions[0]).toEqual({ kind: 'template', template: 'loss', difficulty: 1, points: 1.5 });
  });

  test.each(SETS)('the shipped set %s loads and points editors at the JSON Schema', (file) => {
    const text = readFileSync(`exercises/sets/${file}`, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/set.schema.json');
    expect(loadSet(`exercises/sets/${file}`).questions.length).toBeGreaterThan(0);
  });

  test('the shipped sets cover every seed topic', () => {
    const templates = new Set<string>();
    const files = new Set<string>();
    for (const file of SETS)
      for (const q of loadSet(`exercises/sets/${file}`).questions)
        if (q.kind === 'template') templates.add(q.template);
        else files.add(q.path);
    // Lecture deck: softmax + CE, matrix form, exercise ③, 演習① ②, and a ReLU + softmax + CE network.
    for (const t of ['softmax-ce-gradient', 'matrix-form', 'train-once', 'output-bias-formula', 'hidden-bias-formula'])
      expect(templates).toContain(t);
    expect(files).toContain('networks/lecture-relu-softmax.yaml');
    // E資格: W·x with sigmoid and ½SSE; DLfS layers: Affine, Softmax-with-Loss, Sigmoid/ReLU layers.
    expect(files).toContain('networks/eshikaku-sigmoid.yaml');
    for (const t of ['affine-backward', 'activation-derivative', 'loss']) expect(templates).toContain(t);
    // Computational graphs: apple, z = t².
    for (const t of ['graph-backward', 'chain-rule']) expect(templates).toContain(t);
    expect(files).toContain('../graphs/apple.yaml');
    expect(files).toContain('../graphs/chain-rule.yaml');
  });
});

describe('bad set files: one line, file:line: field:, in English and Japanese', () => {
  test('a misspelt template name', () => {
    const e = errorOf('title: T\nseed: 1\nquestions:\n  - {template: hiden-delta, points: 2}\n');
    expect(e.en).toMatch(/^set\.yaml:4: questions\[0\]\.template: expected a template: one of forward-pass, /);
    expect(e.en).toMatch(/, got "hiden-delta"$/);
    expect(e.ja).toMatch(/^set\.yaml:4: questions\[0\]\.template: テンプレートとして forward-pass, /);
  });

  test('an unknown field in a question is named, not "expected a question"', () => {
    const e = errorOf('title: T\nseed: 1\nquestions:\n  - template: loss\n    point: 2\n');
    expect(e.en).toBe(
      'set.yaml:5: questions[0].point: unknown field (a template question has template, difficulty, points)',
    );
    expect(e.ja).toBe(
      'set.yaml:5: questions[0].point: 不明なフィールドです（テンプレートの問題のフィールドは template, difficulty, points）',
    );
  });

  test('a missing points', () => {
    expect(errorOf('title: T\nseed: 1\nquestions:\n  - {template: loss}\n').en).toBe(
      'set.yaml:4: questions[0].points: missing required field',
    );
  });

  test('a difficulty out of range, a bad seed, a bad points', () => {
    expect(errorOf('title: T\nseed: 1\nquestions:\n  - {template: loss, difficulty: 4, points: 1}\n').en).toBe(
      'set.yaml:4: questions[0].difficulty: expected 1, 2 or 3, got "4"',
    );
    expect(errorOf('title: T\nseed: -1\nquestions:\n  - {template: loss, points: 1}\n').en).toBe(
      'set.yaml:2: seed: expected a seed: an integer 0…4294967295, got "-1"',
    );
    expect(errorOf('title: T\nseed: 1\nquestions:\n  - {template: loss, points: 0}\n').ja).toBe(
      'set.yaml:4: questions[0].points: 配点（正の数。例: 2, 1.5）を指定してください（指定値: "0"）',
    );
  });

  test('an unknown quantity in a network question, at its line', () => {
    const e = errorOf(
      'title: T\nseed: 1\nquestions:\n  - network: ../networks/mazur.yaml\n    asks:\n      - {quantity: weight_after, layer: 1}\n    points: 1\n',
    );
    expect(e.en).toMatch(/^set\.yaml:6: questions\[0\]\.asks\[0\]\.quantity: expected a quantity: one of loss, /);
  });

  test('an ask the network cannot answer names the ask in the set file', () => {
    const e = errorOf(
      'title: T\nseed: 1\nquestions:\n  - network: exercises/networks/mazur.yaml\n    asks:\n      - {quantity: delta, layer: 1, index: [0, 5]}\n    points: 1\n',
    );
    expect(e.en).toBe(
      'set.yaml:6: questions[0].asks[0]: cannot be computed from exercises/networks/mazur.yaml: index [0, 5] is outside delta',
    );
  });

  test('a graph quantity on a network, and a network that does not exist', () => {
    expect(
      errorOf(
        'title: T\nseed: 1\nquestions:\n  - network: exercises/networks/mazur.yaml\n    asks: [{quantity: value}]\n    points: 1\n',
      ).en,
    ).toBe(
      'set.yaml:5: questions[0].asks[0].quantity: a network file is asked a network quantity (value, gradients and nodes are for graph files)',
    );
    expect(
      errorOf('title: T\nseed: 1\nquestions:\n  - network: nowhere.yaml\n    asks: [{quantity: loss}]\n    points: 1\n')
        .en,
    ).toBe('nowhere.yaml: no such file');
  });

  test('no questions, and a top-level typo', () => {
    expect(errorOf('title: T\nseed: 1\nquestions: []\n').en).toBe(
      'set.yaml:3: questions: expected at least one question',
    );
    expect(errorOf('title: T\nseed: 1\nquestion: []\n').en).toBe(
      'set.yaml:3: question: unknown field (a set has title, lang, seed, questions)',
    );
  });
});
