// `backprop-tutor quiz [--topic T …] [--template NAME …] [--count N] [--difficulty 1|2|3] [--seed S]
// [--lang en|ja] [--session FILE] [--resume] [--plain]`: the quiz, saved to its journal as it goes.
// Ctrl-C and SIGTERM save (every event is already on disk), say how to resume and exit 130.
import { randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { TEMPLATES, templateByName } from '../exercises/templates/index';
import type { Difficulty } from '../exercises/types';
import { InputError } from '../network/errors';
import { exerciseBook } from '../quiz/exercises';
import type { SessionLine } from '../quiz/header';
import {
  createJournal,
  defaultJournal,
  latestJournal,
  lockJournal,
  readJournal,
  reopenJournal,
  stateDir,
  type JournalWriter,
} from '../quiz/journal';
import { runPlain, type Ending } from '../quiz/plain';
import { paintFor } from '../quiz/colour';
import { readHistory } from '../quiz/history';
import { ADAPTIVE, runInteractive, topicPicker } from '../quiz/interactive';
import { AGAIN, sessionQuestions } from '../quiz/again';
import { adaptivePlan, raisedDifficulty } from '../quiz/next';
import { profileOf } from '../quiz/profile';
import { foldEvents, streakBefore } from '../quiz/session';
import { summaryText } from '../quiz/summary';
import { TOPICS, topicById } from '../quiz/topics';
import { wrapped, type Quiz } from '../quiz/turn';
import { WORDS } from '../quiz/words';
import { pick, type Lang } from '../text/lang';
import { QUIZ } from './commands';
import { QUIZ as MESSAGES } from './messages';
import { parseCommand } from './parse';
import { OutputError, outputError } from './output';
import { UsageError } from './usage-error';

const DEFAULT_COUNT = 5;
const RANDOM_SEED_LIMIT = 1_000_000;
/** The exit code of a quiz stopped by Ctrl-C or SIGTERM (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;

const shellQuote = (s: string) => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function resumeCommand(file: string): string {
  return `backprop-tutor quiz --session ${shellQuote(file)} --resume`;
}

interface Opened {
  readonly session: SessionLine;
  readonly journal: JournalWriter;
  readonly events: ReturnType<typeof readJournal>['events'];
  readonly release: () => void;
}

/** A failed read or write of the journal or its lock (an errno): one line naming the journal and the reason. */
function journalError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? outputError(file, error) : error;
}

/** The journal's writer, its failed appends (a disk filling up half-way) reported as `journalError`s. */
function reporting(journal: JournalWriter): JournalWriter {
  return {
    file: journal.file,
    append(line) {
      try {
        journal.append(line);
      } catch (error) {
        throw journalError(journal.file, error);
      }
    },
    close() {
      try {
        journal.close();
      } catch (error) {
        throw journalError(journal.file, error);
      }
    },
  };
}

const isFolder = (file: string): boolean => {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
};

function openSession(
  values: ReturnType<typeof parseCommand<typeof QUIZ>>['values'],
  picked: readonly string[],
): Opened {
  if (values.session === '') throw new OutputError('', MESSAGES.emptySession, 2);
  const file = values.resume
    ? (values.session ?? latestJournal(process.env))
    : (values.session ?? defaultJournal(process.env, new Date()));
  // A folder (or a name ending in a slash) is never a journal: nothing is created for it, not even the lock.
  if (file !== null && (/[\\/]$/.test(file) || isFolder(file))) throw outputError(file, { code: 'EISDIR' });
  try {
    const opened = openJournal(values, picked, file);
    return { ...opened, journal: reporting(opened.journal) };
  } catch (error) {
    throw file === null ? error : journalError(file, error);
  }
}

