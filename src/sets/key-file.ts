// Reads a class key (key.json, as `generate` writes it) back for grading. It is an input file like any
// other: its structure is checked by a valibot schema, each question by the exercise loader of the
// grader (the same checks `check` makes), and a problem is one `file:line: field:` error. A class key
// is larger than a single exercise (about 3.5 kB per question and student), so it has its own cap.
import { readFileSync, statSync } from 'node:fs';
import * as v from 'valibot';
import { exerciseFromSource, type LoadedExercise } from '../grader/exercise-file';
import { InputError } from '../network/errors';
import { expected, mapping, says, validate } from '../network/schema-issues';
import { parseSource, type Path, type Source } from '../network/source';
import { STUDENT_ID } from './roster';
import type { Text } from '../text/lang';

/** Largest key.json read: 1,000 students × 10 questions with room to spare. */
export const MAX_KEY_BYTES = 64_000_000;

export interface KeyQuestion {
  readonly loaded: LoadedExercise;
  readonly points: number;
}

export interface KeyStudent {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly questions: readonly KeyQuestion[];
}

export interface ClassKey {
  readonly file: string;
  readonly title: string;
  readonly setSeed: string;
  readonly students: readonly KeyStudent[];
}

const str = (what: Text) => v.string(says(expected(what)));

const StudentSchema = mapping(
  {
    id: v.pipe(
      str({ en: 'a student id', ja: '学生 ID' }),
      v.regex(
        STUDENT_ID,
        says({
          en: 'expected a student id of letters, digits, -, _ and . (not first), at most 64 characters',
          ja: '学生 ID は英数字、-、_、.（先頭以外）からなる64文字以内にしてください',
        }),
      ),
    ),
    name: str({ en: 'a name (a text)', ja: '氏名（文字列）' }),
    code: str({ en: 'a code (a text)', ja: 'コード（文字列）' }),
    questions: v.pipe(
      v.array(v.unknown(), says(expected({ en: 'a list of questions', ja: '問題のリスト' }))),
      v.minLength(1, says({ en: 'expected at least one question', ja: '問題が少なくとも1つ必要です' }, { got: false })),
    ),
  },
  {
    expected: expected({
      en: 'a student: a mapping with id, name, code and questions',
      ja: '学生（id, name, code, questions を持つマッピング）',
    }),
    unknown: { en: 'unknown field', ja: '不明なフィールドです' },
  },
);

const KeySchema = mapping(
  {
    title: str({ en: 'a title (a text)', ja: 'タイトル（文字列）' }),
    set_seed: v.pipe(
      str({ en: 'the set seed (an integer)', ja: 'セットのシード（整数）' }),
      v.regex(/^\d{1,10}$/, says(expected({ en: 'the set seed (an integer)', ja: 'セットのシード（整数）' }))),
    ),
    students: v.pipe(
      v.array(StudentSchema, says(expected({ en: 'a list of students', ja: '学生のリスト' }))),
      v.minLength(1, says({ en: 'expected at least one student', ja: '学生が少なくとも1人必要です' }, { got: false })),
    ),
  },
  {
    expected: {
      en: 'expected a class key: a mapping with title, set_seed and students (the key.json that generate writes)',
      ja: 'クラスの解答ファイル（title, set_seed, students を持つマッピング。generate が書き出す key.json）を指定してください',
    },
    got: false,
    unknown: { en: 'unknown field', ja: '不明なフィールドです' },
  },
);

const POINTS = /^(?:0|[1-9]\d{0,5})(?:\.\d{1,2})?$/;

function part(source: Source, at: Path): Source {
  let data: unknown = source.data;
  for (const key of at) data = (data as Record<string | number, unknown>)[key];
  return { file: source.file, data, lineOf: (path) => source.lineOf([...at, ...path]) };
}

/** An error inside a question, named from the top of the key (`students[2].questions[0].asks[1].id`). */
function within<T>(head: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const field =
      error.field === null ? head : error.field.startsWith('[') ? head + error.field : `${head}.${error.field}`;
    throw new InputError(error.file, field, error.expectedText, error.line);
  }
}

