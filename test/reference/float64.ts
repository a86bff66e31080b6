// An independent float64 reference for one step of gradient descent, written from the formulas and
// sharing no code with src/engine: plain JS numbers, one sample at a time, weights kept internally
// as W[unit][input] (the engine keeps W[input][unit]), the softmax backward through its full
// Jacobian (the engine uses y − t with cross-entropy), and cross-entropy from the pre-activation
// (log-sum-exp, softplus) so that it stays finite where y underflows.
//
// Conventions are the issue's: at a = 0 the ReLU family takes the left derivative (relu 0,
// leaky/prelu α, relu6 0) when relu_grad_at_zero is 0 and 1 when it is 1; relu6′ = 0 for a ≥ 6.
// A float64 pre-activation that is exactly 0 or 6 in exact arithmetic comes out a few ulps away,
// so values within KINK_TOLERANCE of a kink count as on it.
import type { RawActivation, RawNetwork } from './raw';
import { defaultAlpha } from './raw';

export const KINK_TOLERANCE = 1e-11;

export interface RefLayer {
  readonly preactivation: number[][];
  readonly output: number[][];
  /** ∂L/∂z, batch factor included. */
  readonly grad_output: number[][];
  /** h′(a); null for softmax. */
  readonly activation_derivative: number[][] | null;
  readonly delta: number[][];
  readonly grad_weights: number[][];
  readonly grad_bias: number[];
  readonly weights_after: number[][];
  readonly bias_after: number[];
  /** prelu only. */
  readonly grad_alpha?: number;
  readonly alpha_after?: number;
}

export interface RefSolution {
  readonly sample_losses: number[];
  /** [sample][unit]: each unit's term of its sample's loss. */
  readonly unit_losses: number[][];
  readonly loss: number;
  readonly layers: RefLayer[];
  readonly after: { readonly layers: { preactivation: number[][]; output: number[][] }[]; readonly loss: number };
  readonly loss_after: number;
}

interface Layer {
  /** W[unit][input]. */
  readonly w: number[][];
  readonly b: number[];
  /** One bias for every unit: its gradient is the sum over the units as well. */
  readonly shared: boolean;
  readonly activation: RawActivation;
  readonly alpha: number;
}

/** "0.15" → 0.15, "1/3" → 1/3. */
export function literalToNumber(text: string): number {
  const slash = text.indexOf('/');
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
}

const numbers = (m: readonly (readonly string[])[]) => m.map((r) => r.map(literalToNumber));

function transpose(m: readonly (readonly number[])[]): number[][] {
  return m[0].map((_, j) => m.map((r) => r[j]));
}

function layersOf(raw: RawNetwork): Layer[] {
  return raw.layers.map((layer) => {
    const file = numbers(layer.weights);
    const w = raw.layout === 'w-x' ? file : transpose(file);
    const alphaText = layer.alpha ?? defaultAlpha(layer.activation);
    return {
      w,
      b:
        layer.sharedBias !== undefined
          ? w.map(() => literalToNumber(layer.sharedBias!))
          : layer.bias
            ? layer.bias.map(literalToNumber)
            : w.map(() => 0),
      shared: layer.sharedBias !== undefined,
      activation: layer.activation,
      alpha: alphaText === null ? 0 : literalToNumber(alphaText),
    };
  });
}

/** −1, 0 or 1: which side of the kink at `at` the pre-activation is on. */
function side(a: number, at: number): -1 | 0 | 1 {
  const d = a - at;
  return Math.abs(d) <= KINK_TOLERANCE ? 0 : d < 0 ? -1 : 1;
}

function activateVector(layer: Layer, a: number[]): number[] {
  if (layer.activation === 'softmax') {
    const m = Math.max(...a);
    const e = a.map((x) => Math.exp(x - m));
    const total = e.reduce((s, x) => s + x, 0);
    return e.map((x) => x / total);
  }
  return a.map((x) => {
    switch (layer.activation) {
      case 'identity':
        return x;
      case 'sigmoid':
        return 1 / (1 + Math.exp(-x));
      case 'tanh':
        return Math.tanh(x);
      case 'relu':
        return side(x, 0) > 0 ? x : 0;
      case 'leaky-relu':
      case 'prelu':
        return side(x, 0) > 0 ? x : layer.alpha * x;
      case 'relu6':
        return side(x, 0) <= 0 ? 0 : side(x, 6) >= 0 ? 6 : x;
      default:
        throw new Error(`unknown activation ${layer.activation}`);
    }
  });
}

