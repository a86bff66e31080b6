// `backprop-tutor stats [--session FILE] [--format text|json] [--lang en|ja]`: the quiz history of
// every journal in the state folder (or of one), read and never written.
import { existsSync } from 'node:fs';
import { InputError } from '../network/errors';
import { readHistory, readJournalFile, type History } from '../quiz/history';
import { stateDir } from '../quiz/journal';
import { statsOf } from '../quiz/stats';
import { statsJson, statsText } from '../quiz/stats-text';
import { text } from '../text/lang';
import { STATS } from './commands';
import { parseCommand } from './parse';

function historyOf(file: string | undefined, dir: string): History {
  if (file === undefined) return readHistory(dir);
  if (file === '')
    throw new InputError(
      '""',
      null,
      text(
        'the file name is empty: give --session FILE, or leave --session out for the whole history',
        'ファイル名が空です。--session FILE を指定するか、--session を省いて履歴全体を見てください',
      ),
    );
  if (!existsSync(file)) throw new InputError(file, null, text('no such file', 'ファイルがありません'));
  const read = readJournalFile(file);
  if ('why' in read) {
    throw new InputError(
      file,
      null,
      text(`not a quiz journal (${read.why})`, `小テストの記録ファイルではありません（${read.why}）`),
      1,
    );
  }
  return { sessions: [read], skipped: [] };
}

export async function statsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(STATS, args);
  const dir = stateDir(process.env);
  const history = historyOf(values.session, dir);
  const stats = statsOf(history.sessions);
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(statsJson(stats, values.lang, history.skipped), null, 2)}\n`);
    return 0;
  }
  for (const s of history.skipped) {
    const why =
      values.lang === 'ja'
        ? `小テストの記録ではないので飛ばしました（${s.why}）`
        : `skipped, not a quiz journal (${s.why})`;
    process.stderr.write(`backprop-tutor: stats: ${s.file}: ${why}\n`);
  }
  const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
  process.stdout.write(statsText(stats, values.lang, width, dir));
  return 0;
}
