// The `solve --format json` contract: every value as {exact, approx, latex} (number/json.ts).
import { jsonValue, type JsonValue } from '../number/json';
import type { Matrix, Vector } from '../concepts/network';
import type { Solution } from '../engine/solve';

export interface JsonLayer {
  readonly preactivation: JsonValue[][];
  readonly output: JsonValue[][];
  readonly delta: JsonValue[][];
  readonly grad_weights: JsonValue[][];
  readonly grad_bias: JsonValue[];
  readonly weights_after: JsonValue[][];
  readonly bias_after: JsonValue[];
  readonly grad_alpha?: JsonValue;
}

export interface JsonSolution {
  readonly loss: JsonValue;
  readonly layers: JsonLayer[];
  readonly loss_after: JsonValue;
}

const vector = (v: Vector) => v.map(jsonValue);
const matrix = (m: Matrix) => m.map(vector);

export function solutionToJson(solution: Solution): JsonSolution {
  return {
    loss: jsonValue(solution.loss),
    layers: solution.layers.map((layer) => ({
      preactivation: matrix(layer.preactivation),
      output: matrix(layer.output),
      delta: matrix(layer.delta),
      grad_weights: matrix(layer.gradWeights),
      grad_bias: vector(layer.gradBias),
      weights_after: matrix(layer.weightsAfter),
      bias_after: vector(layer.biasAfter),
      ...(layer.gradAlpha === null ? {} : { grad_alpha: jsonValue(layer.gradAlpha) }),
    })),
    loss_after: jsonValue(solution.lossAfter),
  };
}
