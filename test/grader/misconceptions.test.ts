// Misconceptions: the engine under each mistake's rules against an independent float64 reference written from
// each mistake's definition (reference.ts), and the grader's diagnosis: a student's answer computed under
// a mistake (by the reference, typed to 6 significant figures) is named as that mistake whenever it
// differs from the right value — or as another mistake that gives the same number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve';
import { networkSpecOf } from '../../src/exercises/network-file';
import { askValue } from '../../src/exercises/quantities';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';
import { MISCONCEPTIONS } from '../../src/grader/misconceptions';
import { mistakeRules, type Mistake } from '../../src/concepts/misconceptions';
import { correctRules } from '../../src/engine/rules';
import type { NetworkAsk } from '../../src/exercises/types';
import { approx, type Value } from '../../src/number/value';
import { cellAsks, exerciseOf, netArb, networkFile, typed } from './arbitrary';
import { refCell, refSolve, type RefNet } from './reference';

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

/** Two samples; sample 0 puts hidden unit 0 exactly at a = 1·0.5 + 0.5·(−1) + 0 = 0 (the ReLU kink). */
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

/** Softmax with cross-entropy over three classes (w-x layout, tanh hidden layer, non-square weights). */
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

function cellValue(v: unknown, index: readonly number[]): Value {
  let x = v;
  for (const i of index) x = (x as unknown[])[i];
  return x as Value;
}

const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Whether `answer` (a 6-figure decimal) is `x` rounded at its precision (allowing float noise). */
function roundsTo(x: number, answer: string): boolean {
  const d = Number(answer);
  const exponent = Math.floor(Math.log10(Math.abs(d)));
  const half = 0.5 * 10 ** (exponent - 5);
  return Math.abs(x - d) <= half * 1.000001 + Math.abs(x) * 1e-12;
}

/**
 * Mistakes that need what these networks do not have — a PReLU or Leaky ReLU unit at a = 0, a ReLU6
 * unit at a = 6, outputs the exercise states — are checked on hand-derived exercises in
 * kinks-and-stated-outputs.test.ts; those of binary cross-entropy, L2 and the optimizers, which the
 * reference here does not compute, in loss-penalty-optimizer-misconceptions.test.ts; a graph's gradient
 * step along f instead of f′, which no network can make, in graph-steps.test.ts.
 */
const OWN_NETWORK = new Set([
  'prelu-grad-at-zero',
  'relu6-grad-at-six',
  'derivative-from-exact-output',
  'bce-forgot-one-minus-t',
  'bce-extra-sigmoid-derivative',
  'l2-on-biases',
  'momentum-sign',
  'adam-no-bias-correction',
  'value-for-derivative',
]);

interface Case {
  readonly ask: NetworkAsk;
  readonly mistake: Mistake;
  readonly answer: string;
}

/**
 * For one network: checks the engine under every mistake variant against the reference, then grades
 * each buggy value that differs clearly from the right one. Returns the ids diagnosed.
 */
