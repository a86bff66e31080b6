// Reads a YAML or JSON file into plain data whose scalars are all *strings* (YAML's failsafe schema),
// so that `0.15` reaches the exact parser as the text "0.15" and never as a binary float.
// Keeps the parsed document so that errors can name the line of a field.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, fieldPath } from './errors';

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
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(error)})`;
    throw new InputError(file, null, why);
  }
  return parseSource(file, text);
}

export function parseSource(file: string, text: string): Source {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    // linePos is only filled in with prettyErrors; the line counter gives the line either way.
    const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(file, null, `not valid YAML or JSON: ${message}`, line);
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  return {
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
}

/** Throws an InputError for `path` in `source`, with its line. */
export function fail(source: Source, path: Path, expected: string): never {
  throw new InputError(source.file, fieldPath(path) || null, expected, source.lineOf(path));
}
