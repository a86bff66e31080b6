// Maps the many ways a student can type the same symbol onto one ASCII spelling, one character at a
// time (no regular expressions over the input, so nothing can backtrack): full-width characters from a
// Japanese IME (０-９ ． － ＋ ／ （ ） ［ ］ ， ； and the full-width space), the IME's ー for minus,
// 、 and 。 for comma and point, unicode minus, × · ÷, superscript exponents (e⁻¹ → e^(-1)) and
// subscript digits (x₁ → x_1). `origin[i]` is the index in the typed text of normalised character i,
// so errors can point at what the student actually typed.

export interface Normalized {
  readonly text: string;
  /** origin[i]: index in the original text of text[i]; origin[text.length] is the original length. */
  readonly origin: readonly number[];
}

const SINGLE = new Map<number, string>([
  // Spaces and line breaks.
  [0x3000, ' '],
  [0x00a0, ' '],
  [0x202f, ' '],
  [0x205f, ' '],
  [0x09, ' '],
  [0x0b, ' '],
  [0x0c, ' '],
  [0x2028, '\n'],
  [0x2029, '\n'],
  [0x85, '\n'],
  // Minus signs and dashes, including the IME's prolonged-sound mark typed with the "-" key.
  [0x2212, '-'],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2013, '-'],
  [0x2014, '-'],
  [0x2015, '-'],
  [0xfe63, '-'],
  [0x30fc, '-'],
  [0xff70, '-'],
  [0x2796, '-'],
  [0x02d7, '-'],
  [0xfe62, '+'],
  [0x2795, '+'],
  // Multiplication and division signs.
  [0x00d7, '*'],
  [0x00b7, '*'],
  [0x22c5, '*'],
  [0x2219, '*'],
  [0x2715, '*'],
  [0x2716, '*'],
  [0x2217, '*'],
  [0x2a2f, '*'],
  [0x00f7, '/'],
  [0x2215, '/'],
  [0x2044, '/'],
  [0x2797, '/'],
  // Japanese punctuation typed in kana mode.
  [0x3001, ','],
  [0x3002, '.'],
  [0xff64, ','],
  [0xff61, '.'],
  // Script small e.
  [0x212f, 'e'],
  // Vulgar fractions, as hints write ½ (after a digit they are refused: 2½ is not 2·½).
  [0x00bd, '(1/2)'],
  [0x2153, '(1/3)'],
  [0x2154, '(2/3)'],
  [0x00bc, '(1/4)'],
  [0x00be, '(3/4)'],
]);

/** Characters that vanish: zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen. */
const DROPPED = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

const SUPERSCRIPT = new Map<number, string>([
  [0x2070, '0'],
  [0x00b9, '1'],
  [0x00b2, '2'],
  [0x00b3, '3'],
  [0x2074, '4'],
  [0x2075, '5'],
  [0x2076, '6'],
  [0x2077, '7'],
  [0x2078, '8'],
  [0x2079, '9'],
  [0x207a, '+'],
  [0x207b, '-'],
  [0x207d, '('],
  [0x207e, ')'],
]);

const SUBSCRIPT = new Map<number, string>([
  [0x2080, '0'],
  [0x2081, '1'],
  [0x2082, '2'],
  [0x2083, '3'],
  [0x2084, '4'],
  [0x2085, '5'],
  [0x2086, '6'],
  [0x2087, '7'],
  [0x2088, '8'],
  [0x2089, '9'],
  [0x1d62, 'i'],
  [0x2c7c, 'j'],
  [0x2096, 'k'],
  [0x2097, 'l'],
  [0x2098, 'm'],
  [0x2099, 'n'],
]);

export function normalize(raw: string): Normalized {
  let text = '';
  const origin: number[] = [];
  const push = (s: string, at: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) origin.push(at);
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (SUPERSCRIPT.has(c) || SUBSCRIPT.has(c)) {
      const table = SUPERSCRIPT.has(c) ? SUPERSCRIPT : SUBSCRIPT;
      let run = '';
      const start = i;
      while (i < raw.length && table.has(raw.charCodeAt(i))) run += table.get(raw.charCodeAt(i++));
      push(table === SUPERSCRIPT ? `^(${run})` : `_${run}`, start);
      continue;
    }
    if (c === 0x0d) {
      // \r\n and a lone \r are both one line break.
      push('\n', i);
      i += raw.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    if (!DROPPED.has(c)) {
      const mapped = SINGLE.get(c);
      const afterDigit = i > 0 && raw[i - 1] >= '0' && raw[i - 1] <= '9';
      if (mapped !== undefined && !(mapped.startsWith('(') && afterDigit)) push(mapped, i);
      else if (c >= 0xff01 && c <= 0xff5e) push(String.fromCharCode(c - 0xfee0), i);
      else if (c >= 0x2000 && c <= 0x200a) push(' ', i);
      else push(raw[i], i);
    }
    i++;
  }
  origin.push(raw.length);
  return { text, origin };
}
