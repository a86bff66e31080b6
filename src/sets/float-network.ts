// A float64 recomputation of a network exercise, written from the formulas and sharing no code with
// the engine: plain JS numbers, one sample at a time, W kept as W[unit][input], the softmax backward
// through its full Jacobian (the engine uses y − t with cross-entropy), stated outputs replacing h(a)
// in the forward pass and in h′. The network comes straight from the exercise JSON (numbers as text).
import type { NetworkFile } from '../exercises/types';

export const num = (text: string): number => {
  const slash = text.indexOf('/');
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
};

interface Layer {
  readonly w: number[][];
  readonly b: number[];
  readonly act: string;
  readonly alpha: number;
}

export interface FloatNetwork {
  readonly loss: number;
  readonly lossAfter: number;
  readonly preactivation: number[][][];
  readonly output: number[][][];
  readonly derivative: number[][][];
  readonly delta: number[][][];
  /** In the file's layout. */
  readonly gradWeights: number[][][];
  readonly gradBias: number[][];
  readonly weightsAfter: number[][][];
  readonly biasAfter: number[][];
  readonly gradInput: number[][][];
  readonly gradAlpha: number[];
  /** Momentum: the velocity after the step, per layer (weights in the file's layout). */
  readonly velocity: readonly FloatState[];
  /** Adam: the moments after the step and their bias-corrected forms, per layer. */
  readonly moments: readonly FloatMoments[];
  /** Adam: the state the next step starts from. */
  readonly adamState: FloatAdamState | null;
  /** The network after the step (the parameters as text), for the next step. */
  readonly updatedFile: NetworkFile;
}

/** One layer's weights (in the file's layout) and bias of an optimizer state. */
export interface FloatState {
  readonly weights: number[][];
  readonly bias: number[];
}

export interface FloatMoments {
  readonly m: FloatState;
  readonly v: FloatState;
  readonly mHat: FloatState;
  readonly vHat: FloatState;
}

/** Adam's moments between steps, weights as W[unit][input]; t the steps taken. */
export interface FloatAdamState {
  readonly t: number;
  readonly layers: readonly {
    readonly m: number[][];
    readonly v: number[][];
    readonly mb: number[];
    readonly vb: number[];
  }[];
}

const KINK = 1e-9;

function layersOf(net: NetworkFile): Layer[] {
  return net.layers.map((layer) => {
    const m = layer.weights.map((r) => r.map(num));
    const w = net.layout === 'w-x' ? m : m[0].map((_, j) => m.map((r) => r[j]));
    const act = layer.activation;
    const alpha =
      layer.alpha !== undefined ? num(layer.alpha) : act === 'prelu' ? 0.25 : act === 'leaky-relu' ? 0.01 : 0;
    const bias = Array.isArray(layer.bias) ? layer.bias.map(num) : w.map(() => 0);
    return { w, b: bias, act, alpha };
  });
}

function activate(act: string, a: readonly number[], alpha: number): number[] {
  switch (act) {
    case 'sigmoid':
      return a.map((x) => 1 / (1 + Math.exp(-x)));
    case 'tanh':
      return a.map(Math.tanh);
    case 'relu':
      return a.map((x) => Math.max(0, x));
    case 'leaky-relu':
    case 'prelu':
      return a.map((x) => (x > 0 ? x : alpha * x));
    case 'relu6':
      return a.map((x) => Math.min(6, Math.max(0, x)));
    case 'softmax': {
      const m = Math.max(...a);
      const e = a.map((x) => Math.exp(x - m));
      const s = e.reduce((p, q) => p + q, 0);
      return e.map((x) => x / s);
    }
    default:
      return [...a];
  }
}

function derivative(act: string, a: number, y: number, alpha: number, right: boolean): number {
  const atZero = Math.abs(a) < KINK;
  switch (act) {
    case 'sigmoid':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return atZero ? (right ? 1 : 0) : a > 0 ? 1 : 0;
    case 'leaky-relu':
    case 'prelu':
      return atZero ? (right ? 1 : alpha) : a > 0 ? 1 : alpha;
    case 'relu6':
      if (a >= 6 - KINK) return 0;
      return atZero ? (right ? 1 : 0) : a > 0 ? 1 : 0;
    default:
      return 1;
  }
}

