// The derivative of the ReLU family in the exercise's own terms: each activation with its own pieces
// (α below 0 for Leaky ReLU and PReLU, 0 from 6 on for ReLU6) and the value this exercise takes at
// a = 0, said as a setting ("this exercise takes PReLU′(0) = α = 0.25"), never by the option's name.
import { sentenceNumber } from '../../number/show';
import { text, type Text } from '../../text/lang';
import type { NetworkSpec } from '../network';

/** The ReLU-family activations of a network, once each, with the slope of the first layer of each. */
function kinds(n: NetworkSpec): { readonly name: string; readonly alpha: string | null }[] {
  const seen = new Map<string, string | null>();
  for (const layer of n.layers)
    if (['relu', 'leaky-relu', 'prelu', 'relu6'].includes(layer.activation) && !seen.has(layer.activation))
      seen.set(layer.activation, layer.alpha ? sentenceNumber(layer.alpha) : null);
  return [...seen].map(([name, alpha]) => ({ name, alpha }));
}

const SYMBOL: Readonly<Record<string, string>> = {
  relu: 'ReLU',
  'leaky-relu': 'LeakyReLU',
  prelu: 'PReLU',
  relu6: 'ReLU6',
};

/** h′(0) as this exercise takes it: "ReLU′(0) = 0", "PReLU′(0) = α = 0.25", "ReLU6′(0) = 1". */
function valueAtZero(n: NetworkSpec, name: string, alpha: string | null): string {
  const right = n.conventions.reluGradAtZero === 1;
  const h = `${SYMBOL[name]}′(0)`;
  if (name === 'leaky-relu' || name === 'prelu') return right ? `${h} = 1` : `${h} = α${alpha ? ` = ${alpha}` : ''}`;
  return `${h} = ${right ? 1 : 0}`;
}

/** The derivative of each ReLU-family activation of the network, piece by piece, and its value at 0. */
export function kinkDerivativeText(n: NetworkSpec): Text {
  const parts = kinds(n).map((k) => {
    const h = `${SYMBOL[k.name]}′(a)`;
    const at0 = valueAtZero(n, k.name, k.alpha);
    if (k.name === 'relu6')
      return text(
        `${h} = 1 for 0 < a < 6, 0 for a < 0 and for a ≥ 6; at a = 0 this exercise takes ${at0}`,
        `${h} は 0 < a < 6 で 1、a < 0 と a ≥ 6 で 0。この問題では a = 0 で ${at0}`,
      );
    if (k.name === 'leaky-relu' || k.name === 'prelu')
      return text(
        `${h} = 1 for a > 0, α for a < 0 (α = ${k.alpha ?? 'α'}); at a = 0 this exercise takes ${at0}`,
        `${h} は a > 0 で 1、a < 0 で α（α = ${k.alpha ?? 'α'}）。この問題では a = 0 で ${at0}`,
      );
    return text(
      `${h} = 1 for a > 0, 0 for a < 0; at a = 0 this exercise takes ${at0}`,
      `${h} は a > 0 で 1、a < 0 で 0。この問題では a = 0 で ${at0}`,
    );
  });
  return text(parts.map((p) => p.en).join('; '), parts.map((p) => p.ja).join('。'));
}
