// A 120-digit reference for momentum and Adam on the one model whose gradient is short enough to
// write out here: one identity layer (y = x·W + b, W[input][unit]) with the half squared error,
// mean over the batch, the whole batch every step. decimal.js at 120 digits, nothing from src/.
import DecimalBase from 'decimal.js';

export const D120 = DecimalBase.clone({ precision: 120, rounding: DecimalBase.ROUND_HALF_EVEN });
type D = DecimalBase;

const lit = (text: string): D => {
  const slash = text.indexOf('/');
  return slash < 0 ? new D120(text) : new D120(text.slice(0, slash)).div(text.slice(slash + 1));
};

export interface LinearProblem {
  readonly weights: string[][];
  readonly bias: string[];
  readonly input: string[][];
  readonly target: string[][];
  readonly eta: string;
}

export type Method = { name: 'momentum'; mu: string } | { name: 'adam'; beta1: string; beta2: string; epsilon: string };

/** An optimizer's state of the layer: weights W[input][unit] and bias. */
export interface LinearState {
  readonly w: D[][];
  readonly b: D[];
}

/** After one step: the weights and biases, and the optimizer's state (velocity; or m, v, m̂, v̂). */
export interface LinearStep {
  readonly w: D[][];
  readonly b: D[];
  readonly velocity?: LinearState;
  readonly m?: LinearState;
  readonly v?: LinearState;
  readonly mHat?: LinearState;
  readonly vHat?: LinearState;
}

/** The weights, biases and optimizer state after each of `steps` steps. */
export function linearTrain(p: LinearProblem, method: Method, steps: number): LinearStep[] {
  let w = p.weights.map((r) => r.map(lit));
  let b = p.bias.map(lit);
  const x = p.input.map((r) => r.map(lit));
  const t = p.target.map((r) => r.map(lit));
  const eta = lit(p.eta);
  const n = x.length;
  const zeroW = () => w.map((r) => r.map(() => new D120(0)));
  const zeroB = () => b.map(() => new D120(0));
  let s1 = { w: zeroW(), b: zeroB() };
  let s2 = { w: zeroW(), b: zeroB() };
  const out: LinearStep[] = [];
  for (let k = 1; k <= steps; k++) {
    // δ_s = (y_s − t_s)/N; ∂L/∂W[i][j] = Σ_s x_si δ_sj; ∂L/∂b_j = Σ_s δ_sj.
    const delta = x.map((xs, s) =>
      b.map((bj, j) =>
        xs
          .reduce((acc, xi, i) => acc.plus(xi.times(w[i][j])), bj)
          .minus(t[s][j])
          .div(n),
      ),
    );
    const gw = w.map((r, i) =>
      r.map((_, j) => delta.reduce((acc, d, s) => acc.plus(x[s][i].times(d[j])), new D120(0))),
    );
    const gb = b.map((_, j) => delta.reduce((acc, d) => acc.plus(d[j]), new D120(0)));
    if (method.name === 'momentum') {
      const mu = lit(method.mu);
      s1 = {
        w: s1.w.map((r, i) => r.map((v, j) => mu.times(v).minus(eta.times(gw[i][j])))),
        b: s1.b.map((v, j) => mu.times(v).minus(eta.times(gb[j]))),
      };
      w = w.map((r, i) => r.map((x0, j) => x0.plus(s1.w[i][j])));
      b = b.map((x0, j) => x0.plus(s1.b[j]));
      out.push({ w, b, velocity: s1 });
    } else {
      const [b1, b2, eps] = [method.beta1, method.beta2, method.epsilon].map(lit);
      const one = new D120(1);
      const c1 = one.minus(b1.pow(k));
      const c2 = one.minus(b2.pow(k));
      const move = (x0: D, g: D, m: D, v: D) => {
        const m1 = b1.times(m).plus(one.minus(b1).times(g));
        const v1 = b2.times(v).plus(one.minus(b2).times(g.times(g)));
        return {
          x: x0.minus(eta.times(m1.div(c1)).div(v1.div(c2).sqrt().plus(eps))),
          m: m1,
          v: v1,
          mHat: m1.div(c1),
          vHat: v1.div(c2),
        };
      };
      const cw = w.map((r, i) => r.map((x0, j) => move(x0, gw[i][j], s1.w[i][j], s2.w[i][j])));
      const cb = b.map((x0, j) => move(x0, gb[j], s1.b[j], s2.b[j]));
      s1 = { w: cw.map((r) => r.map((c) => c.m)), b: cb.map((c) => c.m) };
      s2 = { w: cw.map((r) => r.map((c) => c.v)), b: cb.map((c) => c.v) };
      w = cw.map((r) => r.map((c) => c.x));
      b = cb.map((c) => c.x);
      const hats = {
        mHat: { w: cw.map((r) => r.map((c) => c.mHat)), b: cb.map((c) => c.mHat) },
        vHat: { w: cw.map((r) => r.map((c) => c.vHat)), b: cb.map((c) => c.vHat) },
      };
      out.push({ w, b, m: s1, v: s2, ...hats });
    }
  }
  return out;
}
