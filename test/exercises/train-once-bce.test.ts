// The train-once-bce template worked by hand: ŷ = σ(u), L = −[t ln ŷ + (1 − t) ln(1 − ŷ)], the
// gradients (ŷ − t)·x (σ′ cancels: no second y(1 − y)) and the weights after one step. The key is
// checked against plain float64 arithmetic written here; the grader accepts a chain worked from a
// rounded ŷ, and names the (1 − t) term forgotten and σ′ applied twice.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import type { Difficulty, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';

const sigma = (u: number) => 1 / (1 + Math.exp(-u));
const approxOf = (v: unknown) => Number((v as { approx: string }).approx);
/** A float written to 4 significant figures, as a student writes it. */
const fig4 = (v: number) => v.toPrecision(4);

describe('train-once-bce, difficulty 1 seed 1, by hand', () => {
  // x = (−0.5, −2), W = (−2, 0.4)ᵀ, b = −1, t = 0, η = 0.2: u = 1 − 0.8 − 1 = −0.8, ŷ = σ(−0.8),
  // L = −ln(1 − ŷ), δ = ŷ − 0, ∂L/∂w = δ·x = (−0.5ŷ, −2ŷ), w′ = w − 0.2·∂L/∂w.
  const ex = generateExercise({ template: 'train-once-bce', seed: 1, difficulty: 1, lang: 'en' });
  const net = ex.network as NetworkFile;
  const y = sigma(-0.8);
  const want = {
    a1: y,
    a2: -Math.log(1 - y),
    a3: -0.5 * y,
    a4: -2 * y,
    a5: -2 - 0.2 * (-0.5 * y),
    a6: 0.4 - 0.2 * (-2 * y),
  };
  const grade = (answers: Record<string, string>) =>
    gradeExercise(gradingContext(ex), new Map(Object.entries(answers)));

  it('is the network worked above, its key the values above', () => {
    expect(net.input).toEqual([['-0.5', '-2']]);
    expect(net.layers).toEqual([{ weights: [['-2'], ['0.4']], bias: ['-1'], activation: 'sigmoid' }]);
    expect(net.loss).toBe('binary-cross-entropy');
    expect(net.target).toEqual([['0']]);
    expect(net.learning_rate).toBe('0.2');
    expect(ex.given).toEqual({});
    for (const [id, v] of Object.entries(want)) expect(approxOf(ex.expected[id]), id).toBeCloseTo(v, 12);
    // Irrational: shown as σ(−4/5) and ln, with the decimal beside it.
    expect((ex.expected.a1 as { latex: string }).latex).toContain('\\sigma');
    expect((ex.expected.a2 as { latex: string }).latex).toContain('\\ln');
  });

  it('a student who rounds ŷ to 4 figures and carries on is right throughout', () => {
    const yr = Number(fig4(y));
    const answers = {
      a1: fig4(yr),
      a2: fig4(-Math.log(1 - yr)),
      a3: fig4(-0.5 * yr),
      a4: fig4(-2 * yr),
      a5: fig4(-2 + 0.1 * yr),
      a6: fig4(0.4 + 0.4 * yr),
    };
    for (const r of grade(answers)) expect(r.status, `${r.ask}: ${r.status} ${r.feedback.en}`).toBe('correct');
  });

  it('a gradient from the rounded ŷ is said to follow from ŷ, not from the update computed after it', () => {
    const [, a4] = grade({ a1: '0.3100', a4: '-0.62', a6: '0.524' });
    expect(a4.status).toBe('correct');
    expect(a4.feedback.en).toContain('follows from your rounded answer to a1 (');
  });

  it('forgetting the (1 − t) term (L = −t ln ŷ = 0 and δ = −t(1 − ŷ) = 0 for t = 0) is named bce-forgot-one-minus-t', () => {
    // The loss without it is −t·ln ŷ = 0 too.
    const results = grade({ a2: '0', a3: '0', a4: '0' });
    for (const r of results) expect(r.misconception, r.ask).toBe('bce-forgot-one-minus-t');
  });

  it('δ = (ŷ − t)·σ′, the σ′ applied a second time, is named bce-extra-sigmoid-derivative', () => {
    const doubled = y * y * (1 - y);
    for (const r of grade({ a3: fig4(-0.5 * doubled), a4: fig4(-2 * doubled) })) {
      expect(r.status).not.toBe('correct');
      expect(r.misconception, r.ask).toBe('bce-extra-sigmoid-derivative');
    }
  });
});

/** Plain float64 forward and backward pass of the template's networks (x-w layout, ReLU hidden layer). */
function floatTrain(net: NetworkFile) {
  const num = Number;
  const layers = net.layers.map((layer) => ({
    w: layer.weights.map((row) => row.map(num)),
    b: (layer.bias ?? []).map(num),
    activation: layer.activation,
  }));
  return net.input.map((row, s) => {
    const x = row.map(num);
    const t = num(net.target[s][0]);
    const zs = [x];
    for (const layer of layers) {
      const z = zs.at(-1)!;
      const a = layer.b.map((b, j) => b + z.reduce((acc, zi, i) => acc + zi * layer.w[i][j], 0));
      zs.push(a.map((v) => (layer.activation === 'sigmoid' ? sigma(v) : Math.max(0, v))));
    }
    return { zs, t, y: zs.at(-1)![0] };
  });
}

describe('train-once-bce: the (1 − t) term forgotten is named wherever a target is 0', () => {
  it.each([1, 2, 3] as Difficulty[])('difficulty %i', (difficulty) => {
    let named = 0;
    for (let seed = 0; seed < 12; seed++) {
      const ex = generateExercise({ template: 'train-once-bce', seed, difficulty, lang: 'en' });
      const net = ex.network as NetworkFile;
      if (net.target.every((row) => row[0] === '1')) continue;
      // The student's δ = −t(1 − ŷ) per sample (0 where t = 0), the batch mean as the network says.
      const samples = floatTrain(net);
      const c = samples.length > 1 ? 1 / samples.length : 1;
      const ask = ex.asks[2] as NetworkAsk;
      const [i] = ask.index ?? [0];
      const last = net.layers.length - 1;
      const gradient =
        ask.layer === last ? samples.reduce((acc, s) => acc + c * -s.t * (1 - s.y) * s.zs[last][i], 0) : Number.NaN;
      if (Number.isNaN(gradient) || gradient === 0) {
        // Target 0 alone: every gradient of the student is 0.
        if (samples.every((s) => s.t === 0)) {
          expect(gradeExercise(gradingContext(ex), new Map([['a3', '0']]))[0].misconception).toBe(
            'bce-forgot-one-minus-t',
          );
          named++;
        }
        continue;
      }
      const [r] = gradeExercise(gradingContext(ex), new Map([['a3', fig4(gradient)]]));
      expect(r.misconception, `seed ${seed}: ${r.status} ${String(r.misconception)}`).toBe('bce-forgot-one-minus-t');
      named++;
    }
    expect(named).toBeGreaterThan(3);
  });
});