function sampleLoss(loss: string, y: readonly number[], t: readonly number[]): number {
  const sq = y.reduce((s, v, k) => s + (v - t[k]) ** 2, 0);
  if (loss === 'half-sse') return sq / 2;
  if (loss === 'sse') return sq;
  if (loss === 'mse') return sq / y.length;
  if (loss === 'binary-cross-entropy')
    return -t.reduce(
      (s, tk, k) => s + (tk === 0 ? 0 : tk * Math.log(y[k])) + (tk === 1 ? 0 : (1 - tk) * Math.log(1 - y[k])),
      0,
    );
  return -t.reduce((s, tk, k) => s + (tk === 0 ? 0 : tk * Math.log(y[k])), 0);
}

function lossGrad(loss: string, y: readonly number[], t: readonly number[]): number[] {
  if (loss === 'half-sse') return y.map((v, k) => v - t[k]);
  if (loss === 'sse') return y.map((v, k) => 2 * (v - t[k]));
  if (loss === 'mse') return y.map((v, k) => (2 / y.length) * (v - t[k]));
  if (loss === 'binary-cross-entropy') return y.map((v, k) => (v - t[k]) / (v * (1 - v)));
  return y.map((v, k) => -t[k] / v);
}

/** The forward pass and the loss; `given` replaces layer outputs (by layer index). */
export function floatForward(net: NetworkFile, layers: readonly Layer[], given: ReadonlyMap<number, number[][]>) {
  const X = net.input.map((r) => r.map(num));
  const T = net.target.map((r) => r.map(num));
  const A: number[][][] = layers.map(() => []);
  const Z: number[][][] = layers.map(() => []);
  let loss = 0;
  X.forEach((x, s) => {
    let z = x;
    layers.forEach((layer, l) => {
      const a = layer.w.map((row, j) => row.reduce((acc, wji, i) => acc + wji * z[i], layer.b[j]));
      z = given.get(l)?.[s] ?? activate(layer.act, a, layer.alpha);
      A[l].push(a);
      Z[l].push(z);
    });
    loss += sampleLoss(net.loss, z, T[s]);
  });
  const c = net.conventions?.batch === 'sum' ? 1 : 1 / X.length;
  // L2: + (k/2)·Σw² over every weight.
  const squares = layers.reduce((s, layer) => s + layer.w.flat().reduce((u, w) => u + w * w, 0), 0);
  return { X, T, A, Z, loss: loss * c + (decaySlope(net, X.length) / 2) * squares, c };
}

/** The L2 slope k in ∂R/∂w = k·w: λ, or λ/N for the "1/(2N)" scale; 0 without regularization. */
function decaySlope(net: NetworkFile, samples: number): number {
  if (!net.regularization) return 0;
  const lambda = num(net.regularization.l2);
  return net.regularization.scale === '1/2' ? lambda : lambda / samples;
}

export function floatLoss(net: NetworkFile): number {
  return floatForward(net, layersOf(net), new Map()).loss;
}

