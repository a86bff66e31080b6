// fast-check generators for random small networks: 1–3 layers, widths 1–4, batch 1–3, every
// activation (softmax only last), loss, layout and convention, optional biases and alphas.
// Cross-entropy targets are exact distributions, and then the last layer is softmax (with a sigmoid
// last layer the loss is binary cross-entropy, which test/engine/binary-cross-entropy.test.ts draws).
import fc from 'fast-check';
import type { RawActivation, RawLayer, RawLoss, RawNetwork } from './raw';

const HIDDEN: readonly RawActivation[] = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu', 'relu6'];
const LOSSES: readonly RawLoss[] = ['half-sse', 'sse', 'mse', 'cross-entropy'];

/** k / 10^places as a decimal literal: (-12, 1) → "-1.2", (5, 3) → "0.005". */
export function decimalText(k: number, places: number): string {
  const digits = Math.abs(k)
    .toString()
    .padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  const text = places === 0 ? whole : `${whole}.${fraction}`;
  return k < 0 ? `-${text}` : text;
}

/** Small rationals: tenths in [−1, 1] and thirds, the kind of numbers exercises use (kinks happen). */
export const tenths: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 10 }).map((k) => decimalText(k, 1)) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((k) => `${k}/3`) },
);

/** Thousandths in [−1, 1]: a pre-activation lands exactly on a kink only rarely. */
export const thousandths: fc.Arbitrary<string> = fc.integer({ min: -1000, max: 1000 }).map((k) => decimalText(k, 3));

const matrixOf = (value: fc.Arbitrary<string>, rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const vectorOf = (value: fc.Arbitrary<string>, n: number) => fc.array(value, { minLength: n, maxLength: n });

/** One target row that is a distribution: non-negative integers over their sum, or one-hot. */
const distribution = (n: number): fc.Arbitrary<string[]> =>
  fc.tuple(fc.array(fc.nat(3), { minLength: n, maxLength: n }), fc.nat(n - 1)).map(([counts, hot]) => {
    const total = counts.reduce((s, c) => s + c, 0);
    if (total === 0) return counts.map((_, k) => (k === hot ? '1' : '0'));
    return counts.map((c) => `${c}/${total}`);
  });

interface Shape {
  readonly layout: RawNetwork['layout'];
  readonly loss: RawLoss;
  /** widths[0] is the input width, widths[l + 1] the units of layer l. */
  readonly widths: readonly number[];
  readonly activations: readonly RawActivation[];
  readonly batch: number;
}

const shapeArb: fc.Arbitrary<Shape> = fc
  .record({
    layout: fc.constantFrom<RawNetwork['layout']>('x-w', 'w-x'),
    loss: fc.constantFrom(...LOSSES),
    depth: fc.integer({ min: 1, max: 3 }),
    batch: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ layout, loss, depth, batch }) =>
    fc
      .record({
        widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: depth + 1, maxLength: depth + 1 }),
        hidden: fc.array(fc.constantFrom(...HIDDEN), { minLength: depth - 1, maxLength: depth - 1 }),
        last:
          loss === 'cross-entropy'
            ? fc.constant<RawActivation>('softmax')
            : fc.constantFrom<RawActivation>(...HIDDEN, 'softmax'),
      })
      .map(({ widths, hidden, last }) => ({ layout, loss, batch, widths, activations: [...hidden, last] })),
  );

function layerArb(shape: Shape, l: number, value: fc.Arbitrary<string>): fc.Arbitrary<RawLayer> {
  const inputs = shape.widths[l];
  const units = shape.widths[l + 1];
  const activation = shape.activations[l];
  const hasAlpha = activation === 'leaky-relu' || activation === 'prelu';
  return fc
    .record({
      weights: shape.layout === 'x-w' ? matrixOf(value, inputs, units) : matrixOf(value, units, inputs),
      bias: fc.option(vectorOf(value, units), { nil: undefined }),
      alpha: hasAlpha
        ? fc.option(
            fc.integer({ min: -2, max: 5 }).map((k) => decimalText(k, 1)),
            { nil: undefined },
          )
        : fc.constant(undefined),
    })
    .map(({ weights, bias, alpha }) => ({
      weights,
      activation,
      ...(bias === undefined ? {} : { bias }),
      ...(alpha === undefined ? {} : { alpha }),
    }));
}

/** Random networks whose numbers come from `value`. */
export function networkArb(value: fc.Arbitrary<string> = tenths): fc.Arbitrary<RawNetwork> {
  return shapeArb.chain((shape) => {
    const outputs = shape.widths[shape.widths.length - 1];
    const target =
      shape.loss === 'cross-entropy'
        ? fc.array(distribution(outputs), { minLength: shape.batch, maxLength: shape.batch })
        : matrixOf(value, shape.batch, outputs);
    return fc.record({
      layout: fc.constant(shape.layout),
      layers: fc.tuple(...shape.activations.map((_, l) => layerArb(shape, l, value))),
      loss: fc.constant(shape.loss),
      input: matrixOf(value, shape.batch, shape.widths[0]),
      target,
      learningRate: fc.integer({ min: 1, max: 10 }).map((k) => decimalText(k, 1)),
      updateBiases: fc.boolean(),
      reluGradAtZero: fc.constantFrom<0 | 1>(0, 1),
      batch: fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
    });
  });
}
