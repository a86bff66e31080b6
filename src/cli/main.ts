#!/usr/bin/env node
// The command-line entry: picks the command and maps errors to exit codes. Each command is loaded
// with a dynamic import so that heavy dependencies load only for the command that needs them.
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../network/errors';
import { OutOfRangeError } from '../number/value';
import { echo, escapeTerminal } from '../text/escape';
import { pick, type Lang } from '../text/lang';
import { HELP_FLAGS, VERSION_FLAGS, type CommandName } from './commands';
import { MAIN } from './messages';
import { OutputError, outputError } from './output';
import { UsageError } from './usage-error';
import { cliLang, envLang, langFlag, LANG_ENV } from './lang';
import pkg from '../../package.json';

// A CLI run lasts a fraction of a second: V8's optimising compiler would spend more time compiling
// KaTeX and the engine than the optimised code saves (measured: cold HTML render 4.3× → 3.8× node -e 0).
setFlagsFromString('--no-opt');

/** The command word and the rest: `--lang X` may also come before the command (`backprop-tutor --lang ja solve …`). */
function splitCommand(argv: string[]): { command: string | undefined; given: string[] } {
  const leading: string[] = [];
  let args = argv;
  while (args[0] === '--lang' || args[0]?.startsWith('--lang=')) {
    const n = args[0] === '--lang' ? 2 : 1;
    leading.push(...args.slice(0, n));
    args = args.slice(n);
  }
  const [command, ...after] = args;
  return { command, given: [...leading, ...after] };
}

const isCommand = (word: string | undefined): word is CommandName => word !== undefined && Object.hasOwn(RUN, word);

async function run(argv: string[], lang: Lang): Promise<number> {
  const { command, given } = splitCommand(argv);
  if (command !== undefined && VERSION_FLAGS.includes(command)) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  // After the command only the flags count (`explain help` would be a topic).
  if (
    command === undefined ||
    HELP_FLAGS.includes(command) ||
    given.some((arg) => arg.startsWith('-') && HELP_FLAGS.includes(arg))
  ) {
    // The usage text is built from the command table only when it is printed; `CMD --help` is CMD's part.
    const { commandUsage, usage } = await import('./usage');
    process.stdout.write(isCommand(command) ? commandUsage(command, lang) : usage(lang));
    return 0;
  }
  // BACKPROP_TUTOR_LANG is the default --lang of every command (an explicit --lang wins).
  const fromEnv = envLang(process.env);
  let rest = given;
  if (fromEnv !== null && langFlag(given) === null && !command.startsWith('-')) {
    if (fromEnv !== 'en' && fromEnv !== 'ja') {
      throw new UsageError(MAIN.badEnvLang(LANG_ENV, echo(fromEnv)));
    }
    rest = ['--lang', fromEnv, ...given];
  }
  if (!isCommand(command)) throw new UsageError(MAIN.unknownCommand(echo(command)));
  return RUN[command](rest);
}

/** Each command's module, loaded only when it runs. */
const RUN: Readonly<Record<CommandName, (args: string[]) => Promise<number>>> = {
  solve: async (args) => (await import('./solve')).solveCommand(args),
  explain: async (args) => (await import('./explain')).explainCommand(args),
  exercise: async (args) => (await import('./exercise')).exerciseCommand(args),
  check: async (args) => (await import('./check')).checkCommand(args),
  quiz: async (args) => (await import('./quiz')).quizCommand(args),
  practice: async (args) => (await import('./practice')).practiceCommand(args),
  stats: async (args) => (await import('./stats')).statsCommand(args),
  generate: async (args) => (await import('./generate')).generateCommand(args),
  grade: async (args) => (await import('./grade')).gradeCommand(args),
  key: async (args) => (await import('./key')).keyCommand(args),
  export: async (args) => (await import('./export')).exportCommand(args),
};

/** Set to 1 for a bug report: an internal error then shows its stack. */
const DEBUG_ENV = 'BACKPROP_TUTOR_DEBUG';

/** Whether a bug report is wanted: the stack of an internal error is shown only then. */
const debug = (): boolean => process.env[DEBUG_ENV] === '1';

/** One line on stderr, whatever slipped into the message (a newline, an escape, a bidi override) shown as U+XXXX. */
const sayError = (message: string): void => {
  process.stderr.write(`backprop-tutor: ${escapeTerminal(message)}\n`);
};

async function report(error: unknown, lang: Lang): Promise<number> {
  if (error instanceof InputError) {
    sayError(error.messageIn(lang));
    return 2;
  }
  if (error instanceof OutputError) {
    sayError(error.messageIn(lang));
    return error.exitCode;
  }
  if (error instanceof UsageError || String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
    const { commandUsage, usage, usageMessage } = await import('./usage');
    sayError(usageMessage(error as Error, lang));
    const { command } = splitCommand(argv);
    process.stderr.write(`\n${isCommand(command) ? commandUsage(command, lang) : usage(lang)}`);
    return 2;
  }
  if (error instanceof OutOfRangeError) {
    // Values far beyond hand computation (e.g. weights of 10^20): a clear message, not a stack trace.
    sayError(pick(MAIN.outOfRange(error.message, error.exponent, error.tooSmall), lang));
    return 2;
  }
  return internalError(error, lang);
}

/** A bug: one line, and the stack only for a bug report (BACKPROP_TUTOR_DEBUG=1). */
function internalError(error: unknown, lang: Lang): number {
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  sayError(
    `${pick(MAIN.internal, lang)}: ${echo(message, 300)}${debug() ? '' : pick(MAIN.debugHint(DEBUG_ENV), lang)}`,
  );
  if (debug()) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

// Standard output fails only at a write: `… | head` closes the pipe early, which is the reader's
// choice, not an error; a full disk (`> /dev/full`) or a device error is one line and exit 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  const failed = outputError(null, error);
  sayError(failed.messageIn(lang));
  process.exit(failed.exitCode);
});

const argv = process.argv.slice(2);
const lang = cliLang(argv, process.env);
// Whatever escapes the command's promise (an error in a callback or a stream) is still one line.
process.on('uncaughtException', (error) => process.exit(internalError(error, lang)));
process.on('unhandledRejection', (error) => process.exit(internalError(error, lang)));
run(argv, lang).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.exitCode = await report(error, lang);
  },
);
