// `solve --format text`: a readable table per layer, the fraction and the decimal side by side.
import { valueText } from '../number/format';
import type { Value } from '../number/value';
import type { Matrix, NetworkSpec } from '../network/spec';
import type { Solution } from '../engine/solve';

function table(title: string, m: Matrix, rowLabel: string): string[] {
  const cells = m.map((row) => row.map((v) => valueText(v)));
  const widths = (cells[0] ?? []).map((_, j) => Math.max(...cells.map((row) => row[j].length)));
  const lines = [`  ${title}`];
  cells.forEach((row, i) => {
    const label = m.length > 1 ? `${rowLabel}${i + 1}: ` : '';
    lines.push(`    ${label}${row.map((c, j) => c.padEnd(widths[j])).join('   ').trimEnd()}`);
  });
  return lines;
}

function scalar(title: string, v: Value): string {
  return `  ${title}: ${valueText(v)}`;
}

function layerRole(index: number, count: number): string {
  return index === count - 1 ? 'output layer' : 'hidden layer';
}

function weightsNote(network: NetworkSpec): string {
  return network.layout === 'x-w' ? 'W[input][unit], a = x·W + b' : 'W[unit][input], a = W·x + b';
}

export function solutionToText(solution: Solution): string {
  const { network } = solution;
  const count = network.layers.length;
  const out: string[] = [];
  out.push(`Network: ${count} layer${count > 1 ? 's' : ''}, layout ${network.layout} (${weightsNote(network)}), loss ${network.loss}, ` +
    `batch of ${network.input.length} (${network.conventions.batch}), learning rate η = ${valueText(network.learningRate)}`);
  out.push('');
  out.push(scalar('Loss L', solution.loss));
  if (network.input.length > 1) solution.sampleLosses.forEach((v, s) => out.push(scalar(`  sample ${s + 1}`, v)));
  solution.layers.forEach((layer, l) => {
    const spec = network.layers[l];
    out.push('');
    out.push(`Layer ${l + 1} (${layerRole(l, count)}, ${spec.activation}${spec.alpha ? `, α = ${valueText(spec.alpha)}` : ''}):`);
    out.push(...table(`pre-activation a = ${network.layout === 'x-w' ? 'z·W + b' : 'W·z + b'}`, layer.preactivation, 'sample '));
    out.push(...table('output z = h(a)', layer.output, 'sample '));
    out.push(...table('delta δ = ∂L/∂a', layer.delta, 'sample '));
    out.push(...table('∂L/∂W', layer.gradWeights, 'row '));
    out.push(...table('∂L/∂b', [layer.gradBias], ''));
    if (layer.gradAlpha) out.push(scalar('∂L/∂α', layer.gradAlpha));
    out.push(...table('W after the update (W − η·∂L/∂W)', layer.weightsAfter, 'row '));
    out.push(...table(network.updateBiases ? 'b after the update (b − η·∂L/∂b)' : 'b (not updated: update_biases is false)', [layer.biasAfter], ''));
    if (layer.gradAlpha && layer.alphaAfter) out.push(scalar('α after the update', layer.alphaAfter));
  });
  out.push('');
  out.push(scalar('Loss after one update', solution.lossAfter));
  return `${out.join('\n')}\n`;
}
