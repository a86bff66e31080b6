// Numbers, vectors and matrices as an exercise prints them for people: exact decimals or fractions
// ("0.15", "1/3"), an irrational value by its short symbolic form and decimal.
import { valueText } from '../number/format';
import type { Matrix, Vector } from '../concepts/network';
import type { Value } from '../number/value';
import { displayWidth } from '../text/width';
import { exactText } from './numbers';

export function show(v: Value): string {
  return v.kind === 'rational' ? exactText(v) : valueText(v);
}

/** A small constant as it is written in the papers: 10⁻⁸ for 0.00000001 (Adam's ε); otherwise as show(). */
export function showSmall(v: Value): string {
  if (v.kind === 'rational' && v.q.n === 1n && v.q.s > 0n) {
    const k = v.q.d.toString().length - 1;
    if (k >= 4 && v.q.d === 10n ** BigInt(k))
      return `10⁻${[...String(k)].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('')}`;
  }
  return show(v);
}

export function showVector(v: Vector): string {
  return `(${v.map(show).join(', ')})`;
}

/** A matrix as aligned rows under a name: "W¹ = [ 0.2  -0.4 ]" then "     [ 0.1   0.3 ]". */
export function matrixBlock(name: string, m: Matrix, indent = '  '): string[] {
  const cells = m.map((row) => row.map(show));
  const widths = (cells[0] ?? []).map((_, j) => Math.max(...cells.map((row) => row[j].length)));
  const head = `${name} = `;
  return cells.map((row, i) => {
    const body = row.map((c, j) => c.padStart(widths[j])).join('  ');
    return `${indent}${i === 0 ? head : ' '.repeat(displayWidth(head))}[ ${body} ]`;
  });
}

/** A vector inline, or a matrix as a block when it has more than one row. */
export function valueBlock(name: string, m: Matrix, indent = '  '): string[] {
  return m.length === 1 ? [`${indent}${name} = ${showVector(m[0])}`] : matrixBlock(name, m, indent);
}
