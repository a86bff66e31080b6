// One error type for every bad input file: it knows the file, the line, the field and what was expected,
// so the CLI can print a single clear line and exit 2 without a stack trace.
// What was expected is kept in every language (--lang ja prints the Japanese); `message` stays English,
// as the library's callers and logs rely on it.
import type { Lang, Text } from '../text/lang';
import { echo, escapeTerminal } from '../text/escape';

/** One text in every language: the project's bilingual Text, under the name the file loaders' callers know. */
export type Localized = Text;

/** A text in both languages; a plain string is the same in both (e.g. a message from a library). */
export function localize(text: string | Text): Text {
  return typeof text === 'string' ? { en: text, ja: text } : text;
}

export class InputError extends Error {
  /** What was expected, in English (as in `message`). */
  readonly expected: string;
  /** What was expected, in every language. */
  readonly expectedText: Text;

  constructor(
    readonly file: string,
    readonly field: string | null,
    expected: string | Text,
    readonly line: number | null = null,
  ) {
    const text = localize(expected);
    super(formatInputError(file, field, text.en, line));
    this.name = 'InputError';
    this.expected = text.en;
    this.expectedText = text;
  }

  /** The message in `lang`: the same `file:line: field: ` prefix, what was expected in that language. */
  messageIn(lang: Lang): string {
    return formatInputError(this.file, this.field, this.expectedText[lang], this.line);
  }
}

export function formatInputError(file: string, field: string | null, expected: string, line: number | null): string {
  // The file name is the user's own; a key or value from inside the file is echoed where it is built.
  const where = line === null ? escapeTerminal(file) : `${escapeTerminal(file)}:${line}`;
  return field ? `${where}: ${field}: ${expected}` : `${where}: ${expected}`;
}

/** Renders a path such as ['layers', 1, 'weights'] as `layers[1].weights`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? echo(key) : `.${echo(key)}`;
  }
  return out;
}
