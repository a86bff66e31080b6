// The engine's rules: the correct ones (src/engine/rules.ts) given as an override change nothing, and
// every registered misconception's override (src/concepts/misconceptions/) changes some value of the
// solve on a network it applies to — a misconception that changed nothing could never be diagnosed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISCONCEPTIONS, mistakeRules } from '../../src/concepts/misconceptions';
import { correctRules } from '../../src/engine/rules';
import { solve } from '../../src/engine/solve';
import { networkSpecOf } from '../../src/exercises/network-file';
import type { NetworkSpec } from '../../src/concepts/network';
import type { NetworkFile } from '../../src/exercises/types';
import type { Matrix } from '../../src/number/vector';
import { ratio } from '../../src/number/value';
import { solutionToJson } from '../../src/render/json';
import { netArb, networkFile } from '../grader/arbitrary';
import type { RefNet } from '../grader/reference';

const MAZUR: RefNet = {
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
  updateBiases: true,
  reluGradAtZero: 0,
  batch: 'mean',
};

/** Two samples; sample 0 puts hidden unit 0 exactly at a = 0 (the ReLU kink). */
const BATCH_RELU: RefNet = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.5', '-0.2'],
        ['-1', '0.4'],
      ],
      bias: ['0', '0.1'],
      activation: 'relu',
    },
    { weights: [['0.3'], ['-0.6']], bias: ['0.2'], activation: 'identity' },
  ],
  loss: 'sse',
  input: [
    ['1', '0.5'],
    ['0.2', '-1'],
  ],
  target: [['1'], ['0']],
  learningRate: '0.5',
  updateBiases: true,
  reluGradAtZero: 0,
  batch: 'mean',
};

/** Softmax with cross-entropy over three classes (w-x layout, tanh hidden layer). */
const SOFTMAX_CE: RefNet = {
  layout: 'w-x',
  layers: [
    {
      weights: [
        ['0.2', '-0.4'],
        ['0.7', '0.1'],
      ],
      bias: ['0.1', '-0.3'],
      activation: 'tanh',
    },
    {
      weights: [
        ['0.5', '-0.3'],
        ['-0.2', '0.8'],
        ['0.4', '0.6'],
      ],
      bias: ['0', '0.2', '-0.1'],
      activation: 'softmax',
    },
  ],
  loss: 'cross-entropy',
  input: [['0.5', '-1']],
  target: [['0', '1', '0']],
  learningRate: '0.1',
  updateBiases: true,
  reluGradAtZero: 0,
  batch: 'mean',
};

/** One unit with weight 1 and bias 0, a sample per point: the pre-activation is the point itself. */
function unitAt(activation: string, points: readonly string[], alpha?: string): NetworkSpec {
  return networkSpecOf({
    layout: 'x-w',
    layers: [{ weights: [['1']], bias: ['0'], activation, ...(alpha ? { alpha } : {}) }],
    loss: 'half-sse',
    input: points.map((a) => [a]),
    target: points.map(() => ['0']),
    learning_rate: '0.1',
    conventions: { relu_grad_at_zero: '0', batch: 'mean' },
  } as NetworkFile);
}

/** One sigmoid unit y = σ(w·x + b), one sample, with the file's extra settings (loss, penalty, optimizer). */
function sigmoidUnit(extra: Record<string, unknown>, target = '0'): NetworkSpec {
  return networkSpecOf({
    layout: 'x-w',
    layers: [{ weights: [['0.5']], bias: ['0.2'], activation: 'sigmoid' }],
    loss: 'half-sse',
    input: [['1']],
    target: [[target]],
    learning_rate: '0.1',
    ...extra,
  } as unknown as NetworkFile);
}

interface Case {
  readonly spec: NetworkSpec;
  /** Outputs an exercise states instead of computing (as the grader passes them to solve). */
  readonly givenOutputs?: ReadonlyMap<number, Matrix>;
}

const NETWORKS: readonly Case[] = [
  ...[MAZUR, BATCH_RELU, SOFTMAX_CE].map((net) => ({ spec: networkSpecOf(networkFile(net)) })),
  // The kinks other than ReLU's: PReLU at a = 0, ReLU6 at a = 6.
  { spec: unitAt('prelu', ['0', '-1', '2'], '0.25') },
  { spec: unitAt('relu6', ['6', '1']) },
  // A sigmoid unit at a = 0.8 whose output the exercise states as 0.7 (σ(0.8) = 0.68997…).
  { spec: unitAt('sigmoid', ['0.8']), givenOutputs: new Map([[0, [[ratio(7, 10)]]]]) },
  // Binary cross-entropy with target 0, L2 with a bias that is not 0, momentum with a warm start, Adam.
  { spec: sigmoidUnit({ loss: 'binary-cross-entropy' }) },
  { spec: sigmoidUnit({ regularization: { l2: '0.1', scale: '1/2' } }) },
  {
    spec: sigmoidUnit({
      optimizer: { name: 'momentum', momentum: '0.9', velocity: [{ weights: [['0.05']], bias: ['-0.02'] }] },
    }),
  },
  { spec: sigmoidUnit({ optimizer: { name: 'adam' } }) },
];

/** The solve JSON, or a marker when the mistake leaves it unprintable (a matrix of another shape). */
function json(spec: NetworkSpec, rules?: Parameters<typeof solve>[1]): string {
  try {
    return JSON.stringify(solutionToJson(solve(spec, rules)));
  } catch (error) {
    return `unprintable: ${String(error)}`;
  }
}

describe('rules', () => {
  it('the correct rules, given as an override, solve exactly as no override', () => {
    fc.assert(
      fc.property(netArb, (net) => {
        const spec = networkSpecOf(networkFile(net));
        const plain = json(spec);
        expect(json(spec, { rules: correctRules })).toBe(plain);
        // A copy, so that the engine merges it with its own rules.
        expect(json(spec, { rules: { ...correctRules } })).toBe(plain);
        expect(json(spec, { rules: {} })).toBe(plain);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('a layer-local mistake restricted to a layer the network does not have changes nothing', () => {
    fc.assert(
      fc.property(netArb, (net) => {
        const spec = networkSpecOf(networkFile(net));
        const plain = json(spec);
        for (const m of MISCONCEPTIONS.filter((m) => m.layerLocal && m.applies(spec))) {
          for (const mistake of m.variants(spec)) {
            expect(
              json(spec, { rules: mistakeRules({ ...mistake, layer: spec.layers.length }, spec, correctRules) }),
              `${m.id}`,
            ).toBe(plain);
          }
        }
      }),
      { numRuns: 15, seed: 3 },
    );
  });

  // A mistake only a gradient step on a graph can show (its targets are the graph's iterates) changes
  // no network; the graph's own tests check it.
  const graphOnly = (m: (typeof MISCONCEPTIONS)[number]) =>
    m.targets.every((quantity) => quantity === 'input_after' || quantity === 'value_after');
  it.each(MISCONCEPTIONS.filter((m) => !graphOnly(m)).map((m) => [m.id, m] as const))(
    '%s changes some value on a network it applies to',
    (_id, m) => {
      const changes = NETWORKS.some(({ spec, givenOutputs }) => {
        if (!m.applies(spec)) return false;
        const plain = json(spec, { givenOutputs });
        return m
          .variants(spec)
          .some((mistake) => json(spec, { givenOutputs, rules: mistakeRules(mistake, spec, correctRules) }) !== plain);
      });
      expect(changes).toBe(true);
    },
  );
});
