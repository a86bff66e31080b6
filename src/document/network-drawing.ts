// The network of a solution as the terminal draws it (text/network-drawing.ts): the inputs of the
// first sample, each unit's pre-activation a and output z, the targets beside the outputs. Values
// are rounded as in the SVG figure; the steps give them exactly.
import { activation } from '../concepts/activations';
import type { Solution } from '../engine/solve';
import type { Lang } from '../i18n';
import { figureNumber } from '../number/show';
import { pick } from '../text/lang';
import { BUS_LEGEND, type NetworkDrawing } from '../text/network-drawing';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]);
const sup = (n: number) => `⁽${String(n).replace(/\d/g, (d) => SUP[Number(d)])}⁾`;

export function solutionDrawing(solution: Solution, lang: Lang, sample = 0): NetworkDrawing {
  const { network } = solution;
  const ja = lang === 'ja';
  const batch = network.input.length;
  const layers = solution.layers.map((result, l) => ({
    title: `${ja ? `第${l + 1}層` : `layer ${l + 1}`} · ${activation(network.layers[l].activation).names.text}`,
    boxed: true,
    units: result.output[sample].map((z, j) => [
      `a${sub(j + 1)}${sup(l + 1)} ${figureNumber(result.preactivation[sample][j])}`,
      `z${sub(j + 1)}${sup(l + 1)} ${figureNumber(z)}`,
    ]),
  }));
  return {
    columns: [
      {
        title: ja ? '入力' : 'input',
        boxed: false,
        units: network.input[sample].map((x, i) => [`x${sub(i + 1)} ${figureNumber(x)}`]),
      },
      ...layers,
      {
        title: ja ? '教師データ' : 'target',
        boxed: false,
        units: network.target[sample].map((t, k) => [`t${sub(k + 1)} ${figureNumber(t)}`]),
      },
    ],
    links: [...solution.layers.map((_, l) => `W${sup(l + 1)}`), null],
    legend: `${
      ja
        ? `${batch > 1 ? 'サンプル 1 の' : ''}入力 x、各ユニットの活性化前の値 a と出力 z、教師データ t（丸めた値）。`
        : `The ${batch > 1 ? "first sample's " : ''}inputs x, each unit's pre-activation a and output z, the targets t (rounded).`
    }${ja ? '' : ' '}${pick(BUS_LEGEND, lang)}`,
  };
}
