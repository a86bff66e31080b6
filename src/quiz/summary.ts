// The end of a session: the score, accuracy per topic, and the mistakes met with what each one is and
// what to read about it.
import { pick, type Lang } from '../text/lang';
import { displayWidth, padEnd } from '../text/width';
import { countMistakes, mistakeLines } from './mistakes';
import type { PlannedQuestion } from './plan';
import { scoreOf, type SessionState } from './session';
import { topicById, topicOfTemplate } from './topics';
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

/** A share as a whole percentage (rounded half up), for the tables; the counts stand beside it. */
export const percent = (correct: number, asks: number): string =>
  asks === 0 ? '–' : `${Math.floor((200 * correct + asks) / (2 * asks))}%`;

export function summaryText(state: SessionState, plan: readonly PlannedQuestion[], lang: Lang, width = 80): string {
  const { points, finished } = scoreOf(state);
  const lines = [pick(WORDS.done(points, finished), lang), pick(WORDS.perTopic, lang)];
  const rows = accuracyByTopic(state, plan).map((t) => {
    const name = topicById(t.topic)?.name;
    return [name ? pick(name, lang) : t.topic, `${t.correct}/${t.asks}`, percent(t.correct, t.asks)];
  });
  lines.push(...alignedRows(rows));
  const met = countMistakes([...state.asks.values()].flatMap((p) => p.misconceptions));
  if (met.length > 0) lines.push(pick(WORDS.misconceptions, lang), ...mistakeLines(met, lang, width));
  return `${lines.join('\n')}\n`;
}

const padStart = (cell: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(cell))) + cell;

/** Rows of cells, the first column padded as it displays, the others right-aligned. */
export function alignedRows(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i])))) ?? [];
  return rows.map((r) =>
    `  ${r.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]) : padStart(cell, widths[i]))).join('  ')}`.trimEnd(),
  );
}
