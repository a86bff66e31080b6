// Letters that pdflatex cannot set and LuaLaTeX's text fonts lack: the styled letters of Unicode's
// Mathematical Alphanumeric Symbols (𝒳, 𝐱, 𝔤, 𝕏) and their letter-like forerunners (ℒ, ℝ, ℋ), as
// names in a graph file may use them. Each becomes the math command of its style around the plain
// letter (𝒳 → \ensuremath{\mathcal{X}}), which every engine sets, in math and in text alike.

/** The styles of U+1D400…, 52 letters (A–Z, a–z) each, in Unicode's order. */
const LETTER_STYLES: readonly string[] = [
  'mathbf',
  'mathit',
  'boldsymbol',
  'mathcal',
  'boldcal',
  'mathfrak',
  'mathbb',
  'boldfrak',
  'mathsf',
  'mathsf',
  'mathsf',
  'mathsf',
  'mathtt',
];

/** The styles of the digits at U+1D7CE…, 10 each. */
const DIGIT_STYLES: readonly string[] = ['mathbf', 'plain', 'mathsf', 'mathsf', 'mathtt'];

/** The letter-like symbols that fill the holes of the script, fraktur and double-struck alphabets. */
const LETTERLIKE: Readonly<Record<string, string>> = {
  ℬ: 'mathcal',
  ℰ: 'mathcal',
  ℱ: 'mathcal',
  ℋ: 'mathcal',
  ℐ: 'mathcal',
  ℒ: 'mathcal',
  ℳ: 'mathcal',
  ℛ: 'mathcal',
  ℯ: 'mathit',
  ℊ: 'mathit',
  ℴ: 'mathit',
  ℎ: 'mathit',
  ℭ: 'mathfrak',
  ℌ: 'mathfrak',
  ℑ: 'mathfrak',
  ℜ: 'mathfrak',
  ℨ: 'mathfrak',
  ℂ: 'mathbb',
  ℍ: 'mathbb',
  ℕ: 'mathbb',
  ℙ: 'mathbb',
  ℚ: 'mathbb',
  ℝ: 'mathbb',
  ℤ: 'mathbb',
};

/** A style applied to one plain letter or digit; styles TeX has only for capitals fall back to italic. */
function styled(style: string, base: string): string {
  const capital = /[A-Z]/.test(base);
  const command = (() => {
    switch (style) {
      case 'plain':
        return base;
      case 'boldsymbol':
        return `\\boldsymbol{${base}}`;
      case 'boldcal':
        return capital ? `\\boldsymbol{\\mathcal{${base}}}` : `\\boldsymbol{${base}}`;
      case 'boldfrak':
        return `\\boldsymbol{\\mathfrak{${base}}}`;
      case 'mathcal':
      case 'mathbb':
        return capital ? `\\${style}{${base}}` : `\\mathit{${base}}`;
      default:
        return `\\${style}{${base}}`;
    }
  })();
  return `\\ensuremath{${command}}`;
}

/** The LaTeX for one styled letter or digit, or null when `ch` is not one. */
export function styledLetterLatex(ch: string): string | null {
  const code = ch.codePointAt(0) ?? 0;
  const base = ch.normalize('NFKC');
  if (!/^[A-Za-z0-9]$/.test(base)) return null;
  if (LETTERLIKE[ch]) return styled(LETTERLIKE[ch], base);
  if (code >= 0x1d400 && code < 0x1d400 + 52 * LETTER_STYLES.length)
    return styled(LETTER_STYLES[Math.floor((code - 0x1d400) / 52)], base);
  if (code >= 0x1d7ce && code <= 0x1d7ff) return styled(DIGIT_STYLES[Math.floor((code - 0x1d7ce) / 10)], base);
  return null;
}

/** Every styled letter and digit of `tex` as its command; the rest as it is. */
export function transliterateStyledLetters(tex: string): string {
  return tex.replace(/[\u{1d400}-\u{1d7ff}\u2102-\u2134]/gu, (ch) => styledLetterLatex(ch) ?? ch);
}
