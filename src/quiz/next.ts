// What comes next when neither --topic nor --template fixes it: the profile's cards in the order they
// are due. First the misconceptions due (in the topic and template they were last met in), then the
// topics due, the lowest box first (a topic missed last time is in box 1), then topics never met in
// teaching order, then the rest, the soonest due first. A pure function of the profile, the seed and
// the count, so that the same profile and seed give the same session.
import { createRng, mixSeed } from '../exercises/prng';
import type { Difficulty } from '../exercises/types';
import type { PlanEntry, PlanReason } from './header';
import { BOXES, dueIn, type Profile } from './profile';
import { TOPICS, topicById } from './topics';

/** The difficulty a card's box earns: 1 up to box 2, 2 in boxes 3 and 4, 3 in the last box. */
export function boxDifficulty(box: number): Difficulty {
  return box >= BOXES ? 3 : box >= 3 ? 2 : 1;
}

/** Right answers in a row that raise the difficulty by one within a session (twice that: by two). */
export const STREAK_STEP = 3;

/** The difficulty of a question of an adaptive session, its plan's raised by the streak before it. */
export function raisedDifficulty(planned: Difficulty, streakBefore: number): Difficulty {
  return Math.min(3, planned + Math.floor(streakBefore / STREAK_STEP)) as Difficulty;
}

interface Pick {
  readonly topic: string;
  readonly reason: PlanReason;
  readonly box: number;
  readonly template?: string;
  readonly misconception?: string;
}

/** The topics in the order they should come, each once, with why. */
export function dueOrder(profile: Profile, pool: readonly string[]): Pick[] {
  const now = profile.sessions;
  const inPool = new Set(pool);
  const teaching = (id: string) => TOPICS.findIndex((t) => t.id === id);
  const picks: Pick[] = [];
  const mistakes = [...profile.misconceptions]
    .filter(([, m]) => dueIn(m, now) <= 0)
    .sort(([a, x], [b, y]) => x.box - y.box || y.count - x.count || y.seen - x.seen || (a < b ? -1 : 1));
  for (const [id, m] of mistakes) {
    const topic = [...m.topics].reverse().find((t) => inPool.has(t));
    if (topic === undefined) continue;
    const template = [...m.templates].reverse().find((t) => topicById(topic)?.templates.includes(t));
    picks.push({ topic, reason: 'mistake', box: m.box, template, misconception: id });
  }
  const met = pool.filter((t) => profile.topics.has(t));
  const due = met
    .filter((t) => dueIn(profile.topics.get(t)!, now) <= 0)
    .sort((a, b) => {
      const x = profile.topics.get(a)!;
      const y = profile.topics.get(b)!;
      return x.box - y.box || x.seen - y.seen || teaching(a) - teaching(b);
    });
  for (const t of due) {
    const box = profile.topics.get(t)!.box;
    picks.push({ topic: t, reason: box === 1 ? 'missed' : 'due', box });
  }
  for (const t of [...pool].filter((t) => !profile.topics.has(t)).sort((a, b) => teaching(a) - teaching(b)))
    picks.push({ topic: t, reason: 'new', box: 0 });
  const later = met
    .filter((t) => dueIn(profile.topics.get(t)!, now) > 0)
    .sort((a, b) => {
      const x = profile.topics.get(a)!;
      const y = profile.topics.get(b)!;
      return dueIn(x, now) - dueIn(y, now) || x.box - y.box || teaching(a) - teaching(b);
    });
  for (const t of later) picks.push({ topic: t, reason: 'review', box: profile.topics.get(t)!.box });
  const seen = new Set<string>();
  return picks.filter((p) => !seen.has(p.topic) && seen.add(p.topic));
}

/**
 * The questions of a new adaptive session: the topics in due order (again from the top when there
 * are more questions than topics), each question's template drawn from its topic with the seed (a
 * misconception's comes back in the template it was met in), its difficulty `fixed` or its box's.
 */
export function adaptivePlan(
  profile: Profile,
  options: {
    readonly seed: number;
    readonly count: number;
    readonly pool: readonly string[];
    readonly fixed?: Difficulty;
  },
): PlanEntry[] {
  const order = dueOrder(profile, options.pool);
  if (order.length === 0) return [];
  const out: PlanEntry[] = [];
  for (let q = 1; q <= options.count; q++) {
    const p = order[(q - 1) % order.length];
    const templates = topicById(p.topic)!.templates;
    const again = q > order.length;
    const template =
      p.template !== undefined && !again ? p.template : createRng(mixSeed(options.seed, 0xad + q)).pick(templates);
    out.push({
      topic: p.topic,
      template,
      difficulty: options.fixed ?? boxDifficulty(p.box),
      reason: p.reason,
      ...(p.misconception !== undefined && !again ? { misconception: p.misconception } : {}),
    });
  }
  return out;
}
