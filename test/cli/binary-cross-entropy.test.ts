// `solve` on a binary cross-entropy network through the built CLI: the JSON against the float64
// reference, the worked text with the sigmoid + binary cross-entropy delta and its note (both
// languages), and a bad target refused on one line with exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceSolve } from '../reference/float64';
import { networkText, type RawNetwork } from '../reference/raw';
import { buildCli, type BuiltCli } from './build-cli';

const RAW: RawNetwork = {
  layout: 'x-w',
  layers: [
    {
      weights: [
        ['0.15', '0.25'],
        ['0.20', '0.30'],
      ],
      bias: ['0.35', '0.35'],
      activation: 'sigmoid',
    },
    {
      weights: [
        ['0.40', '0.50'],
        ['0.45', '0.55'],
      ],
      bias: ['0.60', '0.60'],
      activation: 'sigmoid',
    },
  ],
  loss: 'binary-cross-entropy',
  input: [['0.05', '0.10']],
  target: [['1', '0']],
  learningRate: '0.5',
  updateBiases: true,
  reluGradAtZero: 0,
  batch: 'mean',
};

let cli: BuiltCli;
let dir: string;
let file: string;
beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'bce-'));
  file = join(dir, 'bce.yaml');
  writeFileSync(file, networkText(RAW));
}, 120_000);
afterAll(() => {
  cli?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('solve with binary-cross-entropy', () => {
  it('JSON: loss, deltas and updated weights as the float64 reference has them', () => {
    const { status, stdout } = cli.run('solve', file, '--format', 'json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    const ref = referenceSolve(RAW);
    expect(Number(json.loss.approx)).toBeCloseTo(ref.loss, 12);
    expect(Number(json.loss_after.approx)).toBeCloseTo(ref.loss_after, 12);
    json.layers.forEach(
      (layer: { delta: { approx: string }[][]; weights_after: { approx: string }[][] }, l: number) => {
        layer.delta[0].forEach((d, j) => expect(Number(d.approx)).toBeCloseTo(ref.layers[l].delta[0][j], 12));
        layer.weights_after.forEach((row, i) =>
          row.forEach((w, j) => expect(Number(w.approx)).toBeCloseTo(ref.layers[l].weights_after[i][j], 12)),
        );
      },
    );
  });

  it('text: the output delta is z − t with the reason, in English and Japanese', () => {
    const en = cli.run('solve', file);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('δ₁⁽²⁾ = z₁⁽²⁾ − t₁');
    expect(en.stdout).toContain('sigmoid with binary cross-entropy');
    const ja = cli.run('solve', file, '--lang', 'ja');
    expect(ja.stdout).toContain('二値交差エントロピー誤差');
  });

  it('a target outside [0, 1] is one line naming the field, exit 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, networkText({ ...RAW, target: [['1.5', '0']] }));
    const { status, stderr } = cli.run('solve', bad);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/target.*\[0, 1\]/);
  });
});
