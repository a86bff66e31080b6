// A bad command line (exit code 2, the reason and then the usage on stderr).
import type { Lang, Text } from '../text/lang';

/** `message` is English; `text` has every language (the same text when given one string). */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly text: Text;

  constructor(message: string | Text) {
    const text = typeof message === 'string' ? { en: message, ja: message } : message;
    super(text.en);
    this.text = text;
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}
