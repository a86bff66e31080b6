// Small networks solved by hand (derivations in the comments), one per activation, loss, layout and
// convention. Rational results are compared as exact fraction strings; irrational ones against
// constants computed separately in 40-digit arithmetic (mpmath).
import { describe, expect, it } from 'vitest';
import DecimalBase from 'decimal.js';
import { parseNetwork } from '../../src/network/load';
import { solve, type Solution } from '../../src/engine/solve';
import { solutionToJson } from '../../src/render/json';
import { exactString } from '../../src/number/format';
import { approx, type Value } from '../../src/number/value';
import type { Matrix } from '../../src/concepts/network';

/** 50-digit decimals for the expected constants. */
const Dec = DecimalBase.clone({ precision: 50 });

const run = (yaml: string): Solution => solve(parseNetwork(yaml, 'example.yaml'));
const exact = (v: Value): string | null => exactString(v);
const exacts = (m: Matrix): (string | null)[][] => m.map((row) => row.map(exact));

/** |engine − expected| < 1e-35 for an irrational value given to 40 digits. */
function expectClose(v: Value, expected: string): void {
  expect(exact(v)).toBeNull();
  const diff = new Dec(approx(v).toString()).minus(expected).abs();
  expect(diff.lt('1e-35'), `${approx(v)} vs ${expected}`).toBe(true);
}

// Constants (mpmath, 40 digits).
const LN2 = '0.6931471805599453094172321214581765680755';
const LN3 = '1.098612288668109691395245236922525704647';
const TANH_HALF = '0.4621171572600097585023184836436725487303';
const SIGMOID_MINUS_HALF = '0.3775406687981454353610994342544915212467';
const HALF_SIGMOID_MINUS_HALF_SQUARED = '0.07126847829827547314589836961674228852832';

describe('identity, half-sse, one layer, both layouts', () => {
  // x = [1, 2], W = [[1/2], [1/4]] (x-w), b = [1/4], t = [1], η = 1/2.
  // a = 1·1/2 + 2·1/4 + 1/4 = 5/4 = y;  L = ½(5/4 − 1)² = 1/32;  δ = y − t = 1/4.
  // ∂L/∂W = xᵀδ = [[1/4], [1/2]];  ∂L/∂b = 1/4.
  // W⁺ = [[1/2 − 1/8], [1/4 − 1/4]] = [[3/8], [0]];  b⁺ = 1/4 − 1/8 = 1/8.
  // After: a = 3/8 + 0 + 1/8 = 1/2, L = ½(1/2 − 1)² = 1/8.
  const body = `
    activation: identity
loss: half-sse
input: [[1, 2]]
target: [[1]]
learning_rate: 0.5
`;
  it('x-w: a = x·W + b', () => {
    const s = run(`layout: x-w\nlayers:\n  - weights: [["1/2"], ["1/4"]]\n    bias: ["1/4"]${body}`);
    const [layer] = s.layers;
    expect(exacts(layer.preactivation)).toEqual([['5/4']]);
    expect(exacts(layer.output)).toEqual([['5/4']]);
    expect(exact(s.loss)).toBe('1/32');
    expect(exacts(layer.delta)).toEqual([['1/4']]);
    expect(exacts(layer.gradWeights)).toEqual([['1/4'], ['1/2']]);
    expect(layer.gradBias.map(exact)).toEqual(['1/4']);
    expect(exacts(layer.weightsAfter)).toEqual([['3/8'], ['0']]);
    expect(layer.biasAfter.map(exact)).toEqual(['1/8']);
    expect(exact(s.lossAfter)).toBe('1/8');
  });

  it('w-x: a = W·x + b, with weights and their gradients transposed', () => {
    const s = run(`layout: w-x\nlayers:\n  - weights: [["1/2", "1/4"]]\n    bias: ["1/4"]${body}`);
    const [layer] = s.layers;
    expect(exacts(layer.preactivation)).toEqual([['5/4']]);
    expect(exacts(layer.gradWeights)).toEqual([['1/4', '1/2']]);
    expect(exacts(layer.weightsAfter)).toEqual([['3/8', '0']]);
    expect(exact(s.lossAfter)).toBe('1/8');
    // The JSON keeps the file's layout too.
    expect(solutionToJson(s).layers[0].grad_weights.map((r) => r.map((v) => v.exact))).toEqual([['1/4', '1/2']]);
  });

  it('an omitted bias is zeros and is still updated', () => {
    // a = 1/2 + 1/2 = 1 = t: L = 0 and every gradient is 0, so try t = 0:
    // L = ½·1 = 1/2, δ = 1, ∂L/∂b = 1, b⁺ = 0 − 1/2·1 = −1/2.
    const s = run(
      `layers:\n  - weights: [["1/2"], ["1/4"]]\n    activation: identity\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[0]]\nlearning_rate: 0.5\n`,
    );
    expect(s.network.layers[0].bias.map(exact)).toEqual(['0']);
    expect(exact(s.loss)).toBe('1/2');
    expect(s.layers[0].gradBias.map(exact)).toEqual(['1']);
    expect(s.layers[0].biasAfter.map(exact)).toEqual(['-1/2']);
  });
});

