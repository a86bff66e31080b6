// The student's profile across sessions, as Leitner boxes: every topic and every misconception met
// is a card in a box from 1 to 5 (a new one starts in box 1). A question answered right at the first try moves its topic's card
// up one box; a question with an ask missed (both tries wrong, or skipped) sends it back to box 1; a
// right answer only at the second try leaves it where it is. A misconception diagnosed goes to box 1;
// a later question of a topic it was met in, answered right at the first try, moves it up. A question
// that came back within the session for a miss changes neither when answered right. The card
// in box b comes back 2^(b−1) sessions after it was last seen: box 1 at the next session, box 5 after
// sixteen. The profile is derived from the journals alone (a pure fold), so it cannot disagree with them.
import type { EventLine, SessionLine } from './header';
import { sessionQuestions } from './again';
import { foldEvents, type SessionState } from './session';
import { topicOfTemplate } from './topics';

export const BOXES = 5;

export interface Card {
  /** 1 to BOXES. */
  readonly box: number;
  /** The index of the session it was last seen in (0-based, in the order of the sessions). */
  readonly seen: number;
}

export interface MistakeCard extends Card {
  /** How often it was diagnosed. */
  readonly count: number;
  /** The topics and templates it was met in, the latest last. */
  readonly topics: readonly string[];
  readonly templates: readonly string[];
}

export interface Profile {
  /** Sessions with at least one finished ask. */
  readonly sessions: number;
  readonly topics: ReadonlyMap<string, Card>;
  readonly misconceptions: ReadonlyMap<string, MistakeCard>;
}

export const EMPTY_PROFILE: Profile = { sessions: 0, topics: new Map(), misconceptions: new Map() };

/** A session as read back: its line and its events, in journal order. */
export interface PastSession {
  readonly session: SessionLine;
  readonly events: readonly EventLine[];
}

/** Sessions a card waits in box b before it comes back. */
export const interval = (box: number): number => 2 ** (box - 1);

/** Sessions until the card is due: 0 or less means due now, at session `now`. */
export const dueIn = (card: Card, now: number): number => card.seen + interval(card.box) - now;

export type QuestionOutcome = 'right' | 'second-try' | 'missed';

export interface QuestionResult {
  readonly question: number;
  readonly template: string;
  readonly topic: string;
  readonly outcome: QuestionOutcome;
  /** Misconceptions diagnosed in its tries. */
  readonly misconceptions: readonly string[];
  /** It came back within the session for a miss (again.ts). */
  readonly again: boolean;
}

/** The template of each question: from its answer lines, else from the session's questions. */
function templatesOf(past: PastSession, questions: () => ReturnType<typeof sessionQuestions>): (q: number) => string {
  const fromLines = new Map<number, string>();
  for (const e of past.events)
    if (e.type === 'answer' && !fromLines.has(e.question)) fromLines.set(e.question, e.template);
  return (q) => fromLines.get(q) ?? questions()[q - 1]?.template ?? '';
}

/** The questions of a session with at least one finished ask, and how each went (unfinished asks do not count). */
export function questionResults(past: PastSession): QuestionResult[] {
  const state: SessionState = foldEvents(past.session, past.events);
  let asked: ReturnType<typeof sessionQuestions> | null = null;
  const questions = () => (asked ??= sessionQuestions(past.session, state));
  const template = templatesOf(past, questions);
  const by = new Map<number, { outcome: QuestionOutcome; misconceptions: string[] }>();
  for (const [key, p] of state.asks) {
    if (!p.done) continue;
    const question = Number(key.slice(0, key.indexOf('/')));
    const r = by.get(question) ?? { outcome: 'right' as QuestionOutcome, misconceptions: [] };
    const outcome: QuestionOutcome = !p.correct ? 'missed' : p.misses > 0 ? 'second-try' : 'right';
    const worse =
      outcome === 'missed' || r.outcome === 'missed' ? 'missed' : outcome === 'second-try' ? outcome : r.outcome;
    by.set(question, { outcome: worse, misconceptions: [...r.misconceptions, ...p.misconceptions] });
  }
  return [...by]
    .sort(([a], [b]) => a - b)
    .flatMap(([question, r]) => {
      const t = template(question);
      const topic = topicOfTemplate(t)?.id;
      const again = past.session.again !== undefined && questions()[question - 1]?.again !== undefined;
      return topic === undefined ? [] : [{ question, template: t, topic, ...r, again }];
    });
}

/** A card new to the profile starts in box 1, so a first right answer puts it in box 2. */
const promote = (card: Card | undefined, seen: number): Card => ({
  box: Math.min(BOXES, (card?.box ?? 1) + 1),
  seen,
});

/** The profile after the sessions, given in the order they were held. A card moves up at most once a session. */
export function profileOf(sessions: readonly PastSession[]): Profile {
  const topics = new Map<string, Card>();
  const misconceptions = new Map<string, MistakeCard>();
  let index = 0;
  for (const past of sessions) {
    const results = questionResults(past);
    if (results.length === 0) continue;
    const moved = new Set<string>();
    for (const r of results) {
      const card = topics.get(r.topic);
      // A second look within the session, answered right, is like a right second try: the miss stands.
      if (r.again && r.outcome === 'right') topics.set(r.topic, { box: card?.box ?? 1, seen: index });
      else if (r.outcome === 'missed') topics.set(r.topic, { box: 1, seen: index });
      else if (r.outcome === 'right' && !moved.has(`t:${r.topic}`)) {
        topics.set(r.topic, promote(card, index));
        moved.add(`t:${r.topic}`);
      } else topics.set(r.topic, { box: card?.box ?? 1, seen: index });
      for (const id of new Set(r.misconceptions)) {
        const m = misconceptions.get(id);
        misconceptions.set(id, {
          box: 1,
          seen: index,
          count: (m?.count ?? 0) + r.misconceptions.filter((x) => x === id).length,
          topics: [...(m?.topics ?? []).filter((t) => t !== r.topic), r.topic],
          templates: [...(m?.templates ?? []).filter((t) => t !== r.template), r.template],
        });
      }
      if (r.outcome !== 'right' || r.again) continue;
      for (const [id, m] of misconceptions) {
        if (!m.topics.includes(r.topic) || r.misconceptions.includes(id) || moved.has(`m:${id}`)) continue;
        misconceptions.set(id, { ...m, ...promote(m, index) });
        moved.add(`m:${id}`);
      }
    }
    index++;
  }
  return { sessions: index, topics, misconceptions };
}
