// Finite differences in high precision: on random networks of every activation, loss, layout and
// convention, the central difference (L(θ + h) − L(θ − h)) / 2h with h = 1e-20, evaluated by the
// separate 64-digit forward pass in test/reference/decimal-loss.ts, matches the engine's
// grad_weights, grad_bias and prelu grad_alpha. The truncation error is O(h²) ≈ 1e-40 and the
// rounding error about 1e-64 / h = 1e-44, so agreement to 1e-30 leaves a wide margin and still
// catches any real mistake. Networks with a ReLU-family pre-activation within 1e-15 of a kink (0, or
// 6 for relu6) are skipped: the loss is not differentiable there.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNetwork } from '../../src/network/load';
import { solve, type Solution } from '../../src/engine/solve';
import { approx, type Value } from '../../src/number/value';
import { networkArb, thousandths } from '../reference/arbitrary';
import { D, DecimalEvaluator, parametersOf, type Parameters } from '../reference/decimal-loss';
import { networkText, type RawNetwork } from '../reference/raw';

const H = new D('1e-20');
const KINK_MARGIN = new D('1e-15');
const TOLERANCE = new D('1e-30');
/** FD_RUNS=4000 npx vitest run test/engine/finite-diff.test.ts for a longer search. */
const RUNS = Number(process.env.FD_RUNS ?? 400);
const RELU_FAMILY = ['relu', 'leaky-relu', 'prelu', 'relu6'];

function nearKink(raw: RawNetwork, evaluator: DecimalEvaluator, params: Parameters): boolean {
  const pre = evaluator.preactivations(params);
  return raw.layers.some((layer, l) => {
    if (!RELU_FAMILY.includes(layer.activation)) return false;
    return pre[l].some((row) =>
      row.some((a) => a.abs().lt(KINK_MARGIN) || (layer.activation === 'relu6' && a.minus(6).abs().lt(KINK_MARGIN))),
    );
  });
}

/** (L(θ + h) − L(θ − h)) / 2h for the parameter that `cell` reads and writes. */
function centralDifference(evaluator: DecimalEvaluator, params: Parameters, cell: { get(): D; set(x: D): void }): D {
  const original = cell.get();
  cell.set(original.plus(H));
  const up = evaluator.loss(params);
  cell.set(original.minus(H));
  const down = evaluator.loss(params);
  cell.set(original);
  return up.minus(down).div(H.times(2));
}

function checkGradients(raw: RawNetwork, solution: Solution): string[] {
  const evaluator = new DecimalEvaluator(raw);
  const params = parametersOf(raw);
  const problems: string[] = [];
  const compare = (where: string, fd: D, engine: Value) => {
    const g = new D(approx(engine).toString());
    if (
      fd
        .minus(g)
        .abs()
        .gt(TOLERANCE.times(D.max(1, g.abs())))
    )
      problems.push(`${where}: engine ${g.toSignificantDigits(30)}, finite difference ${fd.toSignificantDigits(30)}`);
  };

  const loss = evaluator.loss(params);
  const engineLoss = new D(approx(solution.loss).toString());
  if (
    loss
      .minus(engineLoss)
      .abs()
      .gt(new D('1e-50').times(D.max(1, loss.abs())))
  )
    problems.push(`loss: engine ${engineLoss}, reference ${loss}`);

  raw.layers.forEach((layer, l) => {
    const result = solution.layers[l];
    params.weights[l].forEach((row, i) =>
      row.forEach((_, j) => {
        const fd = centralDifference(evaluator, params, {
          get: () => params.weights[l][i][j],
          set: (x) => (params.weights[l][i][j] = x),
        });
        compare(`layers[${l}].grad_weights[${i}][${j}]`, fd, result.gradWeights[i][j]);
      }),
    );
    params.bias[l].forEach((_, j) => {
      const fd = centralDifference(evaluator, params, {
        get: () => params.bias[l][j],
        set: (x) => (params.bias[l][j] = x),
      });
      compare(`layers[${l}].grad_bias[${j}]`, fd, result.gradBias[j]);
    });
    if (layer.activation === 'prelu') {
      const fd = centralDifference(evaluator, params, {
        get: () => params.alpha[l],
        set: (x) => (params.alpha[l] = x),
      });
      if (result.gradAlpha === null) problems.push(`layers[${l}]: prelu without grad_alpha`);
      else compare(`layers[${l}].grad_alpha`, fd, result.gradAlpha);
    }
  });
  return problems;
}

describe('gradients vs high-precision finite differences', () => {
  it('match for every weight, bias and prelu alpha of random networks', () => {
    let checked = 0;
    fc.assert(
      fc.property(networkArb(thousandths), (raw) => {
        const evaluator = new DecimalEvaluator(raw);
        fc.pre(!nearKink(raw, evaluator, parametersOf(raw)));
        const problems = checkGradients(raw, solve(parseNetwork(networkText(raw), 'random.yaml')));
        if (problems.length > 0)
          throw new Error(`${problems.slice(0, 8).join('\n')}\n--- network ---\n${networkText(raw)}`);
        checked++;
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS * 0.75);
  });
});