describe('two layers: hidden deltas use the weights before the update; layouts; update_biases', () => {
  // x = [1, 2]; W1 = [[1, 2], [3, 4]] (x-w), b1 = [0, 0]; W2 = [[1], [−1]], b2 = [0]; identity; half-sse, t = [0]; η = 1/10.
  // a1 = [1 + 6, 2 + 8] = [7, 10];  a2 = 7 − 10 = −3;  L = 9/2.
  // δ2 = −3;  ∂L/∂W2 = z1ᵀδ2 = [[−21], [−30]];  ∂L/∂b2 = [−3].
  // δ1 = δ2·W2ᵀ (old W2) = [−3, 3];  ∂L/∂W1 = xᵀδ1 = [[−3, 3], [−6, 6]];  ∂L/∂b1 = [−3, 3].
  // W2⁺ = [[1 + 21/10], [−1 + 3]] = [[31/10], [2]];  b2⁺ = [3/10];
  // W1⁺ = [[13/10, 17/10], [18/5, 17/5]];  b1⁺ = [3/10, −3/10].
  // After: a1 = [13/10 + 36/5 + 3/10, 17/10 + 34/5 − 3/10] = [44/5, 41/5];
  //        a2 = 44/5·31/10 + 41/5·2 + 3/10 = 2199/50;  L = ½(2199/50)² = 4835601/5000.
  // Without bias updates: a1 = [17/2, 17/2], a2 = 17/2·31/10 + 17 = 867/20, L = 751689/800.
  const tail = `loss: half-sse\ninput: [[1, 2]]\ntarget: [[0]]\nlearning_rate: 0.1\n`;
  const xw = `layout: x-w
layers:
  - weights: [[1, 2], [3, 4]]
    activation: identity
  - weights: [[1], [-1]]
    activation: identity
${tail}`;
  const wx = `layout: w-x
layers:
  - weights: [[1, 3], [2, 4]]
    activation: identity
  - weights: [[1, -1]]
    activation: identity
${tail}`;

  it('x-w', () => {
    const s = run(xw);
    expect(exacts(s.layers[0].preactivation)).toEqual([['7', '10']]);
    expect(exact(s.loss)).toBe('9/2');
    expect(exacts(s.layers[1].delta)).toEqual([['-3']]);
    expect(exacts(s.layers[1].gradWeights)).toEqual([['-21'], ['-30']]);
    expect(exacts(s.layers[0].delta)).toEqual([['-3', '3']]);
    expect(exacts(s.layers[0].gradWeights)).toEqual([
      ['-3', '3'],
      ['-6', '6'],
    ]);
    expect(s.layers[0].gradBias.map(exact)).toEqual(['-3', '3']);
    expect(exacts(s.layers[1].weightsAfter)).toEqual([['31/10'], ['2']]);
    expect(exacts(s.layers[0].weightsAfter)).toEqual([
      ['13/10', '17/10'],
      ['18/5', '17/5'],
    ]);
    expect(s.layers[0].biasAfter.map(exact)).toEqual(['3/10', '-3/10']);
    expect(s.layers[1].biasAfter.map(exact)).toEqual(['3/10']);
    expect(exact(s.lossAfter)).toBe('4835601/5000');
  });

  it('w-x gives the transposed weights and gradients and the same losses', () => {
    const s = run(wx);
    expect(exacts(s.layers[0].preactivation)).toEqual([['7', '10']]);
    expect(exacts(s.layers[1].gradWeights)).toEqual([['-21', '-30']]);
    expect(exacts(s.layers[0].gradWeights)).toEqual([
      ['-3', '-6'],
      ['3', '6'],
    ]);
    expect(exacts(s.layers[1].weightsAfter)).toEqual([['31/10', '2']]);
    expect(exacts(s.layers[0].weightsAfter)).toEqual([
      ['13/10', '18/5'],
      ['17/10', '17/5'],
    ]);
    expect(exact(s.loss)).toBe('9/2');
    expect(exact(s.lossAfter)).toBe('4835601/5000');
  });

  it('update_biases: false keeps the biases (gradients are still reported)', () => {
    const s = run(`${xw}update_biases: false\n`);
    expect(s.layers[0].gradBias.map(exact)).toEqual(['-3', '3']);
    expect(s.layers[0].biasAfter.map(exact)).toEqual(['0', '0']);
    expect(s.layers[1].biasAfter.map(exact)).toEqual(['0']);
    expect(exact(s.lossAfter)).toBe('751689/800');
  });
});

