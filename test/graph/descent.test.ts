// Several gradient steps on a graph (`step: {…, steps: n}`): the bundled walkthrough f(x) = x² − 4x + 1,
// random polynomials against the independent reference (exact BigInt fractions and float64), the
// JSON `after` and `history`, the worked steps, and the errors of a bad `steps`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { fileURLToPath } from 'node:url';
import { loadGraph, parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { graphSolutionToJson } from '../../src/graph/json';
import { graphSolutionToText } from '../../src/graph/text';
import { graphSteps } from '../../src/graph/steps';
import { InputError } from '../../src/network/errors';
import { LIMITS } from '../../src/number/limits';
import { approx, type Value } from '../../src/number/value';
import { descendExact, descendFloat, fractionText, parseRational } from '../reference/descent-1d';

const file = fileURLToPath(new URL('../../exercises/graphs/gradient-descent-1d.yaml', import.meta.url));
const exact = (v: Value | undefined) => (v?.kind === 'rational' ? v.q.toFraction() : String(v));

function error(text: string): InputError {
  try {
    parseGraph(text, 'g.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** p(x) = Σ c_i xⁱ as a graph of pow, mul and add nodes. */
function polynomialGraph(c: readonly string[], x0: string, eta: string, steps: number): string {
  const nodes = c.flatMap((ci, i) =>
    i === 0
      ? []
      : [`    - {name: p${i}, op: pow, args: [x, ${i}]}`, `    - {name: t${i}, op: mul, args: ["${ci}", p${i}]}`],
  );
  const terms = c.map((_, i) => `t${i}`).slice(1);
  nodes.push(`    - {name: f, op: add, args: [${terms.join(', ')}, "${c[0]}"]}`);
  return `graph:\n  inputs: {x: "${x0}"}\n  nodes:\n${nodes.join('\n')}\n  output: f\n  step: {learning_rate: "${eta}", update: [x], steps: ${steps}}\n`;
}

describe('gradient-descent-1d.yaml: f(x) = x² − 4x + 1 from x₀ = 0, η = 1/4, four steps', () => {
  const solution = solveGraph(loadGraph(file));
  // By hand: x_k = x_(k−1)/2 + 1.
  const published = ['1', '3/2', '7/4', '15/8'];
  it('reaches 1, 1.5, 1.75, 1.875 and f(x₄) = −2.984375', () => {
    expect(solution.history.map((h) => exact(h.inputs.get('x')))).toEqual(published);
    expect(exact(solution.after!.value)).toBe('-191/64');
  });
  it('agrees with the exact and float64 references', () => {
    const c = ['1', '-4', '1'].map(parseRational);
    const reference = descendExact(c, parseRational('0'), parseRational('1/4'), 4);
    expect(solution.history.map((h) => exact(h.inputs.get('x')))).toEqual(reference.map((p) => fractionText(p.x)));
    expect(solution.history.map((h) => exact(h.value))).toEqual(reference.map((p) => fractionText(p.value)));
    expect(solution.history.map((h) => exact(h.gradients.get('x')))).toEqual(
      reference.map((p) => fractionText(p.gradient)),
    );
    const floats = descendFloat([1, -4, 1], 0, 0.25, 4);
    solution.history.forEach((h, k) => expect(approx(h.inputs.get('x')!).toNumber()).toBeCloseTo(floats[k], 12));
  });
  it('JSON: `after` is the last step, `history` one entry per step with the gradients it moved along', () => {
    const json = graphSolutionToJson(solution);
    const last = json.history!.at(-1)!;
    expect(json.after).toEqual({ inputs: last.inputs, value: last.value });
    expect(json.history!.map((h) => h.inputs.x.exact)).toEqual(published);
    expect(json.history!.map((h) => h.gradients.x.exact)).toEqual(['-4', '-2', '-1', '-1/2']);
    expect(json.history![0].gradients.f.exact).toBe('1');
  });
  it('a single step keeps the JSON without history', () => {
    const one = solveGraph(parseGraph(polynomialGraph(['1', '-4', '1'], '0', '1/4', 1)));
    const json = graphSolutionToJson(one);
    expect(json.history).toBeUndefined();
    expect(json.after!.inputs.x.exact).toBe('1');
  });
  it('text: each step as formula, numbers, result; in Japanese too', () => {
    const text = graphSolutionToText(solution);
    expect(text).toContain('Gradient descent, 4 steps');
    expect(text).toContain('Step 2 (gradients at x₁ = 1)');
    expect(text).toContain('x₂ = x₁ − η·∂f/∂x = 1 − 0.25 × (-2) = 3/2 = 1.5');
    expect(text).toContain('x₄ = x₃ − η·∂f/∂x = 1.75 − 0.25 × (-0.5) = 15/8 = 1.875');
    expect(text).toContain('f₄ = -191/64 = -2.984375');
    const ja = graphSolutionToText(solution, { lang: 'ja' });
    expect(ja).toContain('勾配降下法 4 ステップ');
    expect(ja).toContain('ステップ 3（勾配は x₂ = 1.5 での値）');
  });
  it('LaTeX steps: gradient at the point, update, output', () => {
    const descent = graphSteps(solution).descent;
    expect(descent.filter((s) => s.kind === 'update').map((s) => s.latex)).toEqual([
      'x_{1} = x_{0} - \\eta\\, \\frac{\\partial f}{\\partial x} = 0 - 0.25 \\times \\left(-4\\right) = 1',
      'x_{2} = x_{1} - \\eta\\, \\frac{\\partial f}{\\partial x} = 1 - 0.25 \\times \\left(-2\\right) = \\frac{3}{2} = 1.5',
      'x_{3} = x_{2} - \\eta\\, \\frac{\\partial f}{\\partial x} = 1.5 - 0.25 \\times \\left(-1\\right) = \\frac{7}{4} = 1.75',
      'x_{4} = x_{3} - \\eta\\, \\frac{\\partial f}{\\partial x} = 1.75 - 0.25 \\times \\left(-0.5\\right) = \\frac{15}{8} = 1.875',
    ]);
    for (const s of descent) expect(() => katex.renderToString(s.latex, { throwOnError: true })).not.toThrow();
    expect(descent.find((s) => s.kind === 'gradient' && s.step === 4)!.latex).toBe(
      '\\left.\\frac{\\partial f}{\\partial x}\\right|_{x_{3} = 1.75} = -\\frac{1}{2} = -0.5',
    );
  });
});

describe('random polynomials against the reference', () => {
  const coefficient = fc.constantFrom('0', '1', '-1', '2', '-3', '0.5', '-0.25', '3/4');
  it('exact iterates, values and gradients agree with the BigInt reference', () => {
    fc.assert(
      fc.property(
        fc.array(coefficient, { minLength: 2, maxLength: 5 }),
        fc.constantFrom('0', '1', '-1', '0.5', '2'),
        fc.constantFrom('0.1', '1/4', '0.05', '1/8'),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (c, x0, eta, steps, ascent) => {
          const text = polynomialGraph(c, x0, eta, steps).replace('steps:', `ascent: ${ascent}, steps:`);
          const solution = solveGraph(parseGraph(text));
          const reference = descendExact(c.map(parseRational), parseRational(x0), parseRational(eta), steps, ascent);
          expect(solution.history.map((h) => exact(h.inputs.get('x')))).toEqual(
            reference.map((p) => fractionText(p.x)),
          );
          expect(exact(solution.after!.value)).toBe(fractionText(reference.at(-1)!.value));
          expect(solution.history.map((h) => exact(h.gradients.get('x')))).toEqual(
            reference.map((p) => fractionText(p.gradient)),
          );
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });
});

describe('bad steps', () => {
  const stepped = (steps: string) =>
    `graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: out, op: square, args: [x]}\n  output: out\n  step: {learning_rate: 0.1, update: [x], steps: ${steps}}\n`;
  it.each([['0'], ['-2'], ['2.5'], ['many'], [String(LIMITS.graphSteps + 1)]])('steps: %s', (steps) => {
    const e = error(stepped(steps));
    expect(e.field).toBe('graph.step.steps');
    expect(e.line).toBe(6);
    expect(e.message).toMatch(/expected a whole number of steps from 1 to 1000/);
    expect(e.messageIn('ja')).toMatch(/1 から 1000 までのステップ数/);
  });
  it('refuses more node evaluations than the limit, naming how many steps fit', () => {
    const nodes = Array.from(
      { length: 30 },
      (_, i) => `    - {name: n${i}, op: add, args: [${i === 0 ? 'x' : `n${i - 1}`}, 1]}`,
    );
    const e = error(
      `graph:\n  inputs: {x: 1}\n  nodes:\n${nodes.join('\n')}\n  output: n29\n  step: {learning_rate: 0.1, update: [x], steps: 1000}\n`,
    );
    expect(e.field).toBe('graph.step.steps');
    expect(e.message).toMatch(/1000 steps of a graph of 30 nodes .* at most 666 steps/);
    expect(e.messageIn('ja')).toMatch(/666 ステップまで/);
  });
  it('names the step after which the graph cannot be evaluated, in both languages', () => {
    // log(x) from x = 1/2 with η = 1/4: x₁ = 1/2 − (1/4)·2 = 0, so f₁ = log(0).
    const e = error(
      'graph:\n  inputs: {x: 0.5}\n  nodes:\n    - {name: out, op: log, args: [x]}\n  output: out\n  step: {learning_rate: 0.25, update: [x], steps: 3}\n',
    );
    expect(e.field).toBe('graph.step');
    expect(e.message).toMatch(/after step 1, graph.nodes\[0\] cannot be evaluated: log\(0\)/);
    expect(e.messageIn('ja')).toMatch(/1 ステップ目の後/);
  });
});
