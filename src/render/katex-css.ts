// KaTeX's stylesheet with its fonts embedded as data: URLs, so an HTML solution needs no network and
// no files beside it. Only the font families that the rendered math uses are embedded (a family is
// used when every class of one of its CSS selectors occurs in the HTML), and only as woff2.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cache: { css: string; dir: string } | null = null;

function katexStylesheet(): { css: string; dir: string } {
  if (!cache) {
    const file = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
    cache = { css: readFileSync(file, 'utf8'), dir: dirname(file) };
  }
  return cache;
}

/**
 * The KaTeX font families that some rule whose selector matches the HTML's classes asks for.
 * `classes` is a set of class names, or a test for one.
 */
export function usedFontFamilies(css: string, classes: ReadonlySet<string> | ((name: string) => boolean)): Set<string> {
  const has = typeof classes === 'function' ? classes : (name: string) => classes.has(name);
  const used = new Set<string>(['KaTeX_Main']);
  const withoutFaces = css.replace(/@font-face\{[^}]*\}/g, '');
  for (const rule of withoutFaces.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const family = /font-family:\s*"?(KaTeX_\w+)"?/.exec(rule[2]);
    if (!family) continue;
    const matches = rule[1].split(',').some((selector) => {
      const names = [...selector.matchAll(/\.([\w-]+)/g)].map((x) => x[1]);
      return names.length > 0 && names.every(has);
    });
    if (matches) used.add(family[1]);
  }
  return used;
}

/** Every class name that a font-family rule of the stylesheet tests for (a few dozen). */
export function candidateClasses(css: string): string[] {
  const names = new Set<string>();
  const withoutFaces = css.replace(/@font-face\{[^}]*\}/g, '');
  for (const rule of withoutFaces.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/font-family:\s*"?KaTeX_/.test(rule[2])) continue;
    for (const m of rule[1].matchAll(/\.([\w-]+)/g)) names.add(m[1]);
  }
  return [...names];
}

/** A regular expression that captures, at every position, the longest of `names` starting there. */
export function namesPattern(names: readonly string[]): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return new RegExp(`(?=(${sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')}))`, 'g');
}

/**
 * Which of `names` occur in `text` as substrings: what `text.includes(name)` says for each, but a
 * page of KaTeX (700 kB, two-byte) is scanned once instead of once per name (that took ~10 ms).
 * Names that are prefixes of a found one occur too and are added afterwards.
 */
export function occurringNames(
  text: string,
  names: readonly string[],
  pattern: RegExp = namesPattern(names),
): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) found.add(m[1]);
  const longest = [...found];
  for (const name of names) if (!found.has(name) && longest.some((f) => f.startsWith(name))) found.add(name);
  return found;
}

let finder: { readonly css: string; readonly names: readonly string[]; readonly pattern: RegExp } | null = null;

/** The class names of KaTeX's font rules that occur in `html` (as substrings, as `occurringNames` finds them). */
export function katexClassNames(html: string): Set<string> {
  const { css } = katexStylesheet();
  if (finder?.css !== css) {
    const names = candidateClasses(css);
    finder = { css, names, pattern: namesPattern(names) };
  }
  return occurringNames(html, finder.names, finder.pattern);
}

/** Each embedded font as base64, read once per process (a class's files embed the same fonts). */
const FONT_DATA = new Map<string, string>();

/** KaTeX's CSS, embedding the fonts of the rules whose classes are all among `classNames` (of `katexClassNames`). */
export function katexCssFor(classNames: ReadonlySet<string>): string {
  const { css, dir } = katexStylesheet();
  // A name that also occurs outside a class attribute only embeds one font too many.
  const used = usedFontFamilies(css, classNames);
  return css.replace(/@font-face\{[^}]*\}/g, (face) => {
    const family = /font-family:\s*"?(KaTeX_\w+)"?/.exec(face)?.[1];
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(face)?.[1];
    if (!family || !woff2 || !used.has(family)) return '';
    let data = FONT_DATA.get(woff2);
    if (data === undefined) {
      data = readFileSync(join(dir, woff2)).toString('base64');
      FONT_DATA.set(woff2, data);
    }
    return face.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}

/** KaTeX's CSS for this HTML, fonts inlined. */
export function inlineKatexCss(html: string): string {
  return katexCssFor(katexClassNames(html));
}
