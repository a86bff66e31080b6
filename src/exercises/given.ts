// Values stated in an exercise instead of computed ("the hidden outputs are 0.6 and 0.8"): sigmoid,
// tanh and softmax outputs are irrational, so the exercise rounds them to one decimal and states them;
// the backward pass then runs exactly on the stated values (solve's givenOutputs).
import { forward } from '../engine/solve';
import { InputError } from '../network/errors';
import { layerShape, type Matrix, type NetworkSpec } from '../concepts/network';
import { Decimal, ONE, approx, compare, parseLiteral, sign, sum, type Value } from '../number/value';
import { exactText, lit } from './numbers';
import type { Given } from './types';
import { quoted } from '../text/escape';

export type GivenOutputs = ReadonlyMap<number, Matrix>;

function rounded(v: Value, places: number): Value {
  return lit(approx(v).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN).toFixed(places));
}

/** A rounded output must stay strictly inside the function's open range, or h′ would be 0 (saturation). */
function insideRange(activation: string, y: Value): boolean {
  if (activation === 'sigmoid' || activation === 'softmax') return sign(y) > 0 && compare(y, ONE) < 0;
  if (activation === 'tanh') return compare(y, lit('-1')) > 0 && compare(y, ONE) < 0 && sign(y) !== 0;
  return true;
}

/**
 * The engine's outputs of `layers` (in order, each computed from the earlier given ones), rounded to
 * `places` decimals. Null when a rounded value would saturate the activation (σ = 0 or 1, tanh = 0
 * or ±1) or a rounded softmax row does not sum to exactly 1.
 */
export function deriveGivenOutputs(
  spec: NetworkSpec,
  layers: readonly number[],
  places = 1,
): Map<number, Matrix> | null {
  const given = new Map<number, Matrix>();
  for (const l of [...layers].sort((a, b) => a - b)) {
    const outputs = forward(spec, given).outputs[l];
    const activation = spec.layers[l].activation;
    const roundedRows: Value[][] = [];
    for (const output of outputs) {
      const r = output.map((v) => rounded(v, places));
      // Rounded softmax outputs must still sum to 1; correcting one entry could make equal inputs
      // give unequal outputs, so such a draw is rejected instead.
      if (activation === 'softmax' && compare(sum(r), ONE) !== 0) return null;
      if (!r.every((v) => insideRange(activation, v))) return null;
      roundedRows.push(r);
    }
    given.set(l, roundedRows);
  }
  return given;
}

export function givenToJson(given: GivenOutputs): Given {
  if (given.size === 0) return {};
  const outputs: Record<string, string[][]> = {};
  for (const [l, m] of [...given.entries()].sort((a, b) => a[0] - b[0]))
    outputs[String(l)] = m.map((r) => r.map(exactText));
  return { outputs };
}

/**
 * The givenOutputs map for solve() from an exercise's `given` (exact strings), checked against the
 * network: a layer index that exists, one row per sample, one number per unit. An exercise file may
 * come from anywhere, so every problem is an InputError naming the field.
 */
export function givenOutputsOf(given: Given | undefined, spec: NetworkSpec, file = '<exercise>'): Map<number, Matrix> {
  const map = new Map<number, Matrix>();
  const outputs: unknown = given?.outputs ?? {};
  if (outputs === null || typeof outputs !== 'object' || Array.isArray(outputs)) {
    throw new InputError(
      file,
      'given.outputs',
      'expected a mapping from layer index to a matrix of outputs, e.g. {"0": [["0.6", "0.8"]]}',
    );
  }
  for (const [key, m] of Object.entries(outputs)) {
    const field = `given.outputs.${key}`;
    const l = /^\d+$/.test(key) ? Number(key) : -1;
    if (l < 0 || l >= spec.layers.length)
      throw new InputError(file, field, `expected a layer index 0..${spec.layers.length - 1}`);
    const units = layerShape(spec.layout, spec.layers[l].weights).units;
    const batch = spec.input.length;
    if (!Array.isArray(m) || m.length !== batch || !m.every((row) => Array.isArray(row) && row.length === units)) {
      throw new InputError(
        file,
        field,
        `expected ${batch} row(s) of ${units} numbers (one row per sample, one number per unit)`,
      );
    }
    map.set(
      l,
      (m as unknown[][]).map((row, i) =>
        row.map((text, j) => {
          const v = typeof text === 'string' ? parseLiteral(text) : null;
          if (!v)
            throw new InputError(
              file,
              `${field}[${i}][${j}]`,
              `expected a number such as 0.6 or "3/5", got ${typeof text === 'string' ? quoted(text) : 'a list or a mapping'}`,
            );
          return v;
        }),
      ),
    );
  }
  return map;
}
