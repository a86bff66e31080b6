// 斎藤康毅『ゼロから作るDeep Learning』(Deep Learning from Scratch, O'Reilly Japan, 2016): the numbers
// its chapters 3 and 4 print, from `solve --format json`. (The chapter 5 computational graphs, the
// apple and apple + orange examples, are checked in test/graph/examples.test.ts.) numpy prints
// arrays to 8 significant decimals; float64 noise in the book's last digits (0.097500000000000031)
// is noted where the exact value is shorter.
import { describe, expect, it } from 'vitest';
import { expectPrinted, type JsonNumber, useSolveJson } from './published';

interface NetworkJson {
  readonly sample_losses: JsonNumber[];
  readonly layers: { readonly preactivation: JsonNumber[][]; readonly output: JsonNumber[][] }[];
}
interface GraphStepJson {
  readonly after: { readonly inputs: Record<string, JsonNumber> };
  readonly history: readonly unknown[];
}
interface GraphJson {
  readonly value: JsonNumber;
  readonly gradients: Record<string, JsonNumber>;
}

const solveJson = useSolveJson();
const network = (file: string) => solveJson(file) as unknown as NetworkJson;
const graph = (file: string) => solveJson(file) as unknown as GraphJson;
const fixture = (name: string) => `test/published/fixtures/${name}`;

function expectRow(name: string, row: readonly JsonNumber[], printed: readonly string[]): void {
  expect(row).toHaveLength(printed.length);
  row.forEach((v, k) => expectPrinted(`${name}[${k}]`, v, printed[k]));
}

describe('3.2.4: sigmoid(np.array([-1.0, 1.0, 2.0]))', () => {
  it('is [0.26894142, 0.73105858, 0.88079708]', () => {
    const s = network(fixture('dlfs-sigmoid.yaml'));
    expectRow('y', s.layers[0].output[0], ['0.26894142', '0.73105858', '0.88079708']);
  });
});

describe('3.4.3: the three-layer network of init_network() and forward()', () => {
  it('prints A1 = [0.3, 0.7, 1.1], Z1 = [0.57444252, 0.66818777, 0.75026011], y = [0.31682708, 0.69627909]', () => {
    const s = network('exercises/networks/dlfs-three-layer.yaml');
    expect(s.layers[0].preactivation[0].map((v) => v.exact)).toEqual(['3/10', '7/10', '11/10']);
    expectRow('Z1', s.layers[0].output[0], ['0.57444252', '0.66818777', '0.75026011']);
    expectRow('y', s.layers[2].output[0], ['0.31682708', '0.69627909']);
  });
});

describe('3.5: softmax', () => {
  it('3.5.1: softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691], summing to 1', () => {
    const s = network(fixture('dlfs-softmax.yaml'));
    const y = s.layers[0].output[0];
    expectRow('y', y, ['0.01821127', '0.24519181', '0.73659691']);
    const total = y.reduce((acc, v) => acc + Number(v.approx), 0);
    expect(total).toBeCloseTo(1, 14);
  });

  it('3.5.2: softmax([1010, 1000, 990]) = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]', () => {
    const s = network(fixture('dlfs-softmax-overflow.yaml'));
    expectRow('y', s.layers[0].output[0], ['9.99954600e-01', '4.53978686e-05', '2.06106005e-09']);
  });
});

describe('4.2: loss functions of the book’s y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0], t = class 2', () => {
  it('4.2.1: mean_squared_error is 0.0975, and 0.5975 when class 7 gets the 0.6 (exactly; the book prints float64’s 0.097500000000000031 and 0.59750000000000003)', () => {
    const s = network(fixture('dlfs-mse.yaml'));
    expect(s.sample_losses.map((v) => v.exact)).toEqual(['39/400', '239/400']); // 0.0975, 0.5975;
  });

  it('4.2.2: cross_entropy_error, with its delta = 1e-7, is 0.510825457099338 and 2.302584092994546', () => {
    // The book prints 0.51082545709933802 and 2.3025840929945458, float64 to 17 digits; the exact
    // values agree with them to the 15 decimals float64 holds.
    expectPrinted('class 2', graph(fixture('dlfs-cross-entropy-2.yaml')).value, '0.510825457099338');
    expectPrinted('class 7', graph(fixture('dlfs-cross-entropy-7.yaml')).value, '2.302584092994546');
  });
});

describe('4.4: the gradient of function_2(x) = x0² + x1²', () => {
  it.each([
    ['3-4', ['6', '8']],
    ['0-2', ['0', '4']],
    ['3-0', ['6', '0']],
  ])('at %s is the book’s numerical_gradient', (point, want) => {
    const s = graph(fixture(`dlfs-function-2-${point}.yaml`));
    expect([s.gradients.x0.exact, s.gradients.x1.exact]).toEqual(want);
  });
});

describe('4.4.1: gradient_descent(function_2, init_x=[-3.0, 4.0], lr=0.1, step_num=100)', () => {
  it('ends at [-6.11110793e-10, 8.14814391e-10], exactly (−3, 4)·0.8¹⁰⁰', () => {
    const s = solveJson(fixture('dlfs-gradient-descent-graph.yaml')) as unknown as GraphStepJson;
    expect(s.history).toHaveLength(100);
    const { x0, x1 } = s.after.inputs;
    expectPrinted('x0', x0, '-6.11110793e-10');
    expectPrinted('x1', x1, '8.14814391e-10');
    // Each step is x ← x − 0.1·2x = 0.8x: exactly −3·(4/5)¹⁰⁰, written out with BigInt.
    expect(x0.exact).toBe(`-${3n * 4n ** 100n}/${5n ** 100n}`);
  });
});
