// L = ½ Σ_k (y_k − t_k)², so ∂L/∂y_k = y_k − t_k.
import { eq, frac, juxt, num, sym } from '../../math/term';
import { ONE, mul, ratio, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { Loss } from './loss';
import { SQUARES, differenceAt, squareOf, squaresAt, sumOfSquares } from './squared-error';

const HALF = ratio(1, 2);

export const halfSse: Loss<'half-sse'> = {
  name: 'half-sse',
  sampleLoss: (y, t) => mul(HALF, sumOfSquares(y, t)),
  unitLosses: (y, t) => y.map((yk, k) => mul(HALF, squareOf(sub(yk, t[k])))),
  gradient: (y, t) => y.map((yk, k) => sub(yk, t[k])),
  gradientFactor: () => ONE,
  names: { document: text('sum of squared errors with 1/2', '二乗和誤差（1/2つき）') },
  formula: eq(sym('L'), juxt(frac(num(1), num(2)), SQUARES)),
  latex: (lhs, z, t) => `${lhs} = \\frac{1}{2} \\sum_{k} \\left(${z} - ${t}\\right)^{2}`,
  text: 'L = ½·Σ(y − t)²',
  compactText: 'L = ½Σ(y − t)²',
  gradientVectorText: 'y − t',
  described: () => text('sum of squared errors with ½: L = ½ Σ_k (y_k − t_k)²', '二乗和誤差 L = ½ Σ_k (y_k − t_k)²'),
  gradientText: () => '∂L/∂y_j = y_j − t_j',
  gradientAt: differenceAt,
  sampleAt: (y, t) => `½(${squaresAt(y, t)})`,
  topic: null,
};
