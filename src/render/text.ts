// `solve --format text`: a readable table per layer, the fraction and the decimal side by side.
import { valueText } from '../number/format';
import type { Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import type { Solution } from '../engine/solve';
import { messages, type Lang } from '../i18n';

function table(title: string, m: Matrix, rowLabel: ((r: number) => string) | null): string[] {
  const cells = m.map((row) => row.map((v) => valueText(v)));
  const widths = (cells[0] ?? []).map((_, j) => Math.max(...cells.map((row) => row[j].length)));
  const lines = [`  ${title}`];
  cells.forEach((row, i) => {
    const label = rowLabel && m.length > 1 ? `${rowLabel(i + 1)}: ` : '';
    lines.push(
      `    ${label}${row
        .map((c, j) => c.padEnd(widths[j]))
        .join('   ')
        .trimEnd()}`,
    );
  });
  return lines;
}

function scalar(title: string, v: Value): string {
  return `  ${title}: ${valueText(v)}`;
}

export function solutionToText(solution: Solution, lang: Lang = 'en'): string {
  const words = messages(lang);
  const t = words.table;
  const { network } = solution;
  const optimizer = network.optimizer?.name ?? 'sgd';
  const count = network.layers.length;
  const out: string[] = [];
  out.push(
    t.summary(
      count,
      `${network.layout} (${words.layout[network.layout]})`,
      words.lossName[network.loss],
      network.input.length,
      network.conventions.batch,
      valueText(network.learningRate),
    ),
  );
  out.push('');
  if (solution.regularization) out.push(scalar(t.regularization, solution.regularization));
  out.push(scalar(t.loss, solution.loss));
  if (network.input.length > 1) solution.sampleLosses.forEach((v, s) => out.push(scalar(`  ${t.sample(s + 1)}`, v)));
  solution.layers.forEach((layer, l) => {
    const spec = network.layers[l];
    const alpha = spec.alpha ? `, α = ${valueText(spec.alpha)}` : '';
    out.push('');
    out.push(`${words.layerHeading(l + 1, l === count - 1, words.activation[spec.activation])}${alpha}:`);
    out.push(...table(t.preactivation(network.layout), layer.preactivation, t.sample));
    out.push(...table(t.output, layer.output, t.sample));
    out.push(...table(t.delta, layer.delta, t.sample));
    out.push(...table(t.gradWeights, layer.gradWeights, t.row));
    out.push(...table(t.gradBias, [layer.gradBias], null));
    if (layer.gradAlpha) out.push(scalar(t.gradAlpha, layer.gradAlpha));
    out.push(...table(t.weightsAfter(optimizer), layer.weightsAfter, t.row));
    out.push(...table(network.updateBiases ? t.biasAfter(optimizer) : t.biasFixed, [layer.biasAfter], null));
    if (layer.gradAlpha && layer.alphaAfter) out.push(scalar(t.alphaAfter, layer.alphaAfter));
  });
  out.push('');
  out.push(scalar(t.lossAfter, solution.lossAfter));
  return `${out.join('\n')}\n`;
}
