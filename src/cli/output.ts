// Where a command's output goes: standard output, or the file named by --output (`-` is standard
// output). Every way a write can fail becomes one OutputError naming the path and the reason: exit 2
// when the path is wrong (a folder, a missing folder, no permission, the input file itself), 1 when
// the disk is full or the device fails. The path is checked before the work starts, so a mistyped
// --output costs nothing.
import { accessSync, closeSync, constants, existsSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { echo } from '../text/escape';
import { pick, type Lang, type Text } from '../text/lang';
import { OUTPUT } from './messages';

/** `--output -`: standard output, as the usual command-line convention has it. */
export const STDOUT = '-';

export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    /** The path as the user gave it, or null for standard output. */
    readonly path: string | null,
    readonly why: Text,
    /** 2: the path is wrong (fix the command line); 1: the write itself failed (disk full, device). */
    readonly exitCode: 1 | 2,
  ) {
    super(OUTPUT.cannotWrite(path === null ? OUTPUT.stdout.en : shownPath(path), why).en);
  }

  /** One line: `cannot write PATH: reason`. */
  messageIn(lang: Lang): string {
    const where = this.path === null ? pick(OUTPUT.stdout, lang) : shownPath(this.path);
    return pick(OUTPUT.cannotWrite(where, this.why), lang);
  }
}

const shownPath = (path: string): string => (path === '' ? '""' : echo(path, 200));

/** Errors of the device, not of the path: the command line was right, the write failed. */
const DEVICE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO']);

/** The OutputError for a failed write of `path` (null: standard output). */
export function outputError(path: string | null, error: unknown): OutputError {
  const code = String((error as NodeJS.ErrnoException)?.code ?? '');
  const known = OUTPUT.reasons[code];
  if (known) return new OutputError(path, known, DEVICE.has(code) ? 1 : 2);
  return new OutputError(path, OUTPUT.failed(code || echo(String((error as Error)?.message ?? error))), 1);
}

/** The same file: one inode on one device (a link or another spelling of the path counts). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Checks --output before the work starts: not empty, not a folder, its folder exists and is one, and
 * not one of the command's input files (which writing would destroy). `-` passes (standard output).
 */
export function checkOutputPath(path: string, inputs: readonly string[] = []): void {
  if (path === STDOUT) return;
  if (path === '') {
    throw new OutputError(path, OUTPUT.empty, 2);
  }
  if (inputs.some((input) => sameFile(input, path) || resolve(input) === resolve(path))) {
    throw new OutputError(path, OUTPUT.isInput, 2);
  }
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(path, error);
    const folder = dirname(resolve(path));
    if (!existsSync(folder)) {
      throw new OutputError(path, OUTPUT.noFolder(echo(folder, 200)), 2);
    }
    if (!statSync(folder).isDirectory()) throw outputError(path, { code: 'ENOTDIR' });
    writable(path, folder);
    return;
  }
  if (stat.isDirectory()) throw outputError(path, { code: 'EISDIR' });
  writable(path, path);
}

/** Permission to write `target` (the file, or the folder a new file goes in), as the user has it. */
function writable(path: string, target: string): void {
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw outputError(path, error);
  }
}

/**
 * Writes `data` to `path` whole, or throws one OutputError. A regular file this call created is
 * removed again when the write fails half-way, so a full disk leaves no truncated document behind.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  checkOutputPath(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const existed = existsSync(path);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw outputError(path, error);
  }
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    closeQuietly(fd);
    if (!existed) removeQuietly(path);
    throw outputError(path, error);
  }
  try {
    closeSync(fd);
  } catch (error) {
    throw outputError(path, error);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write already failed; that is the error to report.
  }
}

function removeQuietly(path: string): void {
  try {
    if (statSync(path).isFile()) unlinkSync(path);
  } catch {
    // Nothing left to remove.
  }
}

/** Writes to standard output; its failures (a full disk, a device error) reach the 'error' handler of main.ts. */
export function writeStdout(data: string | Uint8Array): void {
  process.stdout.write(data);
}

/** Writes to --output (a file, or `-` for standard output) or, without it, to standard output. */
export function writeOutput(path: string | undefined, data: string | Uint8Array): void {
  if (path === undefined || path === STDOUT) writeStdout(data);
  else writeOutputFile(path, data);
}
