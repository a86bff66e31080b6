// The languages of the tool and the one bilingual type every message uses. Every user-facing string
// exists in English and Japanese; the caller picks one at the edge.
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** A message in both languages. */
export interface Text {
  readonly en: string;
  readonly ja: string;
}

export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

export function text(en: string, ja: string): Text {
  return { en, ja };
}

export function pick(t: Text, lang: Lang): string {
  return lang === 'ja' ? t.ja : t.en;
}

/** Joins sentences: English with a space, Japanese without one. */
export function joinText(parts: readonly (Text | null)[]): Text {
  const present = parts.filter((p): p is Text => p !== null && p.en !== '');
  return { en: present.map((p) => p.en).join(' '), ja: present.map((p) => p.ja).join('') };
}
