// Matrix-form steps that used to jump from a symbol to the result: h′(A) of the ReLU family and the
// identity, and Δ through the softmax Jacobian (softmax with squared error). Each now has a formula
// and, where there are numbers to put in, a substitution; evaluated independently (latex-eval.ts,
// float64, Iverson brackets element by element) it gives the engine's matrix, in both layouts and for
// both conventions at a = 0 (the pre-activations below include exact zeros and a value ≥ 6).
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { transpose } from '../../src/engine/matrix';
import { approx } from '../../src/number/value';
import type { Matrix } from '../../src/concepts/network';
import { buildTrace } from '../../src/trace/build';
import type { MatrixStep } from '../../src/trace/types';
import { close, evalLatex } from './latex-eval';

const mat = (m: Matrix) => m.map((row) => row.map((v) => approx(v).toNumber()));

/**
 * Layer 1 (`activation`) sees A = [[0, −0.625], [7, −2], [3, −0.5]] (rows = samples): an exact 0, a
 * value ≥ 6, one between 0 and 6 and negatives. Layer 2 is `output`.
 */
function network(activation: string, layout: 'x-w' | 'w-x', gradAtZero: 0 | 1, output: string, loss: string): string {
  // x-w weights W[input][unit]; the w-x file holds the transpose.
  const w1 = layout === 'x-w' ? '[[1, -1], [2, 0.5]]' : '[[1, 2], [-1, 0.5]]';
  const w2 = layout === 'x-w' ? '[[0.5, -0.2], [0.1, 0.3]]' : '[[0.5, 0.1], [-0.2, 0.3]]';
  return [
    `layout: ${layout}`,
    'layers:',
    `  - {weights: ${w1}, bias: [0, 0], activation: ${activation}}`,
    `  - {weights: ${w2}, bias: [0.1, -0.1], activation: ${output}}`,
    `loss: ${loss}`,
    'input: [[0.5, -0.25], [3, 2], [1, 1]]',
    'target: [[1, 0], [0, 1], [0.5, 0.5]]',
    'learning_rate: 0.5',
    `conventions: {relu_grad_at_zero: ${gradAtZero}}`,
  ].join('\n');
}

function matrixSteps(text: string): { steps: MatrixStep[]; columns: boolean } {
  const solution = solve(parseNetwork(text, 'net.yaml'));
  const trace = buildTrace(solution, { form: 'matrix' });
  const steps = trace.sections.flatMap((s) => s.steps).filter((s): s is MatrixStep => s.shape === 'matrix');
  return { steps, columns: solution.network.layout === 'w-x' };
}

const cases = ['relu', 'leaky-relu', 'prelu', 'relu6'].flatMap((act) =>
  (['x-w', 'w-x'] as const).flatMap((layout) => ([0, 1] as const).map((g) => [act, layout, g] as const)),
);

describe("h'(A) for the ReLU family: an Iverson bracket on A, with the numbers substituted", () => {
  it.each(cases)('%s, %s, relu_grad_at_zero %s', (act, layout, g) => {
    const { steps, columns } = matrixSteps(network(act, layout, g, 'identity', 'half-sse'));
    const step = steps.find((s) => s.quantity === 'activation_derivative' && s.layer === 0)!;
    // The pre-activations of layer 1 really contain a 0 and a value ≥ 6, so the conventions matter.
    const a = steps.find((s) => s.quantity === 'preactivation' && s.layer === 0)!;
    const flat = mat(a.result).flat();
    expect(flat).toEqual(layout === 'x-w' ? [0, -0.625, 7, -2, 3, -0.5] : [0, 7, 3, -0.625, -2, -0.5]);
    expect(step.formula).toMatch(/^h'\(A\^\{\(1\)\}\) = .*\\left\[/);
    // At a = 0 the convention decides: [A > 0] or [A ≥ 0] (ReLU6: [0 < A < 6] or [0 ≤ A < 6]).
    if (act === 'relu6') expect(step.formula).toContain(g === 1 ? '0 \\le A^{(1)} < 6' : '0 < A^{(1)} < 6');
    else expect(step.formula).toContain(g === 1 ? 'A^{(1)} \\ge 0' : 'A^{(1)} > 0');
    expect(step.substituted).not.toBeNull();
    expect(close(evalLatex(step.substituted!, { columns }), mat(step.result), 1e-12)).toBe(true);
    expect(step.resultRelation).toBe('=');
  });

  it('says the identity derivative is 1 before showing the ones', () => {
    const { steps } = matrixSteps(network('relu', 'x-w', 0, 'identity', 'half-sse'));
    const step = steps.find((s) => s.quantity === 'activation_derivative' && s.layer === 1)!;
    expect(step.formula).toBe("h'(A^{(2)}) = 1");
    expect(
      mat(step.result)
        .flat()
        .every((x) => x === 1),
    ).toBe(true);
  });
});

describe('Δ through the softmax Jacobian (softmax with squared error): formula, then the numbers', () => {
  it.each(['x-w', 'w-x'] as const)('%s', (layout) => {
    const solution = solve(parseNetwork(network('relu', layout, 0, 'softmax', 'half-sse'), 'net.yaml'));
    const { steps, columns } = matrixSteps(network('relu', layout, 0, 'softmax', 'half-sse'));
    const step = steps.find((s) => s.quantity === 'delta' && s.layer === 1)!;
    expect(step.formula).toContain('\\odot');
    expect(step.formula).toContain('\\mathbf{1}^{\\top}');
    expect(step.substituted).not.toBeNull();
    // The engine's delta (rows = samples), shown one column per sample in w-x.
    const delta = mat(solution.layers[1].delta);
    const expected = columns ? mat(transpose(solution.layers[1].delta)) : delta;
    expect(close(evalLatex(step.substituted!, { columns }), expected, 1e-7)).toBe(true);
    // Independently of the engine: δ_k = z_k (g_k − Σ_i g_i z_i) per sample, from its z and ∂L/∂z.
    const z = mat(solution.layers[1].output);
    const g = mat(solution.layers[1].gradOutput);
    const byHand = z.map((row, n) => {
      const s = row.reduce((acc, zi, i) => acc + g[n][i] * zi, 0);
      return row.map((zk, k) => zk * (g[n][k] - s));
    });
    expect(close(delta, byHand, 1e-12)).toBe(true);
  });
});
