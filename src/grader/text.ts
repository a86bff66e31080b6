// Every message the grader writes exists in English and Japanese; the caller picks one.
export type Lang = 'en' | 'ja';

export interface Text {
  readonly en: string;
  readonly ja: string;
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
