// A factor ½ dropped or added: variant 0 is the usual slip for the loss (½ dropped from half-sse,
// ½ added to sse/mse), variant 1 the other way.
import { loss } from '../losses';
import type { LossName, NetworkSpec } from '../network';
import { div, mul, ratio, ONE, type Value } from '../../number/value';
import { text, type Text } from '../../text/lang';
import { SCALE, type Misconception } from './misconception';

/** The factor the slip puts on the loss and its gradient. */
export function slipFactor(loss: LossName, variant = 0): Value {
  const natural = loss === 'half-sse' ? ratio(2) : ratio(1, 2);
  if (loss === 'cross-entropy' || loss === 'binary-cross-entropy') return ONE;
  return variant === 0 ? natural : div(ONE, natural);
}

/** The exercise's own loss and its gradient: the factor in front is the one to keep. */
function ownLossText(n: NetworkSpec): Text {
  const own = loss(n.loss);
  return text(
    `${own.text} gives ∂L/∂y = ${own.gradientVectorText}; keep its factor in front of the sum`,
    `${own.text} より ∂L/∂y = ${own.gradientVectorText}。和の前の係数はそのまま使います`,
  );
}

export const halfFactor: Misconception<'half-factor'> = {
  id: 'half-factor',
  words: text(
    'a factor ½ was dropped or added: ½Σ(y − t)² has the gradient y − t, Σ(y − t)² has 2(y − t)',
    '係数 ½ を落とした、または余分に付けています: ½Σ(y − t)² の勾配は y − t、Σ(y − t)² の勾配は 2(y − t)',
  ),
  targets: ['loss', 'delta', 'grad_weights', 'grad_bias', 'grad_input'],
  step: {
    quantity: 'loss',
    formula: text(
      'L = ½Σ(y − t)² gives ∂L/∂y = y − t; L = Σ(y − t)² gives ∂L/∂y = 2(y − t)',
      'L = ½Σ(y − t)² なら ∂L/∂y = y − t、L = Σ(y − t)² なら ∂L/∂y = 2(y − t)',
    ),
    formulaFor: ownLossText,
  },
  applies: (n) => n.loss !== 'cross-entropy' && n.loss !== 'binary-cross-entropy',
  variants: () => [
    { id: 'half-factor', variant: 0 },
    { id: 'half-factor', variant: 1 },
  ],
  layerLocal: false,
  reach: SCALE,
  rules: (mistake, _network, right) => ({
    lossFactor: (n) => mul(right.lossFactor(n), slipFactor(n.loss, mistake.variant)),
  }),
};
