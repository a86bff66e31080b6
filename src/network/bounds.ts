// The limits every parsed file is held to before any loader reads it: how deep its lists and mappings
// nest and how large its number literals are. One walk over the plain data, without recursion, so that
// a hostile file is refused at the first value over a limit, with its field and line.
import { LIMITS, literalBreach } from '../number/limits';
import type { Text } from '../text/lang';
import { LIMIT_WORDS } from './limits';

export type BoundsPath = readonly (string | number)[];

export interface OutOfBounds {
  readonly path: BoundsPath;
  readonly why: Text;
}

/** The first value of `data` (in file order) nested too deep or written with too large a literal. */
export function outOfBounds(data: unknown): OutOfBounds | null {
  const stack: { value: unknown; path: BoundsPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const breach = literalBreach(value);
      if (breach) return { path, why: LIMIT_WORDS.literal(breach) };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= LIMITS.nesting) return { path, why: LIMIT_WORDS.nesting };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value as Record<string, unknown>);
    // Pushed last to first, so that the first value in the file is judged first.
    for (let k = entries.length - 1; k >= 0; k--) stack.push({ value: entries[k][1], path: [...path, entries[k][0]] });
  }
  return null;
}

/** What a look at the text finds before parsing: flow brackets nested far too deep, or too many values. */
export type TextBreach =
  | { readonly limit: 'nesting'; readonly line: number }
  | { readonly limit: 'values'; readonly count: number };

/**
 * A cheap look at the text before the YAML parser works on it (it takes seconds for 300,000 nested
 * brackets or a million numbers): unquoted flow brackets ([ and {) opened more than a few times the
 * nesting limit, or more values than LIMITS.values, counted as separators (commas and non-blank lines)
 * outside quoted text and comments. The exact nesting limit is held on the parsed data.
 */
export function textBreach(text: string): TextBreach | null {
  const threshold = 4 * LIMITS.nesting;
  let depth = 0;
  let line = 1;
  let items = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!blank) items++;
      blank = true;
      line++;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) blank = false;
    if (c === 0x5b || c === 0x7b) {
      if (++depth > threshold) return { limit: 'nesting', line };
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x2c) items++;
    else if (c === 0x22 || c === 0x27) {
      // Skip a quoted string ("…" with \ escapes, '…' with '' for a quote) on its own terms.
      const quote = c;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 10) line++;
        if (quote === 0x22 && d === 0x5c) i++;
        else if (d === quote) break;
      }
    } else if (c === 0x23 && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
    }
    if (items > LIMITS.values) return { limit: 'values', count: countItems(text) };
  }
  return null;
}

/** Commas and non-blank lines of the whole text, for the message (quoted text and comments included). */
function countItems(text: string): number {
  let n = 0;
  for (const row of text.split('\n')) if (row.trim() !== '') n += 1 + (row.match(/,/g)?.length ?? 0);
  return n;
}
