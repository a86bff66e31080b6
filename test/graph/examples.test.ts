// The bundled graphs reproduce the numbers published with them: ゼロから作るDeep Learning ch. 5
// (figures 5-16 and 5-17: the apple and apple + orange shopping graphs), the chain rule on z = t²,
// t = x + y (note 004), and the sigmoid graph of note 000, whose gradient must equal y(1 − y).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import DecimalBase from 'decimal.js';
import { loadGraph, parseGraph } from '../../src/graph/load';
import { solveGraph, type GraphSolution } from '../../src/graph/solve';
import { exactString } from '../../src/number/format';
import { approx } from '../../src/number/value';

const D = DecimalBase.clone({ precision: 80 });
const file = (name: string) => fileURLToPath(new URL(`../../exercises/graphs/${name}`, import.meta.url));
const solveFile = (name: string) => solveGraph(loadGraph(file(name)));

const exact = (s: GraphSolution, name: string) => exactString(s.gradients.get(name)!);
const edge = (s: GraphSolution, from: string, to: string) => s.edges.find((e) => e.from === from && e.to === to)!;

describe('apple.yaml (DLfS figure 5-16)', () => {
  const s = solveFile('apple.yaml');
  it('costs 220 yen', () => {
    expect(exactString(s.value)).toBe('220');
    expect(exactString(s.values.get('apple_price')!)).toBe('200');
  });
  it('has the published gradients 2.2, 110, 200', () => {
    expect(exact(s, 'apple')).toBe('11/5');
    expect(exact(s, 'apple_num')).toBe('110');
    expect(exact(s, 'tax')).toBe('200');
    expect(exact(s, 'apple_price')).toBe('11/10');
  });
  it('carries 1.1 and 200 back from the tax node, 2.2 and 110 from the apple node', () => {
    expect(exactString(edge(s, 'apple_price', 'price').backward!)).toBe('11/10');
    expect(exactString(edge(s, 'tax', 'price').backward!)).toBe('200');
    expect(exactString(edge(s, 'apple', 'apple_price').backward!)).toBe('11/5');
    expect(exactString(edge(s, 'apple_num', 'apple_price').backward!)).toBe('110');
    expect(exactString(edge(s, 'apple', 'apple_price').forward)).toBe('100');
    expect(exactString(edge(s, 'apple_price', 'price').forward)).toBe('200');
  });
});

describe('apple-orange.yaml (DLfS figure 5-17)', () => {
  const s = solveFile('apple-orange.yaml');
  it('costs 715 yen', () => expect(exactString(s.value)).toBe('715'));
  it('has the published gradients', () => {
    expect(exact(s, 'apple_num')).toBe('110');
    expect(exact(s, 'apple')).toBe('11/5');
    expect(exact(s, 'orange')).toBe('33/10');
    expect(exact(s, 'orange_num')).toBe('165');
    expect(exact(s, 'tax')).toBe('650');
    expect(exact(s, 'all_price')).toBe('11/10');
  });
  it('passes the gradient through the add node unchanged', () => {
    expect(exactString(edge(s, 'apple_price', 'all_price').localDerivative!)).toBe('1');
    expect(exactString(edge(s, 'orange_price', 'all_price').backward!)).toBe('11/10');
  });
});

describe('chain-rule.yaml (z = t², t = x + y)', () => {
  const s = solveFile('chain-rule.yaml');
  it('gives ∂z/∂x = ∂z/∂y = 2t', () => {
    const t = 1 + 2;
    expect(exactString(s.values.get('t')!)).toBe(String(t));
    expect(exactString(s.value)).toBe(String(t * t));
    expect(exact(s, 't')).toBe(String(2 * t));
    expect(exact(s, 'x')).toBe(String(2 * t * 1));
    expect(exact(s, 'y')).toBe(String(2 * t * 1));
  });
  it('holds for other x and y too', () => {
    const g = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: -3/4, y: 0.2}\n  nodes:\n    - {name: t, op: add, args: [x, y]}\n    - {name: z, op: square, args: [t]}\n  output: z\n',
      ),
    );
    expect(exactString(g.gradients.get('x')!)).toBe('-11/10'); // 2(−3/4 + 1/5) = −11/10
  });
});

describe('sigmoid.yaml (note 000: ×(−1), exp, +1, 1/x)', () => {
  const s = solveFile('sigmoid.yaml');
  // Independent references: decimal.js at 80 digits, and float64.
  const y = new D(1).div(new D(1).plus(D.exp(-1)));
  const dydx = y.times(new D(1).minus(y));
  it('computes y = σ(1) and ∂y/∂x = y(1 − y)', () => {
    expect(approx(s.value).minus(y.toString()).abs().lt('1e-60')).toBe(true);
    expect(approx(s.gradients.get('x')!).minus(dydx.toString()).abs().lt('1e-60')).toBe(true);
    expect(Number(approx(s.value).toString())).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(Number(approx(s.gradients.get('x')!).toString())).toBeCloseTo(0.19661193324148185, 15);
  });
  it('sends back −y² from the 1/x node, as the derivation in note 000 does', () => {
    const back = edge(s, 'denominator', 'y').backward!;
    expect(approx(back).minus(y.times(y).neg().toString()).abs().lt('1e-60')).toBe(true);
  });
  it('gives exactly 1/2 and 1/4 at x = 0', () => {
    const g = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: 0}\n  nodes:\n    - {name: a, op: mul, args: [x, -1]}\n    - {name: b, op: exp, args: [a]}\n' +
          '    - {name: c, op: add, args: [b, 1]}\n    - {name: y, op: reciprocal, args: [c]}\n  output: y\n',
      ),
    );
    expect(exactString(g.value)).toBe('1/2');
    expect(exactString(g.gradients.get('x')!)).toBe('1/4');
  });
});

