// Reads a YAML or JSON file into plain data whose scalars are all *strings* (YAML's failsafe schema),
// so that `0.15` reaches the exact parser as the text "0.15" and never as a binary float.
// Keeps the parsed document so that errors can name the line of a field.
import { LineCounter, parseDocument, type Document, type ErrorCode } from 'yaml';
import type { Text } from '../text/lang';
import { outOfBounds, textBreach } from './bounds';
import { InputError, fieldPath } from './errors';
import { FileLimitError, LIMIT_WORDS, readCapped } from './limits';

export type Path = readonly (string | number)[];

export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** The line (1-based) where the value at `path` starts, or of its nearest present parent. */
  lineOf(path: Path): number | null;
}

export function readSource(file: string): Source {
  let text: string;
  try {
    text = readCapped(file);
  } catch (error) {
    if (error instanceof FileLimitError) throw new InputError(file, null, error.why);
    const code = (error as NodeJS.ErrnoException).code;
    const why: Text =
      code === 'ENOENT'
        ? { en: 'no such file', ja: 'ファイルが見つかりません' }
        : code === 'EISDIR'
          ? { en: 'is a directory, expected a file', ja: 'ディレクトリです。ファイルを指定してください' }
          : { en: `cannot be read (${code ?? String(error)})`, ja: `読み込めません（${code ?? String(error)}）` };
    throw new InputError(file, null, why);
  }
  return parseSource(file, text);
}

export function parseSource(file: string, text: string): Source {
  const breach = textBreach(text);
  if (breach?.limit === 'nesting') throw new InputError(file, null, LIMIT_WORDS.nesting, breach.line);
  if (breach?.limit === 'values') throw new InputError(file, null, LIMIT_WORDS.values(breach.count));
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    // linePos is only filled in with prettyErrors; the line counter gives the line either way.
    const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
    // The parser's own recursion ran out before the nesting limit could be checked on the data.
    if (/call stack/i.test(error.message)) throw new InputError(file, null, LIMIT_WORDS.nesting, line);
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const what = YAML_ERRORS_JA[error.code];
    throw new InputError(
      file,
      null,
      {
        en: `not valid YAML or JSON: ${message}`,
        ja: `YAML または JSON として正しくありません: ${what ? `${what}（${message}）` : message}`,
      },
      line,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new InputError(file, null, LIMIT_WORDS.nesting);
    }
    // yaml refuses to expand an alias bomb (a few lines that would become millions of values).
    if (!(error instanceof ReferenceError)) throw error;
    throw new InputError(file, null, {
      en: 'too many YAML aliases (*name)',
      ja: 'YAML のエイリアス（*名前）が多すぎます',
    });
  }
  const source: Source = {
    file,
    data,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return null;
    },
  };
  const over = outOfBounds(data);
  if (over) fail(source, over.path, over.why);
  return source;
}

/** The Japanese for the parser's most common complaints; its English detail follows in brackets. */
const YAML_ERRORS_JA: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'インデントか閉じ括弧が正しくありません',
  MISSING_CHAR: '閉じ括弧・引用符などが足りません',
  DUPLICATE_KEY: '同じキーが2回書かれています',
  TAB_AS_INDENT: 'インデントにタブは使えません',
  BLOCK_AS_IMPLICIT_KEY: 'マッピングの書き方が正しくありません',
  MULTILINE_IMPLICIT_KEY: 'キーは1行に書いてください',
  MULTIPLE_DOCS: '文書（---）が複数あります。1つにしてください',
  BAD_DQ_ESCAPE: '"…" の中のエスケープ（\\）が正しくありません',
  UNEXPECTED_TOKEN: '予期しない文字があります',
  BAD_SCALAR_START: '値の書き始めが正しくありません',
  BAD_ALIAS: 'エイリアス（*名前）が正しくありません',
};

/** Throws an InputError for `path` in `source`, with its line. */
export function fail(source: Source, path: Path, expected: string | Text): never {
  throw new InputError(source.file, fieldPath(path) || null, expected, source.lineOf(path));
}
