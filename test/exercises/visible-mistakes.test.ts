// hiddenMistake on small networks worked out by hand: a mistake that gives the right answer by
// coincidence (a symmetric W, η = 1, a zero delta row) is reported; one that cannot act on the asked
// cell at all (a transposition on a diagonal cell, a missing ReLU′ = 1) is not. And the generic twin
// keeps the network's shape and activity pattern.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve';
import { askValue } from '../../src/exercises/quantities';
import { genericTwin, hiddenMistake, mistakeVariants } from '../../src/exercises/visible-mistakes';
import { networkSpecOf } from '../../src/exercises/network-file';
import { generateExercise } from '../../src/exercises/generate';
import { solveNetworkExercise } from '../../src/exercises/solve-exercise';
import type { NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { approx } from '../../src/number/value';

/** x = (2, 1), W¹ = [[1, 0.5], [−0.5, 1]] (x-w), ReLU: a¹ = (1.5, 2), both active; identity output. */
function twoLayer(w2: string[][], target: string[], rate = '0.1'): NetworkFile {
  return {
    layout: 'x-w',
    layers: [
      {
        weights: [
          ['1', '0.5'],
          ['-0.5', '1'],
        ],
        bias: ['0', '0'],
        activation: 'relu',
      },
      { weights: w2, bias: ['0', '0'], activation: 'identity' },
    ],
    loss: 'half-sse',
    input: [['2', '1']],
    target: [target],
    learning_rate: rate,
  };
}

function check(file: NetworkFile, asks: NetworkAsk[]): string | null {
  const spec = networkSpecOf(file);
  const given = new Map();
  const solution = solve(spec, { givenOutputs: given });
  return hiddenMistake(
    spec,
    given,
    solution,
    asks,
    asks.map((ask) => askValue(spec, solution, given, ask)),
  );
}

const deltaAsk = (index: number[]): NetworkAsk => ({ id: 'a1', quantity: 'delta', layer: 0, index });

describe('hiddenMistake', () => {
  it('reports Δ·W for Δ·Wᵀ when W² is symmetric', () => {
    // z¹ = (1.5, 2), W² = [[1, 2], [2, −1]]: y = (5.5, 1); t = (5, 2) gives δ² = (0.5, −1) and
    // δ¹ = δ²·W²ᵀ = (−1.5, 2), the same as δ²·W² because W² = W²ᵀ.
    const why = check(
      twoLayer(
        [
          ['1', '2'],
          ['2', '-1'],
        ],
        ['5', '2'],
      ),
      [deltaAsk([0, 0])],
    );
    expect(why).toMatch(/transposed-gradient \(variant 1/);
    expect(why).toMatch(/gives the right a1$/);
  });

  it('accepts the same exercise with an asymmetric W²', () => {
    // W² = [[1, 2], [3, −1]]: y = (7.5, 1), t = (7, 2), δ² = (0.5, −1); δ¹ = δ²·W²ᵀ = (−1.5, 2.5) but
    // δ²·W² = (−2.5, 2); with W² after the update (η = 0.1) δ¹ = (−1.6875, 2.25). ReLU′ = 1 here, so a
    // missing h′ cannot show, and nothing else acts on δ¹.
    const file = twoLayer(
      [
        ['1', '2'],
        ['3', '-1'],
      ],
      ['7', '2'],
    );
    expect(check(file, [deltaAsk([0, 0])])).toBeNull();
    expect(check(file, [deltaAsk([0, 1])])).toBeNull();
    expect(check(file, [{ id: 'a1', quantity: 'delta', layer: 0 }])).toBeNull();
  });

  it('requires nothing of a diagonal cell from a transposition, which cannot move it', () => {
    // ∂L/∂W² = z¹ᵀδ² = [[0.75, −1.5], [1, −2]]: its transpose has the same [0][0].
    const file = twoLayer(
      [
        ['1', '2'],
        ['3', '-1'],
      ],
      ['7', '2'],
    );
    expect(check(file, [{ id: 'a1', quantity: 'grad_weights', layer: 1, index: [0, 0] }])).toBeNull();
    expect(check(file, [{ id: 'a1', quantity: 'grad_weights', layer: 1, index: [0, 1] }])).toBeNull();
  });

  it('reports η = 1, where forgetting the learning rate changes nothing', () => {
    // One neuron: x = (1, 2), w = (0.5, −1), t = 1: y = −1.5, δ = −2.5, ∂L/∂w = (−2.5, −5).
    // η = 1: w′ = (3, 4) = w − ∂L/∂w. η = 0.5: w′ = (1.75, 1.5), forgetting η gives (3, 4).
    const neuron = (rate: string): NetworkFile => ({
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-1']], bias: ['0'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['1', '2']],
      target: [['1']],
      learning_rate: rate,
    });
    const ask: NetworkAsk = { id: 'a2', quantity: 'weights_after', layer: 0, index: [1, 0] };
    expect(check(neuron('1'), [ask])).toBe('the mistake forgot-learning-rate gives the right a2');
    // η = 0.1: w′₂ = −1 + 0.5 = −0.5; forgetting η gives 4, dropping the ½ gives −1 + 0.1·10 = 0.
    expect(check(neuron('0.1'), [ask])).toBeNull();
  });

  it('reports η = 0.5 with ½Σ(y − t)², where forgetting η and dropping the ½ give the same number', () => {
    // The neuron above with η = 0.5: w′₂ = −1 + 2.5 = 1.5; forgetting η: −1 + 5 = 4; ½ dropped (∂L/∂w ×2):
    // −1 + 0.5·10 = 4 — the same wrong number by the coincidence η = ½, which the twin's η tells apart.
    const neuron: NetworkFile = {
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-1']], bias: ['0'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['1', '2']],
      target: [['1']],
      learning_rate: '0.5',
    };
    const ask: NetworkAsk = { id: 'a2', quantity: 'weights_after', layer: 0, index: [1, 0] };
    expect(check(neuron, [ask])).toBe('the mistakes half-factor and forgot-learning-rate give the same a2');
  });

  it('does not report two mistakes that give the same number by the formula (w + η·g: a flipped sign, a wrong update sign)', () => {
    const neuron: NetworkFile = {
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-1']], bias: ['0'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['1', '2']],
      target: [['1']],
      learning_rate: '0.1',
    };
    const ask: NetworkAsk = { id: 'a2', quantity: 'weights_after', layer: 0, index: [1, 0] };
    // sign-flip and wrong-update-sign both give −1 − 0.5 = −1.5 here, in the twin too.
    expect(check(neuron, [ask])).toBeNull();
  });

  it('reports a bias gradient that one sample alone already gives (the other delta row is 0)', () => {
    // x = (1; 2), w = 1, b = 0, t = (1; 3), summed: y = (1; 2), δ = (0; −1), ∂L/∂b = −1 = δ of sample 2.
    const file: NetworkFile = {
      layout: 'x-w',
      layers: [{ weights: [['1']], bias: ['0'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['1'], ['2']],
      target: [['1'], ['3']],
      learning_rate: '0.1',
      conventions: { batch: 'sum' },
    };
    expect(check(file, [{ id: 'a1', quantity: 'grad_bias', layer: 0, index: [0] }])).toMatch(
      /^the mistake bias-not-summed \(variant 1/,
    );
  });

  it('reports dout·W for dx = dout·Wᵀ of a single Affine layer with a symmetric W', () => {
    // W = [[1, 2], [2, 3]] = Wᵀ, so dx = dout·Wᵀ = dout·W whatever dout is.
    const file: NetworkFile = {
      layout: 'x-w',
      layers: [
        {
          weights: [
            ['1', '2'],
            ['2', '3'],
          ],
          bias: ['0', '0'],
          activation: 'identity',
        },
      ],
      loss: 'half-sse',
      input: [['1', '-1']],
      target: [['0', '0']],
      learning_rate: '0.1',
    };
    expect(check(file, [{ id: 'a1', quantity: 'grad_input', layer: 0 }])).toMatch(
      /^the mistake transposed-gradient \(variant 1\)/,
    );
    // The grader's own list has no such variant for a one-layer network; mistakeVariants adds it.
    expect(mistakeVariants(networkSpecOf(file)).some((m) => m.id === 'transposed-gradient' && m.variant === 1)).toBe(
      true,
    );
  });
});

describe('genericTwin', () => {
  it('nudges every number by a tiny non-zero amount and keeps every ReLU unit on its side', () => {
    for (const template of ['hidden-delta', 'matrix-form', 'softmax-ce-gradient', 'weight-update']) {
      for (const seed of [1, 2, 3]) {
        const ex = generateExercise({ template, seed, difficulty: 3 });
        const { spec, given, solution } = solveNetworkExercise(ex);
        const twin = genericTwin(spec, given);
        const pairs = [
          ...spec.layers.flatMap((layer, l) => [
            ...layer.weights.flatMap((row, i) => row.map((v, j) => [v, twin.spec.layers[l].weights[i][j]])),
            ...layer.bias.map((v, j) => [v, twin.spec.layers[l].bias[j]]),
          ]),
          ...spec.input.flatMap((row, s) => row.map((v, i) => [v, twin.spec.input[s][i]])),
          [spec.learningRate, twin.spec.learningRate],
        ];
        for (const [v, w] of pairs) {
          const moved = approx(w).minus(approx(v)).abs();
          expect(moved.gt(0)).toBe(true);
          expect(moved.lt(1e-8)).toBe(true);
        }
        const twinSolution = solve(twin.spec, { givenOutputs: twin.given });
        spec.layers.forEach((layer, l) => {
          if (!['relu', 'leaky-relu'].includes(layer.activation)) return;
          solution.layers[l].preactivation.forEach((row, s) =>
            row.forEach((a, j) => {
              if (approx(a).isZero()) return;
              expect(approx(twinSolution.layers[l].preactivation[s][j]).isNegative()).toBe(approx(a).isNegative());
            }),
          );
        });
        // Stated softmax outputs still sum to 1 (the rows are renormalised).
        for (const [l, rows] of twin.given) {
          if (spec.layers[l].activation !== 'softmax') continue;
          for (const row of rows)
            expect(
              row
                .reduce((acc, v) => acc.plus(approx(v)), approx(row[0]).minus(approx(row[0])))
                .minus(1)
                .abs()
                .lt(1e-50),
            ).toBe(true);
        }
      }
    }
  });
});
