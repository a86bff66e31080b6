// A high-precision forward pass and loss, for finite differences: decimal.js at 64 significant
// digits with its own exp/ln/tanh, no code from src/. Parameters are plain arrays that a test can
// nudge one at a time. exp results are memoised by argument, so re-evaluating the loss after a
// nudge recomputes only what the nudge changed.
import DecimalBase from 'decimal.js';
import type { RawActivation, RawNetwork } from './raw';
import { defaultAlpha } from './raw';

export const D = DecimalBase.clone({ precision: 64, rounding: DecimalBase.ROUND_HALF_EVEN });
export type D = DecimalBase;

/** "0.15" → 0.15, "1/3" → 1/3 (to 64 digits). */
export function literalToDecimal(text: string): D {
  const slash = text.indexOf('/');
  return slash < 0 ? new D(text) : new D(text.slice(0, slash)).div(text.slice(slash + 1));
}

export interface Parameters {
  /** Weights in the file's layout. */
  readonly weights: D[][][];
  readonly bias: D[][];
  /** The slope of leaky-relu/prelu layers (0 for the others). */
  readonly alpha: D[];
}

export function parametersOf(raw: RawNetwork): Parameters {
  return {
    weights: raw.layers.map((layer) => layer.weights.map((row) => row.map(literalToDecimal))),
    bias: raw.layers.map((layer) => {
      const units = raw.layout === 'x-w' ? layer.weights[0].length : layer.weights.length;
      if (layer.sharedBias !== undefined)
        return Array.from({ length: units }, () => literalToDecimal(layer.sharedBias!));
      return layer.bias ? layer.bias.map(literalToDecimal) : Array.from({ length: units }, () => new D(0));
    }),
    alpha: raw.layers.map((layer) => {
      const text = layer.alpha ?? defaultAlpha(layer.activation);
      return text === null ? new D(0) : literalToDecimal(text);
    }),
  };
}

export class DecimalEvaluator {
  private readonly expCache = new Map<string, D>();
  private readonly input: D[][];
  private readonly target: D[][];

  constructor(private readonly raw: RawNetwork) {
    this.input = raw.input.map((row) => row.map(literalToDecimal));
    this.target = raw.target.map((row) => row.map(literalToDecimal));
  }

  private exp(x: D): D {
    const key = x.toString();
    let e = this.expCache.get(key);
    if (!e) {
      e = D.exp(x);
      this.expCache.set(key, e);
    }
    return e;
  }

  private activate(activation: RawActivation, a: D[], alpha: D): D[] {
    const zero = new D(0);
    const six = new D(6);
    switch (activation) {
      case 'identity':
        return a;
      case 'sigmoid':
        return a.map((x) => new D(1).div(this.exp(x.neg()).plus(1)));
      case 'tanh':
        return a.map((x) => D.tanh(x));
      case 'relu':
        return a.map((x) => (x.gt(0) ? x : zero));
      case 'leaky-relu':
      case 'prelu':
        return a.map((x) => (x.gt(0) ? x : alpha.times(x)));
      case 'relu6':
        return a.map((x) => (x.lte(0) ? zero : x.gte(6) ? six : x));
      case 'softmax': {
        const m = D.max(...a);
        const e = a.map((x) => this.exp(x.minus(m)));
        const total = e.reduce((s, x) => s.plus(x), zero);
        return e.map((x) => x.div(total));
      }
    }
  }

  /** Pre-activations a[l][sample][unit] of every layer. */
  preactivations(params: Parameters): D[][][] {
    return this.forward(params).preactivations;
  }

  private forward(params: Parameters): { preactivations: D[][][]; outputs: D[][] } {
    const { layout, layers } = this.raw;
    const preactivations: D[][][] = layers.map(() => []);
    const outputs = this.input.map((x) => {
      let z = x;
      layers.forEach((layer, l) => {
        const w = params.weights[l];
        const b = params.bias[l];
        const a = b.map((bj, j) => z.reduce((s, zi, i) => s.plus(zi.times(layout === 'x-w' ? w[i][j] : w[j][i])), bj));
        preactivations[l].push(a);
        z = this.activate(layer.activation, a, params.alpha[l]);
      });
      return z;
    });
    return { preactivations, outputs };
  }

  /** The batch loss: mean or sum over samples of half-sse ½Σ(y−t)², sse, mse (÷ outputs) or −Σ t·ln y. */
  loss(params: Parameters): D {
    const { outputs } = this.forward(params);
    const perSample = outputs.map((y, s) => {
      const t = this.target[s];
      if (this.raw.loss === 'binary-cross-entropy') {
        return t.reduce((acc, tk, k) => {
          const one = acc.minus(tk.isZero() ? 0 : tk.times(D.ln(y[k])));
          const rest = new D(1).minus(tk);
          return rest.isZero() ? one : one.minus(rest.times(D.ln(new D(1).minus(y[k]))));
        }, new D(0));
      }
      if (this.raw.loss === 'cross-entropy') {
        return t.reduce((acc, tk, k) => (tk.isZero() ? acc : acc.minus(tk.times(D.ln(y[k])))), new D(0));
      }
      const squares = y.reduce((acc, yk, k) => acc.plus(yk.minus(t[k]).pow(2)), new D(0));
      if (this.raw.loss === 'half-sse') return squares.div(2);
      if (this.raw.loss === 'mse') return squares.div(y.length);
      return squares;
    });
    const total = perSample.reduce((s, x) => s.plus(x), new D(0));
    const data = this.raw.batch === 'mean' ? total.div(perSample.length) : total;
    const reg = this.raw.regularization;
    if (!reg) return data;
    // L2: (λ/2)·Σw² or (λ/2N)·Σw², over the weights only.
    const squares = params.weights.flat(2).reduce((s, w) => s.plus(w.times(w)), new D(0));
    const lambda = literalToDecimal(reg.l2);
    const factor = reg.scale === '1/2' ? lambda.div(2) : lambda.div(2 * perSample.length);
    return data.plus(factor.times(squares));
  }
}
