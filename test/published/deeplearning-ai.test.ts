// deeplearning.ai (Andrew Ng), "Neural Networks and Deep Learning", week 2 programming assignment
// "Logistic Regression with a Neural Network mindset": the expected outputs of propagate() (section
// "Forward and Backward propagation") and of optimize() (section "Optimization"), in the current
// edition (3 examples) and the earlier one (2 examples), from `solve --format json`.
//
// The notebook prints numpy arrays to 8 decimals and scalars with Python's repr (the earlier edition
// with 12 significant figures). Its cost 5.801545319394553 is a float64 result whose last digits are
// rounding error: log(1 − σ(12)) loses 5 digits to cancellation. The exact cost,
// (ln(1 + e^−9) + ln(1 + e^12) + ln(1 + e^5.4))/3 = 5.80154531939415…, agrees with it to the 13
// significant figures float64 kept, and is checked here to 30 digits in 50-digit decimals.
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { expectPrinted, type JsonNumber, useSolveJson } from './published';

interface LayerJson {
  readonly grad_weights: JsonNumber[][];
  readonly grad_bias: JsonNumber[];
}
interface SolveJson {
  readonly loss: JsonNumber;
  readonly layers: LayerJson[];
  readonly history?: { readonly layers: LayerJson[]; readonly loss: JsonNumber }[];
  readonly final?: { readonly layers: { weights: JsonNumber[][]; bias: JsonNumber[] }[] };
}

const solveJson = useSolveJson();
const solve = (name: string) => solveJson(`test/published/fixtures/${name}`) as unknown as SolveJson;
const D = DecimalBase.clone({ precision: 50 });
const softplus = (z: number | string) => D.ln(new D(1).plus(D.exp(z)));

describe('propagate(w = [[1], [2]], b = 2, X = [[1, 2, -1], [3, 4, -3.2]], Y = [[1, 0, 1]])', () => {
  it('dw = [[0.99845601] [2.39507239]], db = 0.00145557813678, cost = 5.801545319394553', () => {
    const s = solve('dlai-propagate.yaml');
    expectPrinted('dw[0]', s.layers[0].grad_weights[0][0], '0.99845601');
    expectPrinted('dw[1]', s.layers[0].grad_weights[1][0], '2.39507239');
    expectPrinted('db', s.layers[0].grad_bias[0], '0.00145557813678');
    expectPrinted('cost (to the digits float64 kept)', s.loss, '5.801545319394');
    const exact = softplus(-9).plus(softplus(12)).plus(softplus(5.4)).div(3);
    expect(new D(s.loss.approx).minus(exact).abs().lt('1e-30')).toBe(true);
  });
});

describe('optimize(…, num_iterations=100, learning_rate=0.009)', () => {
  it('w = [[0.19033591] [0.12259159]], b = 1.92535983008, dw = [[0.67752042] [1.41625495]], db = 0.219194504541', () => {
    const s = solve('dlai-optimize.yaml');
    // Step 1 is propagate()'s gradient; the gradients returned are those of the last (100th) step,
    // taken before its update; w and b are the parameters after it.
    expectPrinted('dw[0] of step 1', s.layers[0].grad_weights[0][0], '0.99845601');
    expect(s.history).toHaveLength(100);
    const last = s.history![99].layers[0];
    expectPrinted('dw[0]', last.grad_weights[0][0], '0.67752042');
    expectPrinted('dw[1]', last.grad_weights[1][0], '1.41625495');
    expectPrinted('db', last.grad_bias[0], '0.219194504541');
    const final = s.final!.layers[0];
    expectPrinted('w[0]', final.weights[0][0], '0.19033591');
    expectPrinted('w[1]', final.weights[1][0], '0.12259159');
    expectPrinted('b', final.bias[0], '1.92535983008');
  });
});

describe('the earlier edition: X = [[1, 2], [3, 4]], Y = [[1, 0]]', () => {
  it('propagate: dw = [[0.99993216] [1.99980262]], db = 0.499935230625, cost = 6.000064773192205', () => {
    const s = solve('dlai-propagate-2017.yaml');
    expectPrinted('dw[0]', s.layers[0].grad_weights[0][0], '0.99993216');
    expectPrinted('dw[1]', s.layers[0].grad_weights[1][0], '1.99980262');
    expectPrinted('db', s.layers[0].grad_bias[0], '0.499935230625');
    expectPrinted('cost (to the digits float64 kept)', s.loss, '6.000064773192');
    const exact = softplus(-9).plus(softplus(12)).div(2);
    expect(new D(s.loss.approx).minus(exact).abs().lt('1e-30')).toBe(true);
  });

  it('optimize: w = [[0.1124579] [0.23106775]], b = 1.55930492484, dw = [[0.90158428] [1.76250842]], db = 0.430462071679', () => {
    const s = solve('dlai-optimize-2017.yaml');
    const last = s.history![99].layers[0];
    expectPrinted('dw[0]', last.grad_weights[0][0], '0.90158428');
    expectPrinted('dw[1]', last.grad_weights[1][0], '1.76250842');
    expectPrinted('db', last.grad_bias[0], '0.430462071679');
    const final = s.final!.layers[0];
    // numpy drops the trailing zero of 0.11245790.
    expectPrinted('w[0]', final.weights[0][0], '0.1124579');
    expectPrinted('w[1]', final.weights[1][0], '0.23106775');
    expectPrinted('b', final.bias[0], '1.55930492484');
  });
});
