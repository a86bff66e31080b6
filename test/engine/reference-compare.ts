// Compares a solve JSON (or one history entry of it) with the float64 reference, field by field,
// and returns the disagreements as readable lines (none when they agree).
import type { JsonLayer } from '../../src/render/json';
import type { JsonValue } from '../../src/number/json';
import type { RefLayer } from '../reference/float64';

export const TOLERANCE = 1e-9;

export function close(v: JsonValue, expected: number): boolean {
  return Math.abs(Number(v.approx) - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

export function checkValue(path: string, v: JsonValue, expected: number, problems: string[]): void {
  if (!close(v, expected)) problems.push(`${path}: engine ${v.approx}, float64 reference ${expected}`);
}

export function checkMatrix(path: string, m: JsonValue[][], expected: number[][], problems: string[]): void {
  if (m.length !== expected.length || m.some((row, i) => row.length !== expected[i].length)) {
    problems.push(`${path}: shape ${m.map((r) => r.length)} but reference ${expected.map((r) => r.length)}`);
    return;
  }
  m.forEach((row, i) => row.forEach((v, j) => checkValue(`${path}[${i}][${j}]`, v, expected[i][j], problems)));
}

/** Every per-layer field the reference computes. */
export function checkLayers(path: string, layers: JsonLayer[], ref: readonly RefLayer[], problems: string[]): void {
  if (layers.length !== ref.length) {
    problems.push(`${path}: ${layers.length} layers, reference ${ref.length}`);
    return;
  }
  layers.forEach((layer, l) => {
    const r = ref[l];
    const at = `${path}[${l}]`;
    checkMatrix(`${at}.preactivation`, layer.preactivation, r.preactivation, problems);
    checkMatrix(`${at}.output`, layer.output, r.output, problems);
    checkMatrix(`${at}.delta`, layer.delta, r.delta, problems);
    checkMatrix(`${at}.grad_weights`, layer.grad_weights, r.grad_weights, problems);
    checkMatrix(`${at}.grad_bias`, [layer.grad_bias], [r.grad_bias], problems);
    checkMatrix(`${at}.weights_after`, layer.weights_after, r.weights_after, problems);
    checkMatrix(`${at}.bias_after`, [layer.bias_after], [r.bias_after], problems);
  });
}
