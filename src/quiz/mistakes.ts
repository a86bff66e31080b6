// A misconception as the end of a quiz and `stats` show it: its id, how often, what the mistake is in
// one line, and what to read (the `explain` topic, else the right-way formula).
import { MISCONCEPTIONS } from '../concepts/misconceptions';
import { wrap } from '../render/terminal';
import { pick, type Lang } from '../text/lang';
import { readingFor } from './readings';
import { WORDS } from './words';

export interface MistakeCount {
  readonly id: string;
  readonly count: number;
}

/** The misconceptions of a list of diagnoses, the most frequent first (then in the order met). */
export function countMistakes(ids: readonly string[]): MistakeCount[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

/** Each mistake wrapped to `width` columns: the id, count and words, then what to read. */
export function mistakeLines(mistakes: readonly MistakeCount[], lang: Lang, width: number): string[] {
  return mistakes.flatMap(({ id, count }) => {
    const m = MISCONCEPTIONS.find((x) => x.id === id);
    const reading = readingFor(id);
    const read = reading
      ? pick(WORDS.readExplain(`backprop-tutor explain ${reading}`), lang)
      : m
        ? pick(WORDS.readRule(pick(m.step.formula, lang)), lang)
        : null;
    return [
      ...wrap(`  ${id} (×${count})${m ? `: ${pick(m.words, lang)}` : ''}`, width, '    '),
      ...(read ? wrap(`    → ${read}`, width, '      ') : []),
    ];
  });
}
