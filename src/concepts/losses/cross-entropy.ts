// L = −Σ_k t_k ln y_k, so ∂L/∂y_k = −t_k / y_k (with softmax the delta simplifies to y − t).
import { call, eq, juxt, neg, sym } from '../../math/term';
import { ONE, div, mul, neg as negate, sign, sum } from '../../number/value';
import { text } from '../../text/lang';
import type { Loss } from './loss';
import { lnOfOutput, saturated } from './output-log';

export const crossEntropy: Loss<'cross-entropy'> = {
  name: 'cross-entropy',
  // A zero target contributes 0·ln y = 0 exactly.
  sampleLoss: (y, t) =>
    negate(sum(y.map((yk, k) => (t[k].kind === 'rational' && t[k].q.n === 0n ? t[k] : mul(t[k], lnOfOutput(yk)))))),
  unitLosses: (y, t) =>
    y.map((yk, k) => (t[k].kind === 'rational' && t[k].q.n === 0n ? t[k] : negate(mul(t[k], lnOfOutput(yk))))),
  gradient: (y, t) =>
    y.map((yk, k) => {
      if (sign(yk) <= 0) throw saturated(yk);
      return negate(div(t[k], yk));
    }),
  gradientFactor: () => ONE,
  names: { document: text('cross-entropy error', '交差エントロピー誤差') },
  formula: eq(
    sym('L'),
    neg(
      call(
        { latex: '\\sum_{k}', text: 'Σ_k' },
        juxt(sym('t', { sub: 'k' }), call({ latex: '\\ln', text: 'ln' }, sym('y', { sub: 'k' }))),
      ),
    ),
  ),
  latex: (lhs, z, t) => `${lhs} = -\\sum_{k} ${t} \\ln ${z}`,
  text: 'L = −Σ t·ln y',
  compactText: 'L = −Σ t·ln y',
  gradientVectorText: '−t/y',
  described: () => text('cross-entropy: L = −Σ_k t_k ln y_k', '交差エントロピー誤差 L = −Σ_k t_k ln y_k'),
  gradientText: () => '∂L/∂y_j = −t_j / y_j',
  gradientAt: (y, t) => `−${t.operand} / ${y.operand}`,
  sampleAt: (y, t, zero) => {
    const terms = y.flatMap((v, k) =>
      zero[k] ? [] : [`${t[k].plain === '1' ? '' : `${t[k].operand}·`}ln ${v.plain}`],
    );
    return terms.length === 1 ? `−${terms[0]}` : `−(${terms.join(' + ')})`;
  },
  topic: 'cross-entropy',
};
