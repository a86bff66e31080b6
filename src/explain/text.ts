// `explain --format text`: a topic as numbered steps, each sentence followed by its formula turned from
// LaTeX into readable terminal text (∂L/∂y, Σ, ᵀ, …; text/latex-to-text.ts).
import { latexToText } from '../text/latex-to-text';
import { sourceNames } from './sources';
import type { Lang, Topic } from './types';

export { latexToText };

const WIDTH = 92;

/** Wraps on spaces (Japanese text, which has none, is left as one line). */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const SOURCES = {
  en: (names: string) => `(sources: ${names})`,
  ja: (names: string) => `（元にした資料: ${names}）`,
} as const;

export function topicToText(topic: Topic, lang: Lang): string {
  const title = lang === 'ja' ? topic.title_ja : topic.title_en;
  const lines = [
    title,
    '='.repeat(Math.min(WIDTH, [...title].length * (lang === 'ja' ? 2 : 1))),
    SOURCES[lang](sourceNames(topic.sources, lang)),
    '',
  ];
  topic.steps.forEach((step, i) => {
    const number = `${String(i + 1).padStart(2)}. `;
    const text = lang === 'ja' ? step.text_ja : step.text_en;
    // Japanese has no spaces to break at: the terminal wraps it.
    const wrapped = lang === 'ja' ? [`    ${text}`] : wrap(text, '    ');
    lines.push(number + wrapped[0].trimStart(), ...wrapped.slice(1));
    lines.push(`        ${latexToText(step.latex)}`, '');
  });
  return `${lines.join('\n')}`;
}

const LIST_HEADING = {
  en: 'Derivations (backprop-tutor explain TOPIC [--lang en|ja] [--format text|json|markdown|html|latex]):',
  ja: '導出の一覧 (backprop-tutor explain トピック [--lang en|ja] [--format text|json|markdown|html|latex]):',
} as const;

export function topicListText(topics: readonly Topic[], lang: Lang): string {
  const width = Math.max(...topics.map((t) => t.id.length));
  return [
    LIST_HEADING[lang],
    ...topics.map((t) => `  ${t.id.padEnd(width)}  ${lang === 'ja' ? t.title_ja : t.title_en}`),
    '',
  ].join('\n');
}