export function floatNetwork(
  net: NetworkFile,
  givenText: Readonly<Record<string, readonly (readonly string[])[]>> = {},
  state?: FloatAdamState,
): FloatNetwork {
  const given = new Map(Object.entries(givenText).map(([k, m]) => [Number(k), m.map((r) => r.map(num))] as const));
  const layers = layersOf(net);
  const right = net.conventions?.relu_grad_at_zero === '1';
  const eta = num(net.learning_rate);
  const { X, T, A, Z, loss, c } = floatForward(net, layers, given);
  const count = layers.length;
  const delta: number[][][] = layers.map(() => []);
  const deriv: number[][][] = layers.map(() => []);
  const gradInput: number[][][] = layers.map(() => []);
  const gradAlpha = layers.map(() => 0);
  X.forEach((_x, s) => {
    let g = lossGrad(net.loss, Z[count - 1][s], T[s]).map((v) => v * c);
    for (let l = count - 1; l >= 0; l--) {
      const layer = layers[l];
      const a = A[l][s];
      const y = Z[l][s];
      let d: number[];
      if (layer.act === 'softmax') {
        d = y.map((yk, k) => y.reduce((acc, yi, i) => acc + g[i] * yi * ((i === k ? 1 : 0) - yk), 0));
      } else {
        const h = a.map((ak, k) => derivative(layer.act, ak, y[k], layer.alpha, right));
        deriv[l].push(h);
        // PReLU's slope: ∂L/∂α = Σ over a ≤ 0 of ∂L/∂z · a.
        if (layer.act === 'prelu') gradAlpha[l] += a.reduce((acc, ak, k) => acc + (ak <= KINK ? g[k] * ak : 0), 0);
        d = g.map((gk, k) => gk * h[k]);
      }
      delta[l].push(d);
      const back = Array.from({ length: layer.w[0].length }, (_, i) =>
        d.reduce((acc, dj, j) => acc + dj * layer.w[j][i], 0),
      );
      gradInput[l].push(back);
      g = back;
    }
  });
  const file = (m: number[][]) => (net.layout === 'w-x' ? m : m[0].map((_, i) => m.map((r) => r[i])));
  const gradWeights: number[][][] = [];
  const gradBias: number[][] = [];
  const weightsAfter: number[][][] = [];
  const biasAfter: number[][] = [];
  const velocity: FloatState[] = [];
  const moments: FloatMoments[] = [];
  const nextState: FloatAdamState['layers'][number][] = [];
  const updated: Layer[] = layers.map((layer, l) => {
    const inputs = l === 0 ? X : Z[l - 1];
    const k = decaySlope(net, X.length);
    const gW = layer.w.map((row, j) =>
      row.map((w, i) => inputs.reduce((acc, z, s) => acc + z[i] * delta[l][s][j], 0) + k * w),
    );
    const gB = layer.b.map((_, j) => delta[l].reduce((acc, d) => acc + d[j], 0));
    // Momentum: v ← μv − η·g, w ← w + v from the stated velocity (in the file's layout); plain: w − η·g.
    const mom = net.optimizer?.name === 'momentum' ? net.optimizer : undefined;
    const adam = net.optimizer?.name === 'adam' ? net.optimizer : undefined;
    const mu = mom ? num(mom.momentum) : 0;
    const vW = (j: number, i: number) =>
      mom ? num(net.layout === 'w-x' ? mom.velocity[l].weights[j][i] : mom.velocity[l].weights[i][j]) : 0;
    const vB = (j: number) => (mom ? num(mom.velocity[l].bias[j]) : 0);
    const moves = net.update_biases !== 'false';
    let wU = layer.w.map((row, j) => row.map((w, i) => w + mu * vW(j, i) - eta * gW[j][i]));
    let bU = moves ? layer.b.map((b, j) => b + mu * vB(j) - eta * gB[j]) : layer.b;
    if (mom) {
      velocity.push({
        weights: file(layer.w.map((row, j) => row.map((_, i) => mu * vW(j, i) - eta * gW[j][i]))),
        bias: layer.b.map((_, j) => (moves ? mu * vB(j) - eta * gB[j] : vB(j))),
      });
    }
    if (adam) {
      // Adam (Kingma & Ba): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
      // w ← w − η·m̂/(√v̂ + ε), from the moments the step before left (zeros at t = 1).
      const b1 = num(adam.beta1);
      const b2 = num(adam.beta2);
      const eps = num(adam.epsilon);
      const t = (state?.t ?? 0) + 1;
      const before = state?.layers[l];
      const cell = (g: number, m0: number, v0: number) => {
        const m = b1 * m0 + (1 - b1) * g;
        const v = b2 * v0 + (1 - b2) * g * g;
        const mHat = m / (1 - b1 ** t);
        const vHat = v / (1 - b2 ** t);
        return { m, v, mHat, vHat, step: (eta * mHat) / (Math.sqrt(vHat) + eps) };
      };
      const cw = layer.w.map((row, j) => row.map((_, i) => cell(gW[j][i], before?.m[j][i] ?? 0, before?.v[j][i] ?? 0)));
      const cb = layer.b.map((_, j) => cell(gB[j], before?.mb[j] ?? 0, before?.vb[j] ?? 0));
      wU = layer.w.map((row, j) => row.map((w, i) => w - cw[j][i].step));
      const keep = (key: 'm' | 'v' | 'mHat' | 'vHat', old: number[] | undefined) =>
        cb.map((c, j) => (moves ? c[key] : (old?.[j] ?? 0)));
      bU = moves ? layer.b.map((b, j) => b - cb[j].step) : layer.b;
      const part = (key: 'm' | 'v' | 'mHat' | 'vHat', old?: number[]) => ({
        weights: file(cw.map((row) => row.map((c) => c[key]))),
        bias: keep(key, old),
      });
      moments.push({
        m: part('m', before?.mb),
        v: part('v', before?.vb),
        mHat: part('mHat', before?.mb),
        vHat: part('vHat', before?.vb),
      });
      nextState.push({
        m: cw.map((row) => row.map((c) => c.m)),
        v: cw.map((row) => row.map((c) => c.v)),
        mb: keep('m', before?.mb),
        vb: keep('v', before?.vb),
      });
    }
    gradWeights.push(file(gW));
    gradBias.push(gB);
    weightsAfter.push(file(wU));
    biasAfter.push(bU);
    const alpha = layer.act === 'prelu' ? layer.alpha - eta * gradAlpha[l] : layer.alpha;
    return { ...layer, w: wU, b: bU, alpha };
  });
  return {
    loss,
    lossAfter: floatForward(net, updated, new Map()).loss,
    preactivation: A,
    output: Z,
    derivative: deriv,
    delta,
    gradWeights,
    gradBias,
    weightsAfter,
    biasAfter,
    gradInput,
    gradAlpha,
    velocity,
    moments,
    adamState: net.optimizer?.name === 'adam' ? { t: (state?.t ?? 0) + 1, layers: nextState } : null,
    updatedFile: updatedFile(net, weightsAfter, biasAfter, updated, velocity),
  };
}

