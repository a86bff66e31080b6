// Formulas typeset by shape (katex-shapes) must be, byte for byte, what KaTeX writes for the formula
// itself: checked on every formula of real worksheets, keys and worked solutions (the shipped sets,
// several students each, and the bench's ten-question set) and on formulas made up to break it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { documentMath } from '../../src/document/model';
import { shapeTypesetter } from '../../src/render/katex-shapes';
import { keyDocument, solutionsDocument, worksheetDocument } from '../../src/sets/documents';
import { studentExam } from '../../src/sets/exam';
import { loadSet } from '../../src/sets/load';
import { numberedVariants } from '../../src/sets/roster';
import { selfTest } from '../../src/sets/verify';
import { ROOT } from './helpers';

const whole = (latex: string) =>
  katex.renderToString(latex, { throwOnError: true, displayMode: false, output: 'html', strict: 'ignore' });

/** Every formula of every student's worksheet, key and solutions, as the HTML renderer sends it. */
function classFormulas(file: string, students: number): string[] {
  const set = loadSet(file);
  const out: string[] = [];
  for (const student of numberedVariants(students)) {
    const exam = studentExam(set, student, selfTest);
    for (const doc of [worksheetDocument(set, exam), keyDocument(set, exam), solutionsDocument(set, exam)])
      for (const latex of documentMath(doc)) out.push(latex, `\\displaystyle ${latex}`);
  }
  return out;
}

describe('formulas typeset by shape', () => {
  it('are what KaTeX writes for each formula of real classes, and most come from a shape', () => {
    const files = [
      ...readdirSync(join(ROOT, 'exercises/sets'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(ROOT, 'exercises/sets', f)),
      join(ROOT, 'bench/sets/ten-questions.yaml'),
    ];
    const typeset = shapeTypesetter(whole);
    let formulas = 0;
    let shaped = 0;
    for (const file of files) {
      for (const latex of classFormulas(file, 4)) {
        const { html, shape } = typeset(latex);
        expect(html, latex).toBe(whole(latex));
        formulas++;
        if (shape !== null) shaped++;
      }
    }
    expect(formulas).toBeGreaterThan(5_000);
    // Not a test that passes by typesetting everything whole.
    expect(shaped / formulas).toBeGreaterThan(0.6);
  }, 120_000);

  it('are what KaTeX writes for formulas made up of numbers in awkward places', () => {
    const number = fc.oneof(
      fc.integer({ min: 0, max: 99_999 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999 }))
        .map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
    );
    const atom = fc.oneof(
      number,
      number.map((n) => `-${n}`),
      fc.tuple(number, number).map(([a, b]) => `\\frac{${a}}{${b}}`),
      fc.tuple(number, number).map(([a, b]) => `${a}^{${b}}`),
      fc.tuple(number, number).map(([a, b]) => `${a}_${b}`),
      fc.tuple(number, number).map(([a, b]) => `x^${a}${b}`),
      number.map((n) => `\\frac${n} x`),
      number.map((n) => `\\sqrt{${n}}`),
      number.map((n) => `\\sqrt[${n}]{x}`),
      number.map((n) => `${n}'`),
      number.map((n) => `\\text{${n} mm}`),
      number.map((n) => `\\mathbf{${n}}`),
      number.map((n) => `\\mathit{${n}}`),
      number.map((n) => `\\hspace{${n}em}`),
      number.map((n) => `\\hat{${n}}`),
      number.map((n) => `\\left(${n}\\right)`),
      number.map((n) => `\\sigma\\left(${n}\\right) = ${n}`),
      fc.tuple(number, number, number).map(([a, b, c]) => `\\begin{pmatrix}${a} & ${b} \\\\ ${c} & 0\\end{pmatrix}`),
      fc.tuple(number, number).map(([a, b]) => `\\begin{pmatrix}${a} \\\\[2pt] ${b}\\end{pmatrix}`),
      fc.constantFrom('x', 'W^{(1)}_{12}', '+', '=', '\\approx', '\\cdot', 'e^{-x}', "\\sigma'", "\\text{it's}"),
    );
    const formula = fc.array(atom, { minLength: 1, maxLength: 14 }).map((atoms) => atoms.join(' '));
    const typeset = shapeTypesetter(whole);
    fc.assert(
      fc.property(formula, (latex) => {
        expect(typeset(latex).html).toBe(whole(latex));
        // The same shape with other numbers, from the store this time.
        const other = latex.replace(/\d/g, (d) => String((Number(d) + 7) % 10));
        expect(typeset(other).html).toBe(whole(other));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('fills each number into its own place, even where KaTeX writes them in another order', () => {
    const typeset = shapeTypesetter(whole);
    // A fraction's denominator comes before its numerator in KaTeX's HTML.
    const latex = `\\frac{${Array.from({ length: 30 }, (_, i) => i + 1).join('+')}}{31} = 0.5`;
    const { html, shape } = typeset(latex);
    expect(shape).not.toBeNull();
    expect(html).toBe(whole(latex));
  });
});
