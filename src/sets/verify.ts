// The self-test of a variant's key, independent of the engine that made it: every expected value is
// recomputed in float64 from the exercise JSON alone (float-network.ts, float-graph.ts), and every
// asked gradient is also checked by a central finite difference of the loss (or the graph's output).
// Formula (symbolic) asks have no numbers to recompute and are not checked here.
import {
  isGraphAsk,
  isGraphFile,
  isSymbolicAsk,
  type Exercise,
  type NetworkAsk,
  type NetworkFile,
} from '../exercises/types';
import type { JsonValue } from '../number/json';
import { floatDescent, floatGraph } from './float-graph';
import { floatAsk, floatLoss, floatNetwork, floatSteps, num } from './float-network';

/** Agreement of the exact key (its 34-digit decimal) with float64. */
const AGREE = { relative: 1e-9, absolute: 1e-12 };
/** Agreement with a central difference of step H (its error is O(H²) plus rounding). */
const FD = { relative: 1e-4, absolute: 1e-6 };
const H = 1e-6;

const close = (a: number, b: number, tol: { relative: number; absolute: number }) =>
  Math.abs(a - b) <= tol.absolute + tol.relative * Math.max(Math.abs(a), Math.abs(b));

/** Expected cells (JsonValue) and float cells, side by side, in reading order. */
function pairs(expected: unknown, float: unknown, at: string, out: [string, number, number][]): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(float) || float.length !== expected.length) throw new Error(`${at}: shape differs`);
    expected.forEach((e, i) => pairs(e, float[i], `${at}[${i}]`, out));
    return;
  }
  if (typeof float !== 'number') throw new Error(`${at}: shape differs`);
  out.push([at, Number((expected as JsonValue).approx), float]);
}

function compareAll(id: string, expected: unknown, float: unknown): string | null {
  const cells: [string, number, number][] = [];
  try {
    pairs(expected, float, id, cells);
  } catch (error) {
    return (error as Error).message;
  }
  const bad = cells.find(([, e, f]) => !close(e, f, AGREE));
  return bad ? `${bad[0]}: key ${bad[1]}, float64 ${bad[2]}` : null;
}

/** A copy of the network with one weight or bias moved by h (cells addressed as in the file). */
function nudged(net: NetworkFile, ask: NetworkAsk, h: number): NetworkFile {
  const l = ask.layer ?? 0;
  const [r, c] = ask.index ?? [];
  const layers = net.layers.map((layer, k) => {
    if (k !== l) return layer;
    if (ask.quantity === 'grad_weights')
      return {
        ...layer,
        weights: layer.weights.map((row, i) => row.map((w, j) => (i === r && j === c ? String(num(w) + h) : w))),
      };
    const bias = Array.isArray(layer.bias) ? layer.bias : layer.weights[0].map(() => '0');
    return { ...layer, bias: bias.map((b, j) => (j === r ? String(num(b) + h) : b)) };
  });
  return { ...net, layers };
}

/** Central difference of the loss for one asked weight or bias cell; null when not applicable. */
function networkDifference(net: NetworkFile, ask: NetworkAsk): number | null {
  if (ask.quantity !== 'grad_weights' && ask.quantity !== 'grad_bias') return null;
  const want = ask.quantity === 'grad_weights' ? 2 : 1;
  if ((ask.index ?? []).length !== want) return null;
  return (floatLoss(nudged(net, ask, H)) - floatLoss(nudged(net, ask, -H))) / (2 * H);
}

/** Whether a ReLU-family pre-activation sits so close to its kink that a difference would cross it. */
function nearKink(net: NetworkFile): boolean {
  const r = floatNetwork(net);
  return net.layers.some(
    (layer, l) =>
      ['relu', 'leaky-relu', 'prelu', 'relu6'].includes(layer.activation) &&
      r.preactivation[l].some((row) => row.some((a) => Math.abs(a) < 1e-3 || Math.abs(a - 6) < 1e-3)),
  );
}

function selfTestNetwork(exercise: Exercise): string | null {
  const net = exercise.network as NetworkFile;
  const given = exercise.given?.outputs ?? {};
  const r = floatNetwork(net, given);
  const stated = Object.keys(given).length > 0;
  for (const ask of exercise.asks as NetworkAsk[]) {
    // An ask of a later step reads that step of the float64 training (the optimizer state carried).
    const k = ask.step ?? 1;
    const float = floatAsk(k === 1 ? r : floatSteps(net, k, given)[k - 1], ask);
    if (float === null) return `${ask.id}: ${ask.quantity} has no float64 check`;
    const why = compareAll(ask.id, exercise.expected[ask.id], float);
    if (why) return why;
    // With stated (rounded) outputs the loss is no longer a function of the weights alone.
    if (stated || k > 1 || nearKink(net)) continue;
    const difference = networkDifference(net, ask);
    const expected = Number((exercise.expected[ask.id] as JsonValue).approx);
    if (difference !== null && !close(difference, expected, FD))
      return `${ask.id}: key ${expected}, finite difference ${difference}`;
  }
  return null;
}

function selfTestGraph(exercise: Exercise): string | null {
  if (!isGraphFile(exercise.network)) return 'not a graph exercise';
  const file = exercise.network;
  const values = floatGraph(file);
  const output = file.graph.output;
  for (const ask of exercise.asks) {
    if (!isGraphAsk(ask)) return `${ask.id}: not a graph ask`;
    const expected = Number((exercise.expected[ask.id] as JsonValue).approx);
    if (ask.quantity === 'input_after' || ask.quantity === 'value_after') {
      // Steps along finite-difference gradients: as close as the differences are.
      const point = floatDescent(file)[ask.step - 1];
      const float = ask.quantity === 'value_after' ? point?.value : point?.inputs.get(ask.node);
      if (float === undefined || !close(float, expected, FD)) return `${ask.id}: key ${expected}, float64 ${float}`;
      continue;
    }
    if (ask.quantity === 'gradients') {
      // The gradient by a central difference is this ask's float64 recomputation.
      const difference =
        ((floatGraph(file, { name: ask.node, h: H }).get(output) ?? Number.NaN) -
          (floatGraph(file, { name: ask.node, h: -H }).get(output) ?? Number.NaN)) /
        (2 * H);
      if (!close(difference, expected, FD)) return `${ask.id}: key ${expected}, finite difference ${difference}`;
      continue;
    }
    const float = ask.quantity === 'value' ? values.get(output) : values.get(ask.node);
    if (float === undefined || !close(float, expected, AGREE)) return `${ask.id}: key ${expected}, float64 ${float}`;
  }
  return null;
}

/** Null when every numeric answer of the exercise agrees with the independent recomputation. */
export function selfTest(exercise: Exercise): string | null {
  if (exercise.asks.every(isSymbolicAsk)) return null;
  return isGraphFile(exercise.network) ? selfTestGraph(exercise) : selfTestNetwork(exercise);
}
