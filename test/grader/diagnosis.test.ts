// Every diagnosis is right and in the student's words: a number that a misconception gives is named as
// that misconception (or with every misconception that gives the same number), a mistake is named only
// where the student could have made it, and feedback numbers layers and cells from 1, as the prompt
// does, with no anchors, ids or 0-based paths in its words.
import { describe, expect, it } from 'vitest';
import { mistakeRules } from '../../src/concepts/misconceptions';
import { correctRules } from '../../src/engine/rules';
import { solve } from '../../src/engine/solve';
import { TEMPLATES, generateExercise } from '../../src/exercises';
import { networkSpecOf } from '../../src/exercises/network-file';
import { askValue, cellsOf } from '../../src/exercises/quantities';
import type { Exercise, NetworkAsk } from '../../src/exercises/types';
import { gradeExercise, gradingContext } from '../../src/grader';
import { MISCONCEPTIONS } from '../../src/grader/misconceptions';
import { approx, type Value } from '../../src/number/value';
import { terminatesWithin } from '../../src/number/format';
import { ACTIVATIONS, LOSSES } from '../../src/concepts/network';

const isNetworkAsk = (ask: { quantity: string }): ask is NetworkAsk =>
  !['expression', 'value', 'gradients', 'nodes'].includes(ask.quantity);

/**
 * A number as a careful student types it: every digit of a short decimal, else 6 significant figures
 * (a large number to the units, so that no trailing zero stands for a digit).
 */
function typedValue(v: Value): string {
  const x = approx(v);
  if (v.kind === 'rational' && terminatesWithin(v, 8)) return x.toSignificantDigits(20).toFixed();
  if (x.abs().gte(1e5)) return x.toFixed(0);
  // Its zeros written out when they are figures (−0.300000 for −0.30000000125 after an Adam step).
  const rounded = x.toSignificantDigits(6);
  return rounded.eq(x) ? rounded.toFixed() : rounded.toFixed(Math.max(0, 5 - rounded.e));
}

function* exercises(seeds: number): Generator<Exercise> {
  for (const template of TEMPLATES)
    for (const difficulty of [1, 2, 3] as const)
      for (let seed = 1; seed <= seeds; seed++) {
        try {
          yield generateExercise({ template: template.name, difficulty, seed });
        } catch {
          // a template without a variant at this difficulty
        }
      }
}