describe('losses and the batch convention', () => {
  // One input, two identity units: x = [[1], [2]] (two samples), W = [[1, −1]], no bias, t = [[0, 0], [1, 1]].
  // Sample 1: y = [1, −1], y − t = [1, −1], Σ(y−t)² = 2.  Sample 2: y = [2, −2], y − t = [1, −3], Σ = 10.
  const net = (loss: string, batch: string, eta = '1/2') =>
    run(
      `layers:\n  - weights: [[1, -1]]\n    activation: identity\nloss: ${loss}\ninput: [[1], [2]]\ntarget: [[0, 0], [1, 1]]\nlearning_rate: "${eta}"\nconventions: {batch: ${batch}}\n`,
    );

  it('sse, mean: L = (2 + 10)/2 = 6; δ = ½·2(y − t)', () => {
    // δ: s1 [1, −1], s2 [1, −3];  ∂L/∂W = 1·[1, −1] + 2·[1, −3] = [3, −7];  ∂L/∂b = [2, −4].
    // W⁺ = [1 − 3/2, −1 + 7/2] = [−1/2, 5/2];  b⁺ = [−1, 2].
    // After: s1 y = [−3/2, 9/2] → 9/4 + 81/4 = 45/2;  s2 y = [−2, 7] − [1, 1] → 9 + 36 = 45;  mean 135/4.
    const s = net('sse', 'mean');
    expect(s.sampleLosses.map(exact)).toEqual(['2', '10']);
    expect(exact(s.loss)).toBe('6');
    expect(exacts(s.layers[0].delta)).toEqual([
      ['1', '-1'],
      ['1', '-3'],
    ]);
    expect(exacts(s.layers[0].gradWeights)).toEqual([['3', '-7']]);
    expect(s.layers[0].gradBias.map(exact)).toEqual(['2', '-4']);
    expect(exacts(s.layers[0].weightsAfter)).toEqual([['-1/2', '5/2']]);
    expect(s.layers[0].biasAfter.map(exact)).toEqual(['-1', '2']);
    expect(exact(s.lossAfter)).toBe('135/4');
  });

  it('sse, sum: L = 12; δ = 2(y − t)', () => {
    // δ: s1 [2, −2], s2 [2, −6];  ∂L/∂W = [2 + 4, −2 − 12] = [6, −14];  ∂L/∂b = [4, −8].
    const s = net('sse', 'sum');
    expect(exact(s.loss)).toBe('12');
    expect(exacts(s.layers[0].delta)).toEqual([
      ['2', '-2'],
      ['2', '-6'],
    ]);
    expect(exacts(s.layers[0].gradWeights)).toEqual([['6', '-14']]);
    expect(s.layers[0].gradBias.map(exact)).toEqual(['4', '-8']);
  });

  it('half-sse, mean: L = (1 + 5)/2 = 3; δ = ½(y − t)', () => {
    // δ: s1 [1/2, −1/2], s2 [1/2, −3/2];  ∂L/∂W = [1/2 + 1, −1/2 − 3] = [3/2, −7/2].
    const s = net('half-sse', 'mean');
    expect(exact(s.loss)).toBe('3');
    expect(exacts(s.layers[0].delta)).toEqual([
      ['1/2', '-1/2'],
      ['1/2', '-3/2'],
    ]);
    expect(exacts(s.layers[0].gradWeights)).toEqual([['3/2', '-7/2']]);
  });

  it('half-sse, sum: L = 1 + 5 = 6; δ = y − t', () => {
    const s = net('half-sse', 'sum');
    expect(exact(s.loss)).toBe('6');
    expect(exacts(s.layers[0].delta)).toEqual([
      ['1', '-1'],
      ['1', '-3'],
    ]);
  });

  it('mse is the mean over outputs: three outputs, (1 + 1 + 4)/3 = 2', () => {
    // x = [1], W = [[1, −1, 2]], t = [0, 0, 0]: y = [1, −1, 2], L = 6/3 = 2.
    // ∂L/∂y = (2/3)(y − t) = [2/3, −2/3, 4/3] = δ = ∂L/∂W.  η = 3/4: W⁺ = [1/2, −1/2, 1].
    // The omitted bias is updated too: b⁺ = −3/4·[2/3, −2/3, 4/3] = [−1/2, 1/2, −1].
    // After: y = [1/2 − 1/2, −1/2 + 1/2, 1 − 1] = [0, 0, 0] = t, L = 0.
    const s = run(
      `layers:\n  - weights: [[1, -1, 2]]\n    activation: identity\nloss: mse\ninput: [[1]]\ntarget: [[0, 0, 0]]\nlearning_rate: 0.75\n`,
    );
    expect(exact(s.loss)).toBe('2');
    expect(exacts(s.layers[0].delta)).toEqual([['2/3', '-2/3', '4/3']]);
    expect(exacts(s.layers[0].weightsAfter)).toEqual([['1/2', '-1/2', '1']]);
    expect(s.layers[0].biasAfter.map(exact)).toEqual(['-1/2', '1/2', '-1']);
    expect(exact(s.lossAfter)).toBe('0');
  });
});

