// An independent EXACT reference for one step of gradient descent on networks whose numbers stay
// rational: identity and the ReLU family (relu, leaky-relu, prelu, relu6) with half-sse, sse or mse.
// Written from the formulas with its own tiny BigInt rational type: nothing from src/, no
// fraction.js, so an exact value from the engine can be compared with it character for character.
//
// Conventions are the issue's: at a = 0 the ReLU family takes the left derivative (relu 0,
// leaky/prelu α, relu6 0) when relu_grad_at_zero is 0 and 1 when it is 1; relu6′ = 0 for a ≥ 6;
// hidden deltas use the weights before the update; prelu's ∂L/∂α = Σ over a ≤ 0 of ∂L/∂z · a.
// Batch-wide matrices (rows = samples), weights read in the file's layout through one accessor.
import type { RawActivation, RawNetwork } from './raw';
import { defaultAlpha } from './raw';

/** n/d with d > 0 and gcd(n, d) = 1: equal values have equal fields. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new Error('exact reference: division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d); // gcd(0, d) = d, so zero is 0/1
  return { n: n / g, d: d / g };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);
const TWO = rational(2n);
const SIX = rational(6n);

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const sign = (a: Rational): -1 | 0 | 1 => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => sign(sub(a, b));
const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);

/** "12", "-1.25", "1/3", "-2/3" → the exact rational. */
export function parseRational(text: string): Rational {
  const slash = text.indexOf('/');
  if (slash >= 0) return div(parseDecimal(text.slice(0, slash)), parseDecimal(text.slice(slash + 1)));
  return parseDecimal(text);
}

function parseDecimal(text: string): Rational {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new Error(`exact reference: not a number literal: ${text}`);
  const fraction = m[3] ?? '';
  const n = BigInt(m[2] + fraction);
  return rational(m[1] === '-' ? -n : n, 10n ** BigInt(fraction.length));
}

/** The reduced fraction as the JSON contract prints it: "n" or "p/q", sign on the numerator. */
export function rationalString(a: Rational): string {
  return a.d === 1n ? `${a.n}` : `${a.n}/${a.d}`;
}

export interface ExactLayer {
  readonly preactivation: Rational[][];
  readonly output: Rational[][];
  readonly delta: Rational[][];
  /** In the file's layout. */
  readonly grad_weights: Rational[][];
  readonly grad_bias: Rational[];
  readonly weights_after: Rational[][];
  readonly bias_after: Rational[];
  /** prelu only. */
  readonly grad_alpha?: Rational;
  readonly alpha_after?: Rational;
}

export interface ExactSolution {
  readonly loss: Rational;
  readonly layers: ExactLayer[];
  readonly loss_after: Rational;
}

const RATIONAL_ACTIVATIONS: readonly RawActivation[] = ['identity', 'relu', 'leaky-relu', 'prelu', 'relu6'];

/** Whether an activation maps rationals to rationals (and so this reference handles it). */
export function isRationalActivation(activation: RawActivation): boolean {
  return RATIONAL_ACTIVATIONS.includes(activation);
}

/** Whether every number of the network's solution is rational. */
export function isRationalNetwork(raw: RawNetwork): boolean {
  return raw.loss !== 'cross-entropy' && raw.layers.every((l) => isRationalActivation(l.activation));
}

interface Parameters {
  /** File layout. */
  readonly weights: Rational[][][];
  readonly bias: Rational[][];
  readonly alpha: Rational[];
}

const units = (raw: RawNetwork, w: readonly (readonly unknown[])[]): number =>
  raw.layout === 'x-w' ? w[0].length : w.length;
const inputs = (raw: RawNetwork, w: readonly (readonly unknown[])[]): number =>
  raw.layout === 'x-w' ? w.length : w[0].length;

/** The weight from input i to unit j, whatever the file's layout. */
const weight = (raw: RawNetwork, w: readonly (readonly Rational[])[], i: number, j: number): Rational =>
  raw.layout === 'x-w' ? w[i][j] : w[j][i];

/** A matrix in the file's layout from its entries by (input i, unit j). */
function fileMatrix(
  raw: RawNetwork,
  nInputs: number,
  nUnits: number,
  entry: (i: number, j: number) => Rational,
): Rational[][] {
  return raw.layout === 'x-w'
    ? Array.from({ length: nInputs }, (_, i) => Array.from({ length: nUnits }, (_, j) => entry(i, j)))
    : Array.from({ length: nUnits }, (_, j) => Array.from({ length: nInputs }, (_, i) => entry(i, j)));
}

