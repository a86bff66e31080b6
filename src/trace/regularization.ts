// The steps of L2 regularization: the penalty R = (λ/2)·Σw² (or λ/(2N)·Σw²) as its own step before
// the loss, and the term λ·w (or (λ/N)·w) that it adds to each weight's gradient.
import { sumOfSquares } from '../concepts/regularization';
import { ratio, type Value } from '../number/value';
import type { NetworkSpec } from '../concepts/network';
import { scalarStep, type Build, type Leaf } from './step';
import { weightMatrixSym, weightSym, type Notation } from './symbols';
import { atom, frac, paren, power, product, sum, type Tex } from './tex';
import type { ScalarStep } from './types';

/** Up to this many weights R lists every w²; past it, one ‖W‖² per layer. */
const LISTED_WEIGHTS = 12;

const lambda = (network: NetworkSpec): Leaf => ({ sym: '\\lambda', value: network.regularization!.l2 });
const samples = (network: NetworkSpec): Leaf => ({ sym: 'N', value: ratio(network.input.length) });

/** R, or R⁺ after the update. */
export const penaltySym = (after: boolean) => (after ? 'R^{+}' : 'R');

/** λ/2 or λ/(2N), as a formula's factor. */
function factor(network: NetworkSpec, leaf: (x: Leaf) => Tex): Tex {
  const two = atom('2');
  return network.regularization!.scale === '1/2'
    ? frac(leaf(lambda(network)), two)
    : frac(leaf(lambda(network)), product([two, leaf(samples(network))]));
}

/** R = (λ/2)(w₁² + w₂² + …): the penalty of the network's weights, a step of its own. */
export function penaltyStep(nt: Notation, network: NetworkSpec, value: Value): ScalarStep {
  const count = network.layers.reduce((n, layer) => n + layer.weights.length * layer.weights[0].length, 0);
  const build: Build = (leaf) => {
    const squares: Tex[] =
      count <= LISTED_WEIGHTS
        ? network.layers.flatMap((layer, l) =>
            layer.weights.flatMap((row, r) =>
              row.map((w, c) => power(leaf({ sym: weightSym(nt, l, r, c, nt.after), value: w }), '2')),
            ),
          )
        : network.layers.map((layer, l) =>
            leaf({ sym: `\\lVert ${weightMatrixSym(l, nt.after)} \\rVert^{2}`, value: sumOfSquares(layer.weights) }),
          );
    return product([factor(network, leaf), paren(sum(squares))], ' ');
  };
  return scalarStep(
    {
      quantity: nt.after ? 'regularization_after' : 'regularization',
      form: 'scalar',
      layer: null,
      lhs: penaltySym(nt.after),
      build,
      note: { kind: 'l2-weights-only' },
    },
    [],
    value,
  );
}

/** The term λ·w (or (λ/N)·w) the penalty adds to ∂L/∂w, with `w` the weight (or W) leaf. */
export function decayTerm(network: NetworkSpec, leaf: (x: Leaf) => Tex, w: Leaf): Tex {
  const slope =
    network.regularization!.scale === '1/2'
      ? leaf(lambda(network))
      : frac(leaf(lambda(network)), leaf(samples(network)));
  return product([slope, leaf(w)], ' ');
}
