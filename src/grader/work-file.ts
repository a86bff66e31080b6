// Reads a student's own work: a YAML or JSON file in the shape of `solve --format json` (any subset),
// with the values as they wrote them — numbers or strings such as "3/20", "0.0821", "e^-1". Each value
// is read by the safe answer parser; the shape is checked against the network by a valibot schema built
// from it (one clear error naming the field and its line otherwise, in English and Japanese).
import * as v from 'valibot';
import type { Quantity } from '../engine/solve';
import type { NetworkSpec } from '../concepts/network';
import type { Text } from '../text/lang';
import { expected, mapping, says, unknownField, validate } from '../network/schema-issues';
import { readSource, parseSource, type Path, type Source } from '../network/source';
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

const isAbsent = (x: unknown): boolean => typeof x === 'string' && ABSENT.has(x.trim());

type Kind = 'matrix' | 'vector' | 'scalar';

/** Rows × columns a quantity has in this network (vectors: 1 row; scalars 1 × 1). */
function shapeOf(spec: NetworkSpec, key: LayerKey, l: number): { rows: number; columns: number; kind: Kind } {
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

const HINT: Readonly<Record<Kind, Text>> = {
  matrix: { en: 'a list of rows, e.g. [[0.1, 0.2]]', ja: '行のリスト（例: [[0.1, 0.2]]）' },
  vector: { en: 'a list of numbers, e.g. [0.1, 0.2]', ja: '数のリスト（例: [0.1, 0.2]）' },
  scalar: { en: 'a number such as 0.0821 or "3/20"', ja: '数（例: 0.0821, "3/20"）' },
};

const lengthOf = (issue: v.BaseIssue<unknown>) => (issue.input as readonly unknown[]).length;

/** One value as the student wrote it: any text (the answer parser reads it later; ~ leaves it out). */
const cell = v.string(says(expected(HINT.scalar)));

/** A list of `columns` values. */
function row(columns: number, kind: Kind) {
  return v.pipe(
    v.array(v.unknown(), says(expected(HINT[kind]), { got: false })),
    v.length(columns, (issue) =>
      says(
        {
          en: `expected ${columns} numbers, got ${lengthOf(issue)}`,
          ja: `${columns} 個の数が必要ですが、${lengthOf(issue)} 個です`,
        },
        { got: false },
      ),
    ),
    v.array(cell),
  );
}

/** rows × columns values; a one-row matrix (one sample) may be written as a flat list. */
function matrix(rows: number, columns: number) {
  const hint = HINT.matrix;
  const list = v.pipe(
    v.array(v.unknown(), says(expected(hint), { got: false })),
    v.length(rows, (issue) =>
      says(
        {
          en: `expected ${rows} rows (${hint.en}), got ${lengthOf(issue)}`,
          ja: `${rows} 行の行列（例: [[0.1, 0.2]]）が必要ですが、${lengthOf(issue)} 行です`,
        },
        { got: false },
      ),
    ),
    v.array(row(columns, 'matrix')),
  );
  if (rows !== 1) return list;
  return v.lazy((raw) => (Array.isArray(raw) && raw.every((x) => !Array.isArray(x)) ? row(columns, 'matrix') : list));
}

/** The values of layer l the student may write, each of its shape in this network. */
function layerSchema(spec: NetworkSpec, l: number) {
  const entries = Object.fromEntries(
    LAYER_KEYS.map((key) => {
      if (key === 'grad_alpha' && spec.layers[l].activation !== 'prelu') {
        return [
          key,
          v.optional(
            v.never(
              says(
                {
                  en: `layer ${l} has no alpha (only prelu layers do)`,
                  ja: `層 ${l} には alpha がありません（alpha を持つのは prelu の層だけです）`,
                },
                { got: false },
              ),
            ),
          ),
        ];
      }
      const shape = shapeOf(spec, key, l);
      const schema =
        shape.kind === 'scalar'
          ? cell
          : shape.kind === 'vector'
            ? row(shape.columns, 'vector')
            : matrix(shape.rows, shape.columns);
      return [key, v.optional(schema)];
    }),
  ) as Record<LayerKey, v.GenericSchema>;
  const keys = LAYER_KEYS.join(', ');
  const layer = mapping(entries, {
    expected: {
      en: `expected a mapping with any of ${keys}`,
      ja: `${keys} のいずれかを持つマッピングを指定してください`,
    },
    got: false,
    unknown: unknownField({ en: 'a layer', ja: '層' }, keys),
  });
  // ~ (or nothing) for a layer the student skips.
  return v.lazy((raw) => (isAbsent(raw) ? v.string() : layer));
}

function workSchema(spec: NetworkSpec) {
  const count = spec.layers.length;
  const layers = v.pipe(
    v.array(
      v.unknown(),
      says(
        {
          en: 'expected a list with one entry per layer (use {} for a layer you skip)',
          ja: '層ごとに1つの要素を持つリスト（飛ばす層には {} を書きます）を指定してください',
        },
        { got: false },
      ),
    ),
    v.maxLength(count, (issue) =>
      says(
        {
          en: `expected at most ${count} layers (the network has ${count}), got ${lengthOf(issue)}`,
          ja: `層は ${count} 個まで書けます（ネットワークの層は ${count} 個）が、${lengthOf(issue)} 個あります`,
        },
        { got: false },
      ),
    ),
    v.tuple(spec.layers.map((_, l) => v.optional(layerSchema(spec, l)))),
  );
  return mapping(
    {
      loss: v.optional(cell),
      loss_after: v.optional(cell),
      loss_improvement: v.optional(cell),
      layers: v.optional(layers),
    },
    {
      expected: {
        en: 'expected your work: a mapping with loss, layers and/or loss_after, in the shape of `solve --format json`',
        ja: '計算結果（loss, layers, loss_after などを持つマッピング。`solve --format json` と同じ形）を指定してください',
      },
      got: false,
      unknown: unknownField({ en: 'your work', ja: '計算結果' }, TOP_KEYS.join(', ')),
    },
  );
}

export function loadWork(file: string, spec: NetworkSpec): WorkEntry[] {
  return workFromSource(readSource(file), spec);
}

export function parseWork(textValue: string, spec: NetworkSpec, file = '<work>'): WorkEntry[] {
  return workFromSource(parseSource(file, textValue), spec);
}

type Mapping = Readonly<Record<string, unknown>>;

export function workFromSource(source: Source, spec: NetworkSpec): WorkEntry[] {
  validate(source, workSchema(spec));
  // The shape is right: read the values in the file's own order.
  const data = source.data as Mapping;
  const entries: WorkEntry[] = [];
  const scalar = (
    path: Path,
    raw: unknown,
    quantity: WorkEntry['quantity'],
    layer: number,
    row: number,
    column: number,
    name: string,
  ) => {
    const text = raw as string;
    if (ABSENT.has(text.trim())) return;
    entries.push({
      path: name,
      quantity,
      layer,
      row,
      column,
      text,
      answer: readAnswer(text),
      line: source.lineOf(path),
    });
  };
  for (const key of ['loss', 'loss_after', 'loss_improvement'] as const) {
    if (key in data) scalar([key], data[key], key, -1, 0, 0, key);
  }
  const layers = (data.layers ?? []) as readonly unknown[];
  layers.forEach((layerData, l) => {
    if (isAbsent(layerData)) return;
    for (const [k, raw] of Object.entries(layerData as Mapping) as [LayerKey, unknown][]) {
      const shape = shapeOf(spec, k, l);
      const at = ['layers', l, k] as const;
      const base = `layers[${l}].${k}`;
      if (shape.kind === 'scalar') {
        scalar(at, raw, k, l, 0, 0, base);
        continue;
      }
      const list = raw as readonly unknown[];
      // A one-row matrix (one sample) may be written as a flat list.
      const flat = shape.kind === 'vector' || (shape.rows === 1 && list.every((x) => !Array.isArray(x)));
      const rows = (flat ? [list] : list) as readonly (readonly unknown[])[];
      rows.forEach((cells, i) => {
        const rowPath: Path = flat ? at : [...at, i];
        cells.forEach((text, j) => {
          const name = shape.kind === 'vector' ? `${base}[${j}]` : `${base}[${i}][${j}]`;
          scalar([...rowPath, j], text, k, l, i, j, name);
        });
      });
    }
  });
  return entries;
}