/** The network file after a step: its parameters (and a momentum's velocity) as float64 text. */
function updatedFile(
  net: NetworkFile,
  weightsAfter: readonly number[][][],
  biasAfter: readonly number[][],
  updated: readonly Layer[],
  velocity: readonly FloatState[],
): NetworkFile {
  const text = (m: readonly number[][]) => m.map((r) => r.map(String));
  const o = net.optimizer;
  return {
    ...net,
    layers: net.layers.map((layer, l) => ({
      ...layer,
      weights: text(weightsAfter[l]),
      bias: biasAfter[l].map(String),
      ...(layer.alpha === undefined && updated[l].act !== 'prelu' ? {} : { alpha: String(updated[l].alpha) }),
    })),
    ...(o?.name === 'momentum'
      ? { optimizer: { ...o, velocity: velocity.map((v) => ({ weights: text(v.weights), bias: v.bias.map(String) })) } }
      : {}),
  };
}

/**
 * The float64 values of `steps` steps on the whole batch, each from the parameters and optimizer state
 * the step before left (stated outputs apply to the first step only).
 */
export function floatSteps(
  net: NetworkFile,
  steps: number,
  givenText: Readonly<Record<string, readonly (readonly string[])[]>> = {},
): FloatNetwork[] {
  const out: FloatNetwork[] = [];
  let current = net;
  let state: FloatAdamState | undefined;
  for (let k = 0; k < steps; k++) {
    const r = floatNetwork(current, k === 0 ? givenText : {}, state);
    out.push(r);
    current = r.updatedFile;
    state = r.adamState ?? undefined;
  }
  return out;
}

/** The float64 value of a network ask (the exercise JSON's addressing); null for one it does not know. */
export function floatAsk(
  r: FloatNetwork,
  ask: { readonly quantity: string; readonly layer?: number; readonly index?: readonly number[] },
): unknown {
  const l = ask.layer ?? 0;
  const table: Record<string, unknown> = {
    loss: r.loss,
    loss_after: r.lossAfter,
    loss_improvement: r.loss - r.lossAfter,
    preactivation: r.preactivation[l],
    output: r.output[l],
    delta: r.delta[l],
    grad_weights: r.gradWeights[l],
    grad_bias: r.gradBias[l],
    weights_after: r.weightsAfter[l],
    bias_after: r.biasAfter[l],
    activation_derivative: r.derivative[l],
    grad_input: r.gradInput[l],
    grad_alpha: r.gradAlpha[l],
    velocity_after: r.velocity[l]?.weights,
    velocity_bias_after: r.velocity[l]?.bias,
    adam_m_after: r.moments[l]?.m.weights,
    adam_m_bias_after: r.moments[l]?.m.bias,
    adam_v_after: r.moments[l]?.v.weights,
    adam_v_bias_after: r.moments[l]?.v.bias,
    adam_m_hat: r.moments[l]?.mHat.weights,
    adam_m_hat_bias: r.moments[l]?.mHat.bias,
    adam_v_hat: r.moments[l]?.vHat.weights,
    adam_v_hat_bias: r.moments[l]?.vHat.bias,
  };
  if (ask.quantity === 'softmax_jacobian') {
    const [s = 0, ...rest] = ask.index ?? [];
    const y = r.output[l][s];
    const J = y.map((yi, i) => y.map((yk, k) => yi * ((i === k ? 1 : 0) - yk)));
    return rest.length === 2 ? J[rest[0]][rest[1]] : J;
  }
  if (!(ask.quantity in table) || table[ask.quantity] === undefined) return null;
  let v = table[ask.quantity];
  if (['loss', 'loss_after', 'loss_improvement', 'grad_alpha'].includes(ask.quantity)) return v;
  for (const i of ask.index ?? []) v = (v as unknown[])[i];
  return v;
}
