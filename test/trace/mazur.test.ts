// The step trace of Matt Mazur's "A Step by Step Backpropagation Example" (2015) against the numbers
// printed in that post (independent of this code), and the exact substituted forms a student copies.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { approx } from '../../src/number/value';
import { buildTrace } from '../../src/trace/build';
import type { ScalarStep, Step } from '../../src/trace/types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const solution = solve(loadNetwork(join(ROOT, 'exercises/networks/mazur.yaml')));
const trace = buildTrace(solution, { form: 'both' });
const steps: Step[] = trace.sections.flatMap((s) => s.steps);

function step(id: string): ScalarStep {
  const found = steps.find((s) => s.id === id);
  if (found?.shape !== 'scalar') throw new Error(`no scalar step ${id}`);
  return found;
}

/** Mazur prints values rounded; `printed` is compared to within half a unit of its last digit. */
function expectPrinted(id: string, printed: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const diff = approx(step(id).result).minus(printed).abs();
  expect(diff.lte(0.5 * 10 ** -decimals), `${id}: ${approx(step(id).result).toString()} vs ${printed}`).toBe(true);
}

// Mazur's names: h1, h2 hidden, o1, o2 outputs; w1..w4 into the hidden layer, w5..w8 into the output
// layer. The file stores W[input][unit]: w1 = W1[0][0], w2 = W1[1][0], w3 = W1[0][1], w4 = W1[1][1];
// w5 = W2[0][0], w6 = W2[1][0], w7 = W2[0][1], w8 = W2[1][1].
describe("Mazur's published numbers, step by step", () => {
  it('forward pass', () => {
    expectPrinted('preactivation/0/0,0', '0.3775'); // net_h1
    expectPrinted('output/0/0,0', '0.593269992'); // out_h1
    expectPrinted('output/0/0,1', '0.596884378'); // out_h2
    expectPrinted('preactivation/1/0,0', '1.105905967'); // net_o1
    expectPrinted('output/1/0,0', '0.75136507'); // out_o1
    expectPrinted('output/1/0,1', '0.772928465'); // out_o2
    expectPrinted('loss/-/', '0.298371109'); // E_total
  });

  it('output layer: the chain rule for w5', () => {
    expectPrinted('grad_output/1/0,0', '0.74136507'); // ∂E/∂out_o1
    expectPrinted('activation_derivative/1/0,0', '0.186815602'); // ∂out_o1/∂net_o1
    expectPrinted('delta/1/0,0', '0.138498562'); // δ_o1
    expectPrinted('grad_weights/1/0,0', '0.082167041'); // ∂E/∂w5
  });

  it('hidden layer: the chain rule for w1', () => {
    expectPrinted('grad_output/0/0,0', '0.036350306'); // ∂E_total/∂out_h1
    expectPrinted('activation_derivative/0/0,0', '0.241300709'); // ∂out_h1/∂net_h1
    expectPrinted('grad_weights/0/0,0', '0.000438568'); // ∂E/∂w1
  });

  it('the updated weights w1..w8', () => {
    expectPrinted('weights_after/1/0,0', '0.35891648'); // w5+
    expectPrinted('weights_after/1/1,0', '0.408666186'); // w6+
    expectPrinted('weights_after/1/0,1', '0.511301270'); // w7+
    expectPrinted('weights_after/1/1,1', '0.561370121'); // w8+
    expectPrinted('weights_after/0/0,0', '0.149780716'); // w1+
    expectPrinted('weights_after/0/1,0', '0.19956143'); // w2+
    expectPrinted('weights_after/0/0,1', '0.24975114'); // w3+
    expectPrinted('weights_after/0/1,1', '0.29950229'); // w4+
  });

  it('the loss after the first update (exercise ③) and its improvement', () => {
    // The post prints 0.291027924, an erratum (see test/engine/mazur.test.ts): the value confirmed
    // in 50-digit arithmetic (mpmath) is 0.29102777369359935087…
    expectPrinted('loss_after/-/', '0.2910277737');
    // E_total − E_after, both recomputed separately with Python's decimal module at 60 digits:
    // 0.29837110876000268861 − 0.29102777369359935087 = 0.0073433350664033377355…
    const improvement = approx(step('loss_improvement/-/').result);
    expect(improvement.minus('0.0073433350664033377').abs().lte(1e-18)).toBe(true);
  });
});

