// The language of the CLI's own words (error messages, usage): the command line's --lang, else the
// BACKPROP_TUTOR_LANG environment variable, else English. Decided before the command runs, so that
// even an error in parsing the command line is reported in the user's language.
// Only the list of languages is imported here (not the dictionaries): this runs at every start.
import { LANGS, type Lang } from '../text/lang';

const isLang = (text: string): text is Lang => (LANGS as readonly string[]).includes(text);

export const LANG_ENV = 'BACKPROP_TUTOR_LANG';

/** The value of the last `--lang X` or `--lang=X` before a `--` (parseArgs keeps the last one too), or null. */
export function langFlag(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) found = argv[++i];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found;
}

/** BACKPROP_TUTOR_LANG as given (trimmed, lower case), or null when unset or empty. */
export function envLang(env: NodeJS.ProcessEnv): string | null {
  const value = env[LANG_ENV]?.trim().toLowerCase();
  return value ? value : null;
}

/** The language for messages; a value that is not en or ja counts as not given (the command rejects it). */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (const value of [langFlag(argv), envLang(env)]) {
    if (value !== null && isLang(value)) return value;
  }
  return 'en';
}
