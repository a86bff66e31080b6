// L = Σ_k (y_k − t_k)² (no ½), so ∂L/∂y_k = 2(y_k − t_k).
import { eq, sym } from '../../math/term';
import { mul, ratio, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { Loss } from './loss';
import { SQUARES, differenceAt, squareOf, squaresAt, sumOfSquares } from './squared-error';

const TWO = ratio(2);

export const sse: Loss<'sse'> = {
  name: 'sse',
  sampleLoss: (y, t) => sumOfSquares(y, t),
  unitLosses: (y, t) => y.map((yk, k) => squareOf(sub(yk, t[k]))),
  gradient: (y, t) => y.map((yk, k) => mul(TWO, sub(yk, t[k]))),
  gradientFactor: () => TWO,
  names: { document: text('sum of squared errors', '二乗和誤差') },
  formula: eq(sym('L'), SQUARES),
  latex: (lhs, z, t) => `${lhs} = \\sum_{k} \\left(${z} - ${t}\\right)^{2}`,
  text: 'L = Σ(y − t)²',
  compactText: 'L = Σ(y − t)²',
  gradientVectorText: '2(y − t)',
  described: () =>
    text('sum of squared errors without ½: L = Σ_k (y_k − t_k)²', '二乗和誤差（½ なし）L = Σ_k (y_k − t_k)²'),
  gradientText: () => '∂L/∂y_j = 2(y_j − t_j)',
  gradientAt: (y, t) => `2 × ${differenceAt(y, t)}`,
  sampleAt: (y, t) => `(${squaresAt(y, t)})`,
  topic: null,
};
