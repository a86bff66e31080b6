// Momentum and Adam (`optimizer:`), step after step: every history entry's gradients, updated
// parameters, optimizer state and losses against the float64 reference that carries the optimizer's
// state itself (test/reference/float64-train.ts), on random networks with several steps and
// mini-batches; Adam's irrational values (√v̂) against a 120-digit reference; a warm start by hand.
import fc from 'fast-check';
import { ExactLimitError } from '../../src/number/limits';
import { describe, expect, it } from 'vitest';
import { parseNetwork, InputError } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { train } from '../../src/engine/train';
import { solutionToJson, trainingToJson } from '../../src/render/json';
import { buildTrace } from '../../src/trace/build';
import { networkDocument } from '../../src/render/worked';
import { renderMarkdown } from '../../src/render/markdown';
import { networkArb } from '../reference/arbitrary';
import { referenceTrain } from '../reference/float64-train';
import { D120, linearTrain } from '../reference/decimal-adam';
import { networkText, type RawNetwork, type RawOptimizer } from '../reference/raw';
import { checkMatrix, checkValue } from './reference-compare';

/** Exactly off a kink (0 or 6) by less than the float64 reference can tell apart. */
const nearKink = (a: { readonly approx: string }): boolean =>
  [0, 6].some((kink) => {
    const off = Math.abs(Number(a.approx) - kink);
    return off > 0 && off < 1e-9;
  });

const rationalNetwork = (raw: RawNetwork) =>
  raw.loss !== 'cross-entropy' &&
  raw.loss !== 'binary-cross-entropy' &&
  raw.layers.every((l) => !['sigmoid', 'tanh', 'softmax'].includes(l.activation));

const momentumArb: fc.Arbitrary<RawOptimizer> = fc
  .integer({ min: 0, max: 9 })
  .map((k) => ({ name: 'momentum', momentum: String(k / 10) }));
const adamArb: fc.Arbitrary<RawOptimizer> = fc.constantFrom<RawOptimizer>(
  { name: 'adam', beta1: '0.9', beta2: '0.999', epsilon: '1e-8' },
  { name: 'adam', beta1: '0.5', beta2: '0.75', epsilon: '0.01' },
);

function compareTraining(raw: RawNetwork, steps: number, batchSize: number | undefined): string[] {
  const text = `${networkText(raw)}steps: ${steps}\n${batchSize === undefined ? '' : `batch_size: ${batchSize}\n`}`;
  let json: ReturnType<typeof trainingToJson>;
  try {
    json = trainingToJson(train(parseNetwork(text, 'random.yaml')));
  } catch (error) {
    // Exact fractions grow with every step; past the stated limit the engine refuses with its own
    // error, and the case is drawn again.
    if (error instanceof ExactLimitError) fc.pre(false);
    throw error;
  }
  // The float64 reference takes a pre-activation within its kink tolerance to be on the kink; one that
  // is exactly a little off it (a tiny weight times a tiny output after a step) cannot be judged by it.
  fc.pre(!json.history.some((h) => h.layers.some((layer) => layer.preactivation.flat().some(nearKink))));
  const ref = referenceTrain(raw, steps, batchSize);
  const problems: string[] = [];
  json.history.forEach((h, k) => {
    const r = ref[k];
    const at = `history[${k}]`;
    if (JSON.stringify(h.batch) !== JSON.stringify(r.batch)) problems.push(`${at}.batch`);
    checkValue(`${at}.loss`, h.loss, r.ref.loss, problems);
    checkValue(`${at}.loss_after`, h.loss_after, r.lossAfter, problems);
    h.layers.forEach((layer, l) => {
      checkMatrix(`${at}.layers[${l}].grad_weights`, layer.grad_weights, r.ref.layers[l].grad_weights, problems);
      checkMatrix(`${at}.layers[${l}].weights_after`, layer.weights_after, r.weightsAfter[l], problems);
      checkMatrix(`${at}.layers[${l}].bias_after`, [layer.bias_after], [r.biasAfter[l]], problems);
      if (r.state.velocity)
        checkMatrix(
          `${at}.layers[${l}].velocity_after`,
          layer.velocity_after!.weights,
          r.state.velocity[l].weights,
          problems,
        );
      if (r.state.m) {
        checkMatrix(`${at}.layers[${l}].adam.m`, layer.adam!.m.weights, r.state.m[l].weights, problems);
        checkMatrix(`${at}.layers[${l}].adam.v`, layer.adam!.v.weights, r.state.v![l].weights, problems);
      }
    });
  });
  const last = ref[ref.length - 1];
  json.final.layers.forEach((layer, l) => checkMatrix(`final[${l}]`, layer.weights, last.weightsAfter[l], problems));
  return problems;
}

