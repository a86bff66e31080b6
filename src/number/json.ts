// One exact value as JSON, {exact, approx, latex}: the shape every JSON contract (solve, exercise,
// check) uses for a number.
import { approxString, exactString, valueLatex } from './format';
import type { Value } from './value';

export interface JsonValue {
  readonly exact: string | null;
  readonly approx: string;
  readonly latex: string;
}

export function jsonValue(v: Value): JsonValue {
  return { exact: exactString(v), approx: approxString(v), latex: valueLatex(v) };
}
