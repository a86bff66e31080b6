// messages(lang): the dictionary of one language.
import { en } from './en';
import { ja } from './ja';
import type { Lang, Messages } from './messages';

export { LANGS, type Lang, type Messages } from './messages';

const DICTIONARIES: Readonly<Record<Lang, Messages>> = { en, ja };

export function messages(lang: Lang): Messages {
  return DICTIONARIES[lang];
}

export { isLang } from '../text/lang';
