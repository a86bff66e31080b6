// The quiz's topics: the seed documents' subjects, grouped as a student meets them, each with the
// exercise templates that practise it.
import { text, type Text } from '../text/lang';

export interface Topic {
  /** What --topic takes. */
  readonly id: string;
  readonly name: Text;
  readonly templates: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { id: 'forward-pass', name: text('forward pass', '順伝播'), templates: ['forward-pass', 'forward-hidden'] },
  { id: 'loss', name: text('loss', '損失'), templates: ['loss', 'logistic-loss'] },
  {
    id: 'output-layer',
    name: text('output layer', '出力層'),
    templates: ['output-delta', 'output-bias-grad', 'output-weight-grad'],
  },
  { id: 'hidden-layers', name: text('hidden layers', '中間層'), templates: ['hidden-delta', 'hidden-weight-grad'] },
  {
    id: 'updates',
    name: text('updates and exercise ③', 'パラメータの更新と演習③'),
    templates: ['weight-update', 'train-once', 'train-once-softmax', 'train-once-bce', 'gradient-descent-1d'],
  },
  {
    id: 'activations',
    name: text('activations', '活性化関数'),
    templates: ['activation-derivative', 'activation-values'],
  },
  {
    id: 'softmax',
    name: text('softmax and cross-entropy', 'ソフトマックスと交差エントロピー'),
    templates: ['softmax-jacobian', 'softmax-ce-gradient'],
  },
  {
    id: 'matrix-form',
    name: text('matrix form and Affine', '行列形式と Affine'),
    templates: ['matrix-form', 'affine-backward'],
  },
  { id: 'graphs', name: text('computational graphs', '計算グラフ'), templates: ['chain-rule', 'graph-backward'] },
  {
    id: 'symbolic',
    name: text('symbolic', '記号での微分'),
    templates: ['partial-derivative', 'output-bias-formula', 'hidden-bias-formula'],
  },
  {
    id: 'optimizers',
    name: text('momentum, Adam and several steps', 'モーメンタム、Adam と複数回の更新'),
    templates: ['momentum-update', 'adam-step', 'two-steps'],
  },
];

export function topicById(id: string): Topic | undefined {
  return TOPICS.find((topic) => topic.id === id);
}

/** The topic a template belongs to. */
export function topicOfTemplate(template: string): Topic | undefined {
  return TOPICS.find((topic) => topic.templates.includes(template));
}
