// An independent float64 reference for exercise answers, written from the formulas with plain JS
// numbers and no code from src/: one sample at a time, weights kept as W[unit][input] internally,
// the softmax backward through its full Jacobian, stated ("given") outputs replacing h(a) in the
// forward pass and in h′ (σ′ = y(1 − y), tanh′ = 1 − y²). The network comes straight from the
// exercise JSON (all numbers as strings).

export interface RawExerciseNetwork {
  layout: 'x-w' | 'w-x';
  layers: { weights: string[][]; bias?: string[]; activation: string; alpha?: string }[];
  loss: string;
  input: string[][];
  target: string[][];
  learning_rate: string;
  update_biases?: string;
  conventions?: { relu_grad_at_zero?: string; batch?: string };
  regularization?: { l2: string; scale: string };
  optimizer?:
    | { name: 'momentum'; momentum: string; velocity: { weights: string[][]; bias: string[] }[] }
    | { name: 'adam'; beta1: string; beta2: string; epsilon: string };
  steps?: string;
}

/** An optimizer's per-layer state: weights W[unit][input] and bias. */
export interface FloatState {
  w: number[][];
  b: number[];
}

/** Adam's moments between steps; t the steps taken. */
export interface FloatAdam {
  t: number;
  m: FloatState[];
  v: FloatState[];
}

/** The L2 slope k in ∂R/∂w = k·w: λ, or λ/N for the "1/(2N)" scale; 0 without regularization. */
function decaySlope(net: RawExerciseNetwork, samples: number): number {
  if (!net.regularization) return 0;
  const lambda = num(net.regularization.l2);
  return net.regularization.scale === '1/2' ? lambda : lambda / samples;
}

export const num = (text: string): number => {
  const slash = text.indexOf('/');
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
};

interface Layer {
  /** W[unit][input]. */
  w: number[][];
  b: number[];
  act: string;
  alpha: number;
}

export interface FloatResult {
  loss: number;
  lossAfter: number;
  preactivation: number[][][];
  output: number[][][];
  derivative: (number[][] | null)[];
  delta: number[][][];
  /** In the file's layout. */
  gradWeights: number[][][];
  gradBias: number[][];
  weightsAfter: number[][][];
  biasAfter: number[][];
  /** ∂L/∂(input of layer l), one row per sample. */
  gradInput: number[][][];
  /** Momentum's velocity after the step, W[unit][input]. */
  velocity: FloatState[];
  /** Adam after the step: the moments, their bias-corrected forms (W[unit][input]) and t. */
  adam: (FloatAdam & { mHat: FloatState[]; vHat: FloatState[] }) | null;
  layout: 'x-w' | 'w-x';
  /** The parameters after the step, W[unit][input], for the next step. */
  updated: FloatState[];
}

function layersOf(net: RawExerciseNetwork): Layer[] {
  return net.layers.map((layer) => {
    const m = layer.weights.map((r) => r.map(num));
    const w = net.layout === 'w-x' ? m : m[0].map((_, j) => m.map((r) => r[j]));
    const act = layer.activation;
    const alpha =
      layer.alpha !== undefined ? num(layer.alpha) : act === 'prelu' ? 0.25 : act === 'leaky-relu' ? 0.01 : 0;
    return { w, b: layer.bias ? layer.bias.map(num) : w.map(() => 0), act, alpha };
  });
}

function activate(act: string, a: number[], alpha: number): number[] {
  switch (act) {
    case 'identity':
      return a;
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
  }
  throw new Error(`activation ${act}`);
}

const EPS = 1e-9;

/** h′ from the pre-activation a and the output y, with the convention at the kinks. */
function derivative(act: string, a: number, y: number, alpha: number, right: boolean): number {
  const atZero = Math.abs(a) < EPS;
  switch (act) {
    case 'identity':
      return 1;
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
      if (a >= 6 - EPS) return 0;
      return atZero ? (right ? 1 : 0) : a > 0 ? 1 : 0;
  }
  throw new Error(`derivative of ${act}`);
}

