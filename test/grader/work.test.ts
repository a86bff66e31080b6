// "Check my own work" on hand-derived values: Mazur's published 9-digit figures all pass (and his one
// figure that is off, the loss after the update, is caught); a wrong value is pinpointed and named,
// later values computed from it are marked carried forward, later values computed from the student's
// own rounded (right) values count as right; bad files are one clear error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWork } from '../../src/grader/work';
import { parseWork } from '../../src/grader/work-file';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { InputError } from '../../src/network/errors';
import { approx } from '../../src/number/value';
import { refSolve, type RefNet } from './reference';
import { errorOf, expectFileError } from '../network/file-error';

/** Mazur's network for the independent float64 reference. */
const MAZUR_REF: RefNet = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.15', '0.25'],
        ['0.20', '0.30'],
      ],
      bias: ['0.35', '0.35'],
      activation: 'sigmoid',
    },
    {
      weights: [
        ['0.40', '0.50'],
        ['0.45', '0.55'],
      ],
      bias: ['0.60', '0.60'],
      activation: 'sigmoid',
    },
  ],
  loss: 'half-sse',
  input: [['0.05', '0.10']],
  target: [['0.01', '0.99']],
  learningRate: '0.5',
  updateBiases: false,
  reluGradAtZero: 0,
  batch: 'mean',
};

const ROOT = new URL('../..', import.meta.url).pathname;
const mazur = loadNetwork(`${ROOT}exercises/networks/mazur.yaml`);

function check(text: string) {
  const result = checkWork(mazur, parseWork(text, mazur, 'work.yaml'));
  return { ...result, by: Object.fromEntries(result.results.map((r) => [r.path, r])) };
}

