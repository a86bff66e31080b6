// The optimizer's state as asked quantities (velocity_after, adam_m_after … adam_v_hat_bias): every
// one, whole and by cell, in every layer of random momentum and Adam networks, against the float64
// reference that carries the state itself (test/reference/float64-train.ts); Adam's state on a linear
// layer against the 120-digit reference; the labels, hints and worked steps that go with each ask.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve';
import { askLabel } from '../../src/exercises/labels';
import { askValue, cellsOf } from '../../src/exercises/quantities';
import { networkHints } from '../../src/exercises/hints';
import { OPTIMIZER_QUANTITIES, type NetworkAsk } from '../../src/exercises/types';
import { ExactLimitError } from '../../src/number/limits';
import { approx, type Value } from '../../src/number/value';
import { parseNetwork } from '../../src/network/load';
import { buildTrace } from '../../src/trace/build';
import { networkArb } from '../reference/arbitrary';
import { D120, linearTrain } from '../reference/decimal-adam';
import { referenceTrain } from '../reference/float64-train';
import { networkText, type RawNetwork, type RawOptimizer } from '../reference/raw';

const rational = (raw: RawNetwork) =>
  raw.loss !== 'cross-entropy' &&
  raw.loss !== 'binary-cross-entropy' &&
  raw.layers.every((l) => !['sigmoid', 'tanh', 'softmax'].includes(l.activation));

const optimizerArb: fc.Arbitrary<RawOptimizer> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map((k): RawOptimizer => ({ name: 'momentum', momentum: String(k / 10) })),
  fc.constantFrom<RawOptimizer>(
    { name: 'adam', beta1: '0.9', beta2: '0.999', epsilon: '1e-8' },
    { name: 'adam', beta1: '0.5', beta2: '0.75', epsilon: '0.01' },
  ),
);

const close = (v: Value, want: number) => Math.abs(approx(v).toNumber() - want) <= 1e-9 * Math.max(1, Math.abs(want));

/** The reference's state of one quantity: [layer] → {weights, bias}. */
function referenceState(ref: ReturnType<typeof referenceTrain>[number], quantity: string) {
  const name = quantity.replace('_bias', '');
  const table = {
    velocity_after: ref.state.velocity,
    adam_m_after: ref.state.m,
    adam_v_after: ref.state.v,
    adam_m_hat: ref.state.mHat,
    adam_v_hat: ref.state.vHat,
  } as const;
  return table[name as keyof typeof table];
}