describe('sigmoid and tanh', () => {
  it('σ(0) = 1/2 exactly, σ′(0) = 1/4; an irrational loss after the update', () => {
    // x = [2], W = [[0]], half-sse with t = 0: a = 0, y = 1/2, L = ½·¼ = 1/8, δ = (1/2)(1/4) = 1/8,
    // ∂L/∂W = 2·1/8 = 1/4, η = 1: W⁺ = −1/4 → (bias kept at 0) a = −1/2, L = ½σ(−1/2)², σ(−1/2) = 1/(1 + e^{1/2}).
    const s = run(
      `layers:\n  - weights: [[0]]\n    activation: sigmoid\nloss: half-sse\ninput: [[2]]\ntarget: [[0]]\nlearning_rate: 1\nupdate_biases: false\n`,
    );
    const [layer] = s.layers;
    expect(exacts(layer.output)).toEqual([['1/2']]);
    expect(exacts(layer.activationDerivative!)).toEqual([['1/4']]);
    expect(exact(s.loss)).toBe('1/8');
    expect(exacts(layer.delta)).toEqual([['1/8']]);
    expect(exacts(layer.gradWeights)).toEqual([['1/4']]);
    expect(exacts(layer.weightsAfter)).toEqual([['-1/4']]);
    expectClose(s.lossAfter, HALF_SIGMOID_MINUS_HALF_SQUARED);
  });

  it('σ(−1/2) as an output', () => {
    const s = run(
      `layers:\n  - weights: [["-1/2"]]\n    activation: sigmoid\nloss: half-sse\ninput: [[1]]\ntarget: [[0]]\nlearning_rate: 1\n`,
    );
    expectClose(s.layers[0].output[0][0], SIGMOID_MINUS_HALF);
  });

  it('tanh(0) = 0, tanh′(0) = 1; tanh(1/2) and 1 − tanh²(1/2)', () => {
    // a = [0, 1/2] (x = 1, W = [[0, 1/2]]), half-sse, t = [1, 0]:
    // y = [0, tanh ½]; ∂L/∂y = [−1, tanh ½]; h′ = [1, 1 − tanh² ½]; δ = [−1, tanh ½ (1 − tanh² ½)].
    const s = run(
      `layers:\n  - weights: [[0, 0.5]]\n    activation: tanh\nloss: half-sse\ninput: [[1]]\ntarget: [[1, 0]]\nlearning_rate: 1\n`,
    );
    const [layer] = s.layers;
    expect(exact(layer.output[0][0])).toBe('0');
    expectClose(layer.output[0][1], TANH_HALF);
    expect(exact(layer.activationDerivative![0][0])).toBe('1');
    const t = new Dec(TANH_HALF);
    expectClose(layer.activationDerivative![0][1], new Dec(1).minus(t.times(t)).toString());
    expect(exact(layer.delta[0][0])).toBe('-1');
    expectClose(layer.delta[0][1], t.times(new Dec(1).minus(t.times(t))).toString());
  });
});

