// What `stats` reports, computed from sessions read back: accuracy per topic, in all and session by
// session, the misconceptions diagnosed, the time spent answering, the profile's boxes and what to
// practise next. An ask counts once it is over (right at either try, or missed, or skipped), as in the
// summary at the end of a quiz; the time is the sum of the tries' `ms` (from the ask shown to the answer)
// and every diagnosis counts, also one in an ask left unfinished.
import type { PlanReason } from './header';
import type { ReadSession } from './history';
import { countMistakes, type MistakeCount } from './mistakes';
import { dueOrder } from './next';
import { sessionQuestions } from './again';
import { dueIn, profileOf } from './profile';
import { readingFor } from './readings';
import { foldEvents, scoreOf } from './session';
import { TOPICS, topicOfTemplate } from './topics';

export interface SessionStats {
  readonly file: string;
  readonly started: string | null;
  readonly asks: number;
  readonly correct: number;
  readonly score: number;
  readonly ms: number;
}

export interface TopicStats {
  readonly topic: string;
  readonly asks: number;
  readonly correct: number;
  readonly ms: number;
  /** The Leitner box (1–5) and in how many sessions it is due (0 or less: now). */
  readonly box: number;
  readonly dueIn: number;
  /** Session by session, oldest first: the sessions (1-based among those read) in which it came up. */
  readonly overTime: readonly { readonly session: number; readonly asks: number; readonly correct: number }[];
}

export interface MistakeStats extends MistakeCount {
  readonly explain: string | null;
  readonly box: number;
}

export interface NextPractice {
  readonly topic: string;
  readonly reason: PlanReason;
  readonly misconception?: string;
}

export interface Stats {
  readonly sessions: readonly SessionStats[];
  readonly asks: number;
  readonly correct: number;
  readonly ms: number;
  readonly topics: readonly TopicStats[];
  readonly misconceptions: readonly MistakeStats[];
  readonly next: readonly NextPractice[];
}

/** How many topics "what to practise next" names. */
export const NEXT_COUNT = 3;

/** Sessions in which nothing happened (quit at the first question) are left out. */
export function statsOf(all: readonly ReadSession[]): Stats {
  const sessions = all.filter((s) => s.events.length > 0);
  const perTopic = new Map<
    string,
    { asks: number; correct: number; ms: number; overTime: TopicStats['overTime'][number][] }
  >();
  const topicEntry = (t: string) => {
    let e = perTopic.get(t);
    if (!e) perTopic.set(t, (e = { asks: 0, correct: 0, ms: 0, overTime: [] }));
    return e;
  };
  const diagnosed: string[] = [];
  const out: SessionStats[] = [];
  sessions.forEach((s, i) => {
    const state = foldEvents(s.session, s.events);
    const lineTemplate = new Map<number, string>();
    let ms = 0;
    for (const e of s.events) {
      if (e.type !== 'answer') continue;
      if (!lineTemplate.has(e.question)) lineTemplate.set(e.question, e.template);
      ms += e.ms;
      // Every diagnosis counts, also in an ask left unfinished.
      if (e.misconception !== null) diagnosed.push(e.misconception);
    }
    let asked: ReturnType<typeof sessionQuestions> | null = null;
    const topicOf = (q: number) => {
      let template = lineTemplate.get(q);
      if (template === undefined) {
        asked ??= sessionQuestions(s.session, state);
        template = asked[q - 1]?.template ?? '';
      }
      return topicOfTemplate(template)?.id ?? null;
    };
    for (const e of s.events) {
      if (e.type !== 'answer') continue;
      const t = topicOf(e.question);
      if (t !== null) topicEntry(t).ms += e.ms;
    }
    let asks = 0;
    let correct = 0;
    const here = new Map<string, { asks: number; correct: number }>();
    for (const [key, p] of state.asks) {
      if (!p.done) continue;
      asks++;
      if (p.correct) correct++;
      const t = topicOf(Number(key.slice(0, key.indexOf('/'))));
      if (t === null) continue;
      const h = here.get(t) ?? { asks: 0, correct: 0 };
      here.set(t, { asks: h.asks + 1, correct: h.correct + (p.correct ? 1 : 0) });
    }
    for (const [t, h] of here) {
      const e = topicEntry(t);
      e.asks += h.asks;
      e.correct += h.correct;
      e.overTime.push({ session: i + 1, ...h });
    }
    out.push({ file: s.file, started: s.started, asks, correct, score: scoreOf(state).points, ms });
  });
  const profile = profileOf(sessions);
  const teaching = (id: string) => TOPICS.findIndex((t) => t.id === id);
  const topics = [...perTopic]
    .sort(([a], [b]) => teaching(a) - teaching(b))
    .map(([topic, e]) => {
      const card = profile.topics.get(topic);
      return {
        topic,
        ...e,
        box: card?.box ?? 1,
        dueIn: card ? dueIn(card, profile.sessions) : 0,
      };
    });
  const misconceptions = countMistakes(diagnosed).map((m) => ({
    ...m,
    explain: readingFor(m.id),
    box: profile.misconceptions.get(m.id)?.box ?? 1,
  }));
  const next = dueOrder(
    profile,
    TOPICS.map((t) => t.id),
  )
    .slice(0, NEXT_COUNT)
    .map((p) => ({
      topic: p.topic,
      reason: p.reason,
      ...(p.misconception !== undefined ? { misconception: p.misconception } : {}),
    }));
  return {
    sessions: out,
    asks: out.reduce((n, s) => n + s.asks, 0),
    correct: out.reduce((n, s) => n + s.correct, 0),
    ms: out.reduce((n, s) => n + s.ms, 0),
    topics,
    misconceptions,
    next,
  };
}
