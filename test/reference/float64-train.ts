// An independent float64 reference for several steps with momentum or Adam: each step's gradients
// come from the float64 reference of one step (test/reference/float64.ts), and the optimizer's
// update is written here from the formulas, with its state carried from step to step (from the
// file's warm start when it gives one: velocity, or Adam's steps taken, m and v):
//   momentum: v ← μv − η·g, w ← w + v
//   adam:     m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − η·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + ε)
// The weights after a step are written back as number literals for the next one, as a student would
// carry them. A prelu slope α takes the plain step α − η·∂L/∂α. A float gradient within GRADIENT_NOISE of 0 is taken as 0: where the exact gradient is
// 0, float rounding leaves ~1e-17, which Adam's m/√v would blow up to a full step of either sign.
import { literalToNumber, referenceSolve, type RefSolution } from './float64';
import type { RawLayer, RawNetwork } from './raw';

const GRADIENT_NOISE = 1e-13;

export interface RefStep {
  readonly batch: number[];
  /** Loss and gradients of the step (its weights_after are plain SGD's: not used). */
  readonly ref: RefSolution;
  /** Per layer, in the file's layout. */
  readonly weightsAfter: number[][][];
  readonly biasAfter: number[][];
  readonly lossAfter: number;
  /** momentum: the velocity after the step; adam: m and v after it, and their bias-corrected m̂ and v̂. */
  readonly state: { velocity?: State[]; m?: State[]; v?: State[]; mHat?: State[]; vHat?: State[] };
}

interface State {
  weights: number[][];
  bias: number[];
}

const denoise = (g: number) => (Math.abs(g) < GRADIENT_NOISE ? 0 : g);

function batchOf(rows: number, size: number | undefined, k: number): number[] {
  const s = size ?? rows;
  const first = (k % Math.ceil(rows / s)) * s;
  return Array.from({ length: Math.min(s, rows - first) }, (_, i) => first + i);
}

