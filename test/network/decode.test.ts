// Input files in the encodings and line endings editors write: UTF-8 with or without a byte-order
// mark and with LF, CRLF or lone-CR line endings is read (and its errors keep their line numbers);
// UTF-16, UTF-32, Shift_JIS and binary files are named as such with what to do. Each row: the bytes,
// then either the data read or the words of the one-line refusal.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/network/decode';
import { InputError } from '../../src/network/errors';
import { loadNetwork } from '../../src/network/load';
import { readSource } from '../../src/network/source';

const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-decode-'));
const MAZUR = readFileSync(join(__dirname, '../../exercises/networks/mazur.yaml'), 'utf8');

const utf16 = (text: string, endian: 'le' | 'be', bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
};

function saved(name: string, bytes: Buffer | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('files that are read', () => {
  it.each([
    ['LF', MAZUR],
    ['CRLF', MAZUR.replace(/\n/g, '\r\n')],
    ['lone CR', MAZUR.replace(/\n/g, '\r')],
    ['a UTF-8 byte-order mark', `\ufeff${MAZUR}`],
    ['a byte-order mark and lone CR', `\ufeff${MAZUR.replace(/\n/g, '\r')}`],
  ])('%s: the same network as the original', (name, text) => {
    const original = loadNetwork(saved('original.yaml', MAZUR));
    expect(loadNetwork(saved(`${name.replace(/\W+/g, '-')}.yaml`, text))).toEqual(original);
  });

  it('an error in a lone-CR file names the right line', () => {
    const text = 'layers:\r  - weights: [[1]]\r    activation: sigmod\rloss: half-sse\r';
    let error: unknown;
    try {
      loadNetwork(saved('cr-error.yaml', text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/cr-error\.yaml:3: layers\[0\]\.activation: /);
  });

  it('Japanese in UTF-8 stays as written', () => {
    expect(decodeText(Buffer.from('# りんご 𝒳\r\na: 1\r'))).toEqual({ text: '# りんご 𝒳\na: 1\n' });
  });
});

describe('files that are named as what they are', () => {
  const ascii = 'a: "1"\nb: "2"\n';
  it.each([
    ['UTF-16 LE with a mark', utf16(MAZUR, 'le', true), 'is encoded as UTF-16 (little-endian); save it as UTF-8'],
    ['UTF-16 BE with a mark', utf16(MAZUR, 'be', true), 'is encoded as UTF-16 (big-endian); save it as UTF-8'],
    ['UTF-16 LE without a mark', utf16(ascii, 'le', false), 'UTF-16 (little-endian)'],
    ['UTF-16 BE without a mark', utf16(ascii, 'be', false), 'UTF-16 (big-endian)'],
    ['UTF-32 LE', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'UTF-32 (little-endian)'],
    ['Shift_JIS', Buffer.from([0x61, 0x3a, 0x20, 0x82, 0xe8, 0x82, 0xf1, 0x82, 0xb2, 0x0a]), 'is not valid UTF-8'],
    ['Latin-1', Buffer.from('a: caf\xe9\n', 'latin1'), 'perhaps Shift_JIS or Latin-1'],
    ['binary', Buffer.from([0x61, 0x3a, 0x20, 0x31, 0x00, 0x0a]), 'not a text file'],
  ])('%s', (name, bytes, words) => {
    const file = saved(`${name.replace(/\W+/g, '-')}.yaml`, bytes);
    let error: unknown;
    try {
      readSource(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const refusal = error as InputError;
    expect(refusal.message).toBe(`${file}: ${refusal.expected}`);
    expect(refusal.message).toContain(words);
    expect(refusal.messageIn('ja')).toMatch(/UTF-8 で保存し直してください|テキストファイルではありません/);
  });
});
