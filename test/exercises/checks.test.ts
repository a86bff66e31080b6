// askProblem on small networks worked out by hand: an updated weight whose gradient is 0 (its input
// comes from a dead ReLU unit), zeros in whole asked matrices, a bias that is not updated.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve';
import { askProblem } from '../../src/exercises/checks';
import { networkSpecOf } from '../../src/exercises/network-file';
import { askValue } from '../../src/exercises/quantities';
import type { NetworkAsk, NetworkFile } from '../../src/exercises/types';

function problem(file: NetworkFile, ask: NetworkAsk): string | null {
  const spec = networkSpecOf(file);
  const given = new Map();
  const solution = solve(spec, { givenOutputs: given });
  return askProblem(spec, solution, given, ask, askValue(spec, solution, given, ask));
}

/**
 * x = (1, −1), W¹ = [[1, −1], [−0.2, −0.2]], b¹ = (1, 0), ReLU: a¹ = (2.2, −0.8), unit 2 is dead.
 * W² = (0.2; −0.1), b² = −1, identity, t = 0, η = 0.1: y = −0.56 = δ².
 */
const deadUnit: NetworkFile = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['1', '-1'],
        ['-0.2', '-0.2'],
      ],
      bias: ['1', '0'],
      activation: 'relu',
    },
    { weights: [['0.2'], ['-0.1']], bias: ['-1'], activation: 'identity' },
  ],
  loss: 'half-sse',
  input: [['1', '-1']],
  target: [['0']],
  learning_rate: '0.1',
};

describe('askProblem', () => {
  it('rejects an updated weight whose gradient is 0 because its input is a dead ReLU output', () => {
    // ∂L/∂W²[2,1] = z¹₂·δ² = 0·(−0.56): the "updated" weight is just −0.1 again.
    expect(problem(deadUnit, { id: 'a1', quantity: 'weights_after', layer: 1, index: [1, 0] })).toBe(
      'the gradient of an updated parameter is 0',
    );
    // …and one into the dead unit: ∂L/∂W¹[1,2] = x₁·δ¹₂ = 1·0.
    expect(problem(deadUnit, { id: 'a1', quantity: 'weights_after', layer: 0, index: [0, 1] })).toBe(
      'the gradient of an updated parameter is 0',
    );
    // The dead unit's bias b¹₂ = 0 stays 0: rejected already as a 0 answer.
    expect(problem(deadUnit, { id: 'a1', quantity: 'bias_after', layer: 0, index: [1] })).toBe('asked value is 0');
    expect(
      problem(
        { ...deadUnit, layers: [{ ...deadUnit.layers[0], bias: ['1', '0.1'] }, deadUnit.layers[1]] },
        { id: 'a1', quantity: 'bias_after', layer: 0, index: [1] },
      ),
    ).toBe('the gradient of an updated parameter is 0');
  });

  it('accepts the weights of the live unit', () => {
    // W²′[1,1] = 0.2 − 0.1·2.2·(−0.56) = 0.3232; W¹′[2,1] = −0.2 − 0.1·(−1)·(−0.56·0.2) = −0.2112.
    expect(problem(deadUnit, { id: 'a1', quantity: 'weights_after', layer: 1, index: [0, 0] })).toBeNull();
    expect(problem(deadUnit, { id: 'a1', quantity: 'weights_after', layer: 0, index: [1, 0] })).toBeNull();
  });

  it('rejects a bias that is not updated at all', () => {
    expect(
      problem({ ...deadUnit, update_biases: 'false' }, { id: 'a1', quantity: 'bias_after', layer: 0, index: [0] }),
    ).toBe('an asked bias is not updated');
  });

  it('allows one 0 in a whole 2×2 matrix, but no all-zero row or column', () => {
    // Batch x = (1, 2; 2, 1) through W = I, b = (−1.5, 0), ReLU, summed ½SSE against t = 0:
    // A = (−0.5, 2; 0.5, 1), Z = (0, 2; 0.5, 1), Δ = Z ⊙ ReLU′(A) = (0, 2; 0.5, 1) — one 0.
    const batch = (bias: string[]): NetworkFile => ({
      layout: 'x-w',
      layers: [
        {
          weights: [
            ['1', '0'],
            ['0', '1'],
          ],
          bias,
          activation: 'relu',
        },
      ],
      loss: 'half-sse',
      input: [
        ['1', '2'],
        ['2', '1'],
      ],
      target: [
        ['0', '0'],
        ['0', '0'],
      ],
      learning_rate: '0.1',
      conventions: { batch: 'sum' },
    });
    const whole: NetworkAsk = { id: 'a1', quantity: 'delta', layer: 0 };
    expect(problem(batch(['-1.5', '0']), whole)).toBeNull();
    // b = (−3, 0): A = (−2, 2; −1, 1), unit 1 is dead for both samples — column 1 of Δ is all 0.
    expect(problem(batch(['-3', '0']), whole)).toBe('asked value is 0');
    // A single asked cell may never be 0.
    expect(problem(batch(['-1.5', '0']), { ...whole, index: [0, 0] })).toBe('asked value is 0');
  });
});
