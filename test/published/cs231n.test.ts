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

describe('section "Patterns in backward flow": f = 2·(x·y + max(z, w))', () => {
  // The figure: x = 3.00, y = −4.00, z = 2.00, w = −1.00; x·y = −12.00, max = 2.00, the sum −10.00,
  // f = −20.00; gradients x: −8.00, y: 6.00, z: 2.00, w: 0.00, and 2.00 on the three inner gates.
  it('routes the gradient 2 to z only, and swaps it across the multiply gate', () => {
    const s = solveGraph('exercises/graphs/cs231n-backward-flow.yaml');
    expect(s.value.exact).toBe('-20');
    expect([s.nodes.xy.exact, s.nodes.m.exact, s.nodes.s.exact]).toEqual(['-12', '2', '-10']);
    const exact = Object.fromEntries(Object.entries(s.gradients).map(([k, v]) => [k, v.exact]));
    expect(exact).toMatchObject({ x: '-8', y: '6', z: '2', w: '0', xy: '2', m: '2', s: '2' });
  });
});

// Assignment 2, FullyConnectedNets.ipynb: the update rules' checks against the expected arrays that
// the notebook states (8 decimals). The assignment hands the rules a gradient dw; a network file
// states none, so the fixtures make dw the gradient of a network built for it (see their comments).
interface OptimJson {
  readonly layers: {
    readonly grad_weights: JsonNumber[][];
    readonly weights_after: JsonNumber[][];
    readonly velocity_after?: { readonly weights: JsonNumber[][] };
    readonly adam?: {
      readonly t: number;
      readonly m: { weights: JsonNumber[][] };
      readonly v: { weights: JsonNumber[][] };
    };
  }[];
}

/** np.linspace(a, b, num=20).reshape(4, 5) in float64. */
const linspace = (a: number, b: number) =>
  Array.from({ length: 4 }, (_, i) => Array.from({ length: 5 }, (__, j) => a + ((b - a) * (5 * i + j)) / 19));

function expectMatrix(
  name: string,
  got: readonly (readonly JsonNumber[])[],
  printed: readonly (readonly string[])[],
): void {
  printed.forEach((row, i) => row.forEach((p, j) => expectPrinted(`${name}[${i}][${j}]`, got[i][j], p)));
}

describe('assignment 2, "SGD+Momentum": sgd_momentum with learning_rate 1e-3, momentum 0.9', () => {
  const expectedNextW = [
    ['0.1406', '0.20738947', '0.27417895', '0.34096842', '0.40775789'],
    ['0.47454737', '0.54133684', '0.60812632', '0.67491579', '0.74170526'],
    ['0.80849474', '0.87528421', '0.94207368', '1.00886316', '1.07565263'],
    ['1.14244211', '1.20923158', '1.27602105', '1.34281053', '1.4096'],
  ];
  const expectedVelocity = [
    ['0.5406', '0.55475789', '0.56891579', '0.58307368', '0.59723158'],
    ['0.61138947', '0.62554737', '0.63970526', '0.65386316', '0.66802105'],
    ['0.68217895', '0.69633684', '0.71049474', '0.72465263', '0.73881053'],
    ['0.75296842', '0.76712632', '0.78128421', '0.79544211', '0.8096'],
  ];

  it('gives expected_next_w and expected_velocity', () => {
    const [layer] = (solveJson('test/published/fixtures/cs231n-sgd-momentum.yaml') as unknown as OptimJson).layers;
    // The constructed network's gradient is the assignment's dw, to every digit.
    const dw = linspace(-0.6, 0.4);
    layer.grad_weights.forEach((row, i) => row.forEach((g, j) => expect(Number(g.approx)).toBeCloseTo(dw[i][j], 14)));
    expectMatrix('next_w', layer.weights_after, expectedNextW);
    expectMatrix('velocity', layer.velocity_after!.weights, expectedVelocity);
  });
});

describe('assignment 2, "RMSProp and Adam": adam with learning_rate 1e-2, t = 5 and a warm m and v', () => {
  const expectedNextW = [
    ['-0.40094747', '-0.34836187', '-0.29577703', '-0.24319299', '-0.19060977'],
    ['-0.1380274', '-0.08544591', '-0.03286534', '0.01971428', '0.0722929'],
    ['0.1248705', '0.17744702', '0.23002243', '0.28259667', '0.33516969'],
    ['0.38774145', '0.44031188', '0.49288093', '0.54544852', '0.59801459'],
  ];
  const expectedV = [
    ['0.69966', '0.68908382', '0.67851319', '0.66794809', '0.65738853'],
    ['0.64683452', '0.63628604', '0.6257431', '0.61520571', '0.60467385'],
    ['0.59414753', '0.58362676', '0.57311152', '0.56260183', '0.55209767'],
    ['0.54159906', '0.53110598', '0.52061845', '0.51013645', '0.49966'],
  ];
  const expectedM = [
    ['0.48', '0.49947368', '0.51894737', '0.53842105', '0.55789474'],
    ['0.57736842', '0.59684211', '0.61631579', '0.63578947', '0.65526316'],
    ['0.67473684', '0.69421053', '0.71368421', '0.73315789', '0.75263158'],
    ['0.77210526', '0.79157895', '0.81105263', '0.83052632', '0.85'],
  ];

  it('gives expected_next_w, expected_m and expected_v at step t = 6', () => {
    const [layer] = (solveJson('test/published/fixtures/cs231n-adam.yaml') as unknown as OptimJson).layers;
    expect(layer.adam!.t).toBe(6);
    expectMatrix('next_w', layer.weights_after, expectedNextW);
    expectMatrix('m', layer.adam!.m.weights, expectedM);
    expectMatrix('v', layer.adam!.v.weights, expectedV);
    // And the assignment's own rule in float64, cell by cell (the notebook's adam()).
    const [w, dw, m0, v0] = [linspace(-0.4, 0.6), linspace(-0.6, 0.4), linspace(0.6, 0.9), linspace(0.7, 0.5)];
    w.forEach((row, i) =>
      row.forEach((x, j) => {
        const m = 0.9 * m0[i][j] + 0.1 * dw[i][j];
        const v = 0.999 * v0[i][j] + 0.001 * dw[i][j] ** 2;
        const next = x - (1e-2 * (m / (1 - 0.9 ** 6))) / (Math.sqrt(v / (1 - 0.999 ** 6)) + 1e-8);
        expect(Number(layer.weights_after[i][j].approx)).toBeCloseTo(next, 14);
      }),
    );
  });
});
