// Markup whose text is drawn, not written: every text node moves into a `data-glyphs` attribute of its
// element and the page's stylesheet draws it back (`[data-glyphs]::before { content: attr(data-glyphs) }`).
// It looks the same, but it is no text of the page: a copy, innerText or a search gets the line as the
// exercise wrote it (beside it, for screen readers), not KaTeX's layout, which stores a matrix column
// by column and would read "0.50.11" for the rows [0.5 …] [0.1 …] [1 …].

/** The CSS rule that draws the moved text. */
export const DRAWN_TEXT_CSS = '[data-glyphs]::before { content: attr(data-glyphs); }';

const OPEN_TAG = /^<([a-zA-Z][\w-]*)(\s[^>]*)?>$/;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const quoted = (text: string) => text.replace(/"/g, '&quot;');

/**
 * `html` (tags and escaped text, as KaTeX and escapeHtml write them: no raw `<` or `>` outside tags)
 * with its text drawn. A text that is its element's only child goes into that element (KaTeX's glyph
 * spans, whose layout depends on their children); any other text gets a span of its own.
 */
export function drawnText(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 1 || part === '') {
      out.push(part);
      continue;
    }
    const open = parts[i - 1] ?? '';
    const tag = OPEN_TAG.exec(open)?.[1].toLowerCase();
    const sole = tag !== undefined && !VOID.has(tag) && !open.endsWith('/>') && /^<\//.test(parts[i + 1] ?? '');
    if (sole) out[out.length - 1] = `${open.slice(0, -1)} data-glyphs="${quoted(part)}">`;
    else out.push(`<span data-glyphs="${quoted(part)}"></span>`);
  }
  return out.join('');
}
