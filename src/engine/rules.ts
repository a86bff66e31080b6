// The correct rules of backprop (see src/concepts/rules.ts): what solve() computes unless told
// otherwise. A misconception overrides some of them.
import type { Rules } from '../concepts/rules';
import { mul, ratio, sub } from '../number/value';
import { derivative, softmaxBackward } from './activations';
import { lossGradient, sampleLoss } from './losses';
import { penaltySlope } from '../concepts/regularization';
import { adamStep, momentumStep } from '../concepts/optimizer';
import { hadamard, map, sumRows, transpose } from './matrix';

export type { Rules, NetworkRules, LayerRules } from '../concepts/rules';

export const correctRules: Rules = {
  lossFactor: (network) => (network.conventions.batch === 'mean' ? ratio(1, network.input.length) : ratio(1)),
  outputGradient: (network, y, t, c) => lossGradient(network.loss, y, t).map((v) => mul(c, v)),
  sampleLoss: (network, y, t) => sampleLoss(network.loss, y, t),
  activationDerivative: (network, l, a, y) => {
    const layer = network.layers[l];
    return derivative(layer.activation, a, y, layer.alpha, network.conventions);
  },
  deltaThroughActivation: (_network, _l, g, h) => hadamard(g, h),
  softmaxBackward: (_network, _l, y, g) => softmaxBackward(y, g),
  // The well-known simplification: exact, with no ln or 1/y.
  softmaxCrossEntropyDelta: (_network, _l, y, t, c) => map(y, (yk, s, k) => mul(c, sub(yk, t[s][k]))),
  gradWeightsInput: (_network, _l, _preactivation, output) => output,
  // Z^{l−1}ᵀ·Δ^l is W[input][unit]; its transpose Δ^lᵀ·Z^{l−1} is the w-x layout.
  gradWeightsLayout: (network, _l, gradXW) => (network.layout === 'x-w' ? gradXW : transpose(gradXW)),
  gradBias: (_network, _l, delta) => sumRows(delta),
  // Weight decay acts on the weights only, never on the biases.
  penaltyGradient: (network, _l, weights) => {
    const reg = network.regularization;
    if (!reg) return null;
    const k = penaltySlope(reg, network.input.length);
    return { weights: map(weights, (w) => mul(k, w)), bias: null };
  },
  momentumStep: (_network, _l, mu, eta, w, v, g) => momentumStep(mu, eta, w, v, g),
  adamStep: (_network, _l, adam, t, eta, w, m, v, g) => adamStep(adam, t, eta, w, m, v, g),
  stepSize: (network) => network.learningRate,
  backpropWeights: (_network, _l, before) => transpose(before),
};
