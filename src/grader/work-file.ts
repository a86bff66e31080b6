// Reads a student's own work: a YAML or JSON file in the shape of `solve --format json` (any subset),
// with the values as they wrote them — numbers or strings such as "3/20", "0.0821", "e^-1". Each value
// is read by the safe answer parser; the shape is checked against the network (one clear error naming
// the field otherwise).
import type { Quantity } from '../engine/solve';
import type { NetworkSpec } from '../network/spec';
import { fail, readSource, parseSource, type Path, type Source } from '../network/source';
import { readAnswer, type StudentAnswer } from './student';

/** Per-layer keys of the solve JSON, plus two intermediates a hand calculation often writes down. */
export const LAYER_KEYS = [
  'preactivation',
  'output',
  'grad_output',
  'activation_derivative',
  'delta',
  'grad_weights',
  'grad_bias',
  'grad_alpha',
  'weights_after',
  'bias_after',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export const TOP_KEYS = ['loss', 'layers', 'loss_after', 'loss_improvement'] as const;

/** One value the student wrote. */
export interface WorkEntry {
  /** As in the solve JSON: "layers[1].delta[0][0]", "loss". */
  readonly path: string;
  /** The engine quantity (loss_improvement is computed from loss and loss_after). */
  readonly quantity: Quantity | 'loss_improvement';
  /** Layer index, −1 for network-level values. */
  readonly layer: number;
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly answer: StudentAnswer;
  readonly line: number | null;
}

const ABSENT = new Set(['', '~', 'null']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Rows × columns a quantity has in this network (vectors: 1 row; scalars 1 × 1). */
function shapeOf(spec: NetworkSpec, key: LayerKey, l: number): { rows: number; columns: number; kind: 'matrix' | 'vector' | 'scalar' } {
  const layer = spec.layers[l];
  const samples = spec.input.length;
  const weightRows = layer.weights.length;
  const weightColumns = layer.weights[0].length;
  const units = spec.layout === 'x-w' ? weightColumns : weightRows;
  switch (key) {
    case 'grad_weights':
    case 'weights_after':
      return { rows: weightRows, columns: weightColumns, kind: 'matrix' };
    case 'grad_bias':
    case 'bias_after':
      return { rows: 1, columns: units, kind: 'vector' };
    case 'grad_alpha':
      return { rows: 1, columns: 1, kind: 'scalar' };
    default:
      return { rows: samples, columns: units, kind: 'matrix' };
  }
}

const MATRIX_HINT: Record<'matrix' | 'vector' | 'scalar', string> = {
  matrix: 'a list of rows, e.g. [[0.1, 0.2]]',
  vector: 'a list of numbers, e.g. [0.1, 0.2]',
  scalar: 'a number such as 0.0821 or "3/20"',
};

export function loadWork(file: string, spec: NetworkSpec): WorkEntry[] {
  return workFromSource(readSource(file), spec);
}

export function parseWork(textValue: string, spec: NetworkSpec, file = '<work>'): WorkEntry[] {
  return workFromSource(parseSource(file, textValue), spec);
}

export function workFromSource(source: Source, spec: NetworkSpec): WorkEntry[] {
  const data = source.data;
  if (!isRecord(data)) fail(source, [], 'expected your work: a mapping with loss, layers and/or loss_after, in the shape of `solve --format json`');
  const entries: WorkEntry[] = [];
  const scalar = (path: Path, raw: unknown, quantity: WorkEntry['quantity'], layer: number, row: number, column: number, name: string) => {
    if (typeof raw !== 'string') fail(source, path, `expected a number such as 0.0821 or "3/20", got ${Array.isArray(raw) ? 'a list' : 'a mapping'}`);
    if (ABSENT.has(raw.trim())) return;
    entries.push({ path: name, quantity, layer, row, column, text: raw, answer: readAnswer(raw), line: source.lineOf(path) });
  };
  for (const key of Object.keys(data)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) fail(source, [key], `unknown field (your work has ${TOP_KEYS.join(', ')})`);
  }
  for (const key of ['loss', 'loss_after', 'loss_improvement'] as const) {
    if (key in data) scalar([key], data[key], key, -1, 0, 0, key);
  }
  const layers = data.layers;
  if (layers !== undefined) {
    if (!Array.isArray(layers)) fail(source, ['layers'], 'expected a list with one entry per layer (use {} for a layer you skip)');
    if (layers.length > spec.layers.length) fail(source, ['layers'], `expected at most ${spec.layers.length} layers (the network has ${spec.layers.length}), got ${layers.length}`);
    layers.forEach((layerData, l) => {
      if (typeof layerData === 'string' && ABSENT.has(layerData.trim())) return;
      if (!isRecord(layerData)) fail(source, ['layers', l], `expected a mapping with any of ${LAYER_KEYS.join(', ')}`);
      for (const key of Object.keys(layerData)) {
        if (!(LAYER_KEYS as readonly string[]).includes(key)) fail(source, ['layers', l, key], `unknown field (a layer has ${LAYER_KEYS.join(', ')})`);
        const k = key as LayerKey;
        if (k === 'grad_alpha' && spec.layers[l].activation !== 'prelu') fail(source, ['layers', l, k], `layer ${l} has no alpha (only prelu layers do)`);
        const shape = shapeOf(spec, k, l);
        const at = ['layers', l, k] as const;
        const base = `layers[${l}].${k}`;
        const raw = layerData[k];
        if (shape.kind === 'scalar') {
          scalar(at, raw, k, l, 0, 0, base);
          continue;
        }
        if (!Array.isArray(raw)) fail(source, at, `expected ${MATRIX_HINT[shape.kind]}`);
        // A one-row matrix (one sample) may be written as a flat list.
        const rows: unknown[] = shape.kind === 'vector' || (shape.rows === 1 && raw.every((x) => !Array.isArray(x))) ? [raw] : raw;
        const flat = shape.kind === 'vector' || rows !== raw;
        if (rows.length !== shape.rows) fail(source, at, `expected ${shape.rows} rows (${MATRIX_HINT[shape.kind]}), got ${rows.length}`);
        rows.forEach((row, i) => {
          const rowPath: Path = flat ? at : [...at, i];
          if (!Array.isArray(row)) fail(source, rowPath, `expected ${MATRIX_HINT[shape.kind]}`);
          if (row.length !== shape.columns) fail(source, rowPath, `expected ${shape.columns} numbers, got ${row.length}`);
          row.forEach((cell, j) => {
            const cellPath: Path = [...rowPath, j];
            const name = shape.kind === 'vector' ? `${base}[${j}]` : `${base}[${i}][${j}]`;
            scalar(cellPath, cell, k, l, i, j, name);
          });
        });
      }
    });
  }
  return entries;
}
