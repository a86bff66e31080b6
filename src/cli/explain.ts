// `backprop-tutor explain [TOPIC] [--lang en|ja] [--format text|json|markdown|html|latex]`: a derivation
// step by step, or the list of topics (markdown, html, latex: typeset like the worked solutions; without
// TOPIC, every derivation in one document).
import { parseArgs } from 'node:util';
import { TOPICS, findTopic, topicListJson, topicListText, topicToJson, topicToText, type Lang } from '../explain';
import { UsageError } from './usage';

const LANGS = ['en', 'ja'] as const;
const FORMATS = ['text', 'json', 'markdown', 'html', 'latex'] as const;

function choice<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`explain: ${what} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

const UNKNOWN = {
  en: (topic: string, ids: string) => `explain: unknown topic "${topic}"; topics: ${ids}`,
  ja: (topic: string, ids: string) => `explain: "${topic}" というトピックはありません。トピック: ${ids}`,
} as const;

export async function explainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: 'string', default: 'en' }, format: { type: 'string', short: 'f', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  const lang = choice<Lang>('--lang', values.lang as string, LANGS);
  const format = choice('--format', values.format as string, FORMATS);
  if (positionals.length > 1) throw new UsageError('explain: expected at most one TOPIC');
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  if (format !== 'text' && format !== 'json') {
    const topic = positionals.length === 0 ? null : findTopic(positionals[0]);
    if (positionals.length > 0 && !topic) throw new UsageError(UNKNOWN[lang](positionals[0], TOPICS.map((t) => t.id).join(', ')));
    const { topicsDocument } = await import('../explain/document');
    const { renderDocument } = await import('../render/worked');
    process.stdout.write((await renderDocument(topicsDocument(topic ? [topic] : TOPICS, lang), format)) as string);
    return 0;
  }
  if (positionals.length === 0) {
    process.stdout.write(format === 'json' ? json(topicListJson(TOPICS, lang)) : topicListText(TOPICS, lang));
    return 0;
  }
  const topic = findTopic(positionals[0]);
  if (!topic) throw new UsageError(UNKNOWN[lang](positionals[0], TOPICS.map((t) => t.id).join(', ')));
  process.stdout.write(format === 'json' ? json(topicToJson(topic, lang)) : topicToText(topic, lang));
  return 0;
}