describe('the ReLU family and relu_grad_at_zero', () => {
  // x = [1], W = [[1, −1, 0]], no bias: a = [1, −1, 0] (the last one exactly on the kink).
  const relu = (activation: string, conv: 0 | 1, extra = '', target = '[[0, 1, -1]]', eta = '1') =>
    run(
      `layers:\n  - weights: [[1, -1, 0]]\n    activation: ${activation}\n${extra}loss: half-sse\ninput: [[1]]\ntarget: ${target}\nlearning_rate: ${eta}\nconventions: {relu_grad_at_zero: ${conv}}\n`,
    );

  it('relu: y = [1, 0, 0]; relu′ = [1, 0, c] with c = relu_grad_at_zero', () => {
    // t = [0, 1, −1]: y − t = [1, −1, 1], L = 3/2; δ = [1, 0, c].
    for (const c of [0, 1] as const) {
      const s = relu('relu', c);
      const [layer] = s.layers;
      expect(exacts(layer.output)).toEqual([['1', '0', '0']]);
      expect(exact(s.loss)).toBe('3/2');
      expect(exacts(layer.activationDerivative!)).toEqual([['1', '0', `${c}`]]);
      expect(exacts(layer.delta)).toEqual([['1', '0', `${c}`]]);
      expect(exacts(layer.gradWeights)).toEqual([['1', '0', `${c}`]]);
    }
  });

  it('leaky-relu (α = 1/10): y = [1, −1/10, 0]; derivative at 0 is α (left) or 1 (right)', () => {
    // t = [0, 0, −1]: y − t = [1, −1/10, 1], L = ½(1 + 1/100 + 1) = 201/200;
    // δ = [1, (−1/10)(1/10), 1·h′(0)] = [1, −1/100, 1/10 or 1].
    const left = relu('leaky-relu', 0, '    alpha: 0.1\n', '[[0, 0, -1]]');
    expect(exacts(left.layers[0].output)).toEqual([['1', '-1/10', '0']]);
    expect(exact(left.loss)).toBe('201/200');
    expect(exacts(left.layers[0].delta)).toEqual([['1', '-1/100', '1/10']]);
    const right = relu('leaky-relu', 1, '    alpha: 0.1\n', '[[0, 0, -1]]');
    expect(exacts(right.layers[0].delta)).toEqual([['1', '-1/100', '1']]);
    // leaky-relu's α is a constant: no grad_alpha, no update.
    expect(left.layers[0].gradAlpha).toBeNull();
    expect(exact(left.layers[0].alphaAfter!)).toBe('1/10');
  });

  it('leaky-relu defaults to α = 1/100', () => {
    const s = relu('leaky-relu', 0);
    expect(exacts(s.layers[0].output)).toEqual([['1', '-1/100', '0']]);
  });

  it('prelu (α = 1/4 by default): grad_alpha = Σ ∂L/∂z·a over a ≤ 0, and α is updated', () => {
    // t = [0, 0, −1]: y = [1, −1/4, 0], y − t = [1, −1/4, 1], L = ½(1 + 1/16 + 1) = 33/32.
    // ∂L/∂z = [1, −1/4, 1];  δ = [1, −1/4·1/4, 1·h′(0)] = [1, −1/16, 1/4 (c = 0) or 1 (c = 1)].
    // grad_alpha = (−1/4)(−1) + 1·0 = 1/4;  η = 1/2: α⁺ = 1/4 − 1/8 = 1/8.
    // c = 0: W⁺ = [1 − 1/2, −1 + 1/32, 0 − 1/8] = [1/2, −31/32, −1/8];
    //        the omitted bias is 0 and updated too: b⁺ = −η·δ = [−1/2, 1/32, −1/8].
    // After: a = [0, −15/16, −1/4], y = [0, −15/128, −1/32] (α⁺ = 1/8), y − t = [0, −15/128, 31/32],
    //        L = ½(225/16384 + 15376/16384) = 15601/32768.
    const s = relu('prelu', 0, '', '[[0, 0, -1]]', '0.5');
    const [layer] = s.layers;
    expect(exacts(layer.output)).toEqual([['1', '-1/4', '0']]);
    expect(exact(s.loss)).toBe('33/32');
    expect(exacts(layer.delta)).toEqual([['1', '-1/16', '1/4']]);
    expect(exact(layer.gradAlpha!)).toBe('1/4');
    expect(exact(layer.alphaAfter!)).toBe('1/8');
    expect(exacts(layer.weightsAfter)).toEqual([['1/2', '-31/32', '-1/8']]);
    expect(layer.biasAfter.map(exact)).toEqual(['-1/2', '1/32', '-1/8']);
    expect(exact(s.lossAfter)).toBe('15601/32768');
    expect(solutionToJson(s).layers[0].grad_alpha?.exact).toBe('1/4');
    const right = relu('prelu', 1, '', '[[0, 0, -1]]', '0.5');
    expect(exacts(right.layers[0].delta)).toEqual([['1', '-1/16', '1']]);
    expect(exact(right.layers[0].gradAlpha!)).toBe('1/4');
  });

  it('relu6: clipped at 6, derivative 0 at a = 6 and above, c at 0', () => {
    // x = [1], W = [[7, 6, 3, 0, −1]]: a = [7, 6, 3, 0, −1], y = [6, 6, 3, 0, 0];
    // h′ = [0, 0, 1, c, 0]; t = [0, 0, 0, −1, −1]: y − t = [6, 6, 3, 1, 1], L = ½(36 + 36 + 9 + 1 + 1) = 83/2;
    // δ = [0, 0, 3, c, 0].
    for (const c of [0, 1] as const) {
      const s = run(
        `layers:\n  - weights: [[7, 6, 3, 0, -1]]\n    activation: relu6\nloss: half-sse\ninput: [[1]]\ntarget: [[0, 0, 0, -1, -1]]\nlearning_rate: 1\nconventions: {relu_grad_at_zero: ${c}}\n`,
      );
      const [layer] = s.layers;
      expect(exacts(layer.output)).toEqual([['6', '6', '3', '0', '0']]);
      expect(exact(s.loss)).toBe('83/2');
      expect(exacts(layer.activationDerivative!)).toEqual([['0', '0', '1', `${c}`, '0']]);
      expect(exacts(layer.delta)).toEqual([['0', '0', '3', `${c}`, '0']]);
    }
  });
});

