// The engine options the grader adds (src/engine/solve.ts: rules, intermediate) leave the default
// path alone: with no option, with an identity hook, with a hook that only records, solve gives the
// same JSON; the hook sees every intermediate in computation order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, type Quantity } from '../../src/engine/solve';
import { networkSpecOf } from '../../src/exercises/network-file';
import { solutionToJson } from '../../src/render/json';
import { ONE } from '../../src/number/value';
import { netArb, networkFile } from './arbitrary';

describe('solve options used by the grader', () => {
  it('an identity intermediate hook and rules: undefined change nothing', () => {
    fc.assert(
      fc.property(netArb, (net) => {
        const spec = networkSpecOf(networkFile(net));
        const plain = JSON.stringify(solutionToJson(solve(spec)));
        const seen: string[] = [];
        const hooked = solve(spec, { rules: undefined, intermediate: (q, l, m) => (seen.push(`${q}/${l}`), m) });
        expect(JSON.stringify(solutionToJson(hooked))).toBe(plain);
        // Forward before loss before the backward pass; the backward pass from the last layer down.
        const at = (q: Quantity, l: number) => seen.indexOf(`${q}/${l}`);
        const last = spec.layers.length - 1;
        expect(at('output', last)).toBeLessThan(at('loss', -1));
        expect(at('loss', -1)).toBeLessThan(at('delta', last));
        if (last > 0) expect(at('delta', last)).toBeLessThan(at('delta', 0));
        expect(at('weights_after', 0)).toBeLessThan(at('loss_after', -1));
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('a substituted intermediate flows downstream (δ replaced → ∂L/∂W follows from it)', () => {
    // One identity unit, x = (0.4, 0.6): ∂L/∂W = xᵀ·δ, so δ := 1 gives ∂L/∂W = [[0.4], [0.6]].
    const spec = networkSpecOf({
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-0.25']], bias: ['0.1'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['0.4', '0.6']],
      target: [['0.3']],
      learning_rate: '0.5',
    });
    const s = solve(spec, { intermediate: (q, _l, m) => (q === 'delta' ? [[ONE]] : m) });
    expect(s.layers[0].gradWeights.map((r) => r.map((v) => (v.kind === 'rational' ? v.q.toFraction() : '?')))).toEqual([
      ['2/5'],
      ['3/5'],
    ]);
  });
});
