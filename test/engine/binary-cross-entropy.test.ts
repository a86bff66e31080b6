// Binary cross-entropy on random networks with a sigmoid output: the engine against the float64
// reference (test/reference/float64.ts, which computes the loss through softplus and the gradient by
// the plain chain rule) and against 64-digit central differences of the separate decimal forward pass
// (test/reference/decimal-loss.ts); plus small cases worked by hand and the loader's refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve';
import { InputError, parseNetwork } from '../../src/network/load';
import { approx, type Value } from '../../src/number/value';
import { decimalText, networkArb } from '../reference/arbitrary';
import { D120, decimalSolve } from '../reference/decimal-full';
import { D, DecimalEvaluator, parametersOf } from '../reference/decimal-loss';
import { referenceSolve } from '../reference/float64';
import { networkText, type RawNetwork } from '../reference/raw';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const TOLERANCE = 1e-9;

/** A random network turned into a binary classifier: sigmoid last layer, targets in [0, 1]. */
const bceArb: fc.Arbitrary<RawNetwork> = networkArb().chain((raw) => {
  const outputs = raw.target[0].length;
  const targetValue = fc.oneof(
    fc.constantFrom('0', '1'),
    fc.integer({ min: 0, max: 1000 }).map((k) => decimalText(k, 3)),
  );
  const row = fc.array(targetValue, { minLength: outputs, maxLength: outputs });
  return fc.array(row, { minLength: raw.target.length, maxLength: raw.target.length }).map((target) => {
    const last = raw.layers.length - 1;
    const layers = raw.layers.map((layer, l) =>
      l === last ? { weights: layer.weights, bias: layer.bias, activation: 'sigmoid' as const } : layer,
    );
    return { ...raw, layers, loss: 'binary-cross-entropy' as const, target };
  });
});

const num = (v: Value) => approx(v).toNumber();
const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

function againstFloat64(raw: RawNetwork): string[] {
  const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
  const ref = referenceSolve(raw);
  const problems: string[] = [];
  const check = (at: string, v: Value, r: number) => {
    if (!close(num(v), r)) problems.push(`${at}: engine ${num(v)}, reference ${r}`);
  };
  check('loss', solution.loss, ref.loss);
  check('loss_after', solution.lossAfter, ref.loss_after);
  solution.layers.forEach((layer, l) => {
    const r = ref.layers[l];
    layer.delta.forEach((row, n) => row.forEach((d, j) => check(`layers[${l}].delta[${n}][${j}]`, d, r.delta[n][j])));
    layer.gradWeights.forEach((row, i) =>
      row.forEach((g, j) => check(`layers[${l}].grad_weights[${i}][${j}]`, g, r.grad_weights[i][j])),
    );
    layer.gradBias.forEach((g, j) => check(`layers[${l}].grad_bias[${j}]`, g, r.grad_bias[j]));
  });
  return problems;
}

/** Against the 120-digit reference: the engine's 64-digit decimals to 1e-50 relative. */
function against120(raw: RawNetwork): string[] {
  const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
  const ref = decimalSolve(raw);
  const problems: string[] = [];
  const check = (at: string, v: Value, r: D120) => {
    const e = new D120(approx(v).toString());
    if (
      e
        .minus(r)
        .abs()
        .gt(new D120('1e-50').times(D120.max(1, r.abs())))
    )
      problems.push(`${at}: engine ${e}, reference ${r}`);
  };
  check('loss', solution.loss, ref.loss);
  check('loss_after', solution.lossAfter, ref.loss_after);
  solution.layers.forEach((layer, l) => {
    const r = ref.layers[l];
    layer.delta.forEach((row, n) => row.forEach((d, j) => check(`layers[${l}].delta[${n}][${j}]`, d, r.delta[n][j])));
    layer.gradWeights.forEach((row, i) =>
      row.forEach((g, j) => check(`layers[${l}].grad_weights[${i}][${j}]`, g, r.grad_weights[i][j])),
    );
  });
  return problems;
}

const H = new D('1e-20');

