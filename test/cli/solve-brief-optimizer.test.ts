// `solve --brief` with momentum or Adam: the table of each step prints the optimizer's state after
// it (momentum's velocity; Adam's m and v with the step t). Values against the float64 reference that carries the
// state itself (test/reference/float64-train.ts), and by hand for the warm-started momentum example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from './build-cli';
import { referenceTrain } from '../reference/float64-train';
import type { RawNetwork } from '../reference/raw';

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
});
afterAll(() => cli?.remove());

/** The numbers printed under a table heading (its rows until the next heading), as floats. */
function tableAfter(stdout: string, heading: string, from = 0): number[] {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l, i) => i >= from && l.trim() === heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const out: number[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^ {4}/.test(line)) break;
    // "row 1: 19/100 = 0.19", "≈ -0.07310585786": the decimal at the end of the line.
    out.push(
      Number(
        line
          .trim()
          .split(/[=≈] */)
          .pop(),
      ),
    );
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('solve --brief with an optimizer', () => {
  it('momentum: the velocity after each step, warm start carried into step 2', () => {
    const { status, stdout } = cli.run('solve', 'exercises/networks/momentum.yaml', '--brief');
    expect(status).toBe(0);
    // Step 1: a = 0.5 − 2 + 0.5 = −1 = δ, g = (−1, −2), g_b = −1; v = 0.9·(0.1, 0) + 0.1·(1, 2) = (0.19, 0.2),
    // v_b = 0.9·0.2 + 0.1 = 0.28.
    expect(tableAfter(stdout, 'velocity of W after the step (v = μ·v − η·∂L/∂W)')).toEqual([0.19, 0.2]);
    expect(tableAfter(stdout, 'velocity of b after the step (v = μ·v − η·∂L/∂b)')).toEqual([0.28]);
    expect(stdout).toContain('W after the update (W + v, v = μv − η·∂L/∂W)');
    expect(stdout).not.toContain('W after the update (W − η·∂L/∂W)');
    const raw: RawNetwork = {
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-1']], bias: ['0.5'], activation: 'identity' }],
      loss: 'half-sse',
      input: [['1', '2']],
      target: [['0']],
      learningRate: '0.1',
      updateBiases: true,
      reluGradAtZero: 0,
      batch: 'mean',
      optimizer: { name: 'momentum', momentum: '0.9', velocity: [{ weights: [['0.1'], ['0']], bias: ['0.2'] }] },
    };
    const ref = referenceTrain(raw, 2);
    const second = stdout.indexOf('Step 2 of 2');
    const lineOfSecond = stdout.slice(0, second).split('\n').length;
    const v2 = tableAfter(stdout, 'velocity of W after the step (v = μ·v − η·∂L/∂W)', lineOfSecond);
    v2.forEach((v, i) => expect(close(v, ref[1].state.velocity![0].weights[i][0]), `${v}`).toBe(true));
  });

  it('Adam: m and v after step t, in English and Japanese', () => {
    const en = cli.run('solve', 'exercises/networks/adam.yaml', '--brief');
    expect(en.status).toBe(0);
    const raw: RawNetwork = {
      layout: 'x-w',
      layers: [{ weights: [['0.5'], ['-1']], sharedBias: '0.5', activation: 'sigmoid' }],
      loss: 'binary-cross-entropy',
      input: [['1', '2']],
      target: [['1']],
      learningRate: '0.1',
      updateBiases: true,
      reluGradAtZero: 0,
      batch: 'mean',
      optimizer: { name: 'adam', beta1: '0.9', beta2: '0.999', epsilon: '1e-8' },
    };
    const [ref] = referenceTrain(raw, 1);
    const m = tableAfter(en.stdout, 'first moment m of W after step t = 1 (m = β₁·m + (1 − β₁)·∂L/∂W)');
    const v = tableAfter(en.stdout, 'second moment v of W after step t = 1 (v = β₂·v + (1 − β₂)·(∂L/∂W)²)');
    m.forEach((x, i) => expect(close(x, ref.state.m![0].weights[i][0]), `m ${x}`).toBe(true));
    v.forEach((x, i) => expect(close(x, ref.state.v![0].weights[i][0]), `v ${x}`).toBe(true));
    expect(en.stdout).toContain('W after the update (W − η·m̂/(√v̂ + ε))');
    expect(en.stdout).toContain('first moment m of W after step t = 2');
    const ja = cli.run('solve', 'exercises/networks/adam.yaml', '--brief', '--lang', 'ja');
    expect(ja.stdout).toContain('ステップ t = 1 の後の重みの1次モーメント');
    expect(ja.stdout).toContain('W − η·m̂/(√v̂ + ε)');
  });

  it('plain gradient descent prints no optimizer state', () => {
    const { stdout } = cli.run('solve', 'exercises/networks/mazur.yaml', '--brief');
    expect(stdout).toContain('W after the update (W − η·∂L/∂W)');
    expect(stdout).not.toMatch(/velocity|moment/);
  });
});