describe('an exact zero hidden behind exp: σ(x) + σ(−x) − 1 = 0', () => {
  // x = [1]; layer 0 sigmoid, W = [[1/2, −1/2]]: z = [σ(1/2), σ(−1/2)];
  // layer 1 relu, W = [[1], [1]], b = [−1]: a = σ(1/2) + σ(−1/2) − 1 = 0 exactly, on the kink.
  // half-sse, t = [−1]: y = 0, L = ½; ∂L/∂y = 1; δ = relu′(0) = relu_grad_at_zero.
  // (Found by the float64 property test: 64-digit rounding left ±1e-64 and picked a side.)
  for (const c of [0, 1] as const) {
    it(`relu_grad_at_zero ${c}`, () => {
      const s = run(
        `layers:\n  - weights: [[0.5, -0.5]]\n    activation: sigmoid\n  - weights: [[1], [1]]\n    bias: [-1]\n    activation: relu\nloss: half-sse\ninput: [[1]]\ntarget: [[-1]]\nlearning_rate: 1\nconventions: {relu_grad_at_zero: ${c}}\n`,
      );
      expect(exacts(s.layers[1].preactivation)).toEqual([['0']]);
      expect(exact(s.loss)).toBe('1/2');
      expect(exacts(s.layers[1].delta)).toEqual([[`${c}`]]);
    });
  }
});

