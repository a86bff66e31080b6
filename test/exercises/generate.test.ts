// Determinism, languages, prompts, the deterministic fallback, and recomputing an exercise from its
// JSON (what the grader does).
import { describe, expect, it } from 'vitest';
import {
  exerciseValues,
  generateExercise,
  searchVariant,
  templateForSeed,
  TEMPLATES,
  FALLBACK_SEED,
  type Exercise,
  type NetworkFile,
} from '../../src/exercises/index';
import { InputError } from '../../src/network/errors';
import { jsonValue } from '../../src/number/json';
import type { Value } from '../../src/number/value';
import { exactToFloat } from './helpers';

const DIFFICULTIES = [1, 2, 3] as const;

describe('determinism', () => {
  it.each(TEMPLATES.map((tpl) => tpl.name))('%s: same template, seed and difficulty → the same exercise', (name) => {
    for (const difficulty of DIFFICULTIES) {
      for (const seed of [7, 123456]) {
        const a = generateExercise({ template: name, seed, difficulty });
        const b = generateExercise({ template: name, seed, difficulty });
        expect(b).toEqual(a);
        // And the JSON round trip is lossless (the contract is plain JSON).
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }
    }
  });

  it('different seeds give different exercises', () => {
    for (const tpl of TEMPLATES) {
      const prompts = new Set(
        [1, 2, 3, 4, 5, 6].map((seed) => generateExercise({ template: tpl.name, seed, difficulty: 2 }).prompt),
      );
      expect(prompts.size, tpl.name).toBeGreaterThan(1);
    }
  });

  it('without a template the seed picks one, always the same', () => {
    const names = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const ex = generateExercise({ seed });
      expect(ex.template).toBe(templateForSeed(seed).name);
      expect(generateExercise({ seed })).toEqual(ex);
      names.add(ex.template);
    }
    expect(names.size).toBe(TEMPLATES.length);
  });

  it('the fallback seed finds a variant for every template and difficulty', () => {
    for (const tpl of TEMPLATES)
      for (const d of DIFFICULTIES) expect(searchVariant(tpl, FALLBACK_SEED, d), `${tpl.name} d${d}`).not.toBeNull();
  });

  it('rejects a seed outside 0..2^32−1 and an unknown template', () => {
    expect(() => generateExercise({ seed: -1 })).toThrow(RangeError);
    expect(() => generateExercise({ seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => generateExercise({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateExercise({ template: 'nope', seed: 1 })).toThrow(/unknown template "nope"/);
  });
});

describe('languages', () => {
  it.each(TEMPLATES.map((tpl) => tpl.name))('%s: en and ja differ only in words', (name) => {
    for (const difficulty of DIFFICULTIES) {
      const en = generateExercise({ template: name, seed: 11, difficulty, lang: 'en' });
      const ja = generateExercise({ template: name, seed: 11, difficulty, lang: 'ja' });
      const strip = (ex: Exercise) => ({ ...ex, lang: undefined, prompt: undefined, hints: undefined });
      expect(strip(ja)).toEqual(strip(en));
      expect(ja.lang).toBe('ja');
      expect(ja.prompt).not.toBe(en.prompt);
      // Japanese prompts use the glossary's words and no English sentence words.
      expect(ja.prompt).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(ja.prompt).not.toMatch(/\b(the|Find|Layer|weight)\b/);
    }
  });

  it('uses the glossary terms in Japanese', () => {
    const ja = generateExercise({ template: 'hidden-weight-grad', seed: 3, difficulty: 2, lang: 'ja' });
    for (const term of ['誤差逆伝播法', '中間層', '出力層', '重み', '勾配', '損失関数', '教師データ'])
      expect(ja.prompt).toContain(term);
    const train = generateExercise({ template: 'train-once', seed: 3, difficulty: 1, lang: 'ja' });
    expect(train.prompt).toContain('演習③');
    expect(train.prompt).toContain('学習率');
  });
});

describe('prompts', () => {
  const GENERIC = [
    'forward-pass',
    'loss',
    'output-delta',
    'output-bias-grad',
    'output-weight-grad',
    'hidden-delta',
    'hidden-weight-grad',
    'weight-update',
    'train-once',
    'softmax-ce-gradient',
    'matrix-form',
  ];

  it.each(GENERIC)('%s: the prompt states every number of the network and every ask', (name) => {
    for (const difficulty of DIFFICULTIES) {
      const ex = generateExercise({ template: name, seed: 5, difficulty });
      const net = ex.network as NetworkFile;
      const numbers = [
        ...net.layers.flatMap((l) => [...l.weights.flat(), ...(l.bias ?? [])]),
        ...net.input.flat(),
        ...net.target.flat(),
      ];
      const shown = new Set(ex.prompt.match(/-?\d+(\.\d+)?(\/\d+)?/g));
      for (const n of numbers) expect(shown.has(n), `${name}: ${n} not in the prompt`).toBe(true);
      for (const rows of Object.values(ex.given?.outputs ?? {}))
        for (const n of rows.flat()) expect(shown.has(n)).toBe(true);
      for (const ask of ex.asks) expect(ex.prompt).toContain(`${ask.id}: `);
      if (ex.asks.some((a) => ['weights_after', 'bias_after', 'loss_after', 'loss_improvement'].includes(a.quantity))) {
        expect(ex.prompt).toContain(`η = ${net.learning_rate}`);
      }
    }
  });

  it('describes the layout the network uses', () => {
    for (let seed = 0; seed < 40; seed++) {
      const ex = generateExercise({ template: 'output-weight-grad', seed, difficulty: 1 });
      const layout = (ex.network as NetworkFile).layout;
      expect(ex.prompt).toContain(layout === 'x-w' ? 'a = x·W + b' : 'a = W·x + b');
    }
  });

  it('states the ReLU convention at 0 when the answer depends on it', () => {
    for (let seed = 0; seed < 30; seed++) {
      const ex = generateExercise({ template: 'activation-derivative', seed, difficulty: 2 });
      const right = (ex.network as NetworkFile).conventions?.relu_grad_at_zero === '1';
      expect(ex.prompt).toContain(right ? 'ReLU′(0) = 1' : 'ReLU′(0) = 0');
      // The point 0 is asked at difficulty 2, and its answer follows the convention.
      const zeroAsk = ex.asks.find((a) => 'index' in a && (ex.network as NetworkFile).input[a.index![0]][0] === '0')!;
      const value = ex.expected[zeroAsk.id] as { exact: string };
      // Left derivative at 0: ReLU 0, Leaky ReLU/PReLU α; right derivative: 1.
      const alpha = (ex.network as NetworkFile).layers[0].alpha ?? '0';
      expect(exactToFloat(value.exact)).toBe(right ? 1 : Number(alpha));
    }
  });
});

describe('exerciseValues (recomputing from the JSON)', () => {
  const toJson = (v: unknown): unknown => (Array.isArray(v) ? v.map(toJson) : jsonValue(v as Value));

  it('gives back the expected values of every numeric template', () => {
    for (const tpl of TEMPLATES.filter((t) => t.kind !== 'symbolic')) {
      for (const difficulty of DIFFICULTIES) {
        const ex: Exercise = JSON.parse(JSON.stringify(generateExercise({ template: tpl.name, seed: 9, difficulty })));
        const values = exerciseValues(ex);
        for (const ask of ex.asks)
          expect(toJson(values.get(ask.id)), `${tpl.name} ${ask.id}`).toEqual(ex.expected[ask.id]);
      }
    }
  });

  it('names the field of a bad exercise file', () => {
    const ex: Exercise = generateExercise({ template: 'output-delta', seed: 1, difficulty: 2 });
    const withGiven = (given: unknown) => ({ ...ex, given: given as Exercise['given'] });
    const sigmoid = generateExercise({ template: 'activation-derivative', seed: 2, difficulty: 1 });
    expect(() => exerciseValues(withGiven({ outputs: { 7: [['0.5']] } }), 'ex.json')).toThrow(InputError);
    expect(() => exerciseValues(withGiven({ outputs: { 7: [['0.5']] } }), 'ex.json')).toThrow(
      /ex\.json: given\.outputs\.7: expected a layer index/,
    );
    expect(() => exerciseValues(withGiven({ outputs: { 0: [['x', '1']] } }), 'ex.json')).toThrow(
      /given\.outputs\.0\[0\]\[0\]: expected a number/,
    );
    expect(() => exerciseValues(withGiven({ outputs: { 0: [['1']] } }), 'ex.json')).toThrow(
      /given\.outputs\.0: expected 1 row\(s\) of 2 numbers/,
    );
    expect(() => exerciseValues({ ...sigmoid, asks: [{ id: 'a1', quantity: 'delta', layer: 3 }] }, 'ex.json')).toThrow(
      /asks \(a1\): delta needs a layer index/,
    );
    const badNetwork = { ...ex, network: { ...(ex.network as NetworkFile), loss: 'hinge' } };
    expect(() => exerciseValues(badNetwork, 'ex.json')).toThrow(/ex\.json: loss: expected one of/);
  });
});
