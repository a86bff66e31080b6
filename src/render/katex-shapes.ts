// KaTeX's HTML for a formula depends on its numbers only through the text of their digits: in KaTeX's
// Main fonts every digit has the same height, depth, width and italic correction, so `W = 0.25x` and
// `W = 3.5x` are laid out alike and differ only in the characters inside one `<span class="mord">`.
// Whether a number is one character or more does matter (a one-character base takes a superscript
// differently, and a font command wraps several characters in a span of their own), so a shape knows
// which of its numbers are one character long. A class's worksheets, keys and solutions repeat a few
// thousand shapes with other numbers: each is typeset once, with stand-ins of one or two digits, and
// its numbers are put in afterwards. test/render/katex-shapes.test.ts holds the result byte for byte
// against KaTeX itself.

/** A number as the formulas print it: digits, and a fractional part after a point. */
const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Where a number does not stand alone, or its digits are not set as Main-font digits, the shape would
 * not be the same. A superscript, subscript or prime binds to the last digit of a longer number, and an
 * unbraced argument (`x^12`, `\frac12`) is one digit. Lengths (`\hspace{1em}`, `\\[2pt]`) and colours
 * read the digits themselves, and these fonts' digits differ in size. Such formulas are typeset whole.
 */
const NOT_A_SHAPE =
  /[\d.]\d\s*[_^']|[_^]\s*\d[\d.]|\\[A-Za-z]+\s*\d|\\\\\s*\[|#|\\(?:hspace|hskip|kern|mkern|mskip|mspace|vspace|rule|raisebox|lower|raise|color|textcolor|colorbox|fcolorbox|mathit|mathnormal|boldsymbol|bm|mathcal|mathscr|mathfrak|mathbb|mathsf|mathtt|mathsfit|textit|textsf|texttt|textsl|emph|it|sf|tt|rm|cal|bf|href|url|html[A-Za-z]*|includegraphics|char|verb|sqrt\s*\[)(?![A-Za-z])/;

/** A shape typeset: the HTML around each number, and which number goes into each gap, in page order. */
interface Shape {
  readonly parts: readonly string[];
  readonly slots: readonly number[];
}

/** Shapes typeset at most; past it the store starts again (a class needs a few thousand). */
const SHAPES_MAX = 20_000;

/** Stand-in digits in a shape at most: more are not worth working out. */
const DIGITS_MAX = 999;

/**
 * The places of the digits in KaTeX's HTML that are text (not inside a tag, not in an entity such as
 * `&#x27;`), in page order.
 */
function textDigits(html: string): number[] {
  const at: number[] = [];
  let inTag = false;
  let inEntity = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (inTag) {
      if (c === 62 /* > */) inTag = false;
    } else if (inEntity) {
      if (c === 59 /* ; */) inEntity = false;
    } else if (c === 60 /* < */) inTag = true;
    else if (c === 38 /* & */) inEntity = true;
    else if (c >= 48 && c <= 57) at.push(i);
  }
  return at;
}

/**
 * Typesets a shape: `between` is the text between its numbers and `wide[i]` says whether number i has
 * more than one character (its stand-in then has two digits, else one). Each stand-in digit d has its
 * own index; pass p writes digit ⌊d / 10^p⌋ mod 10 for it, so the passes together tell which stand-in
 * digit landed in each place. Null unless every pass writes the same HTML around the same places, and
 * each number's digits sit side by side in order: then the stand-ins changed the layout, and formulas
 * of this shape are typeset whole.
 */
function typesetShape(
  between: readonly string[],
  wide: readonly boolean[],
  typeset: (latex: string) => string,
): Shape | null {
  // The stand-in digits: number i's first digit, and its second when it is wide.
  const owner: number[] = [];
  const first: number[] = [];
  wide.forEach((w, i) => {
    first.push(owner.length);
    owner.push(i);
    if (w) owner.push(i);
  });
  const digits = owner.length;
  if (digits > DIGITS_MAX) return null;
  const passes = digits <= 10 ? 1 : digits <= 100 ? 2 : 3;
  const digitAt: number[] = new Array(digits).fill(0);
  let at: number[] | null = null;
  let html0 = '';
  for (let p = 0, scale = 1; p < passes; p++, scale *= 10) {
    const standIn = (d: number) => String(Math.floor(d / scale) % 10);
    let latex = between[0];
    wide.forEach((w, i) => {
      latex += standIn(first[i]) + (w ? standIn(first[i] + 1) : '') + between[i + 1];
    });
    const html = typeset(latex);
    const these = textDigits(html);
    if (these.length !== digits) return null;
    if (at === null) {
      at = these;
      html0 = html;
    } else if (html.length !== html0.length || these.some((x, k) => x !== at?.[k])) return null;
    else {
      // Outside the digits, the same HTML.
      for (let k = 0, from = 0; k <= digits; k++) {
        const to = k < digits ? these[k] : html.length;
        if (html.slice(from, to) !== html0.slice(from, to)) return null;
        from = to + 1;
      }
    }
    for (let k = 0; k < digits; k++) digitAt[k] += (html.charCodeAt(these[k]) - 48) * scale;
  }
  if (at === null || new Set(digitAt).size !== digits || digitAt.some((d) => d >= digits)) return null;
  // Each number's stand-in: its first digit, then its second right after it.
  const parts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (let k = 0; k < digits; k++) {
    const d = digitAt[k];
    const i = owner[d];
    if (d !== first[i]) return null;
    let end = at[k] + 1;
    if (wide[i]) {
      if (k + 1 >= digits || digitAt[k + 1] !== d + 1 || at[k + 1] !== at[k] + 1) return null;
      end++;
      k++;
    }
    parts.push(html0.slice(from, at[k - (wide[i] ? 1 : 0)]));
    slots.push(i);
    from = end;
  }
  parts.push(html0.slice(from));
  return { parts, slots };
}

/** A formula typeset, and the shape it shares with formulas that differ only in their numbers. */
export interface ShapedHtml {
  readonly html: string;
  /** The same object for every formula of one shape; null for a formula typeset whole. */
  readonly shape: object | null;
}

/**
 * `typeset` (KaTeX's HTML output for one formula) that typesets each shape of formula once and fills
 * in the numbers of the formulas of that shape; a formula whose numbers do not stand alone is typeset
 * whole. The HTML is what `typeset` gives for the formula itself.
 */
export function shapeTypesetter(typeset: (latex: string) => string): (latex: string) => ShapedHtml {
  let shapes = new Map<string, Shape | null>();
  return (latex) => {
    const numbers = latex.match(NUMBER);
    if (numbers === null || NOT_A_SHAPE.test(latex)) return { html: typeset(latex), shape: null };
    const between = latex.split(NUMBER);
    const wide = numbers.map((n) => n.length > 1);
    // Control characters never occur in a formula (the document model's text has none): the key says
    // the text between the numbers and which numbers are one character long.
    let key = between[0];
    for (let i = 0; i < numbers.length; i++) key += (wide[i] ? '\u0002' : '\u0001') + between[i + 1];
    let shape = shapes.get(key);
    if (shape === undefined) {
      shape = typesetShape(between, wide, typeset);
      if (shapes.size >= SHAPES_MAX) shapes = new Map();
      shapes.set(key, shape);
    }
    if (shape === null) return { html: typeset(latex), shape: null };
    let html = shape.parts[0];
    for (let k = 0; k < shape.slots.length; k++) html += numbers[shape.slots[k]] + shape.parts[k + 1];
    return { html, shape };
  };
}
