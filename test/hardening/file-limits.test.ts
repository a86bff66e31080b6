import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/network/errors';
import { MAX_FILE_BYTES } from '../../src/network/limits';
import { readSource } from '../../src/network/source';

const dir = mkdtempSync(join(tmpdir(), 'harden-'));

function refusal(file: string): InputError {
  try {
    readSource(file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('input files are read with a cap and never block', () => {
  it('refuses a file over the size limit without reading it whole', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `learning_rate: "${'1'.repeat(MAX_FILE_BYTES + 10)}"\n`);
    expect(refusal(file).message).toContain('1,000,000 bytes');
  });

  it('refuses /dev/zero (a device) at once', () => {
    expect(refusal('/dev/zero').message).toContain('not a regular file');
  });

  it('refuses a FIFO instead of blocking on it', () => {
    const fifo = join(dir, 'pipe.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // mkfifo absent: nothing to test here
    }
    expect(refusal(fifo).message).toContain('not a regular file');
  });

  it('still reads a normal file', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'a: "1"\n');
    expect(readSource(file).data).toEqual({ a: '1' });
  });
});
