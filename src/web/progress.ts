// What a practice page remembers between visits, stored as JSON in localStorage under the page's
// key: the student's id (when the page asks for it) and, per ask, the text in its field, the answer
// last graded (Enter), the hints shown and whether it was ever missed (so the worked step stays
// offered). Anything unreadable in storage is treated as a fresh start, never as an error.

export interface AskProgress {
  readonly typed: string;
  /** The text graded last (null: never graded, or cleared). */
  readonly entered: string | null;
  readonly hints: number;
  readonly missed: boolean;
}

export interface Progress {
  readonly version: 1;
  readonly student: string;
  /** By "question.ask", e.g. "1.a1". */
  readonly asks: Readonly<Record<string, AskProgress>>;
}

export const EMPTY_PROGRESS: Progress = { version: 1, student: '', asks: {} };
export const EMPTY_ASK: AskProgress = { typed: '', entered: null, hints: 0, missed: false };

const isAsk = (x: unknown): x is AskProgress => {
  const a = x as AskProgress;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.typed === 'string' &&
    (a.entered === null || typeof a.entered === 'string') &&
    Number.isInteger(a.hints) &&
    a.hints >= 0 &&
    typeof a.missed === 'boolean'
  );
};

/** The stored progress, or a fresh one when there is none or it cannot be read. */
export function readProgress(stored: string | null): Progress {
  if (stored === null) return EMPTY_PROGRESS;
  try {
    const x = JSON.parse(stored) as Progress;
    if (x?.version !== 1 || typeof x.student !== 'string' || typeof x.asks !== 'object' || x.asks === null)
      return EMPTY_PROGRESS;
    const asks: Record<string, AskProgress> = {};
    for (const [k, v] of Object.entries(x.asks)) if (isAsk(v)) asks[k] = v;
    return { version: 1, student: x.student, asks };
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function withAsk(p: Progress, key: string, change: Partial<AskProgress>): Progress {
  return { ...p, asks: { ...p.asks, [key]: { ...(p.asks[key] ?? EMPTY_ASK), ...change } } };
}
