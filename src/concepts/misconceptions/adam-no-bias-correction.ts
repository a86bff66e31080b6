// Adam without its bias correction: m and v used where m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) belong.
// Variant 0 forgets both, 1 only m̂, 2 only v̂. A correction is 1 only when its β is 0, so each variant
// is offered only where its β is not.
import { ONE, add, div, isZero, mul, sqrt, sub } from '../../number/value';
import { correction } from '../optimizer';
import type { NetworkSpec } from '../network';
import { text } from '../../text/lang';
import { perLayer, type Misconception, type Mistake } from './misconception';

/** The asked bias-corrected moments, where m or v written for m̂ or v̂ shows directly. */
const CORRECTED = ['adam_m_hat', 'adam_m_hat_bias', 'adam_v_hat', 'adam_v_hat_bias'];

const forgetsM = (variant: number | undefined) => variant !== 2;
const forgetsV = (variant: number | undefined) => variant !== 1;

function correctsAnything(n: NetworkSpec, variant: number): boolean {
  const o = n.optimizer;
  if (o?.name !== 'adam') return false;
  return (forgetsM(variant) && !isZero(o.beta1)) || (forgetsV(variant) && !isZero(o.beta2));
}

export const adamNoBiasCorrection: Misconception<'adam-no-bias-correction'> = {
  id: 'adam-no-bias-correction',
  words: text(
    'Adam’s bias correction was left out: the step uses m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ), not m and v',
    'Adam のバイアス補正が抜けています: 更新には m と v ではなく m̂ = m/(1 − β₁ᵗ) と v̂ = v/(1 − β₂ᵗ) を使います',
  ),
  targets: ['weights_after', 'bias_after', ...CORRECTED],
  step: {
    quantity: 'weights_after',
    formula: text(
      'm̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − η·m̂/(√v̂ + ε)',
      'm̂ = m/(1 − β₁ᵗ)、v̂ = v/(1 − β₂ᵗ)、w ← w − η·m̂/(√v̂ + ε)',
    ),
    ownStepIn: CORRECTED,
  },
  applies: (n) => n.optimizer?.name === 'adam' && [0, 1, 2].some((variant) => correctsAnything(n, variant)),
  variants: (n): Mistake<'adam-no-bias-correction'>[] =>
    [0, 1, 2].flatMap((variant) =>
      correctsAnything(n, variant) ? perLayer('adam-no-bias-correction', undefined, variant)(n) : [],
    ),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['weights_after', 'bias_after', ...CORRECTED] },
  rules: (mistake) => ({
    adamStep: (_n, _l, adam, t, eta, w, m, v, g) => {
      const m1 = add(mul(adam.beta1, m), mul(sub(ONE, adam.beta1), g));
      const v1 = add(mul(adam.beta2, v), mul(sub(ONE, adam.beta2), mul(g, g)));
      const mHat = forgetsM(mistake.variant) ? m1 : div(m1, correction(adam.beta1, t));
      const vHat = forgetsV(mistake.variant) ? v1 : div(v1, correction(adam.beta2, t));
      const after = sub(w, mul(eta, div(mHat, add(sqrt(vHat), adam.epsilon))));
      return { m: m1, v: v1, mHat, vHat, w: after };
    },
  }),
};
