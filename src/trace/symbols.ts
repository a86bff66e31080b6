// The symbols of the rendered steps (docs/notation.md). Layers are numbered from 1 in the formulas, as
// the seeds do (layer index l in the code is layer l + 1 here); units, inputs and samples from 1.
//   x_i            input (z^{(0)} = x)            t_k             target
//   a^{(l)}_j      pre-activation                  z^{(l)}_j       output h(a^{(l)}_j)
//   \delta^{(l)}_j ∂L/∂a^{(l)}_j                   w^{(l)}_{ij}    weight in the file's layout
//   b^{(l)}_j      bias                            \alpha^{(l)}    PReLU / leaky slope
// With a batch of N > 1 samples every per-sample symbol gets the sample first: a^{(1)}_{n,j}.
// Matrices: X, A^{(l)}, Z^{(l)}, \Delta^{(l)}, W^{(l)}, \mathbf{b}^{(l)}, T. A superscript "+" marks
// a value after the update (Mazur's w_5^+).
import type { Layout } from '../concepts/network';

export interface Notation {
  readonly layout: Layout;
  /** Samples in the batch. */
  readonly batch: number;
  /** Whether symbols denote values after the update (w^{(l)+}, a^{(l)+}). */
  readonly after: boolean;
}

/** Subscript of 1-based indices: "12" when all are one digit, else "10,2". */
function indices(...idx: number[]): string {
  const shown = idx.map((i) => i + 1);
  return shown.every((i) => i < 10) ? shown.join('') : shown.join(',');
}

/** Sample and unit: "j" alone for a single sample, "n,j" for a batch. */
function cell(nt: Notation, n: number, j: number): string {
  return nt.batch > 1 ? `${n + 1},${j + 1}` : `${j + 1}`;
}

const plus = (nt: Notation) => (nt.after ? '+' : '');
const layerSup = (nt: Notation, l: number) => `^{(${l + 1})${plus(nt)}}`;

/** The input of layer l at (sample n, unit i): x for the first layer, z^{(l)} of the previous one. */
export function inputSym(nt: Notation, l: number, n: number, i: number): string {
  return l === 0 ? `x_{${cell(nt, n, i)}}` : outputSym(nt, l - 1, n, i);
}

export function preactSym(nt: Notation, l: number, n: number, j: number): string {
  return `a${layerSup(nt, l)}_{${cell(nt, n, j)}}`;
}

export function outputSym(nt: Notation, l: number, n: number, j: number): string {
  return `z${layerSup(nt, l)}_{${cell(nt, n, j)}}`;
}

export function targetSym(nt: Notation, n: number, k: number): string {
  return `t_{${cell(nt, n, k)}}`;
}

export function deltaSym(nt: Notation, l: number, n: number, j: number): string {
  return `\\delta^{(${l + 1})}_{${cell(nt, n, j)}}`;
}

/** A weight by its position in the file: w_{ij} (x-w: input i, unit j) or w_{ji} (w-x: unit j, input i). */
export function weightSym(_nt: Notation, l: number, row: number, col: number, after = false): string {
  return `w^{(${l + 1})${after ? '+' : ''}}_{${indices(row, col)}}`;
}

/** The weight that connects input i to unit j, whatever the layout. */
export function weightSymFor(nt: Notation, l: number, i: number, j: number, after = false): string {
  return nt.layout === 'x-w' ? weightSym(nt, l, i, j, after) : weightSym(nt, l, j, i, after);
}

/** b^{(l)}_j; a bias shared by every unit of the layer (unit null) has no unit subscript. */
export function biasSym(l: number, j: number | null, after = false): string {
  return `b^{(${l + 1})${after ? '+' : ''}}${j === null ? '' : `_{${j + 1}}`}`;
}

export function alphaSym(l: number, after = false): string {
  return `\\alpha^{(${l + 1})${after ? '+' : ''}}`;
}

/** L, or L_n for one sample's loss in a batch; L^{+} after the update. */
export function lossSym(nt: Notation, n: number | null): string {
  const sup = nt.after ? '^{+}' : '';
  return n === null || nt.batch === 1 ? `L${sup}` : `L${sup}_{${n + 1}}`;
}

/** ∂L/∂(symbol). */
export function partial(of: string): string {
  return `\\frac{\\partial L}{\\partial ${of}}`;
}

/** h′ at a pre-activation, written h'(a). */
export function derivSym(nt: Notation, l: number, n: number, j: number): string {
  return `h'(${preactSym(nt, l, n, j)})`;
}

// Matrices (one row per sample in x-w; one column per sample in w-x).
export const inputMatrixSym = (nt: Notation, l: number) => (l === 0 ? 'X' : `Z${layerSup(nt, l - 1)}`);
export const inputMatrixSymT = (nt: Notation, l: number) => (l === 0 ? 'X^{\\top}' : `Z^{(${l})${plus(nt)}\\top}`);
export const preactMatrixSym = (nt: Notation, l: number) => `A${layerSup(nt, l)}`;
export const outputMatrixSym = (nt: Notation, l: number) => `Z${layerSup(nt, l)}`;
export const deltaMatrixSym = (l: number) => `\\Delta^{(${l + 1})}`;
export const weightMatrixSym = (l: number, after = false) => `W^{(${l + 1})${after ? '+' : ''}}`;
export const weightMatrixSymT = (l: number) => `W^{(${l + 1})\\top}`;
export const biasVectorSym = (l: number, after = false) => `\\mathbf{b}^{(${l + 1})${after ? '+' : ''}}`;
export const derivMatrixSym = (nt: Notation, l: number) => `h'(${preactMatrixSym(nt, l)})`;