describe('softmax and cross-entropy', () => {
  it('softmax + cross-entropy: δ = (y − t) ÷ batch for a mean, y − t for a sum', () => {
    // x = [[1], [1]], W = [[0, 0, 0]]: a = 0, y = [1/3, 1/3, 1/3] exactly for both samples.
    // t1 = [1, 0, 0]: L1 = −ln(1/3) = ln 3;  t2 = [0, 1/2, 1/2]: L2 = −(½ln ⅓ + ½ln ⅓) = ln 3.
    // mean: L = ln 3;  δ1 = (y − t1)/2 = [−1/3, 1/6, 1/6];  δ2 = (y − t2)/2 = [1/6, −1/12, −1/12];
    //       ∂L/∂W = 1·δ1 + 1·δ2 = [−1/6, 1/12, 1/12] = ∂L/∂b.
    // sum:  L = 2 ln 3;  δ1 = [−2/3, 1/3, 1/3];  δ2 = [1/3, −1/6, −1/6];  ∂L/∂W = [−1/3, 1/6, 1/6].
    const net = (batch: string) =>
      run(
        `layers:\n  - weights: [[0, 0, 0]]\n    activation: softmax\nloss: cross-entropy\ninput: [[1], [1]]\ntarget: [[1, 0, 0], [0, 0.5, "1/2"]]\nlearning_rate: 1\nconventions: {batch: ${batch}}\n`,
      );
    const mean = net('mean');
    expect(exacts(mean.layers[0].output)).toEqual([
      ['1/3', '1/3', '1/3'],
      ['1/3', '1/3', '1/3'],
    ]);
    expect(mean.layers[0].activationDerivative).toBeNull();
    expectClose(mean.loss, LN3);
    expect(exacts(mean.layers[0].delta)).toEqual([
      ['-1/3', '1/6', '1/6'],
      ['1/6', '-1/12', '-1/12'],
    ]);
    expect(exacts(mean.layers[0].gradWeights)).toEqual([['-1/6', '1/12', '1/12']]);
    expect(mean.layers[0].gradBias.map(exact)).toEqual(['-1/6', '1/12', '1/12']);
    const sum = net('sum');
    expectClose(sum.loss, new Dec(LN3).times(2).toString());
    expect(exacts(sum.layers[0].delta)).toEqual([
      ['-2/3', '1/3', '1/3'],
      ['1/3', '-1/6', '-1/6'],
    ]);
    expect(exacts(sum.layers[0].gradWeights)).toEqual([['-1/3', '1/6', '1/6']]);
  });

  it('softmax with a squared error goes through the full Jacobian y_i(δ_ik − y_k)', () => {
    // a = [0, 0]: y = [1/2, 1/2]; half-sse, t = [1, 0]: g = y − t = [−1/2, 1/2], L = ½(1/4 + 1/4) = 1/4.
    // Jacobian [[1/4, −1/4], [−1/4, 1/4]]: δ = J·g = [−1/8 − 1/8, 1/8 + 1/8] = [−1/4, 1/4].
    // (The diagonal alone, y(1 − y)·g = [−1/8, 1/8], is the mistake the notes make.)
    const s = run(
      `layers:\n  - weights: [[0, 0]]\n    activation: softmax\nloss: half-sse\ninput: [[1]]\ntarget: [[1, 0]]\nlearning_rate: 1\n`,
    );
    expect(exacts(s.layers[0].output)).toEqual([['1/2', '1/2']]);
    expect(exact(s.loss)).toBe('1/4');
    expect(exacts(s.layers[0].delta)).toEqual([['-1/4', '1/4']]);
  });

  it('cross-entropy with a sigmoid last layer is refused, naming binary-cross-entropy', () => {
    // −Σ t ln y over sigmoid outputs leaves out (1 − t) ln(1 − y): no course means that by it.
    expect(() =>
      run(
        `layers:\n  - weights: [[0]]\n    activation: sigmoid\nloss: cross-entropy\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 1\n`,
      ),
    ).toThrow(/loss: cross-entropy with a sigmoid last layer: use loss: binary-cross-entropy/);
  });

  it('a zero target contributes 0·ln y = 0 exactly', () => {
    // Two softmax units at a = 0, t = [1, 0]: y = [1/2, 1/2], L = −ln(1/2) = ln 2 (no term for the
    // second unit); δ = y − t = [−1/2, 1/2].
    const s = run(
      `layers:\n  - weights: [[0, 0]]\n    activation: softmax\nloss: cross-entropy\ninput: [[1]]\ntarget: [[1, 0]]\nlearning_rate: 1\n`,
    );
    expectClose(s.loss, LN2);
    expect(exacts(s.unitLosses)).toEqual([[null, '0']]);
    expect(exacts(s.layers[0].delta)).toEqual([['-1/2', '1/2']]);
  });
});