function parametersOf(raw: RawNetwork): Parameters {
  return {
    weights: raw.layers.map((l) => l.weights.map((row) => row.map(parseRational))),
    bias: raw.layers.map((l) =>
      l.sharedBias !== undefined
        ? Array.from({ length: units(raw, l.weights) }, () => parseRational(l.sharedBias!))
        : l.bias
          ? l.bias.map(parseRational)
          : Array.from({ length: units(raw, l.weights) }, () => ZERO),
    ),
    alpha: raw.layers.map((l) => {
      const text = l.alpha ?? defaultAlpha(l.activation);
      return text === null ? ZERO : parseRational(text);
    }),
  };
}

function activate(activation: RawActivation, a: Rational, alpha: Rational): Rational {
  switch (activation) {
    case 'identity':
      return a;
    case 'relu':
      return sign(a) > 0 ? a : ZERO;
    case 'leaky-relu':
    case 'prelu':
      return sign(a) > 0 ? a : mul(alpha, a);
    case 'relu6':
      return sign(a) <= 0 ? ZERO : compare(a, SIX) >= 0 ? SIX : a;
    default:
      throw new Error(`exact reference: ${activation} is not rational`);
  }
}

/** h′(a) with the conventions at the kinks. */
function slope(activation: RawActivation, a: Rational, alpha: Rational, atZero: 0 | 1): Rational {
  const s = sign(a);
  switch (activation) {
    case 'identity':
      return ONE;
    case 'relu':
      return s > 0 ? ONE : s < 0 ? ZERO : atZero === 1 ? ONE : ZERO;
    case 'leaky-relu':
    case 'prelu':
      return s > 0 ? ONE : s < 0 ? alpha : atZero === 1 ? ONE : alpha;
    case 'relu6':
      if (compare(a, SIX) >= 0) return ZERO;
      return s > 0 ? ONE : s < 0 ? ZERO : atZero === 1 ? ONE : ZERO;
    default:
      throw new Error(`exact reference: ${activation} is not rational`);
  }
}

export interface ForwardLayer {
  readonly preactivation: Rational[][];
  /** null for a layer whose activation is not rational (the last one computed). */
  readonly output: Rational[][] | null;
}

/**
 * The forward pass for as long as it stays rational: every layer up to and including the first
 * one whose activation is not rational (of that one only the pre-activation, which is rational).
 */
export function rationalForward(raw: RawNetwork): ForwardLayer[] {
  return forwardWith(raw, parametersOf(raw));
}

function forwardWith(raw: RawNetwork, params: Parameters): ForwardLayer[] {
  const result: ForwardLayer[] = [];
  let z: Rational[][] = raw.input.map((row) => row.map(parseRational));
  for (let l = 0; l < raw.layers.length; l++) {
    const w = params.weights[l];
    const nUnits = units(raw, w);
    const nInputs = inputs(raw, w);
    const a = z.map((zs) =>
      Array.from({ length: nUnits }, (_, j) =>
        add(sum(Array.from({ length: nInputs }, (_, i) => mul(zs[i], weight(raw, w, i, j)))), params.bias[l][j]),
      ),
    );
    const activation = raw.layers[l].activation;
    if (!isRationalActivation(activation)) {
      result.push({ preactivation: a, output: null });
      break;
    }
    z = a.map((row) => row.map((x) => activate(activation, x, params.alpha[l])));
    result.push({ preactivation: a, output: z });
  }
  return result;
}

/** The batch loss: mean or sum over samples of ½Σ(y−t)², Σ(y−t)², or Σ(y−t)²/K. */
function batchLoss(raw: RawNetwork, y: readonly Rational[][], t: readonly Rational[][]): Rational {
  const perSample = y.map((ys, s) => {
    const squares = sum(ys.map((yk, k) => mul(sub(yk, t[s][k]), sub(yk, t[s][k]))));
    switch (raw.loss) {
      case 'half-sse':
        return div(squares, TWO);
      case 'sse':
        return squares;
      case 'mse':
        return div(squares, rational(BigInt(ys.length)));
      default:
        throw new Error(`exact reference: ${raw.loss} is not rational`);
    }
  });
  const total = sum(perSample);
  return raw.batch === 'mean' ? div(total, rational(BigInt(y.length))) : total;
}

/** The L2 slope k (∂R/∂w = k·w): λ, or λ/N; 0 without regularization. */
function decaySlope(raw: RawNetwork, samples: number): Rational {
  if (!raw.regularization) return ZERO;
  const lambda = parseRational(raw.regularization.l2);
  return raw.regularization.scale === '1/2' ? lambda : div(lambda, rational(BigInt(samples)));
}

