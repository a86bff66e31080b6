// Which exercise each question of a session is: a pure function of the session line, so that a
// resumed session asks exactly the same questions. The templates are dealt like cards (every one of
// the pool once, in a seeded order, before any repeats), each question with its own exercise seed; an
// adaptive session carries its templates in its session line (next.ts chose them).
import { createRng, mixSeed } from '../exercises/prng';
import type { Difficulty } from '../exercises/types';
import type { PlanEntry, SessionLine } from './header';
import { topicById } from './topics';

/** Exercise seeds stay short enough to read out and retype with `exercise --seed`. */
export const EXERCISE_SEEDS = 1_000_000;

export interface PlannedQuestion {
  /** 1-based. */
  readonly question: number;
  readonly template: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  /** An adaptive session's: the entry of its plan that put it here (the topic, why it came). */
  readonly entry?: PlanEntry;
  /** A question that comes back (again.ts): the number of the missed question it is a second look at. */
  readonly again?: number;
}

/** The templates a session draws from: --template's, else every template of its topics. */
export function templatePool(session: Pick<SessionLine, 'topics' | 'templates'>): readonly string[] {
  if (session.templates && session.templates.length > 0) return session.templates;
  const pool = session.topics.flatMap((id) => topicById(id)?.templates ?? []);
  return [...new Set(pool)];
}

/**
 * Every question of the session as planned at its start, in order (an adaptive session's as its plan
 * says). The questions asked are these with the missed ones coming back among them (again.ts).
 */
export function planSession(session: SessionLine): readonly PlannedQuestion[] {
  if (session.plan) {
    return session.plan.map((p, i) => ({
      question: i + 1,
      template: p.template,
      difficulty: p.difficulty,
      seed: mixSeed(session.seed, i + 1) % EXERCISE_SEEDS,
      entry: p,
    }));
  }
  const pool = templatePool(session);
  const out: PlannedQuestion[] = [];
  let deck: string[] = [];
  for (let q = 1; q <= session.count; q++) {
    if (deck.length === 0) deck = createRng(mixSeed(session.seed, 0x51 + q)).sample([...pool], pool.length);
    out.push({
      question: q,
      template: deck.shift()!,
      difficulty: session.difficulty,
      seed: mixSeed(session.seed, q) % EXERCISE_SEEDS,
    });
  }
  return out;
}