function againstFiniteDifferences(raw: RawNetwork): string[] {
  const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
  const evaluator = new DecimalEvaluator(raw);
  const params = parametersOf(raw);
  // At a ReLU-family kink the loss is not differentiable: no finite difference to compare with.
  const pre = evaluator.preactivations(params);
  const nearKink = raw.layers.some(
    (layer, l) =>
      ['relu', 'leaky-relu', 'prelu', 'relu6'].includes(layer.activation) &&
      pre[l].some((row) => row.some((a) => a.abs().lt('1e-15') || a.minus(6).abs().lt('1e-15'))),
  );
  if (nearKink) return [];
  const problems: string[] = [];
  const loss = evaluator.loss(params);
  const engineLoss = new D(approx(solution.loss).toString());
  if (
    loss
      .minus(engineLoss)
      .abs()
      .gt(new D('1e-50').times(D.max(1, loss.abs())))
  )
    problems.push(`loss: engine ${engineLoss}, reference ${loss}`);
  raw.layers.forEach((_, l) => {
    params.weights[l].forEach((row, i) =>
      row.forEach((original, j) => {
        params.weights[l][i][j] = original.plus(H);
        const up = evaluator.loss(params);
        params.weights[l][i][j] = original.minus(H);
        const down = evaluator.loss(params);
        params.weights[l][i][j] = original;
        const fd = up.minus(down).div(H.times(2));
        const g = new D(approx(solution.layers[l].gradWeights[i][j]).toString());
        if (
          fd
            .minus(g)
            .abs()
            .gt(new D('1e-30').times(D.max(1, g.abs())))
        )
          problems.push(`layers[${l}].grad_weights[${i}][${j}]: engine ${g}, finite difference ${fd}`);
      }),
    );
  });
  return problems;
}

describe('binary cross-entropy', () => {
  it('agrees with the float64 reference on random sigmoid-output networks', () => {
    fc.assert(
      fc.property(bceArb, (raw) => {
        expect(againstFloat64(raw)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with the 120-digit reference to 50 digits', () => {
    fc.assert(
      fc.property(bceArb, (raw) => {
        expect(against120(raw)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('has the gradients of 64-digit central differences of its loss', () => {
    fc.assert(
      fc.property(bceArb, (raw) => {
        expect(againstFiniteDifferences(raw)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  const one = (target: string, batch = '') =>
    parseNetwork(
      `layers:\n  - weights: [[0]]\n    activation: sigmoid\nloss: binary-cross-entropy\ninput: [[1]${batch ? ', [1]' : ''}]\ntarget: [[${target}]${batch ? `, [${batch}]` : ''}]\nlearning_rate: 1\n`,
      'one.yaml',
    );

  it('by hand: σ(0) = 1/2, so L = ln 2 for any target and δ = 1/2 − t exactly', () => {
    for (const [t, delta] of [
      ['1', '-1/2'],
      ['0', '1/2'],
      ['0.25', '1/4'],
    ] as const) {
      const s = solve(one(t));
      expect(num(s.loss)).toBeCloseTo(Math.LN2, 14);
      // Exact: the sigmoid + binary cross-entropy delta never goes through a decimal.
      expect(s.layers[0].delta[0][0]).toMatchObject({ kind: 'rational' });
      expect(approx(s.layers[0].delta[0][0]).toString()).toBe(
        new D(delta.split('/')[0]).div(delta.split('/')[1] ?? 1).toString(),
      );
    }
  });

  it('by hand: a batch mean halves each sample’s delta (targets 1 and 0: δ = −1/4, 1/4; ∂L/∂b = 0)', () => {
    const s = solve(one('1', '0'));
    expect(s.layers[0].delta.map((r) => approx(r[0]).toNumber())).toEqual([-0.25, 0.25]);
    expect(approx(s.layers[0].gradBias[0]).toNumber()).toBe(0);
  });

  it('refuses targets outside [0, 1] and outputs that are not sigmoid', () => {
    expect(() => one('1.5')).toThrow(InputError);
    expect(() => one('1.5')).toThrow(/\[0, 1\]/);
    expect(() =>
      parseNetwork(
        'layers:\n  - weights: [[0]]\n    activation: identity\nloss: binary-cross-entropy\ninput: [[1]]\ntarget: [[1]]\nlearning_rate: 1\n',
        'id.yaml',
      ),
    ).toThrow(/sigmoid/);
  });
});