/** R = (k/2)·Σw² over every weight. */
function penaltyOf(raw: RawNetwork, params: Parameters, samples: number): Rational {
  const squares = sum(params.weights.flat(2).map((w) => mul(w, w)));
  return mul(div(decaySlope(raw, samples), rational(2n)), squares);
}

function fullForward(raw: RawNetwork, params: Parameters): { a: Rational[][][]; z: Rational[][][] } {
  const layers = forwardWith(raw, params);
  if (layers.length !== raw.layers.length || layers.some((l) => l.output === null)) {
    throw new Error('exact reference: the network is not rational throughout');
  }
  return { a: layers.map((l) => l.preactivation), z: layers.map((l) => l.output!) };
}

/** One gradient-descent step, exactly. Throws for sigmoid, tanh, softmax or cross-entropy. */
export function exactSolve(raw: RawNetwork): ExactSolution {
  if (!isRationalNetwork(raw)) throw new Error('exact reference: the network is not rational throughout');
  const params = parametersOf(raw);
  const t = raw.target.map((row) => row.map(parseRational));
  const x = raw.input.map((row) => row.map(parseRational));
  const eta = parseRational(raw.learningRate);
  const nSamples = x.length;
  const c = raw.batch === 'mean' ? rational(1n, BigInt(nSamples)) : ONE;
  const { a, z } = fullForward(raw, params);
  const last = raw.layers.length - 1;
  const loss = add(batchLoss(raw, z[last], t), penaltyOf(raw, params, nSamples));
  const k = decaySlope(raw, nSamples);

  // ∂L/∂Z of the last layer, batch factor included.
  const K = rational(BigInt(z[last][0].length));
  let g: Rational[][] = z[last].map((ys, s) =>
    ys.map((yk, k) => {
      const diff = mul(c, sub(yk, t[s][k]));
      return raw.loss === 'half-sse' ? diff : raw.loss === 'sse' ? mul(TWO, diff) : div(mul(TWO, diff), K);
    }),
  );

  const layers: ExactLayer[] = new Array(raw.layers.length);
  const updated: Parameters = { weights: [...params.weights], bias: [...params.bias], alpha: [...params.alpha] };
  for (let l = last; l >= 0; l--) {
    const { activation } = raw.layers[l];
    const w = params.weights[l];
    const nUnits = units(raw, w);
    const nInputs = inputs(raw, w);
    const alpha = params.alpha[l];
    const zIn = l === 0 ? x : z[l - 1];
    const delta = g.map((gs, s) =>
      gs.map((gk, k) => mul(gk, slope(activation, a[l][s][k], alpha, raw.reluGradAtZero))),
    );
    const gradW = fileMatrix(raw, nInputs, nUnits, (i, j) =>
      add(sum(delta.map((ds, s) => mul(zIn[s][i], ds[j]))), mul(k, weight(raw, w, i, j))),
    );
    const perUnit = Array.from({ length: nUnits }, (_, j) => sum(delta.map((ds) => ds[j])));
    // A shared bias: one parameter in every unit, so its gradient is the sum over the units too.
    const gradB = raw.layers[l].sharedBias !== undefined ? perUnit.map(() => sum(perUnit)) : perUnit;
    const gradAlpha =
      activation === 'prelu'
        ? sum(g.flatMap((gs, s) => gs.map((gk, k) => (sign(a[l][s][k]) <= 0 ? mul(gk, a[l][s][k]) : ZERO))))
        : null;
    const weightsAfter = w.map((row, r) => row.map((wrc, col) => sub(wrc, mul(eta, gradW[r][col]))));
    const biasAfter = raw.updateBiases ? params.bias[l].map((b, j) => sub(b, mul(eta, gradB[j]))) : params.bias[l];
    const alphaAfter = gradAlpha === null ? alpha : sub(alpha, mul(eta, gradAlpha));
    updated.weights[l] = weightsAfter;
    updated.bias[l] = biasAfter;
    updated.alpha[l] = alphaAfter;
    layers[l] = {
      preactivation: a[l],
      output: z[l],
      delta,
      grad_weights: gradW,
      grad_bias: gradB,
      weights_after: weightsAfter,
      bias_after: biasAfter,
      ...(gradAlpha === null ? {} : { grad_alpha: gradAlpha, alpha_after: alphaAfter }),
    };
    // ∂L/∂Z of the layer below, through this layer's weights BEFORE the update.
    g = delta.map((ds) =>
      Array.from({ length: nInputs }, (_, i) => sum(ds.map((dj, j) => mul(dj, weight(raw, w, i, j))))),
    );
  }

  const after = fullForward(raw, updated);
  return { loss, layers, loss_after: add(batchLoss(raw, after.z[last], t), penaltyOf(raw, updated, nSamples)) };
}
