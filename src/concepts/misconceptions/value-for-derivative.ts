// A gradient step along the function's value instead of its derivative: x − η·f(x) for x − η·f′(x).
// It shows only in a gradient step on a computational graph (a network's update never reads the loss).
import { add, mul, sub } from '../../number/value';
import { text } from '../../text/lang';
import type { Misconception } from './misconception';

export const valueForDerivative: Misconception<'value-for-derivative'> = {
  id: 'value-for-derivative',
  words: text(
    'the step used the function instead of its derivative: x − η·f(x) instead of x − η·f′(x)',
    '微分ではなく関数の値でステップしています: x − η·f′(x) ではなく x − η·f(x) としている',
  ),
  targets: ['input_after', 'value_after'],
  step: {
    quantity: 'input_after',
    formula: text(
      'x_k = x_(k−1) − η·f′(x_(k−1)): the step follows the slope, not the height',
      'x_k = x_(k−1) − η·f′(x_(k−1))：ステップは関数の高さではなく傾きに沿う',
    ),
  },
  usesLearningRate: true,
  applies: () => false,
  variants: () => [],
  layerLocal: false,
  reach: { kind: 'step', quantities: [] },
  rules: () => ({}),
  graphWords: text(
    'the step used the function instead of its derivative: x − η·f(x) instead of x − η·∂f/∂x',
    '微分ではなく関数の値でステップしています: x − η·∂f/∂x ではなく x − η·f(x) としている',
  ),
  graphRule: (x, eta, _g, value, ascent) => (ascent ? add(x, mul(eta, value)) : sub(x, mul(eta, value))),
};
