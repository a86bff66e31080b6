// The quiz journal: JSON Lines, the session line first, then one line per event, each written and
// fsynced before the quiz shows what follows from it. Read back, a torn last line (a crash in the
// middle of a write) is ignored and cut off before the next append; a file that is not a journal is
// refused and never written to. A lock file beside the journal keeps a second quiz off it.
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { InputError } from '../network/errors';
import { templateByName } from '../exercises/templates/index';
import { echo, quoted } from '../text/escape';
import { text } from '../text/lang';
import { JOURNAL_VERSION, type EventLine, type JournalLine, type SessionLine } from './header';
import { topicById } from './topics';

export interface Journal {
  readonly session: SessionLine;
  readonly events: readonly EventLine[];
  /** Bytes of whole lines; a torn tail after them is not part of the journal. */
  readonly length: number;
}

const isInt = (x: unknown, lo: number, hi: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
const isText = (x: unknown): x is string => typeof x === 'string';

/** A value of the file as a message shows it: a string quoted, escaped and cut; anything else as JSON, cut too. */
const shown = (x: unknown): string => (typeof x === 'string' ? quoted(x) : echo(JSON.stringify(x) ?? 'nothing'));

/** The first line's problem, or null when it is a session line this version reads. */
export function sessionProblem(x: Record<string, unknown>): string | null {
  if (x.type !== 'session') return 'the first line is not {"type": "session", …}';
  if (x.version !== JOURNAL_VERSION) return `version ${shown(x.version)} (this version reads 1)`;
  if (!isInt(x.seed, 0, 0xffffffff)) return 'seed: expected an integer';
  if (!isInt(x.count, 1, 1000)) return 'count: expected an integer from 1';
  if (!Array.isArray(x.topics) || !x.topics.every((t) => isText(t) && topicById(t))) return 'topics: unknown topic';
  if (!isInt(x.difficulty, 1, 3)) return 'difficulty: expected 1, 2 or 3';
  if (x.lang !== 'en' && x.lang !== 'ja') return 'lang: expected en or ja';
  if (
    x.templates !== undefined &&
    !(Array.isArray(x.templates) && x.templates.every((t) => isText(t) && templateByName(t)))
  )
    return 'templates: unknown template';
  if (x.plan !== undefined && planProblem(x.plan, x.count as number))
    return `plan: ${planProblem(x.plan, x.count as number)}`;
  if (x.again !== undefined) {
    const again = x.again as Record<string, unknown> | null;
    if (again === null || typeof again !== 'object' || !isInt(again.after, 1, 100) || !isInt(again.most, 0, 100))
      return 'again: expected {"after": 1…100, "most": 0…100}';
  }
  return null;
}

const REASONS = ['mistake', 'missed', 'due', 'new', 'review'];

function planProblem(plan: unknown, count: number): string | null {
  if (!Array.isArray(plan) || plan.length !== count) return `expected a list of ${count} questions`;
  for (const [i, p] of plan.entries()) {
    const e = p as Record<string, unknown>;
    if (e === null || typeof e !== 'object') return `question ${i + 1}: expected an object`;
    if (!isText(e.topic) || !topicById(e.topic)) return `question ${i + 1}: unknown topic`;
    if (!isText(e.template) || !topicById(e.topic)!.templates.includes(e.template))
      return `question ${i + 1}: template not of its topic`;
    if (!isInt(e.difficulty, 1, 3)) return `question ${i + 1}: difficulty: expected 1, 2 or 3`;
    if (!REASONS.includes(e.reason as string)) return `question ${i + 1}: reason`;
  }
  return null;
}

export function eventProblem(x: Record<string, unknown>, count: number): string | null {
  if (x.type !== 'answer' && x.type !== 'hint' && x.type !== 'steps') return `type ${shown(x.type)}`;
  if (!isInt(x.question, 1, count)) return 'question: expected a question number of this session';
  if (!isText(x.ask)) return 'ask: expected an ask id';
  if (x.type === 'answer') {
    if (!['correct', 'incorrect', 'invalid', 'skipped'].includes(x.status as string)) return 'status';
    if (!isText(x.answer) || typeof x.score !== 'number') return 'answer, score';
    if (!isText(x.template) || !(typeof x.ms === 'number' && x.ms >= 0)) return 'template, ms';
    if (x.misconception !== null && !isText(x.misconception)) return 'misconception';
  }
  if (x.type === 'hint' && !isInt(x.level, 1, 100)) return 'level';
  return null;
}

const notJournal = (file: string, line: number, why: string) =>
  new InputError(
    file,
    null,
    text(
      `not a quiz journal (${why}); it is left as it is: choose another --session FILE`,
      `小テストの記録ファイルではありません（${why}）。ファイルはそのままです。別の --session FILE を指定してください`,
    ),
    line,
  );

/** Parses a journal's text. A torn last line (no newline after it) is ignored. */
export function parseJournal(content: string, file: string): Journal {
  const end = content.lastIndexOf('\n') + 1;
  const lines = content.slice(0, end).split('\n').slice(0, -1);
  let session: SessionLine | null = null;
  const events: EventLine[] = [];
  lines.forEach((raw, i) => {
    let x: unknown;
    try {
      x = JSON.parse(raw);
    } catch {
      throw notJournal(file, i + 1, 'a line that is not JSON');
    }
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw notJournal(file, i + 1, 'not a JSON object');
    const record = x as Record<string, unknown>;
    if (i === 0) {
      const problem = sessionProblem(record);
      if (problem) throw notJournal(file, 1, problem);
      session = record as unknown as SessionLine;
      return;
    }
    const problem = eventProblem(record, session!.count);
    if (problem) throw notJournal(file, i + 1, problem);
    events.push(record as unknown as EventLine);
  });
  if (session === null) {
    // Nothing or only a torn first line: a quiz that stopped before its session line was saved.
    if (unstarted(content)) {
      throw new InputError(
        file,
        null,
        text(
          'the quiz stopped before its first line was saved: there is nothing to resume; start it again without --resume',
          '小テストは最初の行を保存する前に止まりました。続けるものはありません。--resume を付けずに始め直してください',
        ),
      );
    }
    throw notJournal(file, 1, 'no session line');
  }
  return { session: session!, events, length: Buffer.byteLength(content.slice(0, end)) };
}

export function readJournal(file: string): Journal {
  const stat = statSync(file);
  if (!stat.isFile()) throw notJournal(file, 1, 'not a regular file');
  return parseJournal(readFileSync(file, 'utf8'), file);
}

/** An open journal: appends whole lines, each on disk before `append` returns. */
export interface JournalWriter {
  readonly file: string;
  append(line: JournalLine): void;
  close(): void;
}

function writer(file: string, fd: number): JournalWriter {
  let open = true;
  return {
    file,
    append(line) {
      writeSync(fd, `${JSON.stringify(line)}\n`);
      fsyncSync(fd);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** How every session line begins as the quiz writes it. */
const SESSION_START = `{"type":"session","version":${JOURNAL_VERSION},`;

/**
 * Empty, or only the torn beginning of a session line as this quiz writes one: a quiz killed while
 * creating its journal. Such a file holds nothing of anyone's, so a new session may take it.
 */
export function unstarted(content: string): boolean {
  return !content.includes('\n') && (SESSION_START.startsWith(content) || content.startsWith(SESSION_START));
}

/** A new journal at `file` (which must not exist, be empty, or be a journal that never started), its session line written. */
export function createJournal(file: string, session: SessionLine): JournalWriter {
  mkdirSync(dirname(file), { recursive: true });
  const size = existsSync(file) ? statSync(file).size : 0;
  if (size > 0 && statSync(file).isFile() && size < 64 * 1024 && unstarted(readFileSync(file, 'utf8'))) {
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 0);
    fsyncSync(fd);
    closeSync(fd);
  } else if (size > 0) {
    let journal = false;
    try {
      readJournal(file);
      journal = true;
    } catch {}
    throw new InputError(
      file,
      null,
      journal
        ? text(
            'already holds a quiz; continue it with --resume, or choose another --session FILE',
            'すでに小テストの記録があります。--resume で続けるか、別の --session FILE を指定してください',
          )
        : text(
            'exists and is not an empty file; it is left as it is: choose another --session FILE',
            '空でないファイルがすでにあります。ファイルはそのままです。別の --session FILE を指定してください',
          ),
    );
  }
  const fd = openSync(file, 'a');
  const w = writer(file, fd);
  w.append(session);
  return w;
}

/** Opens a journal to continue it: a torn last line is cut off first, so the next line starts clean. */
export function reopenJournal(file: string, journal: Journal): JournalWriter {
  const fd = openSync(file, 'r+');
  if (fstatSync(fd).size !== journal.length) {
    ftruncateSync(fd, journal.length);
    fsyncSync(fd);
  }
  closeSync(fd);
  return writer(file, openSync(file, 'a'));
}

/** The folder of the default journals: $XDG_STATE_HOME/backprop-tutor, else ~/.local/state/backprop-tutor. */
export function stateDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'backprop-tutor');
}

/** A new session's default journal: quiz-<UTC time>.jsonl in the state folder (-2, -3, … within one second). */
export function defaultJournal(env: NodeJS.ProcessEnv, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const file = join(stateDir(env), `quiz-${stamp}${n === 1 ? '' : `-${n}`}.jsonl`);
    if (!existsSync(file)) return file;
  }
}

