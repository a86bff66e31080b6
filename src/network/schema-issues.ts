// The one way every input file is checked: a valibot schema over the parsed source (scalars as text),
// whose first issue becomes one InputError `file:line: field: expected …` in English and Japanese.
// valibot carries a message as a string, so a schema's message is both languages packed into one
// string by `says`; `validate` unpacks it, adds what the file has instead, and names the field.
import * as v from 'valibot';
import type { Text } from '../text/lang';
import { InputError, fieldPath, localize } from './errors';
import type { Path, Source } from './source';
import { quoted } from '../text/escape';

/** What a message asks of the issue: show what the file has (`, got "x"`), or name the mapping, not the key. */
interface Said {
  readonly text: Text;
  readonly got: boolean;
  readonly atMapping: boolean;
}

const PACKED = '\u0000said:';

/**
 * A valibot message in both languages. `got`: append what the file has instead (default true);
 * `atMapping`: report the issue at the mapping that holds the key (for a missing field named in the text).
 */
export function says(text: Text, options: { got?: boolean; atMapping?: boolean } = {}): string {
  const said: Said = { text, got: options.got ?? true, atMapping: options.atMapping ?? false };
  return PACKED + JSON.stringify(said);
}

function unpack(message: string): Said | null {
  return message.startsWith(PACKED) ? (JSON.parse(message.slice(PACKED.length)) as Said) : null;
}

/** What the file has instead, e.g. `, got "sigmod"` / `（指定値: "sigmod"）`. */
function received(input: unknown): Text {
  if (typeof input === 'string' && input !== '') return got(quoted(input));
  if (Array.isArray(input)) return { en: ', got a list', ja: '（指定値: リスト）' };
  if (input !== null && typeof input === 'object') return { en: ', got a mapping', ja: '（指定値: マッピング）' };
  return { en: ', got nothing', ja: '（値がありません）' };
}

export const got = (shown: string): Text => ({ en: `, got ${shown}`, ja: `（指定値: ${shown}）` });

/** `expected X` / `Xを指定してください`, for a thing named in both languages. */
export const expected = (what: Text): Text => ({ en: `expected ${what.en}`, ja: `${what.ja}を指定してください` });

const MISSING: Text = { en: 'missing required field', ja: '必須のフィールドがありません' };

/** `unknown field (a node has name, op, args)` / `不明なフィールドです（ノードのフィールドは name, op, args）`. */
export function unknownField(what: Text, fields: string | Text): Text {
  const list = localize(fields);
  return {
    en: `unknown field (${what.en} has ${list.en})`,
    ja: `不明なフィールドです（${what.ja}のフィールドは ${list.ja}）`,
  };
}

/** `missing required field "args" (a node has name, op, args)`, reported at the mapping. */
export function missingField(key: string, what: Text, fields: string): Text {
  return {
    en: `missing required field "${key}" (${what.en} has ${fields})`,
    ja: `必須のフィールド "${key}" がありません（${what.ja}のフィールドは ${fields}）`,
  };
}

export const isMapping = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

interface MappingMessages {
  /** When the value is not a mapping (a list, a text): what was expected. */
  readonly expected: Text;
  /** Show what the file has instead of a mapping (default true). */
  readonly got?: boolean;
  /** For a key the mapping does not have. */
  readonly unknown: Text;
  /** For a required key that is absent; reported at the mapping. Default: MISSING at the key. */
  readonly missing?: (key: string) => Text;
  /** Unknown keys are allowed (kept as they are). */
  readonly loose?: boolean;
}

/** A mapping (never a list) with exactly these fields; unknown and missing fields are named. */
export function mapping<const E extends v.ObjectEntries>(entries: E, messages: MappingMessages) {
  const keyMessage = (issue: v.BaseIssue<unknown>): string => {
    if (issue.expected === 'never') return says(messages.unknown, { got: false });
    const key = String(issue.path?.[issue.path.length - 1]?.key ?? '');
    return messages.missing
      ? says(messages.missing(key), { got: false, atMapping: true })
      : says(MISSING, { got: false });
  };
  const isA = v.custom<Record<string, unknown>>(isMapping, says(messages.expected, { got: messages.got ?? true }));
  return v.pipe(isA, messages.loose ? v.looseObject(entries, keyMessage) : v.strictObject(entries, keyMessage));
}

type Issue = v.BaseIssue<unknown>;

const keysOf = (issue: Issue): (string | number)[] => (issue.path ?? []).map((item) => item.key as string | number);

/** Whether an issue is about a field's presence: one the mapping does not have, or one that is absent. */
function fieldIssue(issue: Issue): 'unknown' | 'missing' | null {
  const last = issue.path?.[issue.path.length - 1];
  if (
    issue.kind !== 'schema' ||
    last?.origin !== 'key' ||
    !['strict_object', 'loose_object', 'object'].includes(issue.type)
  )
    return null;
  return issue.expected === 'never' ? 'unknown' : 'missing';
}

const isPrefix = (prefix: readonly unknown[], path: readonly unknown[]) =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/**
 * The issue to report: the first one, unless a mapping that holds it (or it itself) has an unknown
 * field — then the outermost such field: a misspelt key is also a missing one, and the typo is the news.
 */
function firstIssue(issues: readonly [Issue, ...Issue[]]): Issue {
  const firstPath = keysOf(issues[0]);
  let best: { issue: Issue; depth: number } | null = null;
  for (const issue of issues) {
    if (fieldIssue(issue) !== 'unknown') continue;
    const holder = keysOf(issue).slice(0, -1);
    if (isPrefix(holder, firstPath) && (!best || holder.length < best.depth)) best = { issue, depth: holder.length };
  }
  return best?.issue ?? issues[0];
}

/** The InputError for a valibot issue: field path, line, what was expected and what the file has. */
export function issueError(source: Source, issue: Issue): InputError {
  let path: Path = keysOf(issue);
  const said = unpack(issue.message);
  let text: Text;
  if (said) {
    if (said.atMapping) path = path.slice(0, -1);
    const instead = received(issue.input);
    text = said.got ? { en: `${said.text.en}${instead.en}`, ja: `${said.text.ja}${instead.ja}` } : said.text;
  } else {
    // A message without both languages (a schema that did not say): still one clear line.
    text = fieldIssue(issue) === 'missing' ? MISSING : localize(issue.message);
  }
  return new InputError(source.file, fieldPath(path) || null, text, source.lineOf(path));
}

/** Checks the source's data against `schema`; throws one InputError for the first problem. */
export function validate<const S extends v.GenericSchema>(source: Source, schema: S): v.InferOutput<S> {
  const result = v.safeParse(schema, source.data);
  if (result.success) return result.output;
  throw issueError(source, firstIssue(result.issues));
}
