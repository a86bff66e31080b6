// The network of an exercise drawn in the quiz (text/network-drawing.ts), with only what the exercise
// gives: the first sample's inputs, each unit's bias, a layer's outputs where they are stated, the
// targets. Nothing asked is shown; the unit's output is named (z¹₁, y₁) so the prompt's words match.
import { activation, type ActivationName } from '../concepts/activations';
import { isGraphFile, type Exercise, type NetworkFile } from '../exercises/types';
import { pick, text, type Lang } from '../text/lang';
import { BUS_LEGEND, type NetworkDrawing } from '../text/network-drawing';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]);
const sup = (n: number) => String(n).replace(/\d/g, (d) => SUP[Number(d)]);
/** An exact string as the prompt's numbers read, with a real minus sign. */
const shown = (s: string) => s.replace(/^-/, '−');

const LEGEND = (batch: boolean) =>
  text(
    `${batch ? "The first sample's inputs x" : 'The inputs x'}, each unit's bias b and its output (its value where the exercise gives it), the targets t.`,
    `${batch ? 'サンプル 1 の' : ''}入力 x、各ユニットのバイアス b と出力（問題に示した値があればその値）、教師データ t。`,
  );

function unitsOf(layer: NetworkFile['layers'][number], layout: NetworkFile['layout']): number {
  return layout === 'x-w' ? (layer.weights[0]?.length ?? 0) : layer.weights.length;
}

export function exerciseDrawing(exercise: Exercise, lang: Lang): NetworkDrawing | null {
  const network = exercise.network;
  if (network === null || isGraphFile(network)) return null;
  const last = network.layers.length - 1;
  const ja = lang === 'ja';
  const layers = network.layers.map((layer, l) => {
    const given = exercise.given?.outputs?.[String(l)]?.[0];
    const symbol = (j: number) => (l === last ? `y${sub(j + 1)}` : `z${sup(l + 1)}${sub(j + 1)}`);
    const name = activation(layer.activation as ActivationName).names.text;
    return {
      title: `${ja ? `第${l + 1}層` : `layer ${l + 1}`} · ${name}`,
      boxed: true,
      units: Array.from({ length: unitsOf(layer, network.layout) }, (_, j) => [
        `b ${shown(layer.bias?.[j] ?? '0')}`,
        given?.[j] === undefined ? symbol(j) : `${symbol(j)} = ${shown(given[j])}`,
      ]),
    };
  });
  return {
    columns: [
      {
        title: ja ? '入力' : 'input',
        boxed: false,
        units: (network.input[0] ?? []).map((x, i) => [`x${sub(i + 1)} ${shown(x)}`]),
      },
      ...layers,
      {
        title: ja ? '教師データ' : 'target',
        boxed: false,
        units: (network.target[0] ?? []).map((t, k) => [`t${sub(k + 1)} ${shown(t)}`]),
      },
    ],
    links: [...network.layers.map((_, l) => `W${sup(l + 1)}`), null],
    legend: `${pick(LEGEND(network.input.length > 1), lang)}${ja ? '' : ' '}${pick(BUS_LEGEND, lang)}`,
  };
}
