// key.json read back: JSON numbers become their text exactly as the YAML reader gives them (a number
// JSON.parse would round is read by the YAML reader instead), and errors name the field and line.
import { describe, expect, test } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { InputError } from '../../src/network/errors';
import { parseKey } from '../../src/sets/key-file';

const exercise = generateExercise({ template: 'output-bias-grad', seed: 3, difficulty: 1, lang: 'en' });

function keyText(question: Record<string, unknown>): string {
  return JSON.stringify(
    { title: 'T', set_seed: 5, students: [{ id: 's1', name: 'N', code: '0000005', questions: [question] }] },
    null,
    2,
  );
}

describe('parseKey', () => {
  test('whole numbers and points as text; the exercise as generate wrote it', () => {
    const key = parseKey(keyText({ ...exercise, points: 2.5 }));
    expect(key.setSeed).toBe('5');
    expect(key.students[0].questions[0].points).toBe(2.5);
    expect(key.students[0].questions[0].loaded.exercise.network).toEqual(exercise.network);
    expect(key.students[0].questions[0].loaded.exercise.asks).toEqual(exercise.asks);
  });

  test('a decimal JSON number keeps every digit as written (no binary float on the way)', () => {
    const long = '0.1000000000000000055511151231257827';
    const network = { ...(exercise.network as object), learning_rate: 0 };
    const text = keyText({ ...exercise, network, points: 1 }).replace('"learning_rate": 0', `"learning_rate": ${long}`);
    expect(text).toContain(long);
    const loaded = parseKey(text).students[0].questions[0].loaded.exercise.network as { learning_rate: string };
    expect(loaded.learning_rate).toBe(long);
  });

  test('an error names the field from the top of the key, and its line', () => {
    const text = keyText({ ...exercise, points: 0 });
    let error: unknown;
    try {
      parseKey(text, 'key.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const line = text.split('\n').findIndex((l) => l.includes('"points": 0')) + 1;
    expect((error as InputError).message).toBe(
      `key.json:${line}: students[0].questions[0].points: expected points: a positive number such as 2 or 1.5`,
    );
    expect(() => parseKey(keyText({ ...exercise, points: 1, asks: [{ id: 'a1' }] }))).toThrow(
      /students\[0\]\.questions\[0\]\.asks\[0\]/,
    );
  });
});
