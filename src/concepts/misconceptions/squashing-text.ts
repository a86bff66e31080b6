// The derivative of the sigmoid and tanh in the exercise's own terms: a tanh exercise reads tanh′ = 1 − y²,
// not σ′, and words that name only the activation the mistake was made with.
import { text, type Text } from '../../text/lang';
import type { NetworkSpec } from '../network';

export type Squashing = 'sigmoid' | 'tanh';

/** The sigmoid and tanh activations the mistake can be made with (in `layer`, or in every layer). */
export function squashingIn(n: NetworkSpec, layer?: number): Squashing[] {
  const layers = layer === undefined ? n.layers : [n.layers[layer]];
  const found = new Set<Squashing>();
  for (const l of layers) if (l?.activation === 'sigmoid' || l?.activation === 'tanh') found.add(l.activation);
  return [...found];
}

const RULE: Readonly<Record<Squashing, Text>> = {
  sigmoid: text(
    'σ′(a) = σ(a)(1 − σ(a)) = y(1 − y), with the output y = σ(a)',
    'σ′(a) = σ(a)(1 − σ(a)) = y(1 − y)（出力 y = σ(a) を使う）',
  ),
  tanh: text(
    'tanh′(a) = 1 − tanh²(a) = 1 − y², with the output y = tanh(a)',
    'tanh′(a) = 1 − tanh²(a) = 1 − y²（出力 y = tanh(a) を使う）',
  ),
};

/** The derivative of each squashing activation of the network, written through its output y. */
export function outputDerivativeText(n: NetworkSpec, suffix: Text = text('', '')): Text {
  const kinds = squashingIn(n);
  const rules = (kinds.length > 0 ? kinds : (['sigmoid'] as Squashing[])).map((k) => RULE[k]);
  return text(`${rules.map((r) => r.en).join('; ')}${suffix.en}`, `${rules.map((r) => r.ja).join('。')}${suffix.ja}`);
}

/** The words for a tanh-only mistake, or null (the catalogue's words name both). */
export function tanhWords(n: NetworkSpec, layer: number | undefined, words: Text): Text | null {
  const kinds = squashingIn(n, layer);
  return kinds.length === 1 && kinds[0] === 'tanh' ? words : null;
}
