// A rejected answer: a stable code for the grader, and a message in English and Japanese that says
// what was wrong and how to write it instead. Inside the parser a rejection travels as an
// AnswerFailure exception; the public functions catch it and return it as data (they never throw).
import { messageFor, type AnswerErrorCode, type MessageParams } from './messages';

export type { AnswerErrorCode } from './messages';

export interface AnswerError {
  readonly code: AnswerErrorCode;
  readonly message_en: string;
  readonly message_ja: string;
  /** 0-based index (UTF-16 code units) in the text the student typed, when one place is to blame. */
  readonly position: number | null;
}

export class AnswerFailure extends Error {
  constructor(readonly error: AnswerError) {
    super(error.message_en);
    this.name = 'AnswerFailure';
  }
}

export function answerError(
  code: AnswerErrorCode,
  params: MessageParams = {},
  position: number | null = null,
): AnswerError {
  const { en, ja } = messageFor(code, params);
  return { code, message_en: en, message_ja: ja, position };
}

export function fail(code: AnswerErrorCode, params: MessageParams = {}, position: number | null = null): never {
  throw new AnswerFailure(answerError(code, params, position));
}

/** Prefixes an error with where it happened in a matrix ("row 2, entry 1: …"). */
export function inCell(error: AnswerError, row: number, column: number): AnswerError {
  return {
    ...error,
    message_en: `Row ${row + 1}, entry ${column + 1}: ${error.message_en}`,
    message_ja: `${row + 1}行目の${column + 1}番目の要素: ${error.message_ja}`,
  };
}

/** Turns anything thrown inside the parser into an AnswerError (a bug shows up as code 'internal'). */
export function toAnswerError(e: unknown): AnswerError {
  if (e instanceof AnswerFailure) return e.error;
  if (e instanceof RangeError && /division by zero/.test(e.message)) return answerError('division-by-zero');
  if (e instanceof RangeError && /logarithm/.test(e.message)) return answerError('log-domain');
  return answerError('internal');
}
