// Limits a hand calculation needs, with a wide margin; checked before any work starts so that a small
// hostile file cannot make the tool run for minutes, fill memory or block.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Text } from '../text/lang';
import { decodeText } from './decode';

/** Largest input file read, in bytes. */
export const MAX_FILE_BYTES = 1_000_000;

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
