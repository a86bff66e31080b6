// The LaTeX steps of a graph's solution: the published apple numbers, negative numbers in parentheses
// after an operator, and KaTeX typesets every step of random graphs without error.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
  it('write the forward pass with the numbers substituted', () => {
    expect(steps.forward.map((s) => s.latex)).toEqual([
      '\\text{apple\\_price} = \\text{apple} \\times \\text{apple\\_num} = 100 \\times 2 = 200',
      '\\text{price} = \\text{apple\\_price} \\times \\text{tax} = 200 \\times \\frac{11}{10} = 220',
    ]);
  });
  it('write each edge going back as upstream × local derivative', () => {
    expect(steps.backward.map((s) => s.latex)).toEqual([
      '\\text{price} \\rightarrow \\text{apple\\_price}:\\; 1 \\times \\text{tax} = 1 \\times \\frac{11}{10} = \\frac{11}{10}',
      '\\text{price} \\rightarrow \\text{tax}:\\; 1 \\times \\text{apple\\_price} = 1 \\times 200 = 200',
      '\\text{apple\\_price} \\rightarrow \\text{apple}:\\; \\frac{11}{10} \\times \\text{apple\\_num} = \\frac{11}{10} \\times 2 = \\frac{11}{5}',
      '\\text{apple\\_price} \\rightarrow \\text{apple\\_num}:\\; \\frac{11}{10} \\times \\text{apple} = \\frac{11}{10} \\times 100 = 110',
    ]);
    expect(steps.gradients.find((g) => g.name === 'apple')!.latex).toBe('\\frac{\\partial \\text{price}}{\\partial \\text{apple}} = \\frac{11}{5}');
  });
  it('sum the contributions of a name used twice and parenthesise negatives', () => {
    const s = graphSteps(solveGraph(parseGraph('graph:\n  inputs: {x: -3}\n  nodes:\n    - {name: z, op: mul, args: [x, x, -1/2]}\n  output: z\n')));
    expect(s.forward[0].latex).toBe('z = x \\times x \\times \\left(-\\frac{1}{2}\\right) = \\left(-3\\right) \\times \\left(-3\\right) \\times \\left(-\\frac{1}{2}\\right) = -\\frac{9}{2}');
    expect(s.gradients[0].latex).toBe('\\frac{\\partial z}{\\partial x} = \\frac{3}{2} + \\frac{3}{2} = 3');
  });
  it('escape names for LaTeX', () => {
    expect(nameLatex('x')).toBe('x');
    expect(nameLatex('a_b_c')).toBe('\\text{a\\_b\\_c}');
    expect(typeset(nameLatex('りんご_2'))).toContain('katex');
  });
  it('typeset with KaTeX for the bundled graphs and random graphs, never "+ -" or "× -"', () => {
    for (const name of ['apple.yaml', 'apple-orange.yaml', 'chain-rule.yaml', 'sigmoid.yaml']) {
      const s = graphSteps(solveGraph(loadGraph(file(name))));
      for (const latex of [...s.forward, ...s.backward, ...s.gradients].map((x) => x.latex).filter((x): x is string => x !== null)) typeset(latex);
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
        for (const latex of [...s.forward, ...s.backward, ...s.gradients].map((x) => x.latex).filter((x): x is string => x !== null)) {
          expect(latex).not.toMatch(/(\+|\\times|\\cdot|-) -/);
          typeset(latex);
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