function checkNetwork(net: RefNet, maxCasesPerVariant = Infinity): Set<string> {
  const file = networkFile(net);
  const spec = networkSpecOf(file);
  const asks = cellAsks(net);
  const ctx = gradingContext(exerciseOf(file, asks));
  const right = refSolve(net);
  const variants = MISCONCEPTIONS.filter((m) => m.applies(spec)).flatMap((m) => m.variants(spec));
  const buggyOf = new Map(variants.map((v) => [JSON.stringify(v), refSolve(net, v)]));
  const diagnosed = new Set<string>();
  for (const mistake of variants) {
    const buggy = buggyOf.get(JSON.stringify(mistake))!;
    const engine = solve(spec, { rules: mistakeRules(mistake, spec, correctRules) });
    const cases: Case[] = [];
    for (const ask of asks) {
      const ref = refCell(buggy, ask.quantity, ask.layer, ask.index ?? []);
      // The engine under the mistake agrees with the reference (where the reference's shapes apply).
      let engineValue = Number.NaN;
      try {
        engineValue = approx(cellValue(askValue(spec, engine, new Map(), ask), [])).toNumber();
      } catch {
        // outside the mistaken matrix's shape
      }
      const agree =
        (Number.isNaN(engineValue) && Number.isNaN(ref)) ||
        close(engineValue, ref, 1e-9) ||
        Math.abs(engineValue - ref) < 1e-12;
      expect(agree, `${JSON.stringify(mistake)} ${ask.id}: engine ${engineValue} vs reference ${ref}`).toBe(true);
      const r = refCell(right, ask.quantity, ask.layer, ask.index ?? []);
      if (!Number.isFinite(ref) || Math.abs(ref) < 1e-9 || close(ref, r, 1e-3)) continue;
      cases.push({ ask, mistake, answer: typed(ref, 6) });
    }
    for (const c of cases.slice(0, maxCasesPerVariant)) {
      const [result] = gradeExercise(ctx, new Map([[c.ask.id, c.answer]]));
      expect(result.status, `${JSON.stringify(c.mistake)} ${c.ask.id} = ${c.answer}`).toBe('incorrect');
      // The diagnosed id must be one whose reference value (some variant) is this number.
      const explaining = new Set(
        variants
          .filter((v) =>
            roundsTo(
              refCell(buggyOf.get(JSON.stringify(v))!, c.ask.quantity, c.ask.layer, c.ask.index ?? []),
              c.answer,
            ),
          )
          .map((v) => v.id),
      );
      expect(explaining.has(c.mistake.id)).toBe(true);
      expect(
        result.misconception,
        `${JSON.stringify(c.mistake)} ${c.ask.id} = ${c.answer}: got ${result.misconception}, expected one of ${[...explaining]}`,
      ).not.toBeNull();
      expect([...explaining]).toContain(result.misconception);
      if (result.misconception === c.mistake.id) diagnosed.add(c.mistake.id);
    }
  }
  return diagnosed;
}

describe('misconceptions', () => {
  it('every misconception id is recognised on the hand-picked networks (Mazur, a batch with a ReLU kink, softmax + cross-entropy)', () => {
    const diagnosed = new Set<string>();
    for (const net of [MAZUR, BATCH_RELU, SOFTMAX_CE]) for (const id of checkNetwork(net)) diagnosed.add(id);
    expect([...diagnosed].sort()).toEqual(
      MISCONCEPTIONS.map((m) => m.id)
        .filter((id) => !OWN_NETWORK.has(id))
        .sort(),
    );
  });

  it('hand-derived buggy values on Mazur’s network are named', () => {
    const file = networkFile(MAZUR);
    const asks: NetworkAsk[] = [
      { id: 'd', quantity: 'delta', layer: 1, index: [0, 0] },
      { id: 'g', quantity: 'grad_weights', layer: 1, index: [0, 0] },
      { id: 'w', quantity: 'weights_after', layer: 1, index: [0, 0] },
    ];
    const ctx = gradingContext(exerciseOf(file, asks));
    const grade = (ask: string, answer: string) => gradeExercise(ctx, new Map([[ask, answer]]))[0];
    // Mazur's figures: δ_o1 = (0.75136507 − 0.01)·0.75136507·(1 − 0.75136507) = 0.138498562.
    expect(grade('d', '-0.138498562').misconception).toBe('sign-flip');
    expect(grade('d', '0.74136507').misconception).toBe('missing-activation-derivative');
    // 2·δ_o1 = 0.2769971233 (from the full value; doubling Mazur's rounded 0.138498562 would give …124)
    expect(grade('d', '0.276997123').misconception).toBe('half-factor');
    // σ(y)(1 − σ(y)) at y = 0.75136507: σ(y) = 0.679495…, so δ = 0.74136507 · 0.217788… = 0.161460…
    const s = 1 / (1 + Math.exp(-0.75136507));
    expect(grade('d', (0.74136507 * s * (1 - s)).toPrecision(6)).misconception).toBe('sigmoid-derivative-of-output');
    // ∂E/∂w5 with net_h1 = 0.3775 instead of out_h1: 0.138498562 · 0.3775 = 0.0522832
    expect(grade('g', '0.0522832').misconception).toBe('preactivation-as-input');
    // w5 + η·g = 0.4 + 0.5·0.082167041 = 0.44108352; w5 − g = 0.317832959
    expect(grade('w', '0.44108352').misconception).toBe('wrong-update-sign');
    expect(grade('w', '0.317832959').misconception).toBe('forgot-learning-rate');
  });

  it('random networks: buggy answers are named (fast-check)', () => {
    fc.assert(
      fc.property(netArb, (net) => {
        checkNetwork(net, 3);
      }),
      { numRuns: 25, seed: 20240611 },
    );
  });
});