describe('optimizer state as asked quantities', () => {
  it('every state quantity of every layer agrees with the float64 reference, whole and by cell', () => {
    fc.assert(
      fc.property(networkArb().filter(rational), optimizerArb, (base, optimizer) => {
        const raw = { ...base, optimizer };
        let spec: ReturnType<typeof parseNetwork>;
        let solution: ReturnType<typeof solve>;
        try {
          spec = parseNetwork(networkText(raw), 'random.yaml');
          solution = solve(spec);
        } catch (error) {
          if (error instanceof ExactLimitError) return fc.pre(false);
          throw error;
        }
        const ref = referenceTrain(raw, 1)[0];
        const asked = OPTIMIZER_QUANTITIES.filter((q) => q.startsWith(optimizer.name === 'adam' ? 'adam' : 'velocity'));
        for (const quantity of asked)
          spec.layers.forEach((_, l) => {
            const want = referenceState(ref, quantity)![l];
            const bias = quantity.includes('_bias');
            const ask: NetworkAsk = { id: 'a', quantity, layer: l };
            const whole = askValue(spec, solution, new Map(), ask);
            const expected = bias ? want.bias : want.weights.flat();
            const cells = cellsOf(whole);
            expect(cells.length, `${quantity} ${l}`).toBe(expected.length);
            cells.forEach((v, k) =>
              expect(close(v, expected[k]), `${quantity}[${l}] ${k} ${networkText(raw)}`).toBe(true),
            );
            // One cell, addressed as weights_after and bias_after are.
            const index = bias ? [want.bias.length - 1] : [want.weights.length - 1, want.weights[0].length - 1];
            const cell = askValue(spec, solution, new Map(), { ...ask, index }) as Value;
            const wantCell = bias ? want.bias[index[0]] : want.weights[index[0]][index[1]];
            expect(close(cell, wantCell), `${quantity}[${l}] ${index}`).toBe(true);
          });
      }),
      { numRuns: 60, seed: 1313 },
    );
  });

  it("Adam's moments on a linear layer agree with the 120-digit reference at step 1", () => {
    // The 120-digit reference's model: an identity layer, ½SSE averaged over the batch.
    const yaml = `layers:\n  - weights: [[0.5, -0.3], [-1, 0.2]]\n    bias: [0.5, 0.1]\n    activation: identity\nloss: half-sse\ninput: [[1, 2], [0.5, -1]]\ntarget: [[0, 1], [1, 0]]\nlearning_rate: 0.1\nconventions: {batch: mean}\noptimizer: {name: adam, beta1: 0.8, beta2: 0.9, epsilon: 0.001}\n`;
    const spec = parseNetwork(yaml, 'linear.yaml');
    const solution = solve(spec);
    const [ref] = linearTrain(
      {
        weights: [
          ['0.5', '-0.3'],
          ['-1', '0.2'],
        ],
        bias: ['0.5', '0.1'],
        input: [
          ['1', '2'],
          ['0.5', '-1'],
        ],
        target: [
          ['0', '1'],
          ['1', '0'],
        ],
        eta: '0.1',
      },
      { name: 'adam', beta1: '0.8', beta2: '0.9', epsilon: '0.001' },
      1,
    );
    const pairs = [
      ['adam_m_after', ref.m!],
      ['adam_v_after', ref.v!],
      ['adam_m_hat', ref.mHat!],
      ['adam_v_hat', ref.vHat!],
    ] as const;
    for (const [quantity, state] of pairs) {
      const w = askValue(spec, solution, new Map(), { id: 'a', quantity, layer: 0 }) as Value[][];
      w.forEach((row, i) =>
        row.forEach((v, j) =>
          expect(new D120(approx(v).toString()).minus(state.w[i][j]).abs().lte('1e-30'), `${quantity} ${i} ${j}`).toBe(
            true,
          ),
        ),
      );
      const biasQuantity = quantity.endsWith('_after') ? quantity.replace('_after', '_bias_after') : `${quantity}_bias`;
      const b = askValue(spec, solution, new Map(), {
        id: 'b',
        quantity: biasQuantity as NetworkAsk['quantity'],
        layer: 0,
      });
      (b as Value[]).forEach((v, j) =>
        expect(new D120(approx(v).toString()).minus(state.b[j]).abs().lte('1e-30'), `${biasQuantity} ${j}`).toBe(true),
      );
    }
  });

  const adamYaml = `layers:\n  - weights: [[0.5], [-1]]\n    bias: [0.5]\n    activation: identity\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[0]]\nlearning_rate: 0.1\noptimizer: {name: adam}\n`;

  it('labels, hints and worked steps name each Adam quantity (en and ja)', () => {
    const spec = parseNetwork(adamYaml, 'adam.yaml');
    const solution = solve(spec);
    const steps = buildTrace(solution, { form: 'both' }).sections.flatMap((s) => s.steps);
    const ctx = { spec, given: new Map(), solution, values: [] };
    // a = 0.5 − 2 + 0.5 = −1, g = δ·x = (−1, −2): m′ = 0.1·g, v′ = 0.001·g², m̂ = g, v̂ = g².
    const cases = [
      ['adam_m_after', /first moment/, /1次モーメント/, '0.9 × 0 + (1 − 0.9) × (-2)'],
      ['adam_v_after', /second moment/, /2次モーメント/, '0.999 × 0 + (1 − 0.999) × (-2)²'],
      ['adam_m_hat', /bias-corrected first moment/, /バイアス補正した1次モーメント/, '(-0.2) / (1 − 0.9^1)'],
      ['adam_v_hat', /bias-corrected second moment/, /バイアス補正した2次モーメント/, '0.004 / (1 − 0.999^1)'],
    ] as const;
    for (const [quantity, en, ja, hint] of cases) {
      const ask: NetworkAsk = { id: 'a', quantity, layer: 0, index: [1, 0] };
      expect(askLabel(spec, ask, 'en')).toMatch(en);
      expect(askLabel(spec, ask, 'ja')).toMatch(ja);
      expect(networkHints(ctx, ask, 'en')[1]).toContain(hint);
      expect(steps.some((s) => s.quantity === quantity && s.layer === 0 && s.index.join(',') === '1,0')).toBe(true);
    }
    expect(askLabel(spec, { id: 'w', quantity: 'weights_after', layer: 0, index: [0, 0] }, 'en')).toContain(
      'Adam step w − η·m̂/(√v̂ + ε)',
    );
    expect(askValue(spec, solution, new Map(), { id: 'a', quantity: 'adam_m_hat_bias', layer: 0, index: [0] })).toEqual(
      askValue(spec, solution, new Map(), { id: 'a', quantity: 'grad_bias', layer: 0, index: [0] }),
    );
  });

  it('a state quantity of another optimizer is refused with a message naming it', () => {
    const spec = parseNetwork(adamYaml, 'adam.yaml');
    expect(() => askValue(spec, solve(spec), new Map(), { id: 'a1', quantity: 'velocity_after', layer: 0 })).toThrow(
      /a1: velocity_after needs the momentum optimizer/,
    );
  });
});
