// Random small networks for the grader's tests (tenths in [−1, 1], so ReLU kinks at 0 do happen), and
// exercises built around them: one ask per cell of the quantities a student computes.
import fc from 'fast-check';
import type { Exercise, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import type { Act, Loss, RefNet } from './reference';

const tenth = fc.integer({ min: -10, max: 10 }).map((k) => String(k / 10));
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(tenth, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const HIDDEN: readonly Act[] = ['identity', 'sigmoid', 'tanh', 'relu'];

export const netArb: fc.Arbitrary<RefNet> = fc
  .record({
    layout: fc.constantFrom<'x-w' | 'w-x'>('x-w', 'w-x'),
    loss: fc.constantFrom<Loss>('half-sse', 'sse', 'mse', 'cross-entropy'),
    depth: fc.integer({ min: 1, max: 3 }),
    batch: fc.integer({ min: 1, max: 3 }),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    hidden: fc.array(fc.constantFrom(...HIDDEN), { minLength: 2, maxLength: 2 }),
    last: fc.constantFrom<Act>(...HIDDEN, 'softmax'),
    learningRate: fc.constantFrom('0.1', '0.5', '1'),
    updateBiases: fc.boolean(),
    reluGradAtZero: fc.constantFrom<0 | 1>(0, 1),
    batchMode: fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
    hot: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  })
  .chain((s) => {
    const last: Act = s.loss === 'cross-entropy' ? 'softmax' : s.last;
    const widths = s.widths.slice(0, s.depth + 1);
    // A softmax over a single unit is constant: give it two.
    if (last === 'softmax' && widths[s.depth] < 2) widths[s.depth] = 2;
    const acts = [...s.hidden.slice(0, s.depth - 1), last];
    const outputs = widths[s.depth];
    const layerArbs = acts.map((activation, l) =>
      fc.record({
        weights: s.layout === 'x-w' ? matrix(widths[l], widths[l + 1]) : matrix(widths[l + 1], widths[l]),
        bias: fc.array(tenth, { minLength: widths[l + 1], maxLength: widths[l + 1] }),
        activation: fc.constant(activation),
      }),
    );
    const target =
      s.loss === 'cross-entropy'
        ? fc.constant(
            Array.from({ length: s.batch }, (_, i) =>
              Array.from({ length: outputs }, (__, k) => (k === s.hot[i] % outputs ? '1' : '0')),
            ),
          )
        : matrix(s.batch, outputs);
    return fc.record({ layers: fc.tuple(...layerArbs), input: matrix(s.batch, widths[0]), target }).map(
      (r): RefNet => ({
        layout: s.layout,
        layers: r.layers,
        loss: s.loss,
        input: r.input,
        target: r.target,
        learningRate: s.learningRate,
        updateBiases: s.updateBiases,
        reluGradAtZero: s.reluGradAtZero,
        batch: s.batchMode,
      }),
    );
  });

export function networkFile(net: RefNet): NetworkFile {
  return {
    layout: net.layout,
    layers: net.layers.map((l) => ({ weights: l.weights, bias: l.bias, activation: l.activation })),
    loss: net.loss,
    input: net.input,
    target: net.target,
    learning_rate: net.learningRate,
    update_biases: net.updateBiases ? 'true' : 'false',
    conventions: { relu_grad_at_zero: net.reluGradAtZero === 1 ? '1' : '0', batch: net.batch },
  };
}

/** One ask per cell of loss, loss_after and every layer's delta, grad_weights, grad_bias, weights_after, bias_after. */
export function cellAsks(net: RefNet): NetworkAsk[] {
  const asks: NetworkAsk[] = [
    { id: 'loss', quantity: 'loss' },
    { id: 'loss_after', quantity: 'loss_after' },
  ];
  const samples = net.input.length;
  net.layers.forEach((layer, l) => {
    const rows = layer.weights.length;
    const cols = layer.weights[0].length;
    const units = net.layout === 'x-w' ? cols : rows;
    for (let s = 0; s < samples; s++)
      for (let k = 0; k < units; k++)
        asks.push({ id: `delta_${l}_${s}_${k}`, quantity: 'delta', layer: l, index: [s, k] });
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        asks.push({ id: `grad_weights_${l}_${i}_${j}`, quantity: 'grad_weights', layer: l, index: [i, j] });
        asks.push({ id: `weights_after_${l}_${i}_${j}`, quantity: 'weights_after', layer: l, index: [i, j] });
      }
    }
    for (let k = 0; k < units; k++) {
      asks.push({ id: `grad_bias_${l}_${k}`, quantity: 'grad_bias', layer: l, index: [k] });
      asks.push({ id: `bias_after_${l}_${k}`, quantity: 'bias_after', layer: l, index: [k] });
    }
  });
  return asks;
}

export function exerciseOf(network: NetworkFile, asks: readonly NetworkAsk[]): Exercise {
  return { template: 'test', seed: 0, difficulty: 1, lang: 'en', network, asks, prompt: '', expected: {}, hints: {} };
}

/** A float as a student writes it to `figures` significant figures ("0.0821670", "1.23457e-7"). */
export function typed(x: number, figures: number): string {
  return x.toPrecision(figures);
}
