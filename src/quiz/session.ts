// A quiz session as a pure state: the session line and what has happened to every ask. `applyEvent`
// folds one journal line in; `nextAsk` says what to ask next. The I/O loop (plain.ts) and a resumed
// session (the journal read back) go through the same two functions, so they cannot disagree.
import type { EventLine, SessionLine } from './header';

/** A wrong answer gets one more try; after the second miss the worked step is shown. */
export const TRIES = 2;

export interface AskProgress {
  readonly misses: number;
  readonly hints: number;
  /** The best score of its tries. */
  readonly score: number;
  readonly correct: boolean;
  readonly done: boolean;
  /** The misconceptions its tries were diagnosed with. */
  readonly misconceptions: readonly string[];
  /** The latest answer the grader could read (what a later ask's error carried forward works from). */
  readonly last: string | null;
}

export interface SessionState {
  readonly session: SessionLine;
  /** By `question/ask`. */
  readonly asks: ReadonlyMap<string, AskProgress>;
  /** Right answers in a row. */
  readonly streak: number;
  /** The streak when each started question had its first event (what its difficulty rose by). */
  readonly started: ReadonlyMap<number, number>;
}

export interface Position {
  /** 1-based. */
  readonly question: number;
  readonly ask: string;
  /** 1 for the first try, 2 for the second. */
  readonly attempt: number;
  /** Hints already shown for this ask. */
  readonly hints: number;
}

const FRESH: AskProgress = {
  misses: 0,
  hints: 0,
  score: 0,
  correct: false,
  done: false,
  misconceptions: [],
  last: null,
};

export const askKey = (question: number, ask: string): string => `${question}/${ask}`;

export function startSession(session: SessionLine): SessionState {
  return { session, asks: new Map(), streak: 0, started: new Map() };
}

export function progressOf(state: SessionState, question: number, ask: string): AskProgress {
  return state.asks.get(askKey(question, ask)) ?? FRESH;
}

function next(event: EventLine, p: AskProgress): { progress: AskProgress; streak: 'up' | 'reset' | 'keep' } {
  switch (event.type) {
    case 'hint':
      return { progress: { ...p, hints: Math.max(p.hints, event.level) }, streak: 'keep' };
    case 'steps':
      return { progress: { ...p, done: true }, streak: p.correct ? 'keep' : 'reset' };
    case 'answer': {
      const misconceptions =
        event.misconception === null ? p.misconceptions : [...p.misconceptions, event.misconception];
      switch (event.status) {
        case 'invalid':
          // An answer the parser cannot read is asked again and costs nothing.
          return { progress: p, streak: 'keep' };
        case 'skipped':
          return { progress: { ...p, done: true }, streak: 'reset' };
        case 'correct':
          return {
            progress: {
              ...p,
              score: Math.max(p.score, event.score),
              correct: true,
              done: true,
              misconceptions,
              last: event.answer,
            },
            streak: 'up',
          };
        case 'incorrect': {
          const misses = p.misses + 1;
          return {
            progress: {
              ...p,
              misses,
              score: Math.max(p.score, event.score),
              done: misses >= TRIES,
              misconceptions,
              last: event.answer,
            },
            streak: 'reset',
          };
        }
      }
    }
  }
}

/** The state after one event; events for an ask that is already over change nothing. */
export function applyEvent(state: SessionState, event: EventLine): SessionState {
  const key = askKey(event.question, event.ask);
  const before = state.asks.get(key) ?? FRESH;
  if (before.done) return state;
  const { progress, streak } = next(event, before);
  const asks = new Map(state.asks);
  asks.set(key, progress);
  const started = state.started.has(event.question)
    ? state.started
    : new Map(state.started).set(event.question, state.streak);
  return {
    ...state,
    asks,
    started,
    streak: streak === 'up' ? state.streak + 1 : streak === 'reset' ? 0 : state.streak,
  };
}

/**
 * The next ask to put, in question order and the exercise's ask order, or null when the session is
 * over. `asksOf(q)` lists the ask ids of question q (the exercise is regenerated from its seed).
 */
export function nextAsk(state: SessionState, asksOf: (question: number) => readonly string[]): Position | null {
  for (let question = 1; question <= state.session.count; question++) {
    for (const ask of asksOf(question)) {
      const p = progressOf(state, question, ask);
      if (!p.done) return { question, ask, attempt: p.misses + 1, hints: p.hints };
    }
  }
  return null;
}

/**
 * The state after all the events, as `events.reduce(applyEvent, startSession(session))` gives it, by
 * the same rule (`next`) but in one mutable map: reading back a long history stays linear.
 */
export function foldEvents(session: SessionLine, events: readonly EventLine[]): SessionState {
  const asks = new Map<string, AskProgress>();
  const started = new Map<number, number>();
  let streak = 0;
  for (const event of events) {
    const key = askKey(event.question, event.ask);
    const before = asks.get(key) ?? FRESH;
    if (before.done) continue;
    if (!started.has(event.question)) started.set(event.question, streak);
    const step = next(event, before);
    asks.set(key, step.progress);
    streak = step.streak === 'up' ? streak + 1 : step.streak === 'reset' ? 0 : streak;
  }
  return { session, asks, streak, started };
}

/**
 * The streak before question q: as it was at its first event, or, for a question not started yet,
 * the streak now (questions are put in order, so every event so far belongs to an earlier one).
 */
export function streakBefore(state: SessionState, question: number): number {
  return state.started.get(question) ?? state.streak;
}

/** Whether any ask of question q has had an event (its prompt was shown before a resume). */
export function questionStarted(state: SessionState, question: number): boolean {
  const prefix = `${question}/`;
  for (const key of state.asks.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

export interface Score {
  /** The sum of the finished asks' best scores. */
  readonly points: number;
  readonly finished: number;
}

export function scoreOf(state: SessionState): Score {
  let points = 0;
  let finished = 0;
  for (const p of state.asks.values()) {
    if (!p.done) continue;
    points += p.score;
    finished += 1;
  }
  return { points: Math.round(points * 1000) / 1000, finished };
}

/** The student's latest readable answers to the asks of question q, by ask id. */
export function answersOf(state: SessionState, question: number, asks: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ask of asks) {
    const last = progressOf(state, question, ask).last;
    if (last !== null) out.set(ask, last);
  }
  return out;
}
