// An independent float64 backprop with the misconceptions written from their definitions (docs/grading.md),
// sharing no code with the engine: the tests compute what a student making each mistake gets here, type
// it in as an answer, and expect the grader to name the mistake.
export type Act = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
export type Loss = 'half-sse' | 'sse' | 'mse' | 'cross-entropy';

export interface RefNet {
  readonly layout: 'x-w' | 'w-x';
  /** Weights as text in the file's layout (W[input][unit] for x-w). */
  readonly layers: readonly {
    readonly weights: readonly (readonly string[])[];
    readonly bias: readonly string[];
    readonly activation: Act;
  }[];
  readonly loss: Loss;
  readonly input: readonly (readonly string[])[];
  readonly target: readonly (readonly string[])[];
  readonly learningRate: string;
  readonly updateBiases: boolean;
  readonly reluGradAtZero: 0 | 1;
  readonly batch: 'mean' | 'sum';
}

export interface RefMistake {
  readonly id: string;
  readonly layer?: number;
  readonly variant?: number;
}

export interface RefLayer {
  readonly preactivation: number[][];
  readonly output: number[][];
  readonly delta: number[][];
  readonly grad_weights: number[][];
  readonly grad_bias: number[];
  readonly weights_after: number[][];
  readonly bias_after: number[];
}

export interface RefSolution {
  readonly loss: number;
  readonly loss_after: number;
  readonly layers: RefLayer[];
}

/** "1/3" or "-0.25" as a float. */
export function num(text: string): number {
  const [p, q] = text.split('/');
  return q === undefined ? Number(p) : Number(p) / Number(q);
}

const T = (m: number[][]): number[][] => (m.length === 0 ? [] : m[0].map((_, j) => m.map((r) => r[j])));
const mm = (a: number[][], b: number[][]): number[][] =>
  a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => s + x * b[k][j], 0)));
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const KINK = 1e-12;

function activate(act: Act, row: number[]): number[] {
  switch (act) {
    case 'identity':
      return row;
    case 'sigmoid':
      return row.map(sig);
    case 'tanh':
      return row.map(Math.tanh);
    case 'relu':
      return row.map((a) => (a > KINK ? a : 0));
    case 'softmax': {
      const m = Math.max(...row);
      const e = row.map((a) => Math.exp(a - m));
      const s = e.reduce((x, y) => x + y, 0);
      return e.map((x) => x / s);
    }
  }
}

function sampleLoss(loss: Loss, y: number[], t: number[]): number {
  const sq = y.reduce((s, yk, k) => s + (yk - t[k]) ** 2, 0);
  if (loss === 'half-sse') return sq / 2;
  if (loss === 'sse') return sq;
  if (loss === 'mse') return sq / y.length;
  return -y.reduce((s, yk, k) => s + (t[k] === 0 ? 0 : t[k] * Math.log(yk)), 0);
}

