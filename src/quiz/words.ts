// Everything the quiz itself says, in English and Japanese (terms from the project's glossary:
// 小テスト, 問い, ヒント, 正解 / 不正解, 得点, 途中式).
import { text, type Text } from '../text/lang';
import type { PlanReason } from './header';

export const WORDS = {
  start: (count: number, topics: string, seed: number): Text =>
    text(
      `Quiz: ${count} question${count === 1 ? '' : 's'} (${topics}), seed ${seed}.`,
      `小テスト: ${count} 問（${topics}）、シード ${seed}。`,
    ),
  commands: text(
    'Type an answer, or: hint (or ?) for a hint, steps for the worked step, skip, quit.',
    '解答を入力してください。ほかに: hint（または ?）でヒント、steps で途中式、skip で飛ばす、quit で終了。',
  ),
  question: (n: number, count: number, template: string, difficulty: number, seed: number): Text =>
    text(
      `Question ${n}/${count} · ${template} · difficulty ${difficulty} · seed ${seed}`,
      `問題 ${n}/${count}・${template}・難易度 ${difficulty}・シード ${seed}`,
    ),
  incorrect: text('Not right.', '不正解です。'),
  invalid: text(
    'Could not read that answer (it costs nothing, try again):',
    '解答を読み取れません（減点はありません。もう一度）:',
  ),
  skipped: text('Skipped.', '飛ばしました。'),
  secondTry: text('One more try.', 'もう一度どうぞ。'),
  secondTryMark: text('(second try)', '（2回目）'),
  pickTopics: text(
    'Which topics? (space to pick, enter to start)',
    'どのトピックを練習しますか？（スペースで選び、Enter で開始）',
  ),
  pickAdaptive: text(
    'What is due for you (your profile chooses; add topics to stay within them)',
    'あなたの復習の時期が来たもの（記録から選びます。トピックも選ぶとその中から）',
  ),
  adaptive: text('chosen from your profile', 'あなたの記録から選びました'),
  reason: (reason: PlanReason, misconception: string | undefined): Text => {
    switch (reason) {
      case 'mistake':
        return text(`Back for a mistake you made: ${misconception}.`, `以前の間違いの復習: ${misconception}。`);
      case 'missed':
        return text('Back because it was missed last time.', '前回できなかったので、もう一度。');
      case 'due':
        return text('Due for review.', '復習の時期です。');
      case 'new':
        return text('New to you.', '初めてのトピックです。');
      case 'review':
        return text('Review ahead of time.', '早めの復習です。');
    }
  },
  again: (missed: number): Text =>
    text(`Back because you missed it in question ${missed}.`, `問題 ${missed} で間違えたので、もう一度。`),
  pickOne: text('Pick at least one topic.', 'トピックを1つ以上選んでください。'),
  score: (points: number, finished: number, streak: number): Text =>
    text(`score ${points}/${finished} · streak ${streak}`, `得点 ${points}/${finished}・連続正解 ${streak}`),
  tryScore: (score: number): Text => text(` (score ${score})`, `（得点 ${score}）`),
  hint: (level: number, cost: number): Text =>
    text(`Hint ${level} (−${Math.round(cost * 100)}%):`, `ヒント ${level}（−${Math.round(cost * 100)}%）:`),
  noMoreHints: text(
    'No more hints for this ask; try steps for the worked step.',
    'この問いのヒントはもうありません。steps で途中式を表示できます。',
  ),
  stepTitle: (ask: string): Text => text(`Worked step for ${ask}`, `${ask} の途中式`),
  stepSection: text('The right way', '正しい求め方'),
  expected: text('expected', '正解'),
  done: (points: number, finished: number): Text =>
    text(`Quiz over: score ${points}/${finished}.`, `小テスト終了: 得点 ${points}/${finished}。`),
  perTopic: text('Accuracy per topic:', 'トピックごとの正答率:'),
  misconceptions: text('Mistakes met:', '見られた間違い:'),
  readExplain: (command: string): Text => text(`read: ${command}`, `読む: ${command}`),
  readRule: (formula: string): Text => text(`the rule: ${formula}`, `正しい式: ${formula}`),
  saved: (file: string): Text => text(`Saved to ${file}.`, `${file} に保存しました。`),
  resumeWith: (command: string): Text => text(`To continue: ${command}`, `続けるには: ${command}`),
  nothingLeft: text('This session is already finished.', 'このセッションはすでに終わっています。'),
};
