// The bytes of an input file as text: UTF-8 (a byte-order mark is dropped), with every line ending
// read as one — CRLF (Windows), LF, and a lone CR (classic Mac OS, some editors' "Mac" setting) —
// because the YAML reader sees a lone CR as no line break at all. A file in another encoding is named
// as such with what to do, instead of failing later as an odd shape or garbled names.
import type { Text } from '../text/lang';

const SAVE_AS_UTF8 = { en: 'save it as UTF-8', ja: 'UTF-8 で保存し直してください' };

/** The text, or why it cannot be read as text (for the `file: …` message). */
export type Decoded = { readonly text: string } | { readonly why: Text };

const encoding = (name: string): Decoded => ({
  why: { en: `is encoded as ${name}; ${SAVE_AS_UTF8.en}`, ja: `文字コードが ${name} です。${SAVE_AS_UTF8.ja}` },
});

/** The encoding a byte-order mark or the pattern of NUL bytes shows, or null for none of them. */
function wideEncoding(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian)';
  // Without a mark: ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 1024) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (odd > n / 4 && even === 0) return 'UTF-16 (little-endian)';
  if (even > n / 4 && odd === 0) return 'UTF-16 (big-endian)';
  return null;
}

/** The file's text, or why not (its encoding named). */
export function decodeText(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide !== null) return encoding(wide);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      why: {
        en: `is not valid UTF-8 (perhaps Shift_JIS or Latin-1); ${SAVE_AS_UTF8.en}`,
        ja: `UTF-8 として正しくありません（Shift_JIS や Latin-1 かもしれません）。${SAVE_AS_UTF8.ja}`,
      },
    };
  }
  if (text.includes('\u0000')) {
    return {
      why: {
        en: 'is not a text file (it holds NUL bytes)',
        ja: 'テキストファイルではありません（NUL バイトを含みます）',
      },
    };
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}
