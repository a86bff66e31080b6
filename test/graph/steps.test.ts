// The LaTeX steps of a graph's solution: the published apple numbers, negative numbers in parentheses
// after an operator, and KaTeX typesets every step of random graphs without error.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import katex from 'katex';
import { fileURLToPath } from 'node:url';
import { loadGraph, parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { graphSteps, nameLatex } from '../../src/graph/steps';
import { InputError } from '../../src/network/errors';
import { graphArb, yaml } from './arbitrary';

const file = (name: string) => fileURLToPath(new URL(`../../exercises/graphs/${name}`, import.meta.url));
const typeset = (latex: string) => katex.renderToString(latex, { throwOnError: true, displayMode: true });

describe('graph steps', () => {
  const steps = graphSteps(solveGraph(loadGraph(file('apple.yaml'))));
  it('write the forward pass with the numbers substituted as written (1.1, not 11/10)', () => {
    expect(steps.forward.map((s) => s.latex)).toEqual([
      '\\text{apple\\_price} = \\text{apple} \\times \\text{apple\\_num} = 100 \\times 2 = 200',
      '\\text{price} = \\text{apple\\_price} \\times \\text{tax} = 200 \\times 1.1 = 220',
    ]);
  });
  it('write each edge going back as upstream × local derivative, results as fraction and decimal', () => {
    expect(steps.backward.map((s) => s.latex)).toEqual([
      '\\text{price} \\rightarrow \\text{apple\\_price}:\\; 1 \\times \\text{tax} = 1 \\times 1.1 = \\frac{11}{10} = 1.1',
      '\\text{price} \\rightarrow \\text{tax}:\\; 1 \\times \\text{apple\\_price} = 1 \\times 200 = 200',
      '\\text{apple\\_price} \\rightarrow \\text{apple}:\\; 1.1 \\times \\text{apple\\_num} = 1.1 \\times 2 = \\frac{11}{5} = 2.2',
      '\\text{apple\\_price} \\rightarrow \\text{apple\\_num}:\\; 1.1 \\times \\text{apple} = 1.1 \\times 100 = 110',
    ]);
    // The book's ∂price/∂apple = 2.2, with the exact fraction before it.
    expect(steps.gradients.find((g) => g.name === 'apple')!.latex).toBe(
      '\\frac{\\partial \\text{price}}{\\partial \\text{apple}} = \\frac{11}{5} = 2.2',
    );
    expect(steps.gradients.find((g) => g.name === 'tax')!.latex).toBe(
      '\\frac{\\partial \\text{price}}{\\partial \\text{tax}} = 200',
    );
  });
  it('sum the contributions of a name used twice and parenthesise negatives; a literal written as a fraction stays one', () => {
    const s = graphSteps(
      solveGraph(
        parseGraph('graph:\n  inputs: {x: -3}\n  nodes:\n    - {name: z, op: mul, args: [x, x, -1/2]}\n  output: z\n'),
      ),
    );
    expect(s.forward[0].latex).toBe(
      'z = x \\times x \\times \\left(-\\frac{1}{2}\\right) = \\left(-3\\right) \\times \\left(-3\\right) \\times \\left(-\\frac{1}{2}\\right) = -\\frac{9}{2} = -4.5',
    );
    expect(s.gradients[0].latex).toBe('\\frac{\\partial z}{\\partial x} = 1.5 + 1.5 = 3');
    const third = graphSteps(
      solveGraph(
        parseGraph('graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: z, op: mul, args: [x, 1/3]}\n  output: z\n'),
      ),
    );
    expect(third.gradients[0].latex).toBe('\\frac{\\partial z}{\\partial x} = \\frac{1}{3} \\approx 0.3333333333');
  });
  it('write an irrational result symbolically when short, with its decimal (e^{-1} ≈ 0.3678794412)', () => {
    const s = graphSteps(solveGraph(loadGraph(file('sigmoid.yaml'))));
    expect(s.forward[1].latex).toBe(
      '\\text{exp\\_neg\\_x} = \\exp\\left(\\text{neg\\_x}\\right) = \\exp\\left(-1\\right) = e^{-1} \\approx 0.3678794412',
    );
    expect(s.forward[3].latex).toBe('y = \\frac{1}{\\text{denominator}} = \\frac{1}{e^{-1} + 1} \\approx 0.7310585786');
  });
  it('bracket a negative local derivative once: (−0.19…) × (−1), never ((−1))', () => {
    const s = graphSteps(solveGraph(loadGraph(file('sigmoid.yaml'))));
    const toX = s.backward.find((b) => b.edge.to === 'neg_x' && b.edge.from === 'x')!;
    expect(toX.latex).toBe(
      '\\text{neg\\_x} \\rightarrow x:\\; \\left(-0.1966119332\\ldots\\right) \\times \\left(-1\\right) = 0.1966119332\\ldots',
    );
    const sub = graphSteps(
      solveGraph(
        parseGraph(
          'graph:\n  inputs: {x: 2, y: 5}\n  nodes:\n    - {name: z, op: sub, args: [x, y]}\n    - {name: w, op: mul, args: [z, -2, y]}\n  output: w\n',
        ),
      ),
    );
    for (const b of sub.backward) expect(b.latex).not.toMatch(/\\left\(\\left\(-?[0-9.]+\\right\)\\right\)/);
    // Two bracketed factors are not one group: the product keeps its brackets.
    const toZ = sub.backward.find((b) => b.edge.to === 'w' && b.edge.from === 'z')!;
    expect(toZ.latex).toBe(
      'w \\rightarrow z:\\; 1 \\times \\left(\\left(-2\\right) \\times y\\right) = 1 \\times \\left(-10\\right) = -10',
    );
  });
  it('escape names for LaTeX', () => {
    expect(nameLatex('x')).toBe('x');
    expect(nameLatex('a_b_c')).toBe('\\text{a\\_b\\_c}');
    expect(typeset(nameLatex('りんご_2'))).toContain('katex');
  });
  it('typeset with KaTeX for the bundled graphs and random graphs, never "+ -" or "× -"', () => {
    for (const name of ['apple.yaml', 'apple-orange.yaml', 'chain-rule.yaml', 'sigmoid.yaml']) {
      const s = graphSteps(solveGraph(loadGraph(file(name))));
      for (const latex of [...s.forward, ...s.backward, ...s.gradients]
        .map((x) => x.latex)
        .filter((x): x is string => x !== null))
        typeset(latex);
    }
    fc.assert(
      fc.property(graphArb, (g) => {
        let solution;
        try {
          solution = solveGraph(parseGraph(yaml(g)));
        } catch (error) {
          if (error instanceof InputError) return;
          throw error;
        }
        const s = graphSteps(solution);
        for (const latex of [...s.forward, ...s.backward, ...s.gradients]
          .map((x) => x.latex)
          .filter((x): x is string => x !== null)) {
          expect(latex).not.toMatch(/(\+|\\times|\\cdot|-) -/);
          expect(latex).not.toMatch(/\\left\(\\left\(-?[0-9.]+\\right\)\\right\)/);
          typeset(latex);
        }
        // A fractional gradient ends "\frac{p}{q} = d" (d exact) or "≈ d" (d the quotient to 10 digits).
        for (const { latex } of s.gradients) {
          const m = /= (-?)\\frac\{(\d+)\}\{(\d+)\} (=|\\approx) (-?[\d.]+)$/.exec(latex);
          if (!m) continue;
          const q = new Decimal(`${m[1]}${m[2]}`).div(m[3]);
          if (m[4] === '=') expect(q.equals(m[5])).toBe(true);
          else expect(q.toSignificantDigits(10).equals(m[5]) && !q.equals(m[5])).toBe(true);
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
