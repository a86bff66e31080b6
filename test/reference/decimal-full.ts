// An independent 120-digit reference for one step of gradient descent, for every activation and
// loss: forward, loss, deltas, gradients, the update and the loss after it, in decimal.js at 120
// significant digits with its own exp/ln/tanh. Nothing from src/; written from the formulas.
//
// - softmax (last layer only) with cross-entropy: δ = c·(y − t) directly; with any other loss
//   through its Jacobian, δ_k = Σ_i g_i · y_i([i = k] − y_k).
// - sigmoid′ = y(1 − y), tanh′ = 1 − y²; cross-entropy −Σ t·ln y, so ∂L/∂y_k = −c·t_k / y_k.
// - The ReLU family at a kink as the issue says (left derivative for relu_grad_at_zero 0, 1 for 1;
//   relu6′ = 0 at a ≥ 6). A pre-activation that is exactly on a kink can come out a few units in
//   the 120th digit away from it (1/3 is not a finite decimal), so |a − kink| ≤ 1e-100 counts as on it.
// - Hidden deltas use the weights before the update; prelu ∂L/∂α = Σ over a ≤ 0 of ∂L/∂z · a.
import DecimalBase from 'decimal.js';
import type { RawActivation, RawNetwork } from './raw';
import { defaultAlpha } from './raw';

export const D120 = DecimalBase.clone({ precision: 120, rounding: DecimalBase.ROUND_HALF_EVEN });
export type D120 = DecimalBase;

/** How close to a kink counts as on it (exact kinks miss by ~1e-120 at most). */
export const KINK_TOLERANCE = new D120('1e-100');

export interface DecimalLayer {
  readonly preactivation: D120[][];
  readonly output: D120[][];
  readonly delta: D120[][];
  /** In the file's layout. */
  readonly grad_weights: D120[][];
  readonly grad_bias: D120[];
  readonly weights_after: D120[][];
  readonly bias_after: D120[];
  /** prelu only. */
  readonly grad_alpha?: D120;
  readonly alpha_after?: D120;
}

export interface DecimalSolution {
  readonly loss: D120;
  readonly layers: DecimalLayer[];
  readonly loss_after: D120;
}

/** "0.15" → 0.15, "-2/3" → −2/3 to 120 digits. */
export function literal120(text: string): D120 {
  const slash = text.indexOf('/');
  return slash < 0 ? new D120(text) : new D120(text.slice(0, slash)).div(text.slice(slash + 1));
}

interface Layer {
  /** W[unit][input] whatever the file's layout. */
  readonly w: D120[][];
  readonly b: D120[];
  readonly activation: RawActivation;
  readonly alpha: D120;
}

const zero = new D120(0);
const one = new D120(1);
const six = new D120(6);
const total = (xs: readonly D120[]): D120 => xs.reduce((s, x) => s.plus(x), zero);
const transpose = <T>(m: readonly (readonly T[])[]): T[][] => m[0].map((_, j) => m.map((r) => r[j]));

/** −1, 0 or 1: which side of the kink at `at` the value is on. */
function side(a: D120, at: D120): -1 | 0 | 1 {
  const d = a.minus(at);
  return d.abs().lte(KINK_TOLERANCE) ? 0 : d.isNeg() ? -1 : 1;
}

function layersOf(raw: RawNetwork): Layer[] {
  return raw.layers.map((layer) => {
    const file = layer.weights.map((row) => row.map(literal120));
    const w = raw.layout === 'w-x' ? file : transpose(file);
    const alpha = layer.alpha ?? defaultAlpha(layer.activation);
    return {
      w,
      b: layer.bias ? layer.bias.map(literal120) : w.map(() => zero),
      activation: layer.activation,
      alpha: alpha === null ? zero : literal120(alpha),
    };
  });
}

/** The activation of one sample's pre-activation vector. */
function activate(layer: Layer, a: readonly D120[]): D120[] {
  if (layer.activation === 'softmax') {
    const m = D120.max(...a);
    const e = a.map((x) => D120.exp(x.minus(m)));
    const s = total(e);
    return e.map((x) => x.div(s));
  }
  return a.map((x) => {
    switch (layer.activation) {
      case 'identity':
        return x;
      case 'sigmoid':
        return one.div(one.plus(D120.exp(x.neg())));
      case 'tanh':
        return D120.tanh(x);
      case 'relu':
        return side(x, zero) > 0 ? x : zero;
      case 'leaky-relu':
      case 'prelu':
        return side(x, zero) > 0 ? x : layer.alpha.times(x);
      case 'relu6':
        return side(x, zero) <= 0 ? zero : side(x, six) >= 0 ? six : x;
      default:
        throw new Error(`decimal reference: unknown activation ${layer.activation}`);
    }
  });
}

/** h′(a) of an element-wise activation, from a and the output y. */
function slope(layer: Layer, a: D120, y: D120, atZero: 0 | 1): D120 {
  switch (layer.activation) {
    case 'identity':
      return one;
    case 'sigmoid':
      return y.times(one.minus(y));
    case 'tanh':
      return one.minus(y.times(y));
    case 'relu': {
      const s = side(a, zero);
      return s > 0 ? one : s < 0 ? zero : new D120(atZero);
    }
    case 'leaky-relu':
    case 'prelu': {
      const s = side(a, zero);
      return s > 0 ? one : s === 0 && atZero === 1 ? one : layer.alpha;
    }
    case 'relu6': {
      if (side(a, six) >= 0) return zero;
      const s = side(a, zero);
      return s > 0 ? one : s < 0 ? zero : new D120(atZero);
    }
    default:
      throw new Error(`decimal reference: no element-wise slope for ${layer.activation}`);
  }
}

