// L = −Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)] over outputs in (0, 1) with targets in [0, 1], so
// ∂L/∂y_k = (y_k − t_k) / (y_k(1 − y_k)) (with a sigmoid output the delta simplifies to y − t).
import { add, call, eq, juxt, minus, neg, num, paren, sym } from '../../math/term';
import { ONE, add as plus, div, isZero, mul, neg as negate, sign, sub, sum, type Value } from '../../number/value';
import { text } from '../../text/lang';
import type { Loss } from './loss';
import { lnOfOutput, saturated } from './output-log';

const LN = { latex: '\\ln', text: 'ln' };

/**
 * An output must lie strictly between 0 and 1 for ln y, ln(1 − y) and the gradient. A sigmoid of a huge
 * pre-activation is 0 or 1 to every digit held: what is too small to compute is e^(−|a|), said so.
 */
function checkOpen(y: Value): void {
  if (sign(y) > 0 && sign(sub(ONE, y)) > 0) return;
  throw saturated(y);
}

/** t·ln y, exactly 0 when t is 0 (so ln of an output is never needed for a term that vanishes). */
function weightedLog(t: Value, y: Value): Value {
  if (isZero(t)) return t;
  return mul(t, lnOfOutput(y));
}

export const binaryCrossEntropy: Loss<'binary-cross-entropy'> = {
  name: 'binary-cross-entropy',
  sampleLoss: (y, t) =>
    negate(sum(y.map((yk, k) => plus(weightedLog(t[k], yk), weightedLog(sub(ONE, t[k]), sub(ONE, yk)))))),
  unitLosses: (y, t) =>
    y.map((yk, k) => negate(plus(weightedLog(t[k], yk), weightedLog(sub(ONE, t[k]), sub(ONE, yk))))),
  gradient: (y, t) =>
    y.map((yk, k) => {
      checkOpen(yk);
      return div(sub(yk, t[k]), mul(yk, sub(ONE, yk)));
    }),
  gradientFactor: () => ONE,
  names: { document: text('binary cross-entropy error', '二値交差エントロピー誤差') },
  formula: eq(
    sym('L'),
    neg(
      call(
        { latex: '\\sum_{k}', text: 'Σ_k' },
        paren(
          add(
            juxt(sym('t', { sub: 'k' }), call(LN, sym('y', { sub: 'k' }))),
            juxt(paren(minus(num(1), sym('t', { sub: 'k' }))), call(LN, paren(minus(num(1), sym('y', { sub: 'k' }))))),
          ),
        ),
      ),
    ),
  ),
  latex: (lhs, z, t) => `${lhs} = -\\sum_{k} \\left[${t} \\ln ${z} + (1 - ${t}) \\ln (1 - ${z})\\right]`,
  text: 'L = −Σ [t·ln y + (1 − t)·ln(1 − y)]',
  compactText: 'L = −Σ [t ln y + (1 − t) ln(1 − y)]',
  gradientVectorText: '(y − t)/(y(1 − y))',
  described: () =>
    text(
      'binary cross-entropy: L = −Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)]',
      '二値交差エントロピー誤差 L = −Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)]',
    ),
  gradientText: () => '∂L/∂y_j = (y_j − t_j) / (y_j(1 − y_j))',
  gradientAt: (y, t) => `(${y.plain} − ${t.operand}) / (${y.operand} × (1 − ${y.operand}))`,
  sampleAt: (y, t) => {
    const terms = y.map((v, k) => `${t[k].operand}·ln ${v.plain} + (1 − ${t[k].operand})·ln(1 − ${v.plain})`);
    return `−(${terms.join(' + ')})`;
  },
  topic: null,
};