describe('check my own work', () => {
  it("Mazur's published figures (exercises/work/mazur-work.yaml) all pass", () => {
    const text = readFileSync(`${ROOT}exercises/work/mazur-work.yaml`, 'utf8');
    const result = check(text);
    expect(result.results.length).toBe(22);
    expect(result.results.filter((r) => r.status !== 'correct').map((r) => r.path)).toEqual([]);
    expect(result.firstWrong).toBeNull();
    // In computation order: the forward pass first, then the output layer's backward pass, then the hidden one.
    expect(result.results.map((r) => r.path).slice(0, 3)).toEqual([
      'layers[0].preactivation[0][0]',
      'layers[0].output[0][0]',
      'layers[0].output[0][1]',
    ]);
    expect(result.results.findIndex((r) => r.path === 'layers[1].delta[0][0]')).toBeLessThan(
      result.results.findIndex((r) => r.path === 'layers[0].grad_output[0][0]'),
    );
  });

  it("Mazur's error after the update, 0.291027924, is off in the 7th digit and is caught", () => {
    const result = check('loss_after: 0.291027924\n');
    expect(result.by.loss_after.status).toBe('incorrect');
    expect(approx(result.by.loss_after.expected).toFixed(10)).toBe('0.2910277737');
    expect(result.firstWrong?.path).toBe('loss_after');
    expect(check('loss_after: 0.291027774\n').by.loss_after.status).toBe('correct');
  });

  it("Mazur's 0.291027924 is the loss after an update whose hidden deltas used the already-updated output weights", () => {
    // Independent float64 reference: with W² after the update in Δ¹ = (Δ²·W²ᵀ) ⊙ σ′, L⁺ = 0.2910279239…
    expect(refSolve(MAZUR_REF, { id: 'updated-weights-in-backprop' }).loss_after).toBeCloseTo(0.2910279239, 10);
    expect(refSolve(MAZUR_REF).loss_after).toBeCloseTo(0.2910277737, 10);
    expect(check('loss_after: 0.291027924\n').by.loss_after.misconception?.id).toBe('updated-weights-in-backprop');
  });

  it('a delta computed from the student’s own wrong ∂L/∂z (with σ′ rounded) is carried forward, not a misconception', () => {
    // ∂E/∂out_h1 from the updated w5+, w7+: 0.138498562·0.35891648 − 0.0380982365·0.51130127 = 0.0302297 → 0.03023
    // (updated-weights-in-backprop); then δ_h1 = 0.03023 · σ′(net_h1) with σ′ = 0.241300709 to 4 figures,
    // 0.2413: 0.03023 · 0.2413 = 0.0072944990 → 0.007294.
    const result = check('layers:\n  - grad_output: [[0.03023, ~]]\n    delta: [[0.007294, ~]]\n');
    expect(result.by['layers[0].grad_output[0][0]'].misconception?.id).toBe('updated-weights-in-backprop');
    const delta = result.by['layers[0].delta[0][0]'];
    expect(delta.status).toBe('incorrect');
    expect(delta.carriedForward).toBe(true);
    expect(delta.misconception).toBeNull();
  });

  it('values right to fewer than 3 significant figures are right, with a note', () => {
    // out_h1 = 0.5933 → 0.59 (2 figures); then net_o1 from 0.59 and out_h2 = 0.5969:
    // 0.4·0.59 + 0.45·0.5969 + 0.6 = 1.104605 → 1.1 (2 figures).
    const result = check('layers:\n  - output: [[0.59, 0.5969]]\n  - preactivation: [[1.1, ~]]\n');
    expect(result.by['layers[0].output[0][0]']).toMatchObject({ status: 'correct', fewFigures: true });
    expect(result.by['layers[0].output[0][1]']).toMatchObject({ status: 'correct', fewFigures: false });
    expect(result.by['layers[1].preactivation[0][0]']).toMatchObject({ status: 'correct', fewFigures: true });
  });

  it('a wrong delta is pinpointed and named; values computed from it are carried forward', () => {
    // δ_o1 without σ′: ∂E/∂out_o1 = 0.74136507. Then ∂E/∂w5 = 0.74136507 · out_h1 (0.593269992) = 0.439830
    // and w5 = 0.4 − 0.5 · 0.439830 = 0.180085: both follow from the student's own δ.
    const result = check(`
layers:
  - output: [[0.593269992, 0.596884378]]
  - delta: [[0.74136507, ~]]
    grad_weights: [[0.439830, ~], [~, ~]]
    weights_after: [[0.180085, ~], [~, ~]]
`);
    expect(result.by['layers[0].output[0][0]'].status).toBe('correct');
    const delta = result.by['layers[1].delta[0][0]'];
    expect(delta.status).toBe('incorrect');
    expect(delta.carriedForward).toBe(false);
    expect(delta.misconception?.id).toBe('missing-activation-derivative');
    for (const path of ['layers[1].grad_weights[0][0]', 'layers[1].weights_after[0][0]']) {
      expect(result.by[path].status, path).toBe('incorrect');
      expect(result.by[path].carriedForward, path).toBe(true);
    }
    expect(result.firstWrong?.path).toBe('layers[1].delta[0][0]');
  });

  it('a value computed from the student’s own rounded (right) values counts as right', () => {
    // With out_h = 0.5933 and 0.5969: net_o1 = 0.4·0.5933 + 0.45·0.5969 + 0.6 = 1.105925 (exactly 1.105905967…).
    const result = check('layers:\n  - output: [[0.5933, 0.5969]]\n  - preactivation: [[1.105925, ~]]\n');
    const net = result.by['layers[1].preactivation[0][0]'];
    expect(net.status).toBe('correct');
    expect(net.fromRounded).toBe(true);
    // A value that follows from nothing the student wrote is wrong.
    expect(
      check('layers:\n  - output: [[0.5933, 0.5969]]\n  - preactivation: [[1.2, ~]]\n').by[
        'layers[1].preactivation[0][0]'
      ].status,
    ).toBe('incorrect');
  });

  it('a value that does not read as a number is invalid; fewer digits than it has is fine when rounded right', () => {
    const result = check('loss: 0.2984\nlayers:\n  - output: [[0.59, "0,5969"]]\n');
    expect(result.by.loss.status).toBe('correct');
    expect(result.by['layers[0].output[0][0]'].status).toBe('correct');
    expect(result.by['layers[0].output[0][1]'].status).toBe('invalid');
  });

  it('bad work files are one InputError naming the field and line', () => {
    const bad = (text: string) => () => parseWork(text, mazur, 'work.yaml');
    expect(bad('lost: 0.3\n')).toThrow(InputError);
    expect(bad('lost: 0.3\n')).toThrow(/work\.yaml:1: lost: unknown field/);
    expect(bad('layers:\n  - deltas: [[0.1, 0.2]]\n')).toThrow(/layers\[0\]\.deltas: unknown field/);
    expect(bad('layers:\n  - {}\n  - delta: [[0.1]]\n')).toThrow(
      /work\.yaml:3: layers\[1\]\.delta\[0\]: expected 2 numbers, got 1/,
    );
    expect(bad('layers:\n  - {}\n  - {}\n  - {}\n')).toThrow(/at most 2 layers/);
    expect(bad('layers:\n  - grad_alpha: 0.1\n')).toThrow(/no alpha/);
  });

  it.each([
    ['not a mapping', '- 1\n', 'work.yaml:1: ', /^expected your work: a mapping with loss, layers and\/or loss_after/],
    [
      'an unknown field',
      'lost: 0.3\n',
      'work.yaml:1: lost: ',
      /^unknown field \(your work has loss, layers, loss_after, loss_improvement\)$/,
    ],
    [
      'a loss that is a list',
      'loss: [1]\n',
      'work.yaml:1: loss: ',
      /^expected a number such as 0\.0821 or "3\/20", got a list$/,
    ],
    ['layers that are not a list', 'layers: 3\n', 'work.yaml:1: layers: ', /^expected a list with one entry per layer/],
    [
      'too many layers',
      'layers:\n  - {}\n  - {}\n  - {}\n',
      'work.yaml:2: layers: ',
      /^expected at most 2 layers \(the network has 2\), got 3$/,
    ],
    [
      'a layer that is a number',
      'layers:\n  - 3\n',
      'work.yaml:2: layers[0]: ',
      /^expected a mapping with any of preactivation, /,
    ],
    [
      'an unknown layer field after a skipped layer',
      'layers:\n  - ~\n  - {deltas: 1}\n',
      'work.yaml:3: layers[1].deltas: ',
      /^unknown field \(a layer has /,
    ],
    [
      'an alpha gradient for a sigmoid layer',
      'layers:\n  - grad_alpha: 0.1\n',
      'work.yaml:2: layers[0].grad_alpha: ',
      /^layer 0 has no alpha \(only prelu layers do\)$/,
    ],
    [
      'a matrix that is a number',
      'layers:\n  - delta: 1\n',
      'work.yaml:2: layers[0].delta: ',
      /^expected a list of rows, e\.g\. \[\[0\.1, 0\.2\]\]$/,
    ],
    [
      'two samples where there is one',
      'layers:\n  - delta: [[1, 2], [3, 4]]\n',
      'work.yaml:2: layers[0].delta: ',
      /^expected 1 rows \(a list of rows, .*\), got 2$/,
    ],
    [
      'a flat row too short',
      'layers:\n  - delta: [1]\n',
      'work.yaml:2: layers[0].delta: ',
      /^expected 2 numbers, got 1$/,
    ],
    [
      'a cell that is a list',
      'layers:\n  - delta: [[1, [2]]]\n',
      'work.yaml:2: layers[0].delta[0][1]: ',
      /^expected a number .*, got a list$/,
    ],
    [
      'a bias gradient that is a number',
      'layers:\n  - grad_bias: 1\n',
      'work.yaml:2: layers[0].grad_bias: ',
      /^expected a list of numbers, e\.g\. \[0\.1, 0\.2\]$/,
    ],
    [
      'a weight row that is a number, in block style',
      'layers:\n  - grad_weights:\n      - [1, 2]\n      - 3\n',
      'work.yaml:4: layers[0].grad_weights[1]: ',
      /^expected a list of rows/,
    ],
    [
      'a weight row too short',
      'layers:\n  - grad_weights:\n      - [1, 2]\n      - [3]\n',
      'work.yaml:4: layers[0].grad_weights[1]: ',
      /^expected 2 numbers, got 1$/,
    ],
  ])('a bad work file, in English and Japanese: %s', (_, text, prefix, english) => {
    expectFileError(
      errorOf((t) => parseWork(t, mazur, 'work.yaml'), text),
      prefix,
      english,
    );
  });
});

describe('values that leave a function’s domain', () => {
  // One sigmoid unit with binary cross-entropy: a = 0.5·1 − 0.5·2 = −0.5, y = σ(−0.5) = 0.377541, t = 1,
  // L = −ln y = 0.974077, δ = y − t = −0.622459. A student's output of 0 makes the chain from it take
  // ln 0: nothing follows from it, and every value is still graded on its own.
  const network = parseNetwork(
    'layers:\n  - weights: [[0.5], [-0.5]]\n    bias: [0]\n    activation: sigmoid\nloss: binary-cross-entropy\ninput: [[1, 2]]\ntarget: [[1]]\nlearning_rate: 0.5\n',
    'bce.yaml',
  );
  it('an output of 0 under ln is graded wrong, not an error, and the rest is graded', () => {
    const work = 'layers:\n  - output: [["0"]]\n    delta: [["-0.6225"]]\nloss: "0.9"\n';
    const result = checkWork(network, parseWork(work, network, 'work.yaml'));
    const status = Object.fromEntries(result.results.map((r) => [r.path, r.status]));
    expect(status).toEqual({
      'layers[0].output[0][0]': 'incorrect',
      loss: 'incorrect',
      // δ = −0.6225 is the right value rounded to 4 figures.
      'layers[0].delta[0][0]': 'correct',
    });
    expect(result.firstWrong?.path).toBe('layers[0].output[0][0]');
  });
});