function sampleLoss(loss: string, y: number[], t: number[]): number {
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

function lossGrad(loss: string, y: number[], t: number[]): number[] {
  if (loss === 'half-sse') return y.map((v, k) => v - t[k]);
  if (loss === 'sse') return y.map((v, k) => 2 * (v - t[k]));
  if (loss === 'mse') return y.map((v, k) => (2 / y.length) * (v - t[k]));
  if (loss === 'binary-cross-entropy') return y.map((v, k) => (v - t[k]) / (v * (1 - v)));
  return y.map((v, k) => -t[k] / v);
}

function forwardAll(net: RawExerciseNetwork, layers: Layer[], given: Map<number, number[][]>) {
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

/**
 * Deliberate slips, written here independently of src/concepts/misconceptions/, for checking that the
 * common misconceptions show in an exercise's answers: passing the delta back through W^l instead of
 * W^lᵀ, giving ∂L/∂W transposed, using the updated W^l in the backward pass (each in the listed
 * layers), forgetting η in the update, taking one sample's delta row as ∂L/∂b.
 */
export interface Slips {
  readonly backThroughW?: readonly number[];
  readonly transposedGradient?: readonly number[];
  readonly updatedWeightsBack?: readonly number[];
  readonly forgotLearningRate?: boolean;
  readonly biasFromSample?: number;
}

/** Every number of a network nudged by a tiny random relative amount (a "generic" network of the same shape). */
export function nudged(
  net: RawExerciseNetwork,
  givenText: Record<string, string[][]>,
  random: () => number,
  size = 1e-11,
) {
  const n = (text: string) => String(num(text) + size * (0.5 + random()) * Math.max(1, Math.abs(num(text))));
  const m = (rows: string[][]) => rows.map((r) => r.map(n));
  return {
    net: {
      ...net,
      layers: net.layers.map((l) => ({
        ...l,
        weights: m(l.weights),
        ...(l.bias ? { bias: l.bias.map(n) } : {}),
        ...(l.alpha ? { alpha: n(l.alpha) } : {}),
      })),
      input: m(net.input),
      learning_rate: n(net.learning_rate),
    },
    given: Object.fromEntries(Object.entries(givenText).map(([k, rows]) => [k, m(rows)])),
  };
}

export function floatSolve(
  net: RawExerciseNetwork,
  givenText: Record<string, string[][]> = {},
  slips: Slips = {},
  start: { params?: FloatState[]; velocity?: FloatState[]; adam?: FloatAdam } = {},
): FloatResult {
  const given = new Map(Object.entries(givenText).map(([k, m]) => [Number(k), m.map((r) => r.map(num))] as const));
  const layers = layersOf(net).map((layer, l) =>
    start.params ? { ...layer, w: start.params[l].w, b: start.params[l].b } : layer,
  );
  const right = net.conventions?.relu_grad_at_zero === '1';
  const eta = slips.forgotLearningRate ? 1 : num(net.learning_rate);
  const square = (l: number) => layers[l].w.length === layers[l].w[0].length;
  // The updated weights (unit, input) for the slip updatedWeightsBack: from a correct solve.
  const updatedW = slips.updatedWeightsBack?.length
    ? layersOf({
        ...net,
        layers: net.layers.map((l, k) => ({
          ...l,
          weights: floatSolve(net, givenText).weightsAfter[k].map((r) => r.map(String)),
        })),
      }).map((l) => l.w)
    : null;
  const { X, T, A, Z, loss, c } = forwardAll(net, layers, given);
  const count = layers.length;
  const delta: number[][][] = layers.map(() => []);
  const deriv: (number[][] | null)[] = layers.map((layer) => (layer.act === 'softmax' ? null : []));
  const gradInput: number[][][] = layers.map(() => []);
  X.forEach((_x, s) => {
    let g = lossGrad(net.loss, Z[count - 1][s], T[s]).map((v) => v * c);
    for (let l = count - 1; l >= 0; l--) {
      const layer = layers[l];
      const a = A[l][s];
      const y = Z[l][s];
      let d: number[];
      if (layer.act === 'softmax') {
        // Full Jacobian: δ_k = Σ_i g_i y_i(δ_ik − y_k).
        d = y.map((yk, k) => y.reduce((acc, yi, i) => acc + g[i] * yi * ((i === k ? 1 : 0) - yk), 0));
      } else {
        const h = a.map((ak, k) => derivative(layer.act, ak, y[k], layer.alpha, right));
        deriv[l]!.push(h);
        d = g.map((gk, k) => gk * h[k]);
      }
      delta[l].push(d);
      const inputWidth = layer.w[0].length;
      const w = updatedW && slips.updatedWeightsBack?.includes(l) ? updatedW[l] : layer.w;
      const throughW = slips.backThroughW?.includes(l) && square(l);
      const back = Array.from({ length: inputWidth }, (_, i) =>
        d.reduce((acc, dj, j) => acc + dj * (throughW ? w[i][j] : w[j][i]), 0),
      );
      gradInput[l].push(back);
      g = back;
    }
  });
  const gradWeights: number[][][] = [];
  const gradBias: number[][] = [];
  const weightsAfter: number[][][] = [];
  const biasAfter: number[][] = [];
  const updated: Layer[] = [];
  const velocity: FloatState[] = [];
  let adam: FloatResult['adam'] = null;
  layers.forEach((layer, l) => {
    const inputs = l === 0 ? X : Z[l - 1];
    // gWU[j][i] = Σ_s δ_sj z_si (unit, input).
    const gRight = layer.w.map((row, j) =>
      row.map((_, i) => inputs.reduce((acc, z, s) => acc + z[i] * delta[l][s][j], 0)),
    );
    const k = decaySlope(net, X.length);
    const gWU = (
      slips.transposedGradient?.includes(l) && square(l)
        ? gRight.map((row, j) => row.map((_, i) => gRight[i][j]))
        : gRight
    ).map((row, j) => row.map((g, i) => g + k * layer.w[j][i]));
    const gB = layer.b.map((_, j) =>
      slips.biasFromSample === undefined
        ? delta[l].reduce((acc, d) => acc + d[j], 0)
        : delta[l][slips.biasFromSample][j],
    );
    // Momentum: v ← μv − η·g, w ← w + v from the stated velocity (in the file's layout); plain: w − η·g.
    const mom = net.optimizer?.name === 'momentum' ? net.optimizer : undefined;
    const mu = mom ? num(mom.momentum) : 0;
    const vW = (j: number, i: number) =>
      start.velocity
        ? start.velocity[l].w[j][i]
        : mom
          ? num(net.layout === 'w-x' ? mom.velocity[l].weights[j][i] : mom.velocity[l].weights[i][j])
          : 0;
    const vB = (j: number) => (start.velocity ? start.velocity[l].b[j] : mom ? num(mom.velocity[l].bias[j]) : 0);
    const moves = net.update_biases !== 'false';
    let wU = layer.w.map((row, j) => row.map((w, i) => w + mu * vW(j, i) - eta * gWU[j][i]));
    let bU = moves ? layer.b.map((b, j) => b + mu * vB(j) - eta * gB[j]) : layer.b;
    velocity.push({
      w: layer.w.map((row, j) => row.map((_, i) => mu * vW(j, i) - eta * gWU[j][i])),
      b: layer.b.map((_, j) => (moves ? mu * vB(j) - eta * gB[j] : vB(j))),
    });
    if (net.optimizer?.name === 'adam') {
      // m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − η·m̂/(√v̂ + ε).
      const b1 = num(net.optimizer.beta1);
      const b2 = num(net.optimizer.beta2);
      const eps = num(net.optimizer.epsilon);
      const t = (start.adam?.t ?? 0) + 1;
      const m0 = start.adam?.m[l] ?? { w: layer.w.map((r) => r.map(() => 0)), b: layer.b.map(() => 0) };
      const v0 = start.adam?.v[l] ?? { w: layer.w.map((r) => r.map(() => 0)), b: layer.b.map(() => 0) };
      const m = {
        w: gWU.map((r, j) => r.map((g, i) => b1 * m0.w[j][i] + (1 - b1) * g)),
        b: gB.map((g, j) => (moves ? b1 * m0.b[j] + (1 - b1) * g : m0.b[j])),
      };
      const v = {
        w: gWU.map((r, j) => r.map((g, i) => b2 * v0.w[j][i] + (1 - b2) * g * g)),
        b: gB.map((g, j) => (moves ? b2 * v0.b[j] + (1 - b2) * g * g : v0.b[j])),
      };
      const mHat = {
        w: m.w.map((r) => r.map((x) => x / (1 - b1 ** t))),
        b: m.b.map((x, j) => (moves ? x / (1 - b1 ** t) : m0.b[j])),
      };
      const vHat = {
        w: v.w.map((r) => r.map((x) => x / (1 - b2 ** t))),
        b: v.b.map((x, j) => (moves ? x / (1 - b2 ** t) : v0.b[j])),
      };
      wU = layer.w.map((r, j) => r.map((w, i) => w - (eta * mHat.w[j][i]) / (Math.sqrt(vHat.w[j][i]) + eps)));
      bU = moves ? layer.b.map((b, j) => b - (eta * mHat.b[j]) / (Math.sqrt(vHat.b[j]) + eps)) : layer.b;
      adam ??= { t, m: [], v: [], mHat: [], vHat: [] };
      adam.m.push(m);
      adam.v.push(v);
      adam.mHat.push(mHat);
      adam.vHat.push(vHat);
    }
    const file = (m: number[][]) => (net.layout === 'w-x' ? m : m[0].map((_, i) => m.map((r) => r[i])));
    gradWeights.push(file(gWU));
    gradBias.push(gB);
    weightsAfter.push(file(wU));
    biasAfter.push(bU);
    updated.push({ ...layer, w: wU, b: bU });
  });
  const after = forwardAll(net, updated, new Map());
  return {
    loss,
    lossAfter: after.loss,
    preactivation: A,
    output: Z,
    derivative: deriv,
    delta,
    gradWeights,
    gradBias,
    weightsAfter,
    biasAfter,
    gradInput,
    velocity,
    adam,
    layout: net.layout,
    updated: updated.map((layer) => ({ w: layer.w, b: layer.b })),
  };
}

/** `steps` steps on the whole batch, each from the parameters and optimizer state the step before left. */
export function floatSteps(
  net: RawExerciseNetwork,
  steps: number,
  givenText: Record<string, string[][]> = {},
): FloatResult[] {
  const out: FloatResult[] = [];
  let start: Parameters<typeof floatSolve>[3] = {};
  for (let k = 0; k < steps; k++) {
    const r = floatSolve(net, k === 0 ? givenText : {}, {}, start);
    out.push(r);
    start = { params: r.updated, velocity: r.velocity, ...(r.adam ? { adam: r.adam } : {}) };
  }
  return out;
}

const inFileLayout = (layout: 'x-w' | 'w-x', w: number[][]) =>
  layout === 'w-x' ? w : w[0].map((_, i) => w.map((r) => r[i]));

function optimizerState(r: FloatResult, quantity: string): FloatState[] | null {
  const name = quantity.replace('_bias', '');
  if (name === 'velocity_after') return r.velocity;
  if (!r.adam) return null;
  const table: Record<string, FloatState[]> = {
    adam_m_after: r.adam.m,
    adam_v_after: r.adam.v,
    adam_m_hat: r.adam.mHat,
    adam_v_hat: r.adam.vHat,
  };
  return table[name] ?? null;
}

/** The reference value of a network ask (same addressing as the exercise JSON). */
export function floatAsk(
  r: FloatResult,
  ask: { quantity: string; layer?: number; index?: number[] },
): number | number[] | number[][] {
  const l = ask.layer ?? 0;
  let whole: unknown;
  switch (ask.quantity) {
    case 'loss':
      return r.loss;
    case 'loss_after':
      return r.lossAfter;
    case 'loss_improvement':
      return r.loss - r.lossAfter;
    case 'preactivation':
      whole = r.preactivation[l];
      break;
    case 'output':
      whole = r.output[l];
      break;
    case 'delta':
      whole = r.delta[l];
      break;
    case 'grad_weights':
      whole = r.gradWeights[l];
      break;
    case 'grad_bias':
      whole = r.gradBias[l];
      break;
    case 'weights_after':
      whole = r.weightsAfter[l];
      break;
    case 'bias_after':
      whole = r.biasAfter[l];
      break;
    case 'activation_derivative':
      whole = r.derivative[l];
      break;
    case 'grad_input':
      whole = r.gradInput[l];
      break;
    case 'softmax_jacobian': {
      const [s, ...rest] = ask.index ?? [0];
      const y = r.output[l][s];
      const J = y.map((yi, i) => y.map((yk, k) => yi * ((i === k ? 1 : 0) - yk)));
      return rest.length === 2 ? J[rest[0]][rest[1]] : J;
    }
    default: {
      const state = optimizerState(r, ask.quantity);
      if (!state) throw new Error(`quantity ${ask.quantity}`);
      whole = ask.quantity.includes('_bias') ? state[l].b : inFileLayout(r.layout, state[l].w);
    }
  }
  let v = whole as number | number[] | number[][];
  for (const i of ask.index ?? []) v = (v as (number | number[])[])[i] as number | number[];
  return v;
}
