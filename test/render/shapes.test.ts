// The shapes of the matrices a worked solution displays agree with each other: the problem statement
// shows X, T, W and b exactly as the matrix-form steps use them (w-x: one column per sample, so that
// W⁽¹⁾X is defined; x-w: one row per sample), and every displayed product A = W X + b (or X W + b) has
// matching inner dimensions. Shapes are read back from the rendered LaTeX, independently of the code
// that chose them.
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import type { WorkedDocument } from '../../src/document/model';
import { documentOf, MIXED_TEXT } from './helpers';

interface Shown {
  readonly latex: string;
  readonly rows: number;
  readonly cols: number;
}

/** Every pmatrix in a LaTeX string, in order, with its shape. */
function pmatrices(latex: string): Shown[] {
  return [...latex.matchAll(/\\begin\{pmatrix\}(.*?)\\end\{pmatrix\}/gs)].map((m) => {
    const rows = m[1].split('\\\\').map((r) => r.split('&').length);
    expect(new Set(rows).size, `ragged matrix ${m[0]}`).toBe(1);
    return { latex: m[0], rows: rows.length, cols: rows[0] };
  });
}

/** The matrix after "NAME = " in the problem section's inline math. */
function problemMatrix(doc: WorkedDocument, name: string): Shown {
  const math = doc.sections[0].blocks
    .flatMap((b) => (b.kind === 'paragraph' ? b.text : b.kind === 'list' ? b.items.flat() : []))
    .flatMap((x) => (typeof x === 'string' ? [] : [x.math]));
  for (const m of math) {
    const at = m.indexOf(`${name} = \\begin{pmatrix}`);
    if (at >= 0) return pmatrices(m.slice(at))[0];
  }
  throw new Error(`${name} not in the problem statement`);
}

function stepsOf(doc: WorkedDocument) {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'step' ? [b.step] : [])));
}

const WX_BATCH3 = [
  'layout: w-x',
  'layers:',
  '  - weights: [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]]',
  '    bias: [0.1, -0.1, 0.2]',
  '    activation: relu',
  '  - weights: [[0.2, -0.3, 0.1], [0.4, 0.1, -0.2]]',
  '    bias: [0.05, -0.05]',
  '    activation: sigmoid',
  'loss: half-sse',
  'input: [[1, 2], [-1, 0.5], [0.3, -0.7]]',
  'target: [[0, 1], [1, 0], [0.5, 0.5]]',
  'learning_rate: 0.5',
].join('\n');
const XW_BATCH3 = WX_BATCH3.replace('w-x', 'x-w')
  .replace('[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]]', '[[0.1, 0.3, -0.5], [-0.2, 0.4, 0.2]]')
  .replace('[[0.2, -0.3, 0.1], [0.4, 0.1, -0.2]]', '[[0.2, 0.4], [-0.3, 0.1], [0.1, -0.2]]');
const WX_SINGLE = WX_BATCH3.replace('input: [[1, 2], [-1, 0.5], [0.3, -0.7]]', 'input: [[1, 2]]').replace(
  'target: [[0, 1], [1, 0], [0.5, 0.5]]',
  'target: [[0, 1]]',
);

// [name, file, layout, inputs, units per layer, samples]
const CASES = [
  ['w-x, 2 inputs, batch 3', WX_BATCH3, 'w-x', 2, [3, 2], 3],
  ['x-w, 2 inputs, batch 3', XW_BATCH3, 'x-w', 2, [3, 2], 3],
  ['w-x, one sample', WX_SINGLE, 'w-x', 2, [3, 2], 1],
  ['w-x, softmax + cross-entropy (mixed)', MIXED_TEXT, 'w-x', 2, [2, 2], 2],
] as const;

describe.each(CASES)('displayed shapes: %s', (_name, text, layout, inputs, units, samples) => {
  const solution = solve(parseNetwork(text, 'net.yaml'));
  const columns = layout === 'w-x';
  const outputs = units[units.length - 1];
  for (const lang of ['en', 'ja'] as const) {
    const { doc } = documentOf(solution, lang, 'matrix');
    const steps = stepsOf(doc);

    it(`${lang}: the problem shows X, T, W and b in the orientation of the layout`, () => {
      const X = problemMatrix(doc, 'X');
      const T = problemMatrix(doc, 'T');
      expect([X.rows, X.cols]).toEqual(columns ? [inputs, samples] : [samples, inputs]);
      expect([T.rows, T.cols]).toEqual(columns ? [outputs, samples] : [samples, outputs]);
      units.forEach((u, l) => {
        const fanIn = l === 0 ? inputs : units[l - 1];
        const W = problemMatrix(doc, `W^{(${l + 1})}`);
        const b = problemMatrix(doc, `\\mathbf{b}^{(${l + 1})}`);
        expect([W.rows, W.cols]).toEqual(columns ? [u, fanIn] : [fanIn, u]);
        expect([b.rows, b.cols]).toEqual(columns ? [u, 1] : [1, u]);
      });
    });

    it(`${lang}: the steps use the very matrices the problem shows, and their products are defined`, () => {
      const X = problemMatrix(doc, 'X');
      const T = problemMatrix(doc, 'T');
      units.forEach((u, l) => {
        const W = problemMatrix(doc, `W^{(${l + 1})}`);
        const b = problemMatrix(doc, `\\mathbf{b}^{(${l + 1})}`);
        const a = steps.find((s) => s.data?.quantity === 'preactivation' && s.data.layer === String(l))!;
        const [p, q, bias] = pmatrices(a.substituted!);
        const [left, right] = [p, q];
        // A = W Z + b (w-x) or Z W + b (x-w): W is the problem's W, Z is X for the first layer.
        expect((columns ? left : right).latex).toBe(W.latex);
        if (l === 0) expect((columns ? right : left).latex).toBe(X.latex);
        expect(bias.latex).toBe(b.latex);
        expect(left.cols).toBe(right.rows);
        const A = pmatrices(a.result!)[0];
        expect([A.rows, A.cols]).toEqual([left.rows, right.cols]);
        expect([A.rows, A.cols]).toEqual(columns ? [u, samples] : [samples, u]);
        // The bias broadcasts along the samples: same length as A's unit dimension.
        expect(columns ? bias.rows : bias.cols).toBe(columns ? A.rows : A.cols);
      });
      // The target enters the first backward step of the output layer.
      const last = String(units.length - 1);
      const first = steps.find(
        (s) =>
          s.data?.layer === last && (s.data.quantity === 'grad_output' || s.data.quantity === 'delta') && s.substituted,
      )!;
      expect(pmatrices(first.substituted!).map((m) => m.latex)).toContain(T.latex);
    });
  }
});
