// CS231n: Convolutional Neural Networks for Visual Recognition (Stanford), course notes
// "Backpropagation, Intuitions" (cs231n.github.io/optimization-2/): the two worked circuits, from
// `solve --format json`, every number the notes print.
import { describe, expect, it } from 'vitest';
import { expectPrinted, type JsonNumber, useSolveJson } from './published';

interface GraphJson {
  readonly value: JsonNumber;
  readonly nodes: Record<string, JsonNumber>;
  readonly gradients: Record<string, JsonNumber>;
}

const solveJson = useSolveJson();
const solveGraph = (file: string) => solveJson(file) as unknown as GraphJson;

describe('section "Compound expressions with chain rule": f(x, y, z) = (x + y)z', () => {
  // The notes' code: x = -2; y = 5; z = -4; q = x + y (q becomes 3); f = q * z (f becomes -12);
  // dfdz = q (3), dfdq = z (-4), dfdx = 1.0 * dfdq (-4), dfdy = 1.0 * dfdq (-4).
  it('is −12, with ∂f/∂x = −4, ∂f/∂y = −4, ∂f/∂z = 3 and ∂f/∂q = −4, exactly', () => {
    const s = solveGraph('exercises/graphs/cs231n-simple.yaml');
    expect(s.value.exact).toBe('-12');
    expect(s.nodes.q.exact).toBe('3');
    const exact = Object.fromEntries(Object.entries(s.gradients).map(([k, v]) => [k, v.exact]));
    expect(exact).toMatchObject({ x: '-4', y: '-4', z: '3', q: '-4' });
  });
});

describe('section "Modularity: Sigmoid example": a 2-dimensional neuron', () => {
  // w = [2, -3, -3], x = [-1, -2]. The notes' figure prints every gate to two decimals (value above,
  // gradient below): the products -2.00 / 0.20 and 6.00 / 0.20, the sum 1.00 / 0.20; the sigmoid gates -1.00 / -0.20, 0.37 / -0.53, 1.37 / -0.53,
  // 0.73 / 1.00; and the inputs' gradients, which the code after it computes as
  // dx = [w[0] * ddot, w[1] * ddot] and dw = [x[0] * ddot, x[1] * ddot, 1.0 * ddot], ddot = (1 - f) * f.
  const s = () => solveGraph('exercises/graphs/cs231n-neuron.yaml');

  it('outputs 0.73 from a dot product of exactly 1', () => {
    const json = s();
    expect(json.nodes.dot.exact).toBe('1');
    expectPrinted('f', json.value, '0.73');
  });

  it('has dx = [0.39, −0.59] and dw = [−0.20, −0.39, 0.20]', () => {
    const { gradients: g } = s();
    expectPrinted('dx0', g.x0, '0.39');
    expectPrinted('dx1', g.x1, '-0.59');
    expectPrinted('dw0', g.w0, '-0.20');
    expectPrinted('dw1', g.w1, '-0.39');
    expectPrinted('dw2', g.w2, '0.20');
  });

  it("prints the figure's gate values and gradients", () => {
    const { nodes: v, gradients: g } = s();
    expectPrinted('w0·x0', v.w0x0, '-2.00');
    expectPrinted('∂f/∂(w0·x0)', g.w0x0, '0.20');
    expectPrinted('w1·x1', v.w1x1, '6.00');
    expectPrinted('∂f/∂(w1·x1)', g.w1x1, '0.20');
    expectPrinted('×(−1)', v.neg, '-1.00');
    expectPrinted('∂f/∂(×(−1))', g.neg, '-0.20');
    expectPrinted('exp', v.e, '0.37');
    expectPrinted('∂f/∂exp', g.e, '-0.53');
    expectPrinted('+1', v.denominator, '1.37');
    expectPrinted('∂f/∂(+1)', g.denominator, '-0.53');
    expectPrinted('∂f/∂dot', g.dot, '0.20');
    expectPrinted('∂f/∂f', g.f, '1.00');
  });
});
