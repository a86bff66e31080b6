// A bias shared by every unit of a layer (`bias: 0.35`, Mazur's b₁): its gradient is Σ over units
// and samples of δ. Checked against the float64 reference, the exact BigInt reference and 64-digit
// finite differences (all three nudge or sum the one shared parameter themselves), on random
// networks where some layers share their bias; and on Mazur's network as he writes it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork, InputError } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { solutionToJson } from '../../src/render/json';
import { approx } from '../../src/number/value';
import { buildTrace } from '../../src/trace/build';
import { networkArb, tenths, thousandths } from '../reference/arbitrary';
import { referenceSolve } from '../reference/float64';
import { exactSolve, isRationalNetwork, rationalString } from '../reference/exact-rational';
import { D, DecimalEvaluator, parametersOf } from '../reference/decimal-loss';
import { networkText, type RawNetwork } from '../reference/raw';
import { checkLayers, checkValue } from './reference-compare';

/** Random networks in which each layer shares one bias with probability ½. */
const sharedArb = (value = tenths) =>
  networkArb(value).chain((raw) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: raw.layers.length, maxLength: raw.layers.length }),
        fc.array(value, { minLength: raw.layers.length, maxLength: raw.layers.length }),
      )
      .map(
        ([shared, b]): RawNetwork => ({
          ...raw,
          layers: raw.layers.map((layer, l) => (shared[l] ? { ...layer, sharedBias: b[l], bias: undefined } : layer)),
        }),
      ),
  );

describe('a shared bias', () => {
  it('agrees with the float64 reference on random networks', () => {
    fc.assert(
      fc.property(sharedArb(), (raw) => {
        const json = solutionToJson(solve(parseNetwork(networkText(raw), 'random.yaml')));
        const ref = referenceSolve(raw);
        const problems: string[] = [];
        checkValue('loss', json.loss, ref.loss, problems);
        checkValue('loss_after', json.loss_after, ref.loss_after, problems);
        checkLayers('layers', json.layers, ref.layers, problems);
        expect(problems, networkText(raw)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('is exact: every gradient and update equals the BigInt reference', () => {
    fc.assert(
      fc.property(
        sharedArb().filter((raw) => isRationalNetwork(raw) && raw.loss !== 'binary-cross-entropy'),
        (raw) => {
          const json = solutionToJson(solve(parseNetwork(networkText(raw), 'random.yaml')));
          const ref = exactSolve(raw);
          json.layers.forEach((layer, l) => {
            expect(layer.grad_bias.map((v) => v.exact)).toEqual(ref.layers[l].grad_bias.map(rationalString));
            expect(layer.bias_after.map((v) => v.exact)).toEqual(ref.layers[l].bias_after.map(rationalString));
          });
          expect(json.loss_after.exact).toBe(rationalString(ref.loss_after));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('has the gradient of its finite difference: all units nudged together', () => {
    const H = new D('1e-20');
    fc.assert(
      fc.property(sharedArb(thousandths), (raw) => {
        const evaluator = new DecimalEvaluator(raw);
        const params = parametersOf(raw);
        // ReLU kinks within reach of the nudge make the difference one-sided: skip those networks.
        const pre = evaluator.preactivations(params);
        fc.pre(
          !pre.some((layer) =>
            layer.some((row) => row.some((a) => a.abs().lt('1e-15') || a.minus(6).abs().lt('1e-15'))),
          ),
        );
        const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
        raw.layers.forEach((layer, l) => {
          if (layer.sharedBias === undefined) return;
          const original = params.bias[l].map((b) => b);
          params.bias[l] = original.map((b) => b.plus(H));
          const up = evaluator.loss(params);
          params.bias[l] = original.map((b) => b.minus(H));
          const down = evaluator.loss(params);
          params.bias[l] = original;
          const fd = up.minus(down).div(H.times(2));
          const engine = new D(approx(solution.layers[l].gradBias[0]).toString());
          expect(
            fd
              .minus(engine)
              .abs()
              .lte(new D('1e-30').times(D.max(1, engine.abs()))),
            networkText(raw),
          ).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("reproduces Mazur's network written with his b₁ and b₂", () => {
    const yaml = `layers:
  - weights: [[0.15, 0.25], [0.20, 0.30]]
    bias: 0.35
    activation: sigmoid
  - weights: [[0.40, 0.50], [0.45, 0.55]]
    bias: 0.60
    activation: sigmoid
loss: half-sse
input: [[0.05, 0.10]]
target: [[0.01, 0.99]]
learning_rate: 0.5
`;
    const solution = solve(parseNetwork(yaml, 'mazur-shared.yaml'));
    const json = solutionToJson(solution);
    // Mazur's published forward pass: net_h1 = 0.3775, out_o1 = 0.75136507, E_total = 0.298371109.
    expect(json.layers[0].preactivation[0][0].exact).toBe('151/400');
    expect(Number(json.layers[1].output[0][0].approx).toFixed(8)).toBe('0.75136507');
    expect(Number(json.loss.approx).toFixed(9)).toBe('0.298371109');
    // ∂E/∂b₂ = δ_o1 + δ_o2 (Σ over the units): 0.13849856 + (−0.03809824) = 0.10040033 (to 8 places).
    const d = json.layers[1].delta[0];
    expect(Number(json.layers[1].grad_bias[0].approx)).toBeCloseTo(Number(d[0].approx) + Number(d[1].approx), 15);
    expect(Number(json.layers[1].grad_bias[0].approx).toFixed(8)).toBe('0.10040033');
    // Printed per unit, the same number twice; b₂⁺ = 0.6 − 0.5 × 0.10040032.
    expect(json.layers[1].bias_after[1]).toEqual(json.layers[1].bias_after[0]);
    expect(Number(json.layers[1].bias_after[0].approx).toFixed(8)).toBe('0.54979984');
    // The worked steps show one gradient and one update of the shared bias per layer.
    const steps = buildTrace(solution).sections.flatMap((s) => s.steps);
    const scalarBias = steps.filter((s) => s.form === 'scalar' && s.quantity === 'grad_bias' && s.layer === 1);
    expect(scalarBias).toHaveLength(1);
    expect(scalarBias[0].formula).toContain('\\frac{\\partial L}{\\partial b^{(2)}}');
    expect(steps.filter((s) => s.quantity === 'bias_after' && s.layer === 0)).toHaveLength(2); // scalar and matrix form
  });

  it('refuses a bias that is neither a number nor a list, naming the field', () => {
    const base = (bias: string) =>
      `layers:\n  - weights: [[1, 2]]\n    bias: ${bias}\n    activation: identity\nloss: half-sse\ninput: [[1]]\ntarget: [[0, 1]]\nlearning_rate: 0.1\n`;
    expect(() => parseNetwork(base('abc'), 'n.yaml')).toThrow(/n\.yaml:3: layers\[0\]\.bias: expected a number/);
    expect(() => parseNetwork(base('{a: 1}'), 'n.yaml')).toThrow(InputError);
    expect(parseNetwork(base('"1/3"'), 'n.yaml').layers[0].bias.map((b) => approx(b).toFixed(3))).toEqual([
      '0.333',
      '0.333',
    ]);
  });
});
