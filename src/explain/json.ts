// `explain --format json`: a topic's steps in one language, or the list of topics.
import type { Lang, Topic } from './types';

export interface JsonTopic {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly { readonly role: string; readonly text: string; readonly latex: string }[];
}

export interface JsonTopicSummary {
  readonly id: string;
  readonly title: string;
}

export function topicToJson(topic: Topic, lang: Lang): JsonTopic {
  return {
    id: topic.id,
    title: lang === 'ja' ? topic.title_ja : topic.title_en,
    steps: topic.steps.map((step) => ({
      role: step.role,
      text: lang === 'ja' ? step.text_ja : step.text_en,
      latex: step.latex,
    })),
  };
}

export function topicListJson(topics: readonly Topic[], lang: Lang): JsonTopicSummary[] {
  return topics.map((t) => ({ id: t.id, title: lang === 'ja' ? t.title_ja : t.title_en }));
}
