// What the journal's lines say: the session line first, then one line per event. The shapes are a
// contract: scripts and `stats` read them.
import type { Difficulty, Lang } from '../exercises/types';

export const JOURNAL_VERSION = 1;

export interface SessionLine {
  readonly type: 'session';
  readonly version: 1;
  readonly seed: number;
  readonly count: number;
  /** Topic ids (src/quiz/topics.ts) the questions are drawn from. */
  readonly topics: readonly string[];
  readonly difficulty: Difficulty;
  readonly lang: Lang;
  /** Present when --template named the templates to draw from (instead of whole topics). */
  readonly templates?: readonly string[];
  /**
   * Present in an adaptive session (neither --topic nor --template): the questions the profile chose,
   * fixed at the start so that a resumed session asks the same ones.
   */
  readonly plan?: readonly PlanEntry[];
  /**
   * Present in an adaptive session: a question missed comes back (its template, a fresh seed) after
   * `after` other questions, each topic at most `most` times; it takes the place of the last planned
   * question, so the session keeps its count. Which questions come back follows from the answers in
   * the journal, so a resumed session asks the same ones. Absent (older journals): nothing comes back.
   */
  readonly again?: AgainRule;
}

export interface AgainRule {
  readonly after: number;
  readonly most: number;
}

/** Why the profile put a topic into an adaptive session. */
export type PlanReason = 'mistake' | 'missed' | 'due' | 'new' | 'review';

export interface PlanEntry {
  readonly topic: string;
  readonly template: string;
  /** Before the rise after a streak in this session. */
  readonly difficulty: Difficulty;
  readonly reason: PlanReason;
  /** For reason "mistake": the misconception it comes back for. */
  readonly misconception?: string;
}

export type TryStatus = 'correct' | 'incorrect' | 'invalid' | 'skipped';

/** One try at an ask. */
export interface AnswerLine {
  readonly type: 'answer';
  /** 1-based within the session. */
  readonly question: number;
  readonly ask: string;
  readonly template: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  /** As typed. */
  readonly answer: string;
  readonly status: TryStatus;
  readonly score: number;
  readonly misconception: string | null;
  /** From the ask shown to the answer read. */
  readonly ms: number;
  readonly at: string;
}

export interface HintLine {
  readonly type: 'hint';
  readonly question: number;
  readonly ask: string;
  readonly level: number;
  readonly cost: number;
  readonly at: string;
}

/** The worked step of an ask was shown (asked for, or after the second miss): the ask is over. */
export interface StepsLine {
  readonly type: 'steps';
  readonly question: number;
  readonly ask: string;
  readonly at: string;
}

export type EventLine = AnswerLine | HintLine | StepsLine;
export type JournalLine = SessionLine | EventLine;