/** h′(a) for the element-wise activations. */
function slope(layer: Layer, a: number, y: number, gradAtZero: 0 | 1): number {
  switch (layer.activation) {
    case 'identity':
      return 1;
    case 'sigmoid':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return side(a, 0) > 0 ? 1 : side(a, 0) === 0 ? gradAtZero : 0;
    case 'leaky-relu':
    case 'prelu':
      return side(a, 0) > 0 ? 1 : side(a, 0) === 0 && gradAtZero === 1 ? 1 : layer.alpha;
    case 'relu6':
      if (side(a, 6) >= 0) return 0;
      return side(a, 0) > 0 ? 1 : side(a, 0) === 0 ? gradAtZero : 0;
    default:
      throw new Error(`no element-wise slope for ${layer.activation}`);
  }
}

interface Pass {
  /** a[l][j] and z[l][j] for one sample. */
  readonly a: number[][];
  readonly z: number[][];
}

function forwardSample(layers: readonly Layer[], x: readonly number[]): Pass {
  const a: number[][] = [];
  const z: number[][] = [];
  let input = x;
  for (const layer of layers) {
    const pre = layer.w.map((row, j) => row.reduce((s, wji, i) => s + wji * input[i], 0) + layer.b[j]);
    const out = activateVector(layer, pre);
    a.push(pre);
    z.push(out);
    input = out;
  }
  return { a, z };
}

/** ln y_k from the last pre-activation (stable for sigmoid and softmax). */
function logOutputs(layer: Layer, a: readonly number[], y: readonly number[]): number[] {
  if (layer.activation === 'softmax') {
    const m = Math.max(...a);
    const logTotal = Math.log(a.reduce((s, x) => s + Math.exp(x - m), 0));
    return a.map((x) => x - m - logTotal);
  }
  if (layer.activation === 'sigmoid') {
    // ln σ(x) = −softplus(−x), softplus(u) = max(u, 0) + ln(1 + e^(−|u|)).
    return a.map((x) => -(Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)))));
  }
  return y.map(Math.log);
}

/** Each output unit's term of one sample's loss (they add up to the sample's loss). */
function unitLosses(raw: RawNetwork, last: Layer, pass: Pass, t: readonly number[]): number[] {
  const a = pass.a[pass.a.length - 1];
  const y = pass.z[pass.z.length - 1];
  switch (raw.loss) {
    case 'half-sse':
      return y.map((yk, k) => (yk - t[k]) ** 2 / 2);
    case 'sse':
      return y.map((yk, k) => (yk - t[k]) ** 2);
    case 'mse':
      return y.map((yk, k) => (yk - t[k]) ** 2 / y.length);
    case 'binary-cross-entropy': {
      // ln σ(a) = −softplus(−a) and ln(1 − σ(a)) = −softplus(a), without cancellation.
      const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
      if (last.activation === 'sigmoid') return t.map((tk, k) => tk * softplus(-a[k]) + (1 - tk) * softplus(a[k]));
      return t.map((tk, k) => -(tk * Math.log(y[k]) + (1 - tk) * Math.log(1 - y[k])));
    }
    case 'cross-entropy': {
      const logs = logOutputs(last, a, y);
      return t.map((tk, k) => (tk === 0 ? 0 : -tk * logs[k]));
    }
  }
}

function sampleLoss(raw: RawNetwork, last: Layer, pass: Pass, t: readonly number[]): number {
  return unitLosses(raw, last, pass, t).reduce((s, u) => s + u, 0);
}

function batchLoss(
  raw: RawNetwork,
  layers: readonly Layer[],
  x: number[][],
  t: number[][],
): { loss: number; passes: Pass[]; sampleLosses: number[] } {
  const passes = x.map((xs) => forwardSample(layers, xs));
  const sampleLosses = passes.map((p, n) => sampleLoss(raw, layers[layers.length - 1], p, t[n]));
  const total = sampleLosses.reduce((s, v) => s + v, 0);
  const data = raw.batch === 'mean' ? total / x.length : total;
  return { loss: data + penaltyOf(raw, layers, x.length), passes, sampleLosses };
}

/** The slope k of the L2 penalty's gradient k·w: λ, or λ/N for the "1/(2N)" scale; 0 without one. */
function decaySlope(raw: RawNetwork, samples: number): number {
  if (!raw.regularization) return 0;
  const lambda = literalToNumber(raw.regularization.l2);
  return raw.regularization.scale === '1/2' ? lambda : lambda / samples;
}

/** R = (k/2)·Σ over every weight of w². */
function penaltyOf(raw: RawNetwork, layers: readonly Layer[], samples: number): number {
  const squares = layers.reduce((s, layer) => s + layer.w.flat().reduce((t, w) => t + w * w, 0), 0);
  return (decaySlope(raw, samples) / 2) * squares;
}

/** ∂L/∂y for one sample, batch factor included. */
function outputGradient(raw: RawNetwork, y: readonly number[], t: readonly number[], c: number): number[] {
  return y.map((yk, k) => {
    switch (raw.loss) {
      case 'half-sse':
        return c * (yk - t[k]);
      case 'sse':
        return 2 * c * (yk - t[k]);
      case 'mse':
        return (2 * c * (yk - t[k])) / y.length;
      case 'cross-entropy':
        return t[k] === 0 ? 0 : (-c * t[k]) / yk;
      case 'binary-cross-entropy':
        return (c * (yk - t[k])) / (yk * (1 - yk));
    }
  });
}

