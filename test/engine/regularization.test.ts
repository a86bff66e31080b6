// L2 regularization (`regularization: {l2, scale}`): L = data loss + R with R = (λ/2)·Σw² or
// (λ/2N)·Σw² over the weights only, and ∂L/∂w gains λ·w (or (λ/N)·w). Checked against the float64
// reference, the exact BigInt reference and 64-digit finite differences of the penalised loss, on
// random networks; and on a problem worked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork, InputError } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { train } from '../../src/engine/train';
import { solutionToJson, trainingToJson } from '../../src/render/json';
import { approx } from '../../src/number/value';
import { buildTrace } from '../../src/trace/build';
import { networkArb, tenths, thousandths } from '../reference/arbitrary';
import { referenceSolve } from '../reference/float64';
import { exactSolve, isRationalNetwork, rationalString } from '../reference/exact-rational';
import { D, DecimalEvaluator, parametersOf } from '../reference/decimal-loss';
import { networkText, type RawNetwork } from '../reference/raw';
import { checkLayers, checkValue } from './reference-compare';

const regularizedArb = (value = tenths) =>
  fc
    .tuple(
      networkArb(value),
      fc.integer({ min: 0, max: 20 }).map((k) => String(k / 10)),
      fc.constantFrom<'1/2' | '1/(2N)'>('1/2', '1/(2N)'),
    )
    .map(([raw, l2, scale]): RawNetwork => ({ ...raw, regularization: { l2, scale } }));