/** The most recent default journal, for --resume without --session. */
export function latestJournal(env: NodeJS.ProcessEnv): string | null {
  const dir = stateDir(env);
  if (!existsSync(dir)) return null;
  // quiz-<stamp>.jsonl, then quiz-<stamp>-2.jsonl, … for sessions started within the same second.
  const key = (n: string): [string, number] => {
    const m = /^quiz-(.*?)(?:-(\d+))?\.jsonl$/.exec(n)!;
    return [m[1], Number(m[2] ?? 1)];
  };
  const names = readdirSync(dir)
    .filter((n) => /^quiz-.*\.jsonl$/.test(n))
    .sort((a, b) => {
      const [x, i] = key(a);
      const [y, j] = key(b);
      return x < y ? -1 : x > y ? 1 : i - j;
    });
  return names.length === 0 ? null : join(dir, names[names.length - 1]);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the journal's lock (FILE.lock holding the owner's pid); a lock left by a process that is gone
 * (a crash) is taken over. Returns the release function.
 */
export function lockJournal(file: string): () => void {
  const lock = `${file}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        try {
          unlinkSync(lock);
        } catch {}
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new InputError(
          file,
          null,
          text(
            `another quiz (process ${pid}) is using this journal; wait for it to end or choose another --session FILE`,
            `別の小テスト（プロセス ${pid}）がこの記録ファイルを使っています。終わるのを待つか、別の --session FILE を指定してください`,
          ),
        );
      }
      try {
        unlinkSync(lock);
      } catch {}
    }
  }
  throw new InputError(file, null, text('could not take the lock file', 'ロックファイルを作れませんでした'));
}
