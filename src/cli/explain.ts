// `backprop-tutor explain [TOPIC] [--lang en|ja] [--format text|json|markdown|html|latex]`: a derivation
// step by step, or the list of topics (markdown, html, latex: typeset like the worked solutions; without
// TOPIC, every derivation in one document).
import { TOPICS, findTopic, topicListJson, topicListText, topicToJson, topicToText } from '../explain';
import { EXPLAIN } from './commands';
import { EXPLAIN as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';
import { echo } from '../text/escape';

export async function explainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(EXPLAIN, args);
  const { lang, format } = values;
  const unknown = (topic: string) =>
    new UsageError(WORDS.unknownTopic(echo(topic), TOPICS.map((t) => t.id).join(', ')));
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  if (format !== 'text' && format !== 'json') {
    const topic = positionals.length === 0 ? null : findTopic(positionals[0]);
    if (positionals.length > 0 && !topic) throw unknown(positionals[0]);
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
  if (!topic) throw unknown(positionals[0]);
  process.stdout.write(format === 'json' ? json(topicToJson(topic, lang)) : topicToText(topic, lang));
  return 0;
}
