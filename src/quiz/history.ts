// The sessions of the past, read back from the journals in the state folder for the profile and for
// `stats`. Only read, never written: a line that is torn or not an event is skipped (and counted), a
// file whose first line is not a session is left out, so one damaged file never hides the others.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EventLine, SessionLine } from './header';
import { eventProblem, sessionProblem } from './journal';
import type { PastSession } from './profile';

/** A journal larger than this is not a quiz's (a 100-question session is well under 1 MB). */
export const MAX_JOURNAL_BYTES = 16 * 1024 * 1024;

export interface ReadSession extends PastSession {
  readonly file: string;
  /** The time of its first event (ISO), or null when it has none. */
  readonly started: string | null;
  /** Lines skipped: not JSON, or not an event of this session. */
  readonly skippedLines: number;
}

export interface History {
  readonly sessions: readonly ReadSession[];
  /** Files that are not journals, with why. */
  readonly skipped: readonly { readonly file: string; readonly why: string }[];
}

const asObject = (raw: string): Record<string, unknown> | null => {
  try {
    const x: unknown = JSON.parse(raw);
    return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** A journal read leniently: its session line must be sound, its other lines are kept when they are events. */
export function readLeniently(content: string, file: string): ReadSession | { readonly why: string } {
  const lines = content
    .slice(0, content.lastIndexOf('\n') + 1)
    .split('\n')
    .slice(0, -1);
  const first = lines.length > 0 ? asObject(lines[0]) : null;
  if (first === null) return { why: 'the first line is not a JSON object' };
  const problem = sessionProblem(first);
  if (problem) return { why: problem };
  const session = first as unknown as SessionLine;
  const events: EventLine[] = [];
  let skippedLines = 0;
  for (const raw of lines.slice(1)) {
    const x = asObject(raw);
    if (x === null || eventProblem(x, session.count) !== null) skippedLines++;
    else events.push(x as unknown as EventLine);
  }
  const times = events.map((e) => e.at).filter((at) => typeof at === 'string' && !Number.isNaN(Date.parse(at)));
  return {
    file,
    session,
    events,
    started: times.length > 0 ? [...times].sort()[0] : null,
    skippedLines,
  };
}

/** Sessions in the order they were held: by their first event's time, then by file name. */
export function byTime(sessions: readonly ReadSession[]): ReadSession[] {
  return [...sessions].sort(
    (a, b) =>
      (a.started === b.started
        ? 0
        : a.started === null
          ? 1
          : b.started === null
            ? -1
            : a.started < b.started
              ? -1
              : 1) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
}

export function readJournalFile(file: string): ReadSession | { readonly why: string } {
  const stat = statSync(file);
  if (!stat.isFile()) return { why: 'not a regular file' };
  if (stat.size > MAX_JOURNAL_BYTES) return { why: `larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB` };
  return readLeniently(readFileSync(file, 'utf8'), file);
}

/** Every journal (*.jsonl) in the folder, in the order the sessions were held; none when it does not exist. */
export function readHistory(dir: string): History {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return { sessions: [], skipped: [] };
  }
  const sessions: ReadSession[] = [];
  const skipped: { file: string; why: string }[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    try {
      const read = readJournalFile(file);
      if ('why' in read) skipped.push({ file, why: read.why });
      else sessions.push(read);
    } catch (error) {
      skipped.push({ file, why: (error as Error).message });
    }
  }
  return { sessions: byTime(sessions), skipped };
}
