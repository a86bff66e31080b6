// The update going uphill: w + η·∂L/∂w.
import { add, mul, neg, sub } from '../../number/value';
import { text } from '../../text/lang';
import { UPDATES, always, perLayer, type Misconception } from './misconception';

export const wrongUpdateSign: Misconception<'wrong-update-sign'> = {
  id: 'wrong-update-sign',
  words: text(
    'the update went uphill: w + η·∂L/∂w instead of w − η·∂L/∂w',
    '更新の符号が逆です: w − η·∂L/∂w ではなく w + η·∂L/∂w としている',
  ),
  targets: UPDATES,
  step: {
    quantity: 'weights_after',
    formula: text(
      'w ← w − η·∂L/∂w (gradient descent goes against the gradient)',
      'w ← w − η·∂L/∂w（勾配降下法は勾配と逆向きに進む）',
    ),
  },
  applies: always,
  variants: perLayer('wrong-update-sign'),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['weights_after', 'bias_after'] },
  rules: (_mistake, _network, right) => ({ stepSize: (n, l) => neg(right.stepSize(n, l)) }),
  graphWords: text(
    'the step went the wrong way: x + η·∂f/∂x instead of x − η·∂f/∂x (descent goes against the gradient; only ascent adds it)',
    'ステップの向きが逆です: x − η·∂f/∂x ではなく x + η·∂f/∂x としている（勾配降下法は勾配と逆向きに進む。足すのは上昇法だけ）',
  ),
  // The other way than the file's: uphill in descent, downhill in ascent.
  graphRule: (x, eta, g, _value, ascent) => (ascent ? sub(x, mul(eta, g)) : add(x, mul(eta, g))),
};
