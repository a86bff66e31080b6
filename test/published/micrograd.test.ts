// Andrej Karpathy, micrograd (github.com/karpathy/micrograd), README, "Example usage": the expression
// built from a = -4.0 and b = 2.0 with +, *, **, relu and /, for which the README prints
//   print(f'{g.data:.4f}') # prints 24.7041, the outcome of this forward pass
//   print(f'{a.grad:.4f}') # prints 138.8338, i.e. the numerical value of dg/da
//   print(f'{b.grad:.4f}') # prints 645.5773, i.e. the numerical value of dg/db
// Everything in it is rational, so the tool's values are exact fractions; they are checked against
// the printed digits and against a plain float64 forward pass with central differences.
import { describe, expect, it } from 'vitest';
import { expectPrinted, type JsonNumber, useSolveJson } from './published';

interface GraphJson {
  readonly value: JsonNumber;
  readonly gradients: Record<string, JsonNumber>;
}

/** The README's program, line by line, in float64. */
function g(a: number, b: number): number {
  const relu = (x: number) => Math.max(0, x);
  let c = a + b;
  let d = a * b + b ** 3;
  // biome-ignore lint/suspicious/noMisrefactoredShorthandAssign: the README's own line, kept as written
  c += c + 1;
  c += 1 + c + -a;
  d += d * 2 + relu(b + a);
  d += 3 * d + relu(b - a);
  const e = c - d;
  const f = e ** 2;
  let out = f / 2.0;
  out += 10.0 / f;
  return out;
}

const solveJson = useSolveJson();

describe('micrograd README example', () => {
  it('prints g = 24.7041, dg/da = 138.8338, dg/db = 645.5773', () => {
    const s = solveJson('exercises/graphs/micrograd.yaml') as unknown as GraphJson;
    expectPrinted('g', s.value, '24.7041');
    expectPrinted('dg/da', s.gradients.a, '138.8338');
    expectPrinted('dg/db', s.gradients.b, '645.5773');
    // Exact: by hand, c = −1 and d = 6 at the end, e = −7, f = 49, g = 49/2 + 10/49 = 2421/98.
    expect(s.value.exact).toBe('2421/98');
    // The exact gradients are fractions too; their values are those of an independent float64 run of
    // the README's code with central differences (g is piecewise rational, smooth at this point).
    const fraction = (v: JsonNumber) => {
      const [n, d] = (v.exact ?? '').split('/').map(Number);
      return n / d;
    };
    const h = 1e-5;
    expect(Number(s.value.approx)).toBeCloseTo(g(-4, 2), 12);
    expect(fraction(s.gradients.a)).toBeCloseTo((g(-4 + h, 2) - g(-4 - h, 2)) / (2 * h), 5);
    expect(fraction(s.gradients.b)).toBeCloseTo((g(-4, 2 + h) - g(-4, 2 - h)) / (2 * h), 5);
  });
});