export function refSolve(net: RefNet, mistake: RefMistake | null = null): RefSolution {
  const at = (id: string, l: number) =>
    mistake !== null && mistake.id === id && (mistake.layer === undefined || mistake.layer === l);
  const is = (id: string) => mistake !== null && mistake.id === id;
  const X = net.input.map((r) => r.map(num));
  const Y = net.target.map((r) => r.map(num));
  const N = X.length;
  const W = net.layers.map((layer) => layer.weights.map((r) => r.map(num)));
  const B = net.layers.map((layer) => layer.bias.map(num));
  const eta0 = num(net.learningRate);
  const xw = (w: number[][]) => (net.layout === 'x-w' ? w : T(w));

  // The batch factor, and what half-factor and batch-sum-vs-mean do to it.
  let c = net.batch === 'mean' ? 1 / N : 1;
  if (is('batch-sum-vs-mean')) c = net.batch === 'mean' ? 1 : 1 / N;
  if (is('half-factor') && net.loss !== 'cross-entropy') {
    const natural = net.loss === 'half-sse' ? 2 : 0.5;
    c *= (mistake!.variant ?? 0) === 0 ? natural : 1 / natural;
  }

  const forwardPass = (weights: number[][][], biases: number[][]) => {
    const A: number[][][] = [];
    const Z: number[][][] = [];
    let z = X;
    weights.forEach((w, l) => {
      const a = mm(z, xw(w)).map((r) => r.map((x, j) => x + biases[l][j]));
      z = a.map((r) => activate(net.layers[l].activation, r));
      A.push(a);
      Z.push(z);
    });
    const loss = c * z.reduce((s, y, i) => s + sampleLoss(net.loss, y, Y[i]), 0);
    return { A, Z, loss };
  };

  const { A, Z, loss } = forwardPass(W, B);
  const L = net.layers.length;
  const layers: RefLayer[] = new Array(L);

  // c·∂L_s/∂y, with the loss-gradient mistakes.
  let G: number[][] = Z[L - 1].map((y, s) =>
    y.map((yk, k) => {
      const t = Y[s];
      let d: number;
      if (net.loss === 'half-sse') d = yk - t[k];
      else if (net.loss === 'sse') d = 2 * (yk - t[k]);
      else if (net.loss === 'mse') d = (2 / y.length) * (yk - t[k]);
      else if (is('ce-extra-terms')) d = -t[k] / yk + t.reduce((acc, ti, i) => (i === k ? acc : acc + ti / y[i]), 0);
      else d = -t[k] / yk;
      return (is('sign-flip') ? -1 : 1) * c * d;
    }),
  );

  for (let l = L - 1; l >= 0; l--) {
    const act = net.layers[l].activation;
    const a = A[l];
    const y = Z[l];
    let delta: number[][];
    if (act === 'softmax') {
      if (at('softmax-diagonal-only', l)) delta = y.map((row, s) => row.map((yk, k) => G[s][k] * yk * (1 - yk)));
      else if (at('missing-activation-derivative', l)) delta = G;
      else if (at('softmax-jacobian-sign', l)) {
        // ∂y_i/∂a_k = y_i(δ_ik − y_k) with the off-diagonal sign flipped (variant 0) or all of it (variant 1).
        const wrong = (row: number[], i: number, k: number) => {
          const right = row[i] * ((i === k ? 1 : 0) - row[k]);
          return (mistake!.variant ?? 0) === 1 || i !== k ? -right : right;
        };
        delta = y.map((row, s) => row.map((_, k) => row.reduce((acc, _yi, i) => acc + G[s][i] * wrong(row, i, k), 0)));
      } else if (l === L - 1 && net.loss === 'cross-entropy' && !is('ce-extra-terms'))
        delta = y.map((row, s) => row.map((yk, k) => (is('sign-flip') ? -1 : 1) * c * (yk - Y[s][k])));
      else
        delta = y.map((row, s) =>
          row.map((yk, k) => row.reduce((acc, yi, i) => acc + G[s][i] * yi * ((i === k ? 1 : 0) - yk), 0)),
        );
    } else {
      const zeroSlope = at('relu-grad-at-zero', l) ? 1 - net.reluGradAtZero : net.reluGradAtZero;
      const h = a.map((row, s) =>
        row.map((x, k) => {
          const yk = y[s][k];
          if (act === 'identity') return 1;
          // y(1 − y) and 1 − y² fed the pre-activation x by derivative-at-preactivation.
          if (act === 'sigmoid' && at('derivative-at-preactivation', l)) return x * (1 - x);
          if (act === 'tanh' && at('derivative-at-preactivation', l)) return 1 - x * x;
          if (act === 'sigmoid') return at('sigmoid-derivative-of-output', l) ? sig(yk) * (1 - sig(yk)) : yk * (1 - yk);
          if (act === 'tanh') return at('sigmoid-derivative-of-output', l) ? 1 - Math.tanh(yk) ** 2 : 1 - yk * yk;
          return Math.abs(x) <= KINK ? zeroSlope : x > 0 ? 1 : 0;
        }),
      );
      delta = at('missing-activation-derivative', l) ? G : G.map((row, s) => row.map((g, k) => g * h[s][k]));
    }
    const input = l === 0 ? X : at('preactivation-as-input', l) ? A[l - 1] : Z[l - 1];
    const gXW = mm(T(input), delta);
    const inLayout = net.layout === 'x-w' ? gXW : T(gXW);
    const transposed = at('transposed-gradient', l) && (mistake!.variant ?? 0) === 0;
    const gW = transposed ? T(inLayout) : inLayout;
    const sampleRow = mistake?.variant ?? 0;
    const gb = at('bias-not-summed', l)
      ? [...delta[sampleRow]]
      : delta[0].map((_, j) => delta.reduce((s, r) => s + r[j], 0));
    const eta = at('wrong-update-sign', l) ? -eta0 : at('forgot-learning-rate', l) ? 1 : eta0;
    const step = gW.length === W[l].length && gW[0].length === W[l][0].length ? gW : T(gW);
    const wAfter = W[l].map((r, i) => r.map((w, j) => w - eta * step[i][j]));
    const bAfter = net.updateBiases ? B[l].map((b, j) => b - eta * gb[j]) : [...B[l]];
    layers[l] = {
      preactivation: a,
      output: y,
      delta,
      grad_weights: gW,
      grad_bias: gb,
      weights_after: wAfter,
      bias_after: bAfter,
    };
    if (l > 0) {
      const wx = xw(at('updated-weights-in-backprop', l) ? wAfter : W[l]);
      const square = wx.length === wx[0].length;
      const back = square && at('transposed-gradient', l) && mistake!.variant === 1 ? wx : T(wx);
      G = mm(delta, back);
    }
  }
  const after = forwardPass(
    layers.map((r) => r.weights_after),
    layers.map((r) => r.bias_after),
  );
  return { loss, loss_after: after.loss, layers };
}

/** The value of one cell of a reference solution. */
export function refCell(
  sol: RefSolution,
  quantity: string,
  layer: number | undefined,
  index: readonly number[],
): number {
  if (quantity === 'loss') return sol.loss;
  if (quantity === 'loss_after') return sol.loss_after;
  if (quantity === 'loss_improvement') return sol.loss - sol.loss_after;
  const value = (sol.layers[layer!] as unknown as Record<string, number[] | number[][]>)[quantity];
  // NaN where the mistake gives another shape (a transposed non-square gradient).
  const x = index.length === 1 ? (value as number[])[index[0]] : (value as number[][])[index[0]]?.[index[1]];
  return x ?? Number.NaN;
}
