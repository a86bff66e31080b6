// Moodle's Cloze (embedded answers) syntax: a NUMERICAL sub-question is `{w:NUMERICAL:=answer:tolerance#feedback}`.
// Moodle finds sub-questions with a regular expression over the question's HTML and decodes the
// feedback's HTML entities once, so text around a sub-question must never look like one (its braces
// are written as entities) and a feedback's `{ } ~ \` and its own entities are encoded one level deeper.
import { escapeHtml } from '../text/escape';
import type { NumericKey } from './tolerance';

/** Plain text as HTML in a Cloze question's text: escaped, and no brace that could open a sub-question. */
export function clozeText(text: string): string {
  return escapeHtml(text).replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
}

/** Plain text as a sub-question's feedback: after Moodle decodes it once it is the text's HTML. */
export function clozeFeedback(text: string): string {
  return escapeHtml(text)
    .replace(/&/g, '&amp;')
    .replace(/[{}~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One NUMERICAL sub-question of weight `weight`: the answer, its tolerance and its feedback. */
export function numericalSubquestion(weight: bigint, key: NumericKey, feedback: string): string {
  const after = feedback === '' ? '' : `#${clozeFeedback(feedback)}`;
  return `{${weight}:NUMERICAL:=${key.answer}:${key.tolerance}${after}}`;
}
