// `stats` as text (tables in the terminal's columns) and as JSON (the same figures for scripts).
import { MISCONCEPTIONS } from '../concepts/misconceptions';
import { wrap } from '../render/terminal';
import { pick, text, type Lang, type Text } from '../text/lang';
import { displayWidth, padEnd } from '../text/width';
import type { PlanReason } from './header';
import { mistakeLines } from './mistakes';
import type { Stats } from './stats';
import { percent } from './summary';
import { topicById } from './topics';

/** Whole seconds, as minutes and seconds (hours past an hour). */
export function duration(ms: number, lang: Lang): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: [number, string, string][] = [
    [h, ' h', '時間'],
    [m, ' min', '分'],
    [s, ' s', '秒'],
  ];
  const shown = parts.filter(([n], i) => n > 0 || (i === 2 && h === 0 && m === 0));
  return shown.map(([n, en, ja]) => `${n}${lang === 'ja' ? ja : en}`).join(lang === 'ja' ? '' : ' ');
}

const W = {
  none: (dir: string): Text =>
    text(
      `No quiz sessions yet in ${dir}. Start one with: backprop-tutor quiz`,
      `${dir} にはまだ小テストの記録がありません。始めるには: backprop-tutor quiz`,
    ),
  head: (sessions: number, asks: number, correct: number, time: string): Text =>
    text(
      `${sessions} session${sessions === 1 ? '' : 's'}, ${asks} ask${asks === 1 ? '' : 's'} answered, ${correct} right (${percent(correct, asks)}), time spent answering ${time}.`,
      `${sessions} セッション、${asks} 問に解答、正解 ${correct}（${percent(correct, asks)}）、解答にかけた時間 ${time}。`,
    ),
  perTopic: text(
    'Accuracy per topic (session by session, oldest first):',
    'トピックごとの正答率（セッションごと、古い順）:',
  ),
  columns: [
    text('topic', 'トピック'),
    text('right', '正解'),
    text('', ''),
    text('time', '時間'),
    text('box', '箱'),
    text('due', '復習'),
    text('by session', 'セッションごと'),
  ],
  dueNow: text('now', '今'),
  dueIn: (n: number): Text => text(`in ${n}`, `${n} 回後`),
  mistakes: text('Most frequent mistakes:', '多かった間違い:'),
  noMistakes: text('No mistakes diagnosed.', '診断された間違いはありません。'),
  next: text('Practise next:', '次に練習するもの:'),
  reason: (reason: PlanReason, misconception: string | undefined): Text => {
    switch (reason) {
      case 'mistake':
        return text(`a mistake to work on: ${misconception}`, `直したい間違い: ${misconception}`);
      case 'missed':
        return text('missed last time', '前回できなかった');
      case 'due':
        return text('due for review', '復習の時期');
      case 'new':
        return text('not practised yet', 'まだ練習していない');
      case 'review':
        return text('the next to come back', '次に復習が来る');
    }
  },
  start: text(
    'backprop-tutor quiz puts these first (or pick one: backprop-tutor quiz --topic T).',
    'backprop-tutor quiz はこれらから出題します（トピックを選ぶなら: backprop-tutor quiz --topic T）。',
  ),
  boxes: text(
    'Boxes are Leitner boxes 1–5: a right first try moves a topic up, a miss back to box 1; box b comes back after 2^(b−1) sessions.',
    '箱はライトナーの箱 1〜5: 1回目で正解すると1つ上へ、できなければ箱1へ。箱 b は 2^(b−1) セッション後に復習します。',
  ),
};

const topicName = (id: string, lang: Lang) => {
  const t = topicById(id);
  return t ? pick(t.name, lang) : id;
};

/** Cells padded as they display; `right` columns are right-aligned. */
function table(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return rows.map((r) =>
    `  ${r
      .map((cell, i) =>
        right.has(i)
          ? ' '.repeat(widths[i] - displayWidth(cell)) + cell
          : i === r.length - 1
            ? cell
            : padEnd(cell, widths[i]),
      )
      .join('  ')}`.trimEnd(),
  );
}

/** At most this many sessions in the "by session" column (the latest). */
const SHOWN_SESSIONS = 6;

export function statsText(stats: Stats, lang: Lang, width: number, dir: string): string {
  if (stats.sessions.length === 0) return `${pick(W.none(dir), lang)}\n`;
  const out: string[] = [
    ...wrap(pick(W.head(stats.sessions.length, stats.asks, stats.correct, duration(stats.ms, lang)), lang), width),
    '',
    pick(W.perTopic, lang),
  ];
  const rows = stats.topics.map((t) => {
    const recent = t.overTime.slice(-SHOWN_SESSIONS).map((s) => `${s.correct}/${s.asks}`);
    const older = t.overTime.length > SHOWN_SESSIONS ? '… ' : '';
    return [
      topicName(t.topic, lang),
      `${t.correct}/${t.asks}`,
      percent(t.correct, t.asks),
      duration(t.ms, lang),
      String(t.box),
      pick(t.dueIn <= 0 ? W.dueNow : W.dueIn(t.dueIn), lang),
      older + recent.join(' '),
    ];
  });
  out.push(...table([W.columns.map((c) => pick(c, lang)), ...rows], new Set([1, 2, 3, 4])));
  out.push(...wrap(pick(W.boxes, lang), width));
  out.push('', pick(stats.misconceptions.length > 0 ? W.mistakes : W.noMistakes, lang));
  out.push(...mistakeLines(stats.misconceptions, lang, width));
  out.push('', pick(W.next, lang));
  stats.next.forEach((n, i) => {
    out.push(
      ...wrap(
        `  ${i + 1}. ${topicName(n.topic, lang)} (${n.topic}): ${pick(W.reason(n.reason, n.misconception), lang)}`,
        width,
        '     ',
      ),
    );
  });
  out.push(...wrap(pick(W.start, lang), width));
  return `${out.join('\n')}\n`;
}

export function statsJson(stats: Stats, lang: Lang, skipped: readonly { file: string; why: string }[]): unknown {
  return {
    sessions: stats.sessions,
    asks: stats.asks,
    correct: stats.correct,
    ms: stats.ms,
    topics: stats.topics.map((t) => ({
      topic: t.topic,
      name: topicName(t.topic, lang),
      asks: t.asks,
      correct: t.correct,
      ms: t.ms,
      box: t.box,
      due_in: t.dueIn,
      over_time: t.overTime,
    })),
    misconceptions: stats.misconceptions.map((m) => {
      const found = MISCONCEPTIONS.find((x) => x.id === m.id);
      return {
        id: m.id,
        count: m.count,
        words: found ? pick(found.words, lang) : null,
        explain: m.explain,
        box: m.box,
      };
    }),
    next: stats.next,
    skipped,
  };
}
