// The shipped sets' variants as export sees them, and independent float64 values for every number
// asked: recomputed from the exercise JSON by the self-test's float64 code (src/sets/float-*.ts, which
// shares nothing with the engine; for graph gradients a central difference of the graph), and, where
// it applies, by the test suite's own reference (test/reference/float64.ts).
import { exportSet, type ExportSet } from '../../src/export/questions';
import { workedStepsFragments } from '../../src/export/solution';
import {
  isGraphFile,
  type Exercise,
  type GraphAsk,
  type NetworkAsk,
  type NetworkFile,
} from '../../src/exercises/types';
import { studentExam } from '../../src/sets/exam';
import { floatDescent, floatGraph } from '../../src/sets/float-graph';
import { floatAsk, floatNetwork } from '../../src/sets/float-network';
import { loadSet } from '../../src/sets/load';
import { numberedVariants } from '../../src/sets/roster';
import { selfTest } from '../../src/sets/verify';
import { referenceSolve } from '../reference/float64';
import type { RawActivation, RawLoss, RawNetwork } from '../reference/raw';

export const SETS = [
  'exercises/sets/lecture-deck.yaml',
  'exercises/sets/eshikaku.yaml',
  'exercises/sets/dlfs-layers.yaml',
  'exercises/sets/computational-graphs.yaml',
] as const;

export async function exported(file: string, variants: number): Promise<ExportSet> {
  const set = loadSet(file);
  const exams = numberedVariants(variants).map((v) => studentExam(set, v, selfTest));
  return exportSet(set, exams, (exercise, n, variant) => workedStepsFragments(exercise, n, variant, set.lang));
}

const H = 1e-6;

/** The float64 value of one cell of an ask ([] for a scalar ask). */
export function floatValue(exercise: Exercise, askId: string, cell: readonly number[]): number {
  const ask = exercise.asks.find((a) => a.id === askId);
  if (ask === undefined) throw new Error(`no ask ${askId}`);
  if (isGraphFile(exercise.network)) {
    const file = exercise.network;
    const g = ask as GraphAsk;
    if (g.quantity === 'value') return floatGraph(file).get(file.graph.output) ?? Number.NaN;
    if (g.quantity === 'nodes') return floatGraph(file).get(g.node) ?? Number.NaN;
    if (g.quantity === 'input_after') return floatDescent(file)[g.step - 1]?.inputs.get(g.node) ?? Number.NaN;
    if (g.quantity === 'value_after') return floatDescent(file)[g.step - 1]?.value ?? Number.NaN;
    const at = (h: number) => floatGraph(file, { name: g.node, h }).get(file.graph.output) ?? Number.NaN;
    return (at(H) - at(-H)) / (2 * H);
  }
  const r = floatNetwork(exercise.network as NetworkFile, exercise.given?.outputs ?? {});
  let v = floatAsk(r, ask as NetworkAsk);
  for (const i of cell) v = (v as unknown[])[i];
  if (typeof v !== 'number') throw new Error(`${askId}: no float64 value`);
  return v;
}

/** Whether a and b agree to float64 rounding of a short computation (or a difference quotient). */
export const agrees = (a: number, b: number, relative = 1e-9) =>
  Math.abs(a - b) <= 1e-12 + relative * Math.max(Math.abs(a), Math.abs(b));

/**
 * The test suite's own float64 reference (test/reference/float64.ts, written from the formulas) for a
 * network ask it computes; null for a graph, stated outputs, or a quantity it does not give.
 */
export function referenceValue(exercise: Exercise, askId: string, cell: readonly number[]): number | null {
  const net = exercise.network;
  if (net === null || isGraphFile(net)) return null;
  if (Object.keys(exercise.given?.outputs ?? {}).length > 0) return null;
  const ask = exercise.asks.find((a) => a.id === askId) as NetworkAsk | undefined;
  if (ask === undefined) return null;
  const file = net as NetworkFile;
  const raw: RawNetwork = {
    layout: file.layout,
    layers: file.layers.map((l) => ({
      weights: l.weights,
      ...(l.bias === undefined ? {} : { bias: l.bias }),
      activation: l.activation as RawActivation,
      ...(l.alpha === undefined ? {} : { alpha: l.alpha }),
    })),
    loss: file.loss as RawLoss,
    input: file.input,
    target: file.target,
    learningRate: file.learning_rate,
    updateBiases: file.update_biases !== 'false',
    reluGradAtZero: file.conventions?.relu_grad_at_zero === '1' ? 1 : 0,
    batch: file.conventions?.batch ?? 'mean',
  };
  const ref = referenceSolve(raw);
  const l = ask.layer ?? 0;
  const scalar: Record<string, number> = {
    loss: ref.loss,
    loss_after: ref.loss_after,
    loss_improvement: ref.loss - ref.loss_after,
  };
  let v: unknown;
  if (ask.quantity in scalar) v = scalar[ask.quantity];
  else if (ask.quantity === 'grad_input') v = l > 0 ? ref.layers[l - 1].grad_output : undefined;
  else v = (ref.layers[l] as unknown as Record<string, unknown>)[ask.quantity];
  if (v === undefined || v === null) return null;
  for (const i of [...(ask.index ?? []), ...cell]) v = (v as unknown[])[i];
  return typeof v === 'number' ? v : null;
}