const trainingArb = (optimizer: fc.Arbitrary<RawOptimizer>) =>
  fc.tuple(
    networkArb().filter(rationalNetwork),
    optimizer,
    fc.integer({ min: 1, max: 3 }),
    fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  );

describe('momentum', () => {
  it('agrees with the float64 reference at every step, velocity carried between steps', () => {
    fc.assert(
      fc.property(trainingArb(momentumArb), ([raw, optimizer, steps, size]) => {
        const net = { ...raw, optimizer };
        const batchSize = size === undefined ? undefined : Math.min(size, raw.input.length);
        expect(compareTraining(net, steps, batchSize), networkText(net)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('by hand, a warm start: v = μv − ηg, w = w + v, two steps', () => {
    const yaml = `layers:
  - weights: [[0.5], [-1]]
    bias: [0.5]
    activation: identity
loss: half-sse
input: [[1, 2]]
target: [[0]]
learning_rate: 0.1
optimizer: {name: momentum, momentum: 0.9, velocity: [{weights: [[0.1], [0]], bias: [0.2]}]}
steps: 2
`;
    const json = trainingToJson(train(parseNetwork(yaml)));
    // y = 0.5 − 2 + 0.5 = −1, δ = −1, g = (−1, −2), g_b = −1.
    // v₁ = 0.9·0.1 + 0.1 = 0.19, v₂ = 0 + 0.2 = 0.2, v_b = 0.18 + 0.1 = 0.28; w = (0.69, −0.8), b = 0.78.
    const first = json.history[0].layers[0];
    expect(first.velocity_after!.weights.map((r) => r[0].exact)).toEqual(['19/100', '1/5']);
    expect(first.velocity_after!.bias[0].exact).toBe('7/25');
    expect(first.weights_after.map((r) => r[0].exact)).toEqual(['69/100', '-4/5']);
    expect(first.bias_after[0].exact).toBe('39/50');
    // Step 2: y = 0.69 − 1.6 + 0.78 = −0.13, g = (−0.13, −0.26);
    // v₁ = 0.9·0.19 + 0.013 = 0.184, w₁ = 0.69 + 0.184 = 0.874.
    expect(json.history[1].layers[0].velocity_after!.weights[0][0].exact).toBe('23/125');
    expect(json.final.layers[0].weights[0][0].exact).toBe('437/500');
    expect(json.final.optimizer).toEqual({
      velocity: [json.history[1].layers[0].velocity_after],
    });
  });
});

describe('adam', () => {
  it('agrees with the float64 reference at every step, moments carried between steps', () => {
    fc.assert(
      fc.property(trainingArb(adamArb), ([raw, optimizer, steps, size]) => {
        const net = { ...raw, optimizer };
        const batchSize = size === undefined ? undefined : Math.min(size, raw.input.length);
        expect(compareTraining(net, steps, batchSize), networkText(net)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });

  it('keeps √v̂ exact: three steps agree with a 120-digit reference to 30 digits', () => {
    const problem = {
      weights: [
        ['0.5', '-0.25'],
        ['1', '0.3'],
      ],
      bias: ['0.1', '-0.2'],
      input: [
        ['1', '2'],
        ['-0.5', '1'],
      ],
      target: [
        ['1', '0'],
        ['0', '1'],
      ],
      eta: '0.05',
    };
    for (const method of [
      { name: 'adam', beta1: '0.9', beta2: '0.999', epsilon: '1e-8' } as const,
      { name: 'momentum', mu: '0.9' } as const,
    ]) {
      const optimizer =
        method.name === 'adam'
          ? `{name: adam, beta1: ${method.beta1}, beta2: ${method.beta2}, epsilon: ${method.epsilon}}`
          : `{name: momentum, momentum: ${method.mu}}`;
      const yaml = `layers:\n  - weights: [[0.5, -0.25], [1, 0.3]]\n    bias: [0.1, -0.2]\n    activation: identity\nloss: half-sse\ninput: [[1, 2], [-0.5, 1]]\ntarget: [[1, 0], [0, 1]]\nlearning_rate: 0.05\noptimizer: ${optimizer}\nsteps: 3\n`;
      const json = trainingToJson(train(parseNetwork(yaml)));
      const ref = linearTrain(problem, method, 3);
      json.history.forEach((h, k) => {
        h.layers[0].weights_after.forEach((row, i) =>
          row.forEach((v, j) => {
            const want = ref[k].w[i][j];
            expect(
              new D120(v.approx).minus(want).abs().lte(want.abs().times('1e-30')),
              `${method.name} ${k} ${i} ${j}`,
            ).toBe(true);
          }),
        );
      });
      if (method.name === 'adam') {
        // From step 2 on √v̂ is irrational: no exact fraction, a symbolic LaTeX form with √.
        expect(json.history[1].layers[0].weights_after[0][0].exact).toBeNull();
        expect(json.history[0].layers[0].adam!.v_hat.weights[0][0].exact).not.toBeNull();
      }
    }
  });

  it('takes a first step of about η against the sign of each gradient (m̂/√v̂ = g/|g|)', () => {
    const yaml = `layers:\n  - weights: [[0.5], [-1]]\n    bias: [0.5]\n    activation: identity\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[0]]\nlearning_rate: 0.1\noptimizer: {name: adam}\n`;
    const json = solutionToJson(solve(parseNetwork(yaml)));
    // g = (−1, −2): m̂ = g, v̂ = g², so w⁺ = w − 0.1·g/(|g| + 10⁻⁸).
    expect(json.layers[0].adam!.m_hat.weights.map((r) => r[0].exact)).toEqual(['-1', '-2']);
    expect(json.layers[0].adam!.v_hat.weights.map((r) => r[0].exact)).toEqual(['1', '4']);
    expect(json.layers[0].weights_after[0][0].exact).toBe('120000001/200000002');
  });

  it('works every step in the scalar and matrix forms, in English and Japanese', () => {
    const yaml = `layers:\n  - weights: [[0.5], [-1]]\n    bias: 0.5\n    activation: sigmoid\nloss: binary-cross-entropy\ninput: [[1, 2]]\ntarget: [[1]]\nlearning_rate: 0.1\noptimizer: {name: adam}\n`;
    const solution = solve(parseNetwork(yaml));
    const steps = buildTrace(solution).sections.flatMap((s) => s.steps);
    // Scalar form: per weight (2) and the shared bias (1); matrix form: weights and biases once each.
    for (const q of [
      'adam_m_after',
      'adam_v_after',
      'adam_m_hat',
      'adam_v_hat',
      'adam_m_bias_after',
      'weights_after',
      'bias_after',
    ])
      expect(steps.filter((s) => s.quantity === q).length, q).toBe(q.includes('bias') ? 2 : 3);
    const en = renderMarkdown(networkDocument(solution, { lang: 'en', name: 'adam.yaml' }));
    expect(en).toContain('bias-corrected second moment v̂ of the weight from input 2 to unit 1');
    expect(en).toContain('\\sqrt{\\hat{v}^{(1)}_{21}} + \\epsilon');
    const ja = renderMarkdown(networkDocument(solution, { lang: 'ja', name: 'adam.yaml' }));
    expect(ja).toContain('バイアス補正した2次モーメント');
  });
});

/** Adam from a warm state drawn for the network's shapes: steps taken, m (signed) and v (≥ 0) per layer. */
function warmAdamArb(raw: RawNetwork): fc.Arbitrary<RawOptimizer> {
  const state = (pool: readonly string[]) =>
    fc.tuple(
      ...raw.layers.map((layer) => {
        const units = (raw.layout === 'x-w' ? layer.weights[0] : layer.weights).length;
        return fc.record({
          weights: fc.tuple(...layer.weights.map((r) => fc.tuple(...r.map(() => fc.constantFrom(...pool))))),
          bias: fc.tuple(...Array.from({ length: units }, () => fc.constantFrom(...pool))),
        });
      }),
    );
  return fc
    .record({
      steps: fc.integer({ min: 0, max: 20 }),
      m: state(['0', '0.1', '-0.2', '0.5', '-1']),
      v: state(['0', '0.01', '0.25', '1', '2']),
      beta: fc.constantFrom(['0.9', '0.999', '1e-8'], ['0.5', '0.75', '0.01']),
    })
    .map(({ steps, m, v, beta }) => ({ name: 'adam', beta1: beta[0], beta2: beta[1], epsilon: beta[2], steps, m, v }));
}

describe('adam from a warm state (optimizer steps, m, v)', () => {
  const net = `layers:\n  - weights: [[1, 2]]\n    bias: [0, 0]\n    activation: identity\nloss: half-sse\ninput: [[1]]\ntarget: [[0, 1]]\nlearning_rate: 0.1\n`;

  it('agrees with the float64 reference (which starts from the same state) at every step', () => {
    fc.assert(
      fc.property(
        networkArb()
          .filter(rationalNetwork)
          .chain((raw) =>
            fc.tuple(
              fc.constant(raw),
              warmAdamArb(raw),
              fc.integer({ min: 1, max: 2 }),
              fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
            ),
          ),
        ([raw, optimizer, steps, size]) => {
          const net = { ...raw, optimizer };
          const batchSize = size === undefined ? undefined : Math.min(size, raw.input.length);
          expect(compareTraining(net, steps, batchSize), networkText(net)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
  });

  it('by hand: t = steps + 1, the moments continue from m and v', () => {
    const yaml = `${net}optimizer: {name: adam, steps: 1, m: [{weights: [[0.5, 0]]}], v: [{weights: [[0.25, 1]]}]}\n`;
    const adam = solutionToJson(solve(parseNetwork(yaml))).layers[0].adam!;
    // y = (1, 2), δ = (1, 1), g = (1, 1); t = 2: m = 0.9·(0.5, 0) + 0.1 = (0.55, 0.1),
    // v = 0.999·(0.25, 1) + 0.001 = (0.25075, 1), m̂ = m/(1 − 0.81) = (55/19, 10/19); the biases start at 0.
    expect(adam.t).toBe(2);
    expect(adam.m.weights[0].map((v) => v.exact)).toEqual(['11/20', '1/10']);
    expect(adam.v.weights[0].map((v) => v.exact)).toEqual(['1003/4000', '1']);
    expect(adam.m_hat.weights[0].map((v) => v.exact)).toEqual(['55/19', '10/19']);
    expect(adam.m.bias.map((v) => v.exact)).toEqual(['1/10', '1/10']);
  });

  it('continues a run from its final state: 2 steps, then 1 from `final`, is 3 steps', () => {
    const three = trainingToJson(train(parseNetwork(`${net}optimizer: {name: adam}\nsteps: 3\n`)));
    const two = trainingToJson(train(parseNetwork(`${net}optimizer: {name: adam}\nsteps: 2\n`)));
    const state = two.final.optimizer as { steps: number; m: unknown[]; v: unknown[] };
    const exactOf = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(exactOf)
        : x !== null && typeof x === 'object' && 'approx' in x
          ? ((x as { exact: string | null; approx: string }).exact ?? (x as { approx: string }).approx)
          : x !== null && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, exactOf(v)]))
            : x;
    const layer = two.final.layers[0];
    const rest = `layers:\n  - weights: ${JSON.stringify(exactOf(layer.weights))}\n    bias: ${JSON.stringify(exactOf(layer.bias))}\n    activation: identity\nloss: half-sse\ninput: [[1]]\ntarget: [[0, 1]]\nlearning_rate: 0.1\noptimizer: {name: adam, steps: ${state.steps}, m: ${JSON.stringify(exactOf(state.m))}, v: ${JSON.stringify(exactOf(state.v))}}\n`;
    expect(state.steps).toBe(2);
    const after = solutionToJson(solve(parseNetwork(rest)));
    expect(after.layers[0].adam!.t).toBe(3);
    const want = three.final.layers[0].weights[0].map((v) => v.approx);
    expect(after.layers[0].weights_after[0].map((v) => v.approx)).toEqual(want);
  });

  it('refuses a negative second moment, a bad step count and moments on momentum, naming the field', () => {
    expect(() => parseNetwork(`${net}optimizer: {name: adam, v: [{weights: [[0.25, -1]]}]}\n`, 'n.yaml')).toThrow(
      /n\.yaml:9: optimizer\.v\[0\]\.weights\[0\]\[1\]: expected a number ≥ 0/,
    );
    expect(() => parseNetwork(`${net}optimizer: {name: adam, steps: -1}\n`, 'n.yaml')).toThrow(
      /optimizer\.steps: expected a whole number from 0 to 1000/,
    );
    expect(() => parseNetwork(`${net}optimizer: {name: adam, steps: 1001}\n`, 'n.yaml')).toThrow(
      /optimizer\.steps: expected a whole number from 0 to 1000/,
    );
    expect(() => parseNetwork(`${net}optimizer: {name: momentum, m: [{weights: [[0, 0]]}]}\n`, 'n.yaml')).toThrow(
      /optimizer\.m: m is not a setting of the momentum optimizer/,
    );
    expect(() => parseNetwork(`${net}optimizer: {name: adam, m: [{weights: [[0]]}]}\n`, 'n.yaml')).toThrow(
      /optimizer\.m\[0\]\.weights: expected the shape of layer 0's weights, 1×2/,
    );
  });
});

describe('the optimizer setting', () => {
  const base = `layers:\n  - weights: [[1, 2]]\n    activation: identity\nloss: half-sse\ninput: [[1]]\ntarget: [[0, 1]]\nlearning_rate: 0.1\n`;
  it('refuses settings of another optimizer, coefficients outside [0, 1) and mis-shaped velocities', () => {
    expect(() => parseNetwork(`${base}optimizer: {name: adam, momentum: 0.9}\n`, 'n.yaml')).toThrow(
      /n\.yaml:8: optimizer\.momentum: momentum is not a setting of the adam optimizer/,
    );
    expect(() => parseNetwork(`${base}optimizer: {name: momentum, momentum: 1}\n`, 'n.yaml')).toThrow(
      /optimizer\.momentum: expected a number from 0 up to \(not including\) 1/,
    );
    expect(() =>
      parseNetwork(`${base}optimizer: {name: momentum, velocity: [{weights: [[1], [2]], bias: [0, 0]}]}\n`, 'n.yaml'),
    ).toThrow(/optimizer\.velocity\[0\]\.weights: expected the shape of layer 0's weights, 1×2/);
    expect(() => parseNetwork(`${base}optimizer: {name: rmsprop}\n`, 'n.yaml')).toThrow(InputError);
    expect(() => parseNetwork(`${base}optimizer: {name: adam, epsilon: 0}\n`, 'n.yaml')).toThrow(
      /optimizer\.epsilon: expected a positive number/,
    );
  });

  it('sgd is the plain step, the same as no optimizer', () => {
    const plain = solutionToJson(solve(parseNetwork(base)));
    const sgd = solutionToJson(solve(parseNetwork(`${base}optimizer: {name: sgd}\n`)));
    expect(sgd).toEqual(plain);
  });
});
