// A question missed comes back within the session: the same template with a fresh seed, after a
// couple of other questions, while the miss is fresh (the Leitner box brings the topic back in later
// sessions too). It takes the place of the next planned question, so the session keeps the count the
// student asked for: the planned questions that no longer fit are the last, the least due. Which
// questions come back follows from the session line and the answers alone (the journal), so a
// resumed session asks the same questions in the same order.
import { mixSeed } from '../exercises/prng';
import type { AgainRule, SessionLine } from './header';
import { EXERCISE_SEEDS, planSession, type PlannedQuestion } from './plan';
import type { SessionState } from './session';
import { topicOfTemplate } from './topics';

/**
 * The rule a new adaptive session writes into its session line: back after 2 other questions (or
 * as the last question when the session ends sooner, with at least one between), a topic at most twice.
 */
export const AGAIN: AgainRule = { after: 2, most: 2 };

/** The questions with an ask over and not answered right (both tries wrong, skipped, or the steps asked for). */
export function missedQuestions(state: SessionState): Set<number> {
  const out = new Set<number>();
  for (const [key, p] of state.asks) if (p.done && !p.correct) out.add(Number(key.slice(0, key.indexOf('/'))));
  return out;
}

/** A fresh seed for the question that comes back at `question`, never the missed one's own. */
function againSeed(session: SessionLine, question: number, missedSeed: number): number {
  const seed = mixSeed(session.seed, 0xa9a1 + question) % EXERCISE_SEEDS;
  return seed === missedSeed ? (seed + 1) % EXERCISE_SEEDS : seed;
}

/**
 * The first `upTo` questions of the session as they are asked. Question k is the first missed
 * question due back at k, else the next planned one. It reads which questions before k were missed
 * from `state`, so it holds once every question before `upTo` is over (the quiz asks in order; the
 * journal replayed gives the same state). Without an `again` rule (older journals, --topic or
 * --template): the plan as it is.
 */
export function sessionQuestions(
  session: SessionLine,
  state: SessionState,
  upTo: number = session.count,
): PlannedQuestion[] {
  const planned = planSession(session);
  const rule = session.again;
  if (!rule) return planned.slice(0, upTo);
  const missed = missedQuestions(state);
  const out: PlannedQuestion[] = [];
  const due: { at: number; from: number }[] = [];
  const back = new Map<string, number>();
  let next = 0;
  for (let k = 1; k <= Math.min(upTo, session.count); k++) {
    const i = due.findIndex((d) => d.at <= k);
    let q: PlannedQuestion;
    if (i >= 0) {
      const from = out[due.splice(i, 1)[0].from - 1];
      q = {
        question: k,
        template: from.template,
        difficulty: from.difficulty,
        seed: againSeed(session, k, from.seed),
        ...(from.entry ? { entry: from.entry } : {}),
        again: from.question,
      };
    } else q = { ...planned[next++], question: k };
    out.push(q);
    if (!missed.has(k)) continue;
    const topic = q.entry?.topic ?? topicOfTemplate(q.template)?.id ?? q.template;
    const times = back.get(topic) ?? 0;
    const at = Math.min(k + rule.after + 1, session.count);
    if (times >= rule.most || at < k + 2) continue;
    back.set(topic, times + 1);
    due.push({ at, from: k });
  }
  return out;
}
