// Momentum with a sign mixed up between the two ways it is written (v ← μv − η·g, w ← w + v here;
// v ← μv + η·g, w ← w − v elsewhere). Variant 0: the right velocity subtracted, w − v. Variant 1: the
// other convention's velocity μv + η·g from this file's warm start, then w − v; it differs in w only
// through μv, so it is offered only where a layer starts with a velocity that is not 0. (Both signs
// flipped, μv + η·g then w + v, is the update going uphill: wrong-update-sign.)
import { add, isZero, mul, sub } from '../../number/value';
import type { NetworkSpec } from '../network';
import { text } from '../../text/lang';
import { perLayer, type Misconception, type Mistake } from './misconception';

/** An asked velocity: the other convention's μv + η·g shows in it directly. */
const VELOCITY = ['velocity_after', 'velocity_bias_after'];

function startsMoving(n: NetworkSpec, l: number): boolean {
  const o = n.optimizer;
  if (o?.name !== 'momentum' || isZero(o.momentum)) return false;
  const v = o.velocity[l];
  return v.weights.some((row) => row.some((x) => !isZero(x))) || (n.updateBiases && v.bias.some((x) => !isZero(x)));
}

export const momentumSign: Misconception<'momentum-sign'> = {
  id: 'momentum-sign',
  words: text(
    'the momentum update mixed up its signs: with v ← μ·v − η·∂L/∂w the step is w ← w + v',
    'モーメンタムの符号が混ざっています: v ← μ·v − η·∂L/∂w なら更新は w ← w + v',
  ),
  targets: ['weights_after', 'bias_after', ...VELOCITY],
  step: {
    quantity: 'weights_after',
    formula: text(
      'v ← μ·v − η·∂L/∂w, then w ← w + v (the velocity already points downhill)',
      'v ← μ·v − η·∂L/∂w、次に w ← w + v（速度はすでに下り方向）',
    ),
    ownStepIn: VELOCITY,
  },
  applies: (n) => n.optimizer?.name === 'momentum',
  variants: (n): Mistake<'momentum-sign'>[] => [
    ...perLayer('momentum-sign', undefined, 0)(n),
    ...perLayer('momentum-sign', (m) => m.layers.flatMap((_, l) => (startsMoving(m, l) ? [l] : [])), 1)(n),
  ],
  layerLocal: true,
  reach: { kind: 'step', quantities: ['weights_after', 'bias_after', ...VELOCITY] },
  inert: (n, l, _layers, variant) => variant === 1 && !startsMoving(n, l),
  rules: (mistake, _network, right) => ({
    momentumStep: (n, l, mu, eta, w, v, g) => {
      if (mistake.variant === 1) {
        const velocity = add(mul(mu, v), mul(eta, g));
        return { v: velocity, w: sub(w, velocity) };
      }
      const r = right.momentumStep(n, l, mu, eta, w, v, g);
      return { v: r.v, w: sub(w, r.v) };
    },
  }),
};
