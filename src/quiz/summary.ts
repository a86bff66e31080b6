// The end of a session: the score, accuracy per topic, and the mistakes met with what each one is.
import { MISCONCEPTIONS } from '../concepts/misconceptions';
import { pick, type Lang } from '../text/lang';
import type { PlannedQuestion } from './plan';
import { scoreOf, type SessionState } from './session';
import { topicOfTemplate } from './topics';
import { WORDS } from './words';

export interface TopicAccuracy {
  readonly topic: string;
  readonly correct: number;
  readonly asks: number;
}

/** Per topic, in the order met: asks answered right at either try, out of the asks finished. */
export function accuracyByTopic(state: SessionState, plan: readonly PlannedQuestion[]): TopicAccuracy[] {
  const by = new Map<string, { correct: number; asks: number }>();
  for (const [key, p] of state.asks) {
    if (!p.done) continue;
    const question = Number(key.slice(0, key.indexOf('/')));
    const topic = topicOfTemplate(plan[question - 1].template)?.id ?? plan[question - 1].template;
    const t = by.get(topic) ?? { correct: 0, asks: 0 };
    by.set(topic, { correct: t.correct + (p.correct ? 1 : 0), asks: t.asks + 1 });
  }
  return [...by].map(([topic, t]) => ({ topic, ...t }));
}

export function summaryText(state: SessionState, plan: readonly PlannedQuestion[], lang: Lang): string {
  const { points, finished } = scoreOf(state);
  const lines = [pick(WORDS.done(points, finished), lang), pick(WORDS.perTopic, lang)];
  for (const t of accuracyByTopic(state, plan)) {
    const name = topicOfTemplate(plan.find((q) => topicOfTemplate(q.template)?.id === t.topic)?.template ?? '')?.name;
    lines.push(`  ${name ? pick(name, lang) : t.topic}: ${t.correct}/${t.asks}`);
  }
  const met = [...new Set([...state.asks.values()].flatMap((p) => p.misconceptions))];
  if (met.length > 0) {
    lines.push(pick(WORDS.misconceptions, lang));
    for (const id of met) {
      const m = MISCONCEPTIONS.find((x) => x.id === id);
      lines.push(`  ${id}${m ? `: ${pick(m.words, lang)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
