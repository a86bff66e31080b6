// The learning rate left out of the update: w − ∂L/∂w.
import { add, ratio, sub } from '../../number/value';
import { text } from '../../text/lang';
import { UPDATES, always, perLayer, type Misconception } from './misconception';

export const forgotLearningRate: Misconception<'forgot-learning-rate'> = {
  id: 'forgot-learning-rate',
  words: text(
    'the learning rate was left out of the update: w − ∂L/∂w instead of w − η·∂L/∂w',
    '学習率を掛け忘れています: w − η·∂L/∂w ではなく w − ∂L/∂w としている',
  ),
  targets: UPDATES,
  step: { quantity: 'weights_after', formula: text('w ← w − η·∂L/∂w', 'w ← w − η·∂L/∂w') },
  applies: always,
  variants: perLayer('forgot-learning-rate'),
  layerLocal: true,
  reach: { kind: 'step', quantities: ['weights_after', 'bias_after'] },
  rules: () => ({ stepSize: () => ratio(1) }),
  graphWords: text(
    'the learning rate was left out of the step: x − ∂f/∂x instead of x − η·∂f/∂x',
    '学習率を掛け忘れています: x − η·∂f/∂x ではなく x − ∂f/∂x としている',
  ),
  graphRule: (x, _eta, g, _value, ascent) => (ascent ? add(x, g) : sub(x, g)),
};
