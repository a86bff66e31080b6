// Random networks (every activation, loss, layout and convention): every field of the solve JSON
// agrees with the independent float64 reference in test/reference/float64.ts, every `exact`
// fraction equals its `approx`, and networks without exp/ln are exact throughout.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { solutionToJson } from '../../src/render/json';
import type { JsonValue } from '../../src/number/json';
import { approx } from '../../src/number/value';
import { networkArb } from '../reference/arbitrary';
import { referenceSolve } from '../reference/float64';
import { networkText, type RawNetwork } from '../reference/raw';

/** PROPERTY_RUNS=20000 npx vitest run test/engine/property.test.ts for a longer search. */

/** Agreement asked of float64: relative to the value's size, absolute near 0. */
const TOLERANCE = 1e-9;

const Wide = DecimalBase.clone({ precision: 100 });

/** "p/q" or "n" as an exact 100-digit decimal quotient. */
function fractionValue(exact: string): DecimalBase {
  const [p, q = '1'] = exact.split('/');
  if (!/^-?\d+$/.test(p) || !/^\d+$/.test(q) || q === '0') throw new Error(`not a reduced fraction: ${exact}`);
  return new Wide(p).div(q);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** Problems with one JSON value against the reference number, as readable lines. */
function checkValue(path: string, v: JsonValue, expected: number, problems: string[], mustBeExact: boolean): void {
  if (!/^-?\d+\.\d+$/.test(v.approx)) problems.push(`${path}: approx ${v.approx} is not a plain decimal string`);
  const significant = v.approx.replace(/^-?[0.]*/, '').replace('.', '');
  if (significant.length > 0 && significant.length < 30)
    problems.push(`${path}: approx ${v.approx} has fewer than 30 significant digits`);
  const actual = Number(v.approx);
  if (!(Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
    problems.push(`${path}: engine ${v.approx}, float64 reference ${expected}`);
  }
  if (v.exact !== null) {
    const q = fractionValue(v.exact);
    const [p, d = '1'] = v.exact.split('/');
    if (gcd(BigInt(p), BigInt(d)) !== 1n) problems.push(`${path}: exact ${v.exact} is not reduced`);
    // approx is exact rounded to 34 significant digits: within half a unit in the 34th digit.
    if (new Wide(v.approx).minus(q).abs().gt(q.abs().times('5.0000001e-34'))) {
      problems.push(`${path}: exact ${v.exact} but approx ${v.approx}`);
    }
  } else if (mustBeExact) {
    problems.push(`${path}: exact is null in a network without exp or ln`);
  }
}

function checkMatrix(path: string, m: JsonValue[][], expected: number[][], problems: string[], exact: boolean): void {
  if (m.length !== expected.length || m.some((row, i) => row.length !== expected[i].length)) {
    problems.push(`${path}: shape ${m.map((r) => r.length)} but reference ${expected.map((r) => r.length)}`);
    return;
  }
  m.forEach((row, i) => row.forEach((v, j) => checkValue(`${path}[${i}][${j}]`, v, expected[i][j], problems, exact)));
}

/** Only identity and the ReLU family, and no logarithm: every number must stay rational. */
function rationalThroughout(raw: RawNetwork): boolean {
  return (
    raw.loss !== 'cross-entropy' && raw.layers.every((l) => !['sigmoid', 'tanh', 'softmax'].includes(l.activation))
  );
}

function compareWithReference(raw: RawNetwork): string[] {
  const solution = solve(parseNetwork(networkText(raw), 'random.yaml'));
  const json = solutionToJson(solution);
  const ref = referenceSolve(raw);
  const exact = rationalThroughout(raw);
  const problems: string[] = [];
  checkValue('loss', json.loss, ref.loss, problems, exact);
  checkValue('loss_after', json.loss_after, ref.loss_after, problems, exact);
  checkValue('after.loss', json.after.loss, ref.loss_after, problems, exact);
  checkValue('loss_improvement', json.loss_improvement, ref.loss - ref.loss_after, problems, exact);
  checkMatrix('sample_losses', [json.sample_losses], [ref.sample_losses], problems, exact);
  checkMatrix('unit_losses', json.unit_losses, ref.unit_losses, problems, exact);
  json.after.layers.forEach((layer, l) => {
    checkMatrix(
      `after.layers[${l}].preactivation`,
      layer.preactivation,
      ref.after.layers[l].preactivation,
      problems,
      exact,
    );
    checkMatrix(`after.layers[${l}].output`, layer.output, ref.after.layers[l].output, problems, exact);
  });
  if (json.layers.length !== ref.layers.length || json.after.layers.length !== ref.layers.length)
    return [...problems, `layers: ${json.layers.length} vs ${ref.layers.length}`];
  json.layers.forEach((layer, l) => {
    const r = ref.layers[l];
    const at = `layers[${l}]`;
    checkMatrix(`${at}.preactivation`, layer.preactivation, r.preactivation, problems, exact);
    checkMatrix(`${at}.output`, layer.output, r.output, problems, exact);
    checkMatrix(`${at}.grad_output`, layer.grad_output, r.grad_output, problems, exact);
    if ((layer.activation_derivative === null) !== (r.activation_derivative === null))
      problems.push(
        `${at}.activation_derivative: null ${layer.activation_derivative === null}, reference ${r.activation_derivative === null}`,
      );
    else if (layer.activation_derivative !== null && r.activation_derivative !== null)
      checkMatrix(`${at}.activation_derivative`, layer.activation_derivative, r.activation_derivative, problems, exact);
    checkMatrix(`${at}.delta`, layer.delta, r.delta, problems, exact);
    checkMatrix(`${at}.grad_weights`, layer.grad_weights, r.grad_weights, problems, exact);
    checkMatrix(`${at}.grad_bias`, [layer.grad_bias], [r.grad_bias], problems, exact);
    checkMatrix(`${at}.weights_after`, layer.weights_after, r.weights_after, problems, exact);
    checkMatrix(`${at}.bias_after`, [layer.bias_after], [r.bias_after], problems, exact);
    if ((layer.grad_alpha === undefined) !== (r.grad_alpha === undefined)) {
      problems.push(
        `${at}.grad_alpha: present ${layer.grad_alpha !== undefined}, reference ${r.grad_alpha !== undefined}`,
      );
    } else if (layer.grad_alpha && r.grad_alpha !== undefined && r.alpha_after !== undefined) {
      checkValue(`${at}.grad_alpha`, layer.grad_alpha, r.grad_alpha, problems, exact);
      const alphaAfter = approx(solution.layers[l].alphaAfter!).toNumber();
      if (!(Math.abs(alphaAfter - r.alpha_after) <= TOLERANCE * Math.max(1, Math.abs(r.alpha_after)))) {
        problems.push(`${at}: alpha after ${alphaAfter}, reference ${r.alpha_after}`);
      }
    }
  });
  return problems;
}

describe('solve JSON vs an independent float64 reference on random networks', () => {
  it('agrees on every field, with exact fractions equal to their decimals', () => {
    fc.assert(
      fc.property(networkArb(), (raw) => {
        const problems = compareWithReference(raw);
        if (problems.length > 0)
          throw new Error(`${problems.slice(0, 8).join('\n')}\n--- network ---\n${networkText(raw)}`);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });

  it('covers every activation, loss, layout and convention in its samples', () => {
    // The generator itself: a sample of 400 networks reaches every option, so the property above does.
    const seen = new Set<string>();
    for (const raw of fc.sample(networkArb(), { numRuns: 400, seed: 42 })) {
      raw.layers.forEach((l) => seen.add(`activation:${l.activation}`));
      seen.add(`loss:${raw.loss}`);
      seen.add(`layout:${raw.layout}`);
      seen.add(`relu_grad_at_zero:${raw.reluGradAtZero}`);
      seen.add(`batch:${raw.batch}`);
      seen.add(`update_biases:${raw.updateBiases}`);
      if (raw.loss === 'cross-entropy') seen.add(`cross-entropy+${raw.layers[raw.layers.length - 1].activation}`);
      if (raw.layers.some((l) => l.bias === undefined)) seen.add('bias omitted');
    }
    const wanted = [
      ...['identity', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu', 'relu6', 'softmax'].map(
        (a) => `activation:${a}`,
      ),
      ...['half-sse', 'sse', 'mse', 'cross-entropy'].map((l) => `loss:${l}`),
      'layout:x-w',
      'layout:w-x',
      'relu_grad_at_zero:0',
      'relu_grad_at_zero:1',
      'batch:mean',
      'batch:sum',
      'update_biases:true',
      'update_biases:false',
      'cross-entropy+softmax',
      'bias omitted',
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });

  it('hits exact kinks (pre-activation exactly 0) often enough to test relu_grad_at_zero', () => {
    let kinks = 0;
    for (const raw of fc.sample(networkArb(), { numRuns: 400, seed: 7 })) {
      const solution = solve(parseNetwork(networkText(raw)));
      solution.layers.forEach((layer, l) => {
        if (!['relu', 'leaky-relu', 'prelu', 'relu6'].includes(raw.layers[l].activation)) return;
        layer.preactivation.forEach((row) => row.forEach((a) => (kinks += approx(a).isZero() ? 1 : 0)));
      });
    }
    expect(kinks).toBeGreaterThan(20);
  });
});