function openJournal(
  values: ReturnType<typeof parseCommand<typeof QUIZ>>['values'],
  picked: readonly string[],
  file: string | null,
): Opened {
  if (values.resume) {
    const given = (['topic', 'template'] as const).filter((k) => values[k].length > 0).map((k) => `--${k}`);
    for (const k of ['count', 'difficulty', 'seed'] as const) if (values[k] !== undefined) given.push(`--${k}`);
    if (given.length > 0) throw new UsageError(MESSAGES.resumeWith(given.join(', ')));
    if (file === null) throw new UsageError(MESSAGES.noJournal(stateDir(process.env)));
    if (!existsSync(file)) throw new InputError(file, null, MESSAGES.noSuchJournal);
    const release = lockJournal(file);
    try {
      const read = readJournal(file);
      return { session: read.session, events: read.events, journal: reopenJournal(file, read), release };
    } catch (error) {
      release();
      throw error;
    }
  }
  for (const t of values.topic)
    if (!topicById(t)) throw new UsageError(MESSAGES.unknownTopic(t, TOPICS.map((x) => x.id).join(', ')));
  for (const t of values.template)
    if (!templateByName(t)) throw new UsageError(MESSAGES.unknownTemplate(t, TEMPLATES.map((x) => x.name).join(', ')));
  const seed = values.seed ?? randomInt(RANDOM_SEED_LIMIT);
  const count = values.count ?? DEFAULT_COUNT;
  const fixed = values.difficulty === undefined ? undefined : (Number(values.difficulty) as Difficulty);
  const chosen = picked.filter((t) => t !== ADAPTIVE);
  // Neither --topic nor --template (nor topics alone in the picker): the profile decides what comes next.
  const adaptive =
    values.topic.length === 0 && values.template.length === 0 && (picked.length === 0 || picked.includes(ADAPTIVE));
  const topics =
    values.topic.length > 0 ? [...new Set(values.topic)] : chosen.length > 0 ? chosen : TOPICS.map((t) => t.id);
  const session: SessionLine = {
    type: 'session',
    version: 1,
    seed,
    count,
    topics,
    difficulty: fixed ?? 1,
    lang: values.lang,
    ...(values.template.length > 0 ? { templates: [...new Set(values.template)] } : {}),
    ...(adaptive
      ? {
          plan: adaptivePlan(profileOf(readHistory(stateDir(process.env)).sessions), {
            seed,
            count,
            pool: topics,
            fixed,
          }),
          again: AGAIN,
        }
      : {}),
  };
  const release = lockJournal(file!);
  try {
    return { session, events: [], journal: createJournal(file!, session), release };
  } catch (error) {
    release();
    throw error;
  }
}

function lineReader(): { readLine: () => Promise<string | null>; close: () => void } {
  const rl = createInterface({ input: process.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const lines = rl[Symbol.asyncIterator]();
  return {
    readLine: async () => {
      const next = await lines.next();
      return next.done ? null : next.value;
    },
    close: () => rl.close(),
  };
}

export async function quizCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(QUIZ, args);
  const interactive = !values.plain && process.stdin.isTTY === true && process.stdout.isTTY === true;
  // @inquirer is loaded only here, for a quiz at a terminal.
  const prompts = interactive ? await import('@inquirer/prompts') : null;
  let picked: string[] = [];
  if (prompts && !values.resume && values.topic.length === 0 && values.template.length === 0) {
    try {
      picked = await prompts.checkbox({ ...topicPicker(values.lang), choices: [...topicPicker(values.lang).choices] });
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError') return INTERRUPTED;
      throw error;
    }
  }
  const opened = openSession(values, picked);
  const { session, journal, release } = opened;
  const lang: Lang = session.lang;
  const say = (message: string) => process.stdout.write(message);
  // What the quiz writes is wrapped to the terminal (80 columns when the output is not one).
  const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;

  // The journal's path and the command to resume stay on one line, so that they copy whole (a
  // terminal folds a long line without breaking it; a newline would cut the command).
  const leave = () => {
    say(`${pick(WORDS.saved(journal.file), lang)}\n${pick(WORDS.resumeWith(resumeCommand(journal.file)), lang)}\n`);
  };
  const stop = () => {
    say('\n');
    leave();
    journal.close();
    release();
    process.exit(INTERRUPTED);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', release);

  // Question q when it first comes up: a missed one may come back in its place (again.ts).
  const questionAt = (q: number) => sessionQuestions(session, quiz.state, q)[q - 1];
  // An adaptive session's question is harder after a streak: decided when the question first comes up.
  const raised = session.plan
    ? (q: number) => raisedDifficulty(questionAt(q).difficulty, streakBefore(quiz.state, q))
    : undefined;
  const quiz: Quiz = {
    state: foldEvents(session, opened.events),
    exercise: exerciseBook(questionAt, lang, raised),
    journal,
    width,
    now: () => new Date(),
  };
  const from = session.plan ? pick(WORDS.adaptive, lang) : (session.templates?.join(', ') ?? session.topics.join(', '));
  say(wrapped(width, pick(WORDS.start(session.count, from, session.seed), lang)));
  const clock = () => performance.now();
  let ending: Ending;
  if (prompts) {
    try {
      ending = await runInteractive(quiz, prompts, say, paintFor(true, process.env), clock);
    } catch (error) {
      // Ctrl-C at a prompt: everything is saved already.
      if ((error as Error).name === 'ExitPromptError') stop();
      throw error;
    }
  } else {
    const reader = lineReader();
    ending = await runPlain(quiz, { readLine: reader.readLine, write: say, clock });
    reader.close();
  }
  if (ending === 'finished')
    say(
      `\n${summaryText(quiz.state, sessionQuestions(session, quiz.state), lang, width)}${pick(WORDS.saved(journal.file), lang)}\n`,
    );
  else leave();
  journal.close();
  release();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return 0;
}
