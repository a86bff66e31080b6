// For many seeds and every template: the expected value typed back in every accepted notation — the
// fraction, decimals rounded to 3–6 significant figures, scientific notation, an equivalent expression,
// a unicode minus, full-width digits — is graded correct; perturbed values are graded incorrect. The
// notations are produced here from the exercise's printed expected value (the `solve` JSON V), with
// this file's own digit-string rounding, not with the grader's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { TEMPLATES } from '../../src/exercises/templates/index';
import { isSymbolicAsk, type Difficulty, type Exercise } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

interface V {
  readonly exact: string | null;
  readonly approx: string;
}

/** Digits and decimal point position of a decimal string: value = 0.digits × 10^point (sign apart). */
function digitsOf(text: string): { negative: boolean; digits: string; point: number } {
  const negative = text.startsWith('-');
  const [mantissa, e = '0'] = (negative ? text.slice(1) : text).split(/[eE]/);
  const [int, frac = ''] = mantissa.split('.');
  let digits = int + frac;
  let point = int.length + Number(e);
  while (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1);
    point--;
  }
  return { negative, digits, point };
}

/** A decimal string rounded half-up to n significant figures, as a student writes it. */
export function roundSig(text: string, n: number, scientific = false): string {
  const { negative, digits, point } = digitsOf(text);
  if (/^0*$/.test(digits)) return '0';
  let kept = BigInt(digits.slice(0, n).padEnd(n, '0'));
  let p = point;
  if ((digits[n] ?? '0') >= '5') kept += 1n;
  let keptText = kept.toString();
  if (keptText.length > n) {
    keptText = keptText.slice(0, n);
    p++;
  }
  const sign = negative ? '-' : '';
  if (scientific || p > n) return `${sign}${keptText[0]}${n > 1 ? `.${keptText.slice(1)}` : ''}e${p - 1}`;
  if (p <= 0) return `${sign}0.${'0'.repeat(-p)}${keptText}`;
  return p === n ? `${sign}${keptText}` : `${sign}${keptText.slice(0, p)}.${keptText.slice(p)}`;
}

const FULL_WIDTH: Record<string, string> = {
  '0': '０',
  '1': '１',
  '2': '２',
  '3': '３',
  '4': '４',
  '5': '５',
  '6': '６',
  '7': '７',
  '8': '８',
  '9': '９',
  '.': '．',
  '/': '／',
};
const fullWidth = (s: string) => [...s].map((c) => FULL_WIDTH[c] ?? c).join('');
const unicodeMinus = (s: string) => s.replace(/-/g, '−');

/** Every way of typing one value that must be graded correct. */
function notations(v: V): string[] {
  const out: string[] = [];
  for (let n = 3; n <= 6; n++) out.push(roundSig(v.approx, n));
  out.push(roundSig(v.approx, 5, true));
  if (v.exact !== null) {
    const [p, q = '1'] = v.exact.split('/');
    out.push(v.exact, `(2*${p})/(2*${q})`, `${v.exact} + 0`, unicodeMinus(v.exact), fullWidth(v.exact));
    if (q !== '1') out.push(`(${p}) × (1/${q})`);
  }
  out.push(unicodeMinus(roundSig(v.approx, 4)));
  return out;
}

/** A value 1% off (and at least 0.01 off), typed to 6 significant figures. */
function perturbed(v: V): string {
  const x = Number(v.approx);
  return roundSig(String(x + Math.max(Math.abs(x) * 0.01, 0.01)), 6);
}

type Shape = V | readonly Shape[];

/** The answer text for a value or matrix, every cell typed with `cell`. */
function typeBack(e: Shape, cell: (v: V) => string): string {
  if (!Array.isArray(e)) return cell(e as V);
  return `[${(e as readonly Shape[]).map((x) => typeBack(x, cell)).join(', ')}]`;
}

function checkExercise(exercise: Exercise): void {
  const ctx = gradingContext(exercise);
  for (const ask of exercise.asks) {
    const grade = (answer: string) => gradeExercise(ctx, new Map([[ask.id, answer]]))[0];
    if (isSymbolicAsk(ask)) {
      for (const answer of [
        ask.expression,
        `(${ask.expression})*1`,
        `0 + (${ask.expression})`,
        `-(-(${ask.expression}))`,
      ]) {
        const r = grade(answer);
        expect(r.status, `${exercise.template} ${ask.id}: ${answer} → ${r.feedback.en}`).toBe('correct');
      }
      expect(grade(`(${ask.expression}) + 1`).status).toBe('incorrect');
      continue;
    }
    const expected = exercise.expected[ask.id] as Shape;
    const cells: V[] = [];
    const collect = (x: Shape) => (Array.isArray(x) ? (x as readonly Shape[]).forEach(collect) : cells.push(x as V));
    collect(expected);
    const count = Math.max(...cells.map((v) => notations(v).length));
    for (let k = 0; k < count; k++) {
      const answer = typeBack(expected, (v) => {
        const all = notations(v);
        return all[k % all.length];
      });
      const r = grade(answer);
      expect(r.status, `${exercise.template} seed ${exercise.seed} ${ask.id}: "${answer}" → ${r.feedback.en}`).toBe(
        'correct',
      );
      expect(r.score).toBe(1);
    }
    const wrong = typeBack(expected, perturbed);
    const r = grade(wrong);
    expect(
      r.status,
      `${exercise.template} seed ${exercise.seed} ${ask.id}: perturbed "${wrong}" → ${r.feedback.en}`,
    ).toBe('incorrect');
    expect(r.score).toBeLessThan(1);
  }
}

describe('the expected value in every notation is correct, a perturbed one is not', () => {
  it('roundSig rounds as a student does', () => {
    expect(roundSig('0.08216704056', 3)).toBe('0.0822');
    expect(roundSig('0.0996', 2)).toBe('0.10');
    expect(roundSig('-0.038098236', 4)).toBe('-0.03810');
    expect(roundSig('480', 3)).toBe('480');
    expect(roundSig('480', 4)).toBe('480.0');
    expect(roundSig('123456', 3)).toBe('1.23e5');
    expect(roundSig('1.5e-7', 3)).toBe('0.000000150');
    expect(roundSig('0.12345', 4, true)).toBe('1.235e-1');
  });

  for (const template of TEMPLATES) {
    it(`template ${template.name}`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.constantFrom<Difficulty>(1, 2, 3),
          (seed, difficulty) => {
            checkExercise(generateExercise({ template: template.name, seed, difficulty }));
          },
        ),
        { numRuns: 6, seed: 7 },
      );
    });
  }
});