function readKeyText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      throw new InputError(file, null, {
        en: 'is a directory, expected a file',
        ja: 'ディレクトリです。ファイルを指定してください',
      });
    if (!stat.isFile())
      throw new InputError(file, null, {
        en: 'is not a regular file (a pipe or device); save the key to a file',
        ja: '通常のファイルではありません（パイプまたはデバイス）。解答ファイルを保存してから指定してください',
      });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      null,
      code === 'ENOENT'
        ? { en: 'no such file', ja: 'ファイルが見つかりません' }
        : { en: `cannot be read (${code ?? String(error)})`, ja: `読み込めません（${code ?? String(error)}）` },
    );
  }
  if (size > MAX_KEY_BYTES)
    throw new InputError(file, null, {
      en: `is larger than the limit of ${MAX_KEY_BYTES.toLocaleString('en')} bytes for a class key`,
      ja: `クラスの解答ファイルの上限 ${MAX_KEY_BYTES.toLocaleString('en')} バイトを超えています`,
    });
  return readFileSync(file, 'utf8');
}

export function loadKey(file: string): ClassKey {
  return parseKey(readKeyText(file), file);
}

/**
 * The key's data read as JSON with every number as its text, as the YAML reader gives it, or null
 * when that could change a value: a number other than a whole one, except `points` (at most two
 * decimals, which a double holds exactly as written). JSON.parse is many times faster than the YAML
 * reader on a class's key; the YAML reader is kept for the line of an error.
 */
function jsonData(text: string): unknown {
  let exact = true;
  const data = JSON.parse(text, (name, value) => {
    if (typeof value !== 'number') return value;
    if (!Number.isSafeInteger(value) && name !== 'points') exact = false;
    return String(value);
  });
  return exact ? data : null;
}

export function parseKey(text: string, file = '<key>'): ClassKey {
  let data: unknown = null;
  try {
    data = jsonData(text);
  } catch {
    // Not JSON (or not plain JSON): the YAML reader says where.
  }
  if (data !== null) {
    try {
      return keyFromSource({ file, data, lineOf: () => null });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The same error again, now with its line.
    }
  }
  return keyFromSource(parseSource(file, text));
}

export function keyFromSource(source: Source): ClassKey {
  const raw = validate(source, KeySchema);
  const seen = new Map<string, number>();
  const students = raw.students.map((student, s): KeyStudent => {
    if (seen.has(student.id))
      throw new InputError(
        source.file,
        `students[${s}].id`,
        { en: `student id "${student.id}" is used twice`, ja: `学生 ID "${student.id}" が2回使われています` },
        source.lineOf(['students', s, 'id']),
      );
    seen.set(student.id, s);
    const questions = student.questions.map((_, q): KeyQuestion => {
      const at: Path = ['students', s, 'questions', q];
      const head = `students[${s}].questions[${q}]`;
      const data = (student.questions as unknown[])[q] as Record<string, unknown> | null;
      const points = data !== null && typeof data === 'object' ? data.points : undefined;
      if (typeof points !== 'string' || !POINTS.test(points) || Number(points) <= 0)
        throw new InputError(
          source.file,
          `${head}.points`,
          {
            en: 'expected points: a positive number such as 2 or 1.5',
            ja: '配点（正の数。例: 2, 1.5）を指定してください',
          },
          source.lineOf([...at, 'points']),
        );
      // Graded as it stands, as check grades a hand-written exercise: every asked value is recomputed from
      // the exercise's network (never read from its "expected"); regenerating each variant from its
      // template as check does for a single file would cost more than all the grading of a class.
      return { loaded: within(head, () => exerciseFromSource(part(source, at))), points: Number(points) };
    });
    return { id: student.id, name: student.name, code: student.code, questions };
  });
  const counts = new Set(students.map((st) => st.questions.length));
  if (counts.size > 1)
    throw new InputError(source.file, 'students', {
      en: 'expected the same number of questions for every student',
      ja: 'どの学生も問題の数を同じにしてください',
    });
  return { file: source.file, title: raw.title, setSeed: raw.set_seed, students };
}