/** Words that only the code knows: anchors, ids, 0-based paths. */
const INTERNAL = [
  /#step/,
  /step-[a-z_]+\//,
  /\blayer 0\b/,
  /第0層/,
  /\[\d+\]/,
  /layers\[/,
  /\b[a-z]{2,}_[a-z]{2,}\b/,
  ...MISCONCEPTIONS.map((m) => new RegExp(`\\b${m.id}\\b`)),
  // "cross-entropy" is also the English word.
  ...[...LOSSES, ...ACTIVATIONS]
    .filter((n) => n.includes('-') && n !== 'cross-entropy')
    .map((n) => new RegExp(`\\b${n}\\b`)),
];

describe('misconception answers', () => {
  const misnamed: string[] = [];
  const internal: string[] = [];
  let answers = 0;
  for (const exercise of exercises(3)) {
    if (exercise.network === null || !('layers' in exercise.network)) continue;
    const ctx = gradingContext(exercise);
    for (const ask of exercise.asks.filter(isNetworkAsk)) {
      const right = ctx.expected(ask);
      if (right === null || Array.isArray(right)) continue;
      for (const m of ctx.mistaken(ask)) {
        if (Array.isArray(m.value)) continue;
        const typed = typedValue(m.value as Value);
        const [result] = gradeExercise(ctx, new Map([[ask.id, typed]]));
        answers++;
        const where = `${exercise.template} -d ${exercise.difficulty} -s ${exercise.seed} ${ask.id}=${typed} (${m.mistake.id})`;
        if (result.status === 'incorrect' && result.score === 0 && !result.misconceptions.includes(m.mistake.id))
          misnamed.push(`${where}: named ${result.misconceptions.join(', ') || 'nothing'}`);
        for (const words of [result.feedback.en, result.feedback.ja])
          for (const pattern of INTERNAL) if (pattern.test(words)) internal.push(`${where}: ${pattern} in “${words}”`);
      }
    }
  }

  it('graded many misconception answers', () => {
    expect(answers).toBeGreaterThan(300);
  });

  it('names the misconception that gives the number, or every one that gives it', () => {
    expect(misnamed.slice(0, 10)).toEqual([]);
  });

  it('feedback has no anchors, ids or 0-based numbering', () => {
    expect(internal.slice(0, 10)).toEqual([]);
  });
});

describe('a mistake is named only where the student could have made it', () => {
  it('no updated-weights-in-backprop where the exercise gives no learning rate', () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const exercise = generateExercise({ template: 'hidden-delta', difficulty: 2, seed });
      expect(exercise.prompt).not.toMatch(/η/);
      const spec = networkSpecOf(exercise.network as never);
      const rules = mistakeRules({ id: 'updated-weights-in-backprop' }, spec, correctRules);
      const buggy = solve(spec, { rules });
      const ctx = gradingContext(exercise);
      for (const ask of exercise.asks.filter(isNetworkAsk)) {
        const value = cellsOf(askValue(spec, buggy, new Map(), ask))[0];
        const [result] = gradeExercise(ctx, new Map([[ask.id, typedValue(value)]]));
        expect(result.misconceptions).not.toContain('updated-weights-in-backprop');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('feedback in the student’s words', () => {
  const exercise = generateExercise({ template: 'hidden-delta', difficulty: 2, seed: 3 });
  const ctx = gradingContext(exercise);
  // By hand: a¹ = (−2.2, 0.18), Leaky ReLU′ = (0.1, 1); δ² = (0.5 − 0, 0.5 − 1)·σ′ = (0.125, −0.125);
  // δ¹₁ = (0.125·0.4 + (−0.125)·(−0.2))·0.1 = 0.0075; without h′ it is 0.075.
  it('numbers layers from 1 and names the step by its title, its anchor only in the data', () => {
    expect(exercise.prompt).toMatch(/W¹ = \[ -2 {2}0\.3 \]/);
    const [r] = gradeExercise(ctx, new Map([['a1', '0.075']]));
    expect(r.misconception).toBe('missing-activation-derivative');
    expect(r.feedback.en).toMatch(/\(in layer 1\)/);
    expect(r.feedback.en).toMatch(/step “Layer 1, unit 1: delta/);
    expect(r.feedback.en).not.toMatch(/#|layer 0/);
    expect(r.step).toMatchObject({ id: 'delta/0/0,0' });
    const [right] = gradeExercise(ctx, new Map([['a1', '0.0075']]));
    expect(right.status).toBe('correct');
    expect(right.step).toBeNull();
    expect(right.misconceptions).toEqual([]);
  });
});

describe('per-sample losses rounded on the way to a batch loss', () => {
  // loss, difficulty 3, seed 2: given y = (0.4, 0.1, 0.5) and (0.6, 0.1, 0.3), one-hot targets on unit 1,
  // mean cross-entropy: L = (−ln 0.4 − ln 0.6)/2 = 0.713558…; by hand −ln 0.4 = 0.9163, −ln 0.6 = 0.5108
  // (4 figures), so (0.9163 + 0.5108)/2 = 0.71355.
  const exercise = generateExercise({ template: 'loss', difficulty: 3, seed: 2 });
  const ctx = gradingContext(exercise);
  it.each(['0.71355', '(0.9163+0.5108)/2', '0.71356', '0.7136'])('%s is correct', (answer) => {
    expect(exercise.prompt).toMatch(/y = \[ 0\.4 {2}0\.1 {2}0\.5 \]/);
    const [r] = gradeExercise(ctx, new Map([['a1', answer]]));
    expect(r.status).toBe('correct');
    expect(r.score).toBe(1);
    expect(r.feedback.en).not.toMatch(/Almost|cutting/);
  });

  it('a value no honest rounding gives is not', () => {
    const [r] = gradeExercise(ctx, new Map([['a1', '0.7139']]));
    expect(r.status).toBe('incorrect');
  });
});
