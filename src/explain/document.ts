// Derivations as a renderer-neutral document, so that `explain --format markdown|html|latex` and the
// appendix of a network's worked solution are typeset by the same renderers as the solutions: per
// topic a heading, where it comes from, then each step's sentence with its formula.
import type { NetworkSpec } from '../concepts/network';
import type { Block, DocSection, WorkedDocument } from '../document/model';
import { messages } from '../i18n';
import { findTopic } from './index';
import { sourceNames } from './sources';
import type { Lang, Topic } from './types';

const WORDS = {
  en: {
    sources: (notes: string, id: string) => `After ${notes}; also: backprop-tutor explain ${id}`,
    title: 'Derivations',
    subtitle: 'Each step with its formula; every claim is checked numerically in the tests.',
  },
  ja: {
    sources: (notes: string, id: string) => `元にした資料: ${notes}。backprop-tutor explain ${id} でも表示できる`,
    title: '導出',
    subtitle: '各ステップとその式。主張はすべてテストで数値的に確かめている。',
  },
} as const;

const title = (topic: Topic, lang: Lang) => (lang === 'ja' ? topic.title_ja : topic.title_en);

/** A topic's blocks: a heading with its title (when `heading`), its sources, then sentence + formula per step. */
export function topicBlocks(topic: Topic, lang: Lang, heading: boolean): Block[] {
  const blocks: Block[] = heading ? [{ kind: 'heading', text: [title(topic, lang)] }] : [];
  blocks.push({ kind: 'paragraph', text: [WORDS[lang].sources(sourceNames(topic.sources, lang), topic.id)] });
  topic.steps.forEach((step, i) => {
    blocks.push({ kind: 'paragraph', text: [`${i + 1}. ${lang === 'ja' ? step.text_ja : step.text_en}`] });
    blocks.push({ kind: 'math', latex: step.latex });
  });
  return blocks;
}

/** One or more topics as a document of their own (`explain TOPIC --format html`), one section each. */
export function topicsDocument(topics: readonly Topic[], lang: Lang): WorkedDocument {
  const single = topics.length === 1;
  return {
    lang,
    title: single ? title(topics[0], lang) : WORDS[lang].title,
    subtitle: [WORDS[lang].subtitle],
    sections: topics.map(
      (topic): DocSection => ({ id: topic.id, title: title(topic, lang), blocks: topicBlocks(topic, lang, false) }),
    ),
  };
}

/**
 * The derivations behind a network's steps: the derivative of each activation function it uses and,
 * for cross-entropy, the loss gradient (softmax + cross-entropy → y − t when they meet at the output;
 * sigmoid + binary cross-entropy likewise), and L2 regularization, momentum or Adam when the file uses them.
 */
export function networkTopics(network: NetworkSpec): Topic[] {
  const ids: string[] = [];
  const last = network.layers.length - 1;
  const softmaxCE = network.loss === 'cross-entropy' && network.layers[last].activation === 'softmax';
  network.layers.forEach((layer, l) => {
    if (layer.activation === 'identity') return;
    ids.push(layer.activation === 'softmax' && l === last && softmaxCE ? 'softmax-cross-entropy' : layer.activation);
  });
  if (network.loss === 'cross-entropy' && !softmaxCE) ids.push('cross-entropy');
  // Sigmoid + binary cross-entropy → y − t; the penalty and the optimizers the update uses.
  if (network.loss === 'binary-cross-entropy' && network.layers[last].activation === 'sigmoid')
    ids.push('sigmoid-binary-cross-entropy');
  if (network.regularization) ids.push('l2-regularization');
  if (network.optimizer && network.optimizer.name !== 'sgd') ids.push(network.optimizer.name);
  return [...new Set(ids)].map((id) => findTopic(id)!);
}

/** The derivations of the derivatives the network uses (sigmoid′ = y(1 − y), …); null when it uses none. */
export function networkAppendix(network: NetworkSpec, lang: Lang): DocSection | null {
  const topics = networkTopics(network);
  if (topics.length === 0) return null;
  const m = messages(lang);
  const blocks: Block[] = [
    { kind: 'paragraph', text: [m.intro.appendix] },
    ...topics.flatMap((t) => topicBlocks(t, lang, true)),
  ];
  return { id: 'appendix', title: m.section.appendix, blocks };
}