interface Pass {
  /** a[l][sample][unit], z[l][sample][unit]. */
  readonly a: D120[][][];
  readonly z: D120[][][];
}

function forward(layers: readonly Layer[], x: readonly D120[][]): Pass {
  const a: D120[][][] = [];
  const z: D120[][][] = [];
  let input: readonly D120[][] = x;
  for (const layer of layers) {
    const pre = input.map((xs) =>
      layer.w.map((row, j) => row.reduce((s, wji, i) => s.plus(wji.times(xs[i])), layer.b[j])),
    );
    const out = pre.map((row) => activate(layer, row));
    a.push(pre);
    z.push(out);
    input = out;
  }
  return { a, z };
}

function batchLoss(raw: RawNetwork, y: readonly D120[][], t: readonly D120[][]): D120 {
  const perSample = y.map((ys, s) => {
    if (raw.loss === 'cross-entropy')
      return total(ys.map((yk, k) => (t[s][k].isZero() ? zero : t[s][k].times(D120.ln(yk))))).neg();
    if (raw.loss === 'binary-cross-entropy')
      return total(
        ys.map((yk, k) => {
          const tk = t[s][k];
          const rest = one.minus(tk);
          const first = tk.isZero() ? zero : tk.times(D120.ln(yk));
          return rest.isZero() ? first : first.plus(rest.times(D120.ln(one.minus(yk))));
        }),
      ).neg();
    const squares = total(ys.map((yk, k) => yk.minus(t[s][k]).pow(2)));
    if (raw.loss === 'half-sse') return squares.div(2);
    if (raw.loss === 'mse') return squares.div(ys.length);
    return squares;
  });
  const sum = total(perSample);
  return raw.batch === 'mean' ? sum.div(y.length) : sum;
}

/** One gradient-descent step at 120 digits, for any network the file format allows. */
export function decimalSolve(raw: RawNetwork): DecimalSolution {
  const layers = layersOf(raw);
  const x = raw.input.map((row) => row.map(literal120));
  const t = raw.target.map((row) => row.map(literal120));
  const eta = literal120(raw.learningRate);
  const c = raw.batch === 'mean' ? one.div(x.length) : one;
  const pass = forward(layers, x);
  const last = layers.length - 1;
  const y = pass.z[last];
  const loss = batchLoss(raw, y, t);
  const softmaxCrossEntropy = layers[last].activation === 'softmax' && raw.loss === 'cross-entropy';

  // g = ∂L/∂Z of the last layer (batch factor c included).
  let g: D120[][] = y.map((ys, s) =>
    ys.map((yk, k) => {
      const tk = t[s][k];
      switch (raw.loss) {
        case 'half-sse':
          return c.times(yk.minus(tk));
        case 'sse':
          return c.times(2).times(yk.minus(tk));
        case 'mse':
          return c.times(2).times(yk.minus(tk)).div(ys.length);
        case 'cross-entropy':
          return tk.isZero() ? zero : c.times(tk).div(yk).neg();
        case 'binary-cross-entropy':
          return c.times(yk.minus(tk)).div(yk.times(one.minus(yk)));
      }
    }),
  );

  const result: DecimalLayer[] = new Array(layers.length);
  const updated: Layer[] = new Array(layers.length);
  for (let l = last; l >= 0; l--) {
    const layer = layers[l];
    const a = pass.a[l];
    const z = pass.z[l];
    let delta: D120[][];
    if (softmaxCrossEntropy && l === last) {
      delta = z.map((ys, s) => ys.map((yk, k) => c.times(yk.minus(t[s][k]))));
    } else if (layer.activation === 'softmax') {
      delta = z.map((ys, s) =>
        ys.map((_, k) => total(ys.map((yi, i) => g[s][i].times(yi).times((i === k ? one : zero).minus(ys[k]))))),
      );
    } else {
      delta = a.map((as, s) => as.map((ak, k) => g[s][k].times(slope(layer, ak, z[s][k], raw.reluGradAtZero))));
    }
    const zIn = l === 0 ? x : pass.z[l - 1];
    // W[unit][input] internally.
    const gradW = layer.w.map((row, j) => row.map((_, i) => total(delta.map((ds, s) => ds[j].times(zIn[s][i])))));
    const gradB = layer.b.map((_, j) => total(delta.map((ds) => ds[j])));
    const gradAlpha =
      layer.activation === 'prelu'
        ? total(a.flatMap((as, s) => as.map((ak, k) => (side(ak, zero) <= 0 ? g[s][k].times(ak) : zero))))
        : null;
    const after: Layer = {
      w: layer.w.map((row, j) => row.map((wji, i) => wji.minus(eta.times(gradW[j][i])))),
      b: raw.updateBiases ? layer.b.map((bj, j) => bj.minus(eta.times(gradB[j]))) : layer.b,
      activation: layer.activation,
      alpha: gradAlpha === null ? layer.alpha : layer.alpha.minus(eta.times(gradAlpha)),
    };
    updated[l] = after;
    const fileLayout = (m: D120[][]) => (raw.layout === 'w-x' ? m : transpose(m));
    result[l] = {
      preactivation: a,
      output: z,
      delta,
      grad_weights: fileLayout(gradW),
      grad_bias: gradB,
      weights_after: fileLayout(after.w),
      bias_after: after.b,
      ...(gradAlpha === null ? {} : { grad_alpha: gradAlpha, alpha_after: after.alpha }),
    };
    // ∂L/∂Z of the layer below, through the weights before the update.
    g = delta.map((ds) => zIn[0].map((_, i) => total(ds.map((dj, j) => dj.times(layer.w[j][i])))));
  }

  const afterPass = forward(updated, x);
  return { loss, layers: result, loss_after: batchLoss(raw, afterPass.z[last], t) };
}
