// L = (1/m) Σ_k (y_k − t_k)², the mean over the m outputs, so ∂L/∂y_k = (2/m)(y_k − t_k).
import { eq, frac, juxt, num, sym } from '../../math/term';
import { div, mul, ratio, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { Loss } from './loss';
import { SQUARES, differenceAt, squareOf, squaresAt, sumOfSquares } from './squared-error';

const TWO = ratio(2);

export const mse: Loss<'mse'> = {
  name: 'mse',
  sampleLoss: (y, t) => div(sumOfSquares(y, t), ratio(y.length)),
  unitLosses: (y, t) => y.map((yk, k) => div(squareOf(sub(yk, t[k])), ratio(y.length))),
  gradient: (y, t) => y.map((yk, k) => mul(div(TWO, ratio(y.length)), sub(yk, t[k]))),
  gradientFactor: (outputs) => ratio(2, outputs),
  names: { document: text('mean squared error', '平均二乗誤差') },
  formula: eq(sym('L'), juxt(frac(num(1), sym('m')), SQUARES)),
  latex: (lhs, z, t) => `${lhs} = \\frac{1}{m} \\sum_{k} \\left(${z} - ${t}\\right)^{2}`,
  text: 'L = (1/n)·Σ(y − t)²',
  compactText: 'L = (1/n)Σ(y − t)²',
  gradientVectorText: '(2/n)(y − t)',
  // Over one output the mean is the square itself; over two, the 1/2 is written as a mean, not as ½SSE.
  described: (outputs) =>
    outputs === 1
      ? text('mean squared error over the one output: L = (y − t)²', '平均二乗誤差（出力は1個）L = (y − t)²')
      : text(
          `mean squared error over the ${outputs} outputs: L = (1/${outputs}) Σ_k (y_k − t_k)²`,
          `平均二乗誤差（出力 ${outputs} 個の平均）L = (1/${outputs}) Σ_k (y_k − t_k)²`,
        ),
  gradientText: (outputs) => (outputs === 1 ? '∂L/∂y = 2(y − t)' : `∂L/∂y_j = (2/${outputs})(y_j − t_j)`),
  gradientAt: (y, t, outputs) => `(2/${outputs}) × ${differenceAt(y, t)}`,
  sampleAt: (y, t) => `(1/${y.length})(${squaresAt(y, t)})`,
  topic: null,
};
