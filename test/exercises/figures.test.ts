// Hand-friendly numbers: every number an exercise states or asks for has at most 4 significant figures
// at difficulty 1–2 and 5 at difficulty 3 (344.4376 or L = 540.5625 is not worked by hand). The figures
// are counted here from the exercise JSON's text, independently of the generator's own count.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, generateExercise } from '../../src/exercises';
import { significantFigures } from '../../src/exercises/numbers';
import { Fraction } from '../../src/number/value';

/** Significant figures of a decimal text: digits after the leading zeros, trailing zeros of an integer dropped. */
function figuresOf(decimal: string): number {
  const [int, frac = ''] = decimal.replace('-', '').split('.');
  const digits = `${int}${frac}`.replace(/^0+/, '');
  return Math.max(1, (frac === '' ? digits.replace(/0+$/, '') : digits).length);
}

/** The decimal texts of a JSON value: the strings of a network or given block, the `approx` of an expected value that terminates. */
function numbers(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)) out.push(x);
  else if (Array.isArray(x)) for (const y of x) numbers(y, out);
  else if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.approx === 'string') {
      // 34 digits: a value that terminates ends in zeros long before that.
      const trimmed = o.approx.includes('.') ? o.approx.replace(/0+$/, '').replace(/\.$/, '') : o.approx;
      if (figuresOf(trimmed) < 25) out.push(trimmed);
    } else for (const v of Object.values(o)) numbers(v, out);
  }
  return out;
}

describe('significant figures', () => {
  it.each([
    ['0.0821', 3],
    ['120', 2],
    ['344.4376', 7],
    ['-0.5', 1],
    ['540.5625', 7],
  ])('%s has %i', (decimal, figures) => {
    expect(figuresOf(decimal)).toBe(figures);
    const q = new Fraction(decimal);
    const places = decimal.includes('.') ? decimal.split('.')[1].length : 0;
    expect(significantFigures(q, places)).toBe(figures);
  });
});

describe('every given and asked number is hand-friendly', () => {
  it('at most 4 significant figures at difficulty 1–2 and 5 at 3, every template, 12 seeds', () => {
    const heavy: string[] = [];
    let exercises = 0;
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (let seed = 1; seed <= 12; seed++) {
          const exercise = generateExercise({ template: template.name, difficulty, seed });
          if (exercise.network === null) continue;
          exercises++;
          const limit = difficulty === 3 ? 5 : 4;
          const stated = numbers(exercise.network);
          const given = numbers(exercise.given);
          // Answers the exercise asks to round (a cubic's gradient steps) are not written exactly.
          const asked = /significant figures/.test(exercise.prompt) ? [] : numbers(exercise.expected);
          for (const n of [...stated, ...given, ...asked])
            if (figuresOf(n) > limit) heavy.push(`${template.name} -d ${difficulty} -s ${seed}: ${n}`);
        }
    expect(exercises).toBeGreaterThan(400);
    expect(heavy.slice(0, 10)).toEqual([]);
  });
});