export function referenceTrain(raw: RawNetwork, steps: number, batchSize?: number): RefStep[] {
  const o = raw.optimizer;
  if (!o) throw new Error('referenceTrain is for momentum and adam');
  const eta = literalToNumber(raw.learningRate);
  const zerosLike = (layer: RawLayer): State => ({
    weights: layer.weights.map((r) => r.map(() => 0)),
    bias: (raw.layout === 'x-w' ? layer.weights[0] : layer.weights).map(() => 0),
  });
  let velocity: State[] =
    o.name === 'momentum'
      ? raw.layers.map((layer, l) =>
          o.velocity
            ? {
                weights: o.velocity[l].weights.map((r) => r.map(literalToNumber)),
                bias: o.velocity[l].bias.map(literalToNumber),
              }
            : zerosLike(layer),
        )
      : [];
  const given = (key: 'm' | 'v'): State[] =>
    raw.layers.map((layer, l) => {
      const state = o.name === 'adam' ? o[key]?.[l] : undefined;
      return state
        ? { weights: state.weights.map((r) => r.map(literalToNumber)), bias: state.bias.map(literalToNumber) }
        : zerosLike(layer);
    });
  let m: State[] = given('m');
  let v: State[] = given('v');
  const taken = o.name === 'adam' ? (o.steps ?? 0) : 0;
  let layers = raw.layers;
  const out: RefStep[] = [];
  for (let k = 0; k < steps; k++) {
    const batch = batchOf(raw.input.length, batchSize, k);
    const stepRaw: RawNetwork = {
      ...raw,
      layers,
      optimizer: undefined,
      input: batch.map((i) => raw.input[i]),
      target: batch.map((i) => raw.target[i]),
    };
    const ref = referenceSolve(stepRaw);
    const t = taken + k + 1;
    const weightsAfter: number[][][] = [];
    const biasAfter: number[][] = [];
    const nextVelocity: State[] = [];
    const nextM: State[] = [];
    const nextV: State[] = [];
    const nextMHat: State[] = [];
    const nextVHat: State[] = [];
    layers.forEach((layer, l) => {
      const w = layer.weights.map((r) => r.map(literalToNumber));
      const units = ref.layers[l].grad_bias.length;
      const b =
        layer.sharedBias !== undefined
          ? Array.from({ length: units }, () => literalToNumber(layer.sharedBias!))
          : (layer.bias?.map(literalToNumber) ?? Array.from({ length: units }, () => 0));
      const gw = ref.layers[l].grad_weights.map((r) => r.map(denoise));
      const gb = ref.layers[l].grad_bias.map(denoise);
      if (o.name === 'momentum') {
        const mu = literalToNumber(o.momentum);
        const vw = w.map((r, i) => r.map((_, j) => mu * velocity[l].weights[i][j] - eta * gw[i][j]));
        const vb = b.map((_, j) => (raw.updateBiases ? mu * velocity[l].bias[j] - eta * gb[j] : velocity[l].bias[j]));
        weightsAfter.push(w.map((r, i) => r.map((x, j) => x + vw[i][j])));
        biasAfter.push(b.map((x, j) => (raw.updateBiases ? x + vb[j] : x)));
        nextVelocity.push({ weights: vw, bias: vb });
      } else {
        const [b1, b2, eps] = [o.beta1, o.beta2, o.epsilon].map(literalToNumber);
        const adam = (x: number, g: number, m0: number, v0: number) => {
          const m1 = b1 * m0 + (1 - b1) * g;
          const v1 = b2 * v0 + (1 - b2) * g * g;
          const mHat = m1 / (1 - b1 ** t);
          const vHat = v1 / (1 - b2 ** t);
          return { x: x - (eta * mHat) / (Math.sqrt(vHat) + eps), m: m1, v: v1, mHat, vHat };
        };
        const cw = w.map((r, i) => r.map((x, j) => adam(x, gw[i][j], m[l].weights[i][j], v[l].weights[i][j])));
        const cb = b.map((x, j) => (raw.updateBiases ? adam(x, gb[j], m[l].bias[j], v[l].bias[j]) : null));
        weightsAfter.push(cw.map((r) => r.map((c) => c.x)));
        biasAfter.push(cb.map((c, j) => c?.x ?? b[j]));
        nextM.push({ weights: cw.map((r) => r.map((c) => c.m)), bias: cb.map((c, j) => c?.m ?? m[l].bias[j]) });
        nextV.push({ weights: cw.map((r) => r.map((c) => c.v)), bias: cb.map((c, j) => c?.v ?? v[l].bias[j]) });
        nextMHat.push({
          weights: cw.map((r) => r.map((c) => c.mHat)),
          bias: cb.map((c, j) => c?.mHat ?? m[l].bias[j]),
        });
        nextVHat.push({
          weights: cw.map((r) => r.map((c) => c.vHat)),
          bias: cb.map((c, j) => c?.vHat ?? v[l].bias[j]),
        });
      }
    });
    if (o.name === 'momentum') velocity = nextVelocity;
    else {
      m = nextM;
      v = nextV;
    }
    layers = layers.map((layer, l) => ({
      ...layer,
      // A prelu slope takes the plain gradient step whatever the optimizer.
      ...(ref.layers[l].alpha_after === undefined ? {} : { alpha: String(ref.layers[l].alpha_after) }),
      weights: weightsAfter[l].map((r) => r.map(String)),
      ...(layer.sharedBias !== undefined
        ? { sharedBias: String(biasAfter[l][0]) }
        : { bias: biasAfter[l].map(String) }),
    }));
    const lossAfter = referenceSolve({ ...stepRaw, layers }).loss;
    out.push({
      batch,
      ref,
      weightsAfter,
      biasAfter,
      lossAfter,
      state: o.name === 'momentum' ? { velocity } : { m, v, mHat: nextMHat, vHat: nextVHat },
    });
  }
  return out;
}
