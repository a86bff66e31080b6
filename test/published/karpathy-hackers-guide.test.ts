// Andrej Karpathy, "Hacker's guide to Neural Networks" (karpathy.github.io/neuralnets/), chapter 1:
// the two circuits of "Strategy #3: Analytic Gradient" and "Recursive Case: Circuits with Multiple
// Gates", and the output after one step of size 0.01 up the analytic gradient, from `solve --format
// json`. (The single neuron of "Backpropagation in practice: Single Neuron" is
// exercises/graphs/karpathy-neuron.yaml, checked in test/graph/examples.test.ts.)
import { describe, expect, it } from 'vitest';
import { expectPrinted, type JsonNumber, useSolveJson } from './published';

interface GraphJson {
  readonly value: JsonNumber;
  readonly gradients: Record<string, JsonNumber>;
  readonly after: { readonly inputs: Record<string, JsonNumber>; readonly value: JsonNumber };
}

const solveJson = useSolveJson();
const solve = (name: string) => solveJson(`test/published/fixtures/${name}`) as unknown as GraphJson;
const exactOf = (table: Record<string, JsonNumber>) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v.exact]));

describe('the multiply gate x·y at x = −2, y = 3', () => {
  it('is −6 with gradients x: 3, y: −2, and −5.87 after the step', () => {
    const s = solve('karpathy-multiply-gate.yaml');
    expect(s.value.exact).toBe('-6');
    expect(exactOf(s.gradients)).toMatchObject({ x: '3', y: '-2' });
    // x = −2 + 0.01·3 = −1.97, y = 3 + 0.01·(−2) = 2.98: −1.97 · 2.98 = −5.8706.
    expect(exactOf(s.after.inputs)).toEqual({ x: '-197/100', y: '149/50' });
    expectPrinted('out_new', s.after.value, '-5.87');
  });
});

describe('(x + y)·z at x = −2, y = 5, z = −4', () => {
  it('is −12 with gradients x: −4, y: −4, z: 3, and −11.59 after the step', () => {
    const s = solve('karpathy-add-multiply.yaml');
    expect(s.value.exact).toBe('-12');
    expect(exactOf(s.gradients)).toMatchObject({ x: '-4', y: '-4', z: '3' });
    // x = −2.04, y = 4.96, z = −3.97: (−2.04 + 4.96)·(−3.97) = 2.92·(−3.97) = −11.5924.
    expect(exactOf(s.after.inputs)).toEqual({ x: '-51/25', y: '124/25', z: '-397/100' });
    expect(s.after.value.exact).toBe('-28981/2500');
    expectPrinted('f', s.after.value, '-11.59');
  });
});
