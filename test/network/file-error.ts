// The one error shape of every input file: `file:line: field: expected …`, and in Japanese (--lang ja)
// the same `file:line: field: ` prefix followed by Japanese only.
import { expect } from 'vitest';
import { InputError } from '../../src/network/errors';

/** The InputError that `load` throws for `text`. */
export function errorOf(load: (text: string) => unknown, text: string): InputError {
  try {
    load(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected an InputError for:\n${text}`);
}

/** English: the prefix, then what was expected. Japanese: the same prefix, then Japanese words only. */
export function expectFileError(error: InputError, prefix: string, english: RegExp): void {
  expect(error.message.startsWith(prefix), `"${error.message}" should start with "${prefix}"`).toBe(true);
  expect(error.message.slice(prefix.length)).toMatch(english);
  expect(error.message).not.toContain('\n');
  const ja = error.messageIn('ja');
  expect(ja.startsWith(prefix), `"${ja}" should start with "${prefix}"`).toBe(true);
  expect(ja).not.toContain('\n');
  // Field names (`expected` is one of an exercise's) and commands stay as they are written in the file.
  const words = ja
    .slice(prefix.length)
    .replace(/`[^`]*`/g, '')
    .replace(/\bexpected(?= を持つ)/g, '');
  expect(words, ja).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
  expect(words, ja).not.toMatch(
    /\b(expected|got|must|unknown|missing|field|only|needs|takes|rows?|numbers?|a list|mapping|such|nothing|bad|used|twice)\b/i,
  );
}
