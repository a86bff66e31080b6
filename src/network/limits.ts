// Limits a hand calculation needs, with a wide margin; checked before any work starts so that a small
// hostile file cannot make the tool run for minutes, fill memory or block.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { bitsToDigits, LIMITS, type LiteralBreach } from '../number/limits';
import type { Text } from '../text/lang';
import { decodeText } from './decode';

export { LIMITS };

/** Largest input file read, in bytes. */
export const MAX_FILE_BYTES = LIMITS.fileBytes;

export class FileLimitError extends Error {
  constructor(readonly why: Text) {
    super(why.en);
  }
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES as UTF-8 (decode.ts). A FIFO or device is refused from its
 * stat (opening a FIFO would block, reading /dev/zero never ends); a larger file stops at the cap.
 * Errors from the file system (ENOENT, EISDIR, …) pass through for the caller to word.
 */
export function readCapped(file: string): string {
  const stat = statSync(file);
  if (stat.isDirectory()) return readDirectoryError(file);
  if (!stat.isFile()) {
    throw new FileLimitError({
      en: 'is not a regular file (a pipe or device); save the input to a file',
      ja: '通常のファイルではありません（パイプまたはデバイス）。入力をファイルに保存してください',
    });
  }
  if (stat.size > MAX_FILE_BYTES) throw tooLarge();
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_FILE_BYTES) throw tooLarge();
    }
    const decoded = decodeText(buffer.subarray(0, length));
    if ('why' in decoded) throw new FileLimitError(decoded.why);
    return decoded.text;
  } finally {
    closeSync(fd);
  }
}

function readDirectoryError(file: string): never {
  const error = new Error(`EISDIR: ${file}`) as NodeJS.ErrnoException;
  error.code = 'EISDIR';
  throw error;
}

function tooLarge(): FileLimitError {
  return new FileLimitError({
    en: `is larger than the limit of ${MAX_FILE_BYTES.toLocaleString('en')} bytes`,
    ja: `ファイルが上限の ${MAX_FILE_BYTES.toLocaleString('en')} バイトを超えています`,
  });
}

/** The words of each limit a file can break, for `file:line: field: …` (both languages). */
export const LIMIT_WORDS = {
  nesting: {
    en: `nested deeper than the limit of ${LIMITS.nesting} levels of lists and mappings`,
    ja: `リストとマッピングの入れ子が上限の ${LIMITS.nesting} 段を超えています`,
  },
  literal(breach: LiteralBreach): Text {
    return breach.limit === 'literalDigits'
      ? {
          en: `a number of ${breach.digits.toLocaleString('en')} digits: the limit is ${LIMITS.literalDigits} digits`,
          ja: `${breach.digits.toLocaleString('en')} 桁の数です: 桁数の上限は ${LIMITS.literalDigits} 桁です`,
        }
      : {
          en: `the exponent e${breach.exponent} is over the limit: exponents go from -${LIMITS.literalExponent} to ${LIMITS.literalExponent}`,
          ja: `指数 e${breach.exponent} が上限を超えています: 指数は -${LIMITS.literalExponent} から ${LIMITS.literalExponent} までです`,
        };
  },
  values(count: number): Text {
    return {
      en: `about ${count.toLocaleString('en')} values (counted as commas and lines): the limit is ${LIMITS.values.toLocaleString('en')} values in a file`,
      ja: `値が約 ${count.toLocaleString('en')} 個あります（カンマと行の数）: 1つのファイルの値の上限は ${LIMITS.values.toLocaleString('en')} 個です`,
    };
  },
  /** `layers`: 17 of 16, `units`: 65 of 64, … */
  count(what: Text, count: number, limit: number): Text {
    return {
      en: `${count.toLocaleString('en')} ${what.en}: the limit is ${limit.toLocaleString('en')}`,
      ja: `${what.ja}が ${count.toLocaleString('en')} 個あります: 上限は ${limit.toLocaleString('en')} 個です`,
    };
  },
  exact: {
    en: `a value computed from this file is too large to compute exactly: exact values are limited to ${LIMITS.exactBits.toLocaleString('en')} bits (about ${bitsToDigits(LIMITS.exactBits).toLocaleString('en')} digits); keep weights and inputs moderate`,
    ja: `このファイルから計算される値が大きすぎて厳密に計算できません: 厳密な値の上限は ${LIMITS.exactBits.toLocaleString('en')} ビット（約 ${bitsToDigits(LIMITS.exactBits).toLocaleString('en')} 桁）です。重みと入力を手計算できる大きさにしてください`,
  },
} as const;