export function referenceSolve(raw: RawNetwork): RefSolution {
  const layers = layersOf(raw);
  const x = numbers(raw.input);
  const t = numbers(raw.target);
  const eta = literalToNumber(raw.learningRate);
  const c = raw.batch === 'mean' ? 1 / x.length : 1;
  const { loss, passes, sampleLosses } = batchLoss(raw, layers, x, t);

  const gradW = layers.map((layer) => layer.w.map((row) => row.map(() => 0)));
  const gradB = layers.map((layer) => layer.b.map(() => 0));
  const gradAlpha = layers.map(() => 0);
  const deltas: number[][][] = layers.map(() => []);
  const gradOutputs: number[][][] = layers.map(() => []);
  const slopes: number[][][] = layers.map(() => []);

  passes.forEach((pass, n) => {
    let g = outputGradient(raw, pass.z[layers.length - 1], t[n], c);
    for (let l = layers.length - 1; l >= 0; l--) {
      const layer = layers[l];
      const a = pass.a[l];
      const y = pass.z[l];
      let delta: number[];
      gradOutputs[l].push(g);
      if (layer.activation === 'softmax') {
        // δ_k = Σ_i g_i ∂y_i/∂a_k with ∂y_i/∂a_k = y_i([i = k] − y_k).
        delta = y.map((_, k) => g.reduce((s, gi, i) => s + gi * y[i] * ((i === k ? 1 : 0) - y[k]), 0));
      } else {
        const h = a.map((ak, k) => slope(layer, ak, y[k], raw.reluGradAtZero));
        slopes[l].push(h);
        delta = h.map((hk, k) => g[k] * hk);
      }
      if (layer.activation === 'prelu') {
        // z = α·a on a ≤ 0, so ∂z/∂α = a there and 0 elsewhere.
        gradAlpha[l] += a.reduce((s, ak, k) => (side(ak, 0) <= 0 ? s + g[k] * ak : s), 0);
      }
      const zIn = l === 0 ? x[n] : pass.z[l - 1];
      delta.forEach((dj, j) => {
        gradB[l][j] += dj;
        zIn.forEach((zi, i) => (gradW[l][j][i] += dj * zi));
      });
      deltas[l].push(delta);
      // ∂L/∂z_i of the layer below, with this layer's weights before the update.
      g = zIn.map((_, i) => delta.reduce((s, dj, j) => s + dj * layer.w[j][i], 0));
    }
  });

  // Weight decay: ∂R/∂w = k·w, on the weights only.
  const k = decaySlope(raw, x.length);
  layers.forEach((layer, l) => layer.w.forEach((row, j) => row.forEach((w, i) => (gradW[l][j][i] += k * w))));
  layers.forEach((layer, l) => {
    if (!layer.shared) return;
    const total = gradB[l].reduce((s, g) => s + g, 0);
    gradB[l] = gradB[l].map(() => total);
  });
  const updated: Layer[] = layers.map((layer, l) => ({
    w: layer.w.map((row, j) => row.map((wji, i) => wji - eta * gradW[l][j][i])),
    b: raw.updateBiases ? layer.b.map((bj, j) => bj - eta * gradB[l][j]) : layer.b,
    shared: layer.shared,
    activation: layer.activation,
    alpha: layer.activation === 'prelu' ? layer.alpha - eta * gradAlpha[l] : layer.alpha,
  }));
  const after = batchLoss(raw, updated, x, t);
  const fileLayout = (m: number[][]) => (raw.layout === 'w-x' ? m : transpose(m));

  return {
    sample_losses: sampleLosses,
    unit_losses: passes.map((p, n) => unitLosses(raw, layers[layers.length - 1], p, t[n])),
    loss,
    layers: layers.map((layer, l) => ({
      preactivation: passes.map((p) => p.a[l]),
      output: passes.map((p) => p.z[l]),
      grad_output: gradOutputs[l],
      activation_derivative: layer.activation === 'softmax' ? null : slopes[l],
      delta: deltas[l],
      grad_weights: fileLayout(gradW[l]),
      grad_bias: gradB[l],
      weights_after: fileLayout(updated[l].w),
      bias_after: updated[l].b,
      ...(layer.activation === 'prelu' ? { grad_alpha: gradAlpha[l], alpha_after: updated[l].alpha } : {}),
    })),
    after: {
      layers: layers.map((_, l) => ({
        preactivation: after.passes.map((p) => p.a[l]),
        output: after.passes.map((p) => p.z[l]),
      })),
      loss: after.loss,
    },
    loss_after: after.loss,
  };
}