describe('what a student copies from the steps', () => {
  it('writes the weighted sum with decimals and the result exactly', () => {
    const a = step('preactivation/0/0,0');
    expect(a.formula).toBe('a^{(1)}_{1} = x_{1} w^{(1)}_{11} + x_{2} w^{(1)}_{21} + b^{(1)}_{1}');
    expect(a.substituted).toBe('0.05 \\cdot 0.15 + 0.1 \\cdot 0.2 + 0.35');
    expect(a.substitutedApproximate).toBe(false);
    expect(a.resultLatex).toBe('\\frac{151}{400} = 0.3775');
  });

  it('keeps the sigmoid of a rational exact: σ(151/400) ≈ 0.5932699921', () => {
    const z = step('output/0/0,0');
    expect(z.formula).toBe('z^{(1)}_{1} = \\sigma(a^{(1)}_{1}) = \\frac{1}{1 + e^{-a^{(1)}_{1}}}');
    expect(z.substituted).toBe('\\frac{1}{1 + e^{-0.3775}}');
    expect(z.resultRelation).toBe('=');
    expect(z.resultLatex).toBe('\\sigma\\left(\\frac{151}{400}\\right) \\approx 0.5932699921');
  });

  it('brackets the negative delta in the hidden layer\'s sum (never "+ -")', () => {
    const g = step('grad_output/0/0,0');
    expect(g.formula).toBe(
      '\\frac{\\partial L}{\\partial z^{(1)}_{1}} = \\delta^{(2)}_{1} w^{(2)}_{11} + \\delta^{(2)}_{2} w^{(2)}_{12}',
    );
    expect(g.substituted).toBe('0.1384985616 \\cdot 0.4 + (-0.03809823652) \\cdot 0.5');
    expect(g.substitutedApproximate).toBe(true);
    expect(g.resultRelation).toBe('\\approx');
  });

  it('writes ∂E/∂w_ij = δ_j z_i and the update w⁺ = w − η ∂L/∂w', () => {
    expect(step('grad_weights/1/0,0').formula).toBe(
      '\\frac{\\partial L}{\\partial w^{(2)}_{11}} = \\delta^{(2)}_{1} z^{(1)}_{1}',
    );
    const w7 = step('weights_after/1/0,1');
    expect(w7.formula).toBe('w^{(2)+}_{12} = w^{(2)}_{12} - \\eta \\frac{\\partial L}{\\partial w^{(2)}_{12}}');
    expect(w7.substituted).toBe('0.5 - 0.5 \\cdot (-0.02260254048)');
  });

  it('has the matrix form of the lecture deck', () => {
    const m = steps.filter((s) => s.form === 'matrix');
    expect(m.find((s) => s.id === 'm:grad_weights/1/')!.formula).toBe(
      '\\frac{\\partial L}{\\partial W^{(2)}} = Z^{(1)\\top} \\Delta^{(2)}',
    );
    expect(m.find((s) => s.id === 'm:grad_output/0/')!.formula).toBe(
      '\\frac{\\partial L}{\\partial Z^{(1)}} = \\Delta^{(2)} W^{(2)\\top}',
    );
    expect(m.find((s) => s.id === 'm:delta/0/')!.formula).toBe(
      "\\Delta^{(1)} = \\frac{\\partial L}{\\partial Z^{(1)}} \\odot h'(A^{(1)})",
    );
    expect(m.find((s) => s.id === 'm:preactivation/0/')!.substituted).toBe(
      '\\begin{pmatrix} 0.05 & 0.1 \\end{pmatrix} \\begin{pmatrix} 0.15 & 0.25 \\\\ 0.2 & 0.3 \\end{pmatrix} + \\begin{pmatrix} 0.35 & 0.35 \\end{pmatrix}',
    );
  });

  it('has no bias updates when update_biases is false', () => {
    expect(steps.some((s) => s.quantity === 'bias_after')).toBe(false);
  });
});