describe('L2 regularization', () => {
  it('agrees with the float64 reference on random networks (loss, penalty, gradients, updates)', () => {
    fc.assert(
      fc.property(regularizedArb(), (raw) => {
        const json = solutionToJson(solve(parseNetwork(networkText(raw), 'random.yaml')));
        const ref = referenceSolve(raw);
        const problems: string[] = [];
        checkValue('loss', json.loss, ref.loss, problems);
        checkValue('loss_after', json.loss_after, ref.loss_after, problems);
        checkValue('after.loss', json.after.loss, ref.loss_after, problems);
        checkLayers('layers', json.layers, ref.layers, problems);
        expect(json.regularization).toBeDefined();
        expect(problems, networkText(raw)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('is exact: loss, gradients and loss after equal the BigInt reference', () => {
    fc.assert(
      fc.property(
        regularizedArb().filter((raw) => isRationalNetwork(raw) && raw.loss !== 'binary-cross-entropy'),
        (raw) => {
          const json = solutionToJson(solve(parseNetwork(networkText(raw), 'random.yaml')));
          const ref = exactSolve(raw);
          expect(json.loss.exact).toBe(rationalString(ref.loss));
          json.layers.forEach((layer, l) =>
            expect(layer.grad_weights.map((r) => r.map((v) => v.exact))).toEqual(
              ref.layers[l].grad_weights.map((r) => r.map(rationalString)),
            ),
          );
          expect(json.loss_after.exact).toBe(rationalString(ref.loss_after));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('has the weight gradients of finite differences of the penalised loss', () => {
    const H = new D('1e-20');
    fc.assert(
      fc.property(regularizedArb(thousandths), (raw) => {
        const evaluator = new DecimalEvaluator(raw);
        const params = parametersOf(raw);
        const pre = evaluator.preactivations(params);
        fc.pre(
          !pre.some((layer) =>
            layer.some((row) => row.some((a) => a.abs().lt('1e-15') || a.minus(6).abs().lt('1e-15'))),
          ),
        );
        const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
        expect(new D(approx(solution.loss).toString()).minus(evaluator.loss(params)).abs().lt('1e-50')).toBe(true);
        params.weights.forEach((m, l) =>
          m.forEach((row, i) =>
            row.forEach((w, j) => {
              row[j] = w.plus(H);
              const up = evaluator.loss(params);
              row[j] = w.minus(H);
              const down = evaluator.loss(params);
              row[j] = w;
              const fd = up.minus(down).div(H.times(2));
              const engine = new D(approx(solution.layers[l].gradWeights[i][j]).toString());
              expect(
                fd
                  .minus(engine)
                  .abs()
                  .lte(new D('1e-30').times(D.max(1, engine.abs()))),
                networkText(raw),
              ).toBe(true);
            }),
          ),
        );
      }),
      { numRuns: 60 },
    );
  });

  const byHand = (scale: string) => `layers:
  - weights: [[0.5], [-1]]
    bias: [0.5]
    activation: identity
loss: half-sse
input: [[1, 2], [2, 0]]
target: [[0], [1]]
learning_rate: 0.1
regularization: {l2: 0.2, scale: "${scale}"}
`;

  it('by hand, scale "1/2": R = (λ/2)Σw², ∂L/∂w = data gradient + λw, biases not penalised', () => {
    // y₁ = 0.5 − 2 + 0.5 = −1, y₂ = 1 + 0.5 = 1.5; data loss (mean) = ½(½·1 + ½·0.25) = 0.3125.
    // R = 0.1·(0.25 + 1) = 0.125, L = 0.4375.
    const json = solutionToJson(solve(parseNetwork(byHand('1/2'))));
    expect(json.regularization?.exact).toBe('1/8');
    expect(json.loss.exact).toBe('7/16');
    // δ = (y − t)/2 = (−0.5, 0.25); ∂/∂w₁ = −0.5·1 + 0.25·2 + 0.2·0.5 = 0.1; ∂/∂w₂ = −1 + 0 − 0.2 = −1.2.
    expect(json.layers[0].grad_weights.map((r) => r[0].exact)).toEqual(['1/10', '-6/5']);
    // ∂/∂b = −0.25, no λb term.
    expect(json.layers[0].grad_bias[0].exact).toBe('-1/4');
    expect(json.layers[0].weights_after.map((r) => r[0].exact)).toEqual(['49/100', '-22/25']);
  });

  it('by hand, scale "1/(2N)" (Coursera): R = (λ/2N)Σw², ∂L/∂w gains (λ/N)w', () => {
    const json = solutionToJson(solve(parseNetwork(byHand('1/(2N)'))));
    // N = 2: R = 0.05·1.25 = 0.0625; ∂/∂w₁ = 0 + 0.1·0.5 = 0.05, ∂/∂w₂ = −1 − 0.1 = −1.1.
    expect(json.regularization?.exact).toBe('1/16');
    expect(json.layers[0].grad_weights.map((r) => r[0].exact)).toEqual(['1/20', '-11/10']);
  });

  it('shows the penalty as its own step and λw in each weight gradient', () => {
    const trace = buildTrace(solve(parseNetwork(byHand('1/2'))));
    const steps = trace.sections.flatMap((s) => s.steps);
    const r = steps.find((s) => s.quantity === 'regularization');
    expect(r?.formula).toBe('R = \\frac{\\lambda}{2} ({w^{(1)}_{11}}^{2} + {w^{(1)}_{21}}^{2})');
    expect(r?.substituted).toBe('\\frac{0.2}{2} \\left[0.5^{2} + (-1)^{2}\\right]');
    const grad = steps.find((s) => s.quantity === 'grad_weights' && s.form === 'scalar');
    expect(grad?.formula).toContain('\\lambda w^{(1)}_{11}');
    expect(steps.some((s) => s.quantity === 'regularization_after')).toBe(true);
  });

  it('trains with the penalty at every step (the batch of each step is its N)', () => {
    const json = trainingToJson(train(parseNetwork(`${byHand('1/(2N)')}steps: 2\nbatch_size: 1\n`)));
    expect(json.history).toHaveLength(2);
    // Step 1 on row 1 alone: N = 1, so ∂/∂w₁ = δz + 0.2·0.5 with δ = y − t = −1: −1 + 0.1 = −0.9.
    expect(json.history[0].layers[0].grad_weights[0][0].exact).toBe('-9/10');
  });

  it('refuses a negative λ and an unknown scale, naming the field', () => {
    const base = `layers:\n  - weights: [[1]]\n    activation: identity\nloss: half-sse\ninput: [[1]]\ntarget: [[0]]\nlearning_rate: 0.1\n`;
    expect(() => parseNetwork(`${base}regularization: {l2: -0.1}\n`, 'n.yaml')).toThrow(
      /n\.yaml:8: regularization\.l2: expected λ ≥ 0/,
    );
    expect(() => parseNetwork(`${base}regularization: {l2: 0.1, scale: "1/N"}\n`, 'n.yaml')).toThrow(
      /regularization\.scale: expected "1\/2"/,
    );
    expect(() => parseNetwork(`${base}regularization: {l1: 0.1}\n`, 'n.yaml')).toThrow(InputError);
  });
});