describe('max-gate.yaml (CS231n: the max gate routes, the add gate distributes)', () => {
  const s = solveFile('max-gate.yaml');
  it('is 2·max(3, −4) + |−1.5| = 7.5', () => {
    expect(exactString(s.value)).toBe('15/2');
  });
  it('sends the gradient to the larger input only, and |w| passes it with the sign of w', () => {
    // By hand: ∂f/∂m = 2, so ∂f/∂x = 2·1 and ∂f/∂y = 2·0; ∂|w|/∂w = −1 for w < 0.
    expect(exact(s, 'x')).toBe('2');
    expect(exact(s, 'y')).toBe('0');
    expect(exact(s, 'w')).toBe('-1');
  });
  it('at a tie gives the gradient to the first argument (and says so in its rule)', () => {
    const tie = solveGraph(
      parseGraph('graph:\n  inputs: {x: 1, y: 1}\n  nodes:\n    - {name: m, op: max, args: [y, x]}\n  output: m\n'),
    );
    expect([exact(tie, 'y'), exact(tie, 'x')]).toEqual(['1', '0']);
  });
});

describe("karpathy-neuron.yaml (Karpathy's Hacker's guide: one step up the gradient of a neuron)", () => {
  const s = solveFile('karpathy-neuron.yaml');
  // Independently, in 80-digit decimals: s = a·x + b·y + c = 2, σ(2), σ′(2) = σ(2)(1 − σ(2)).
  const sigma = (z: DecimalBase) => new D(1).div(new D(1).plus(D.exp(z.neg())));
  const ds = sigma(new D(2)).times(new D(1).minus(sigma(new D(2))));
  const inputs = { a: new D(1), b: new D(2), c: new D(-3), x: new D(-1), y: new D(3) };
  const grads = { a: inputs.x.times(ds), b: inputs.y.times(ds), c: ds, x: inputs.a.times(ds), y: inputs.b.times(ds) };
  const moved = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, v.plus(new D('0.01').times(grads[k as keyof typeof grads]))]),
  ) as typeof inputs;
  const after = sigma(moved.a.times(moved.x).plus(moved.b.times(moved.y)).plus(moved.c));
  const close = (v: import('../../src/number/value').Value, d: DecimalBase) =>
    expect(approx(v).minus(d.toString()).abs().lt('1e-30')).toBe(true);

  it('starts at 0.8808 and, after the step, gives the published 0.8825', () => {
    expect(approx(s.value).toFixed(4)).toBe('0.8808');
    // The guide prints the first four digits of 0.88255…
    expect(approx(s.after!.value).toFixed(4, DecimalBase.ROUND_DOWN)).toBe('0.8825');
    close(s.after!.value, after);
  });
  it('moves every input by +0.01 × its gradient (ascent)', () => {
    for (const [name, value] of Object.entries(moved)) close(s.after!.inputs.get(name)!, value);
    expect(approx(s.after!.inputs.get('a')!).toFixed(5)).toBe('0.99895');
    expect(approx(s.after!.inputs.get('y')!).toFixed(4)).toBe('3.0021');
  });
  it('descends by default and leaves inputs not named alone', () => {
    const down = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: 3, y: 1}\n  nodes:\n    - {name: f, op: square, args: [x]}\n  output: f\n  step: {learning_rate: 0.25, update: [x]}\n',
      ),
    );
    // ∂f/∂x = 2x = 6, x′ = 3 − 0.25·6 = 1.5, f′ = 2.25; y stays 1.
    expect(exactString(down.after!.inputs.get('x')!)).toBe('3/2');
    expect(exactString(down.after!.inputs.get('y')!)).toBe('1');
    expect(exactString(down.after!.value)).toBe('9/4');
  });
});

describe('pow-rational.yaml (x^(3/4) and √z)', () => {
  const s = solveFile('pow-rational.yaml');
  it('is exact where the root is rational: 16^(3/4) = 8, ∂f/∂x = y·(3/4)·16^(−1/4) = 3/16', () => {
    expect(exactString(s.values.get('r')!)).toBe('8');
    expect(exact(s, 'x')).toBe('3/16');
    expect(exact(s, 'y')).toBe('8');
  });
  it('keeps √2 exact: f = 4 + √2, ∂f/∂z = 1/(2√2), against an 80-digit evaluation', () => {
    const root2 = new D(2).sqrt();
    expect(approx(s.value).minus(root2.plus(4)).abs().lt('1e-60')).toBe(true);
    expect(
      approx(s.gradients.get('z')!)
        .minus(new D(1).div(root2.times(2)))
        .abs()
        .lt('1e-60'),
    ).toBe(true);
  });
  it('takes real odd roots of negative numbers: (−8)^(2/3) = 4, (−8)^(1/3) = −2, its slope (1/3)(−8)^(−2/3) = 1/12', () => {
    const g = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: -8}\n  nodes:\n    - {name: a, op: pow, args: [x, "2/3"]}\n    - {name: b, op: pow, args: [x, "1/3"]}\n    - {name: out, op: add, args: [a, b]}\n  output: out\n',
      ),
    );
    expect(exactString(g.values.get('a')!)).toBe('4');
    expect(exactString(g.values.get('b')!)).toBe('-2');
    // (2/3)(−8)^(−1/3) + (1/3)(−8)^(−2/3) = −1/3 + 1/12 = −1/4.
    expect(exact(g, 'x')).toBe('-1/4');
  });
});
