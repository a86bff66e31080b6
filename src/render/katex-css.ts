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

/** Every class name used in the HTML. */
export function htmlClasses(html: string): Set<string> {
  const classes = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c);
  return classes;
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

/** KaTeX's CSS for this HTML, fonts inlined. */
export function inlineKatexCss(html: string): string {
  const { css, dir } = katexStylesheet();
  // A substring test per candidate class is much faster than collecting every class of a large page;
  // a name that also occurs elsewhere only embeds one font too many.
  const seen = new Map<string, boolean>();
  const has = (name: string) => {
    let found = seen.get(name);
    if (found === undefined) seen.set(name, (found = html.includes(name)));
    return found;
  };
  const used = usedFontFamilies(css, has);
  return css.replace(/@font-face\{[^}]*\}/g, (face) => {
    const family = /font-family:\s*"?(KaTeX_\w+)"?/.exec(face)?.[1];
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(face)?.[1];
    if (!family || !woff2 || !used.has(family)) return '';
    const data = readFileSync(join(dir, woff2)).toString('base64');
    return face.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}
