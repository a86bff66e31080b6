// The words of the practice page in English and Japanese: those set on the server, and those the
// page's script puts in as the student works (handed to it as JSON, in the page's language).
import { pick, text, type Lang } from '../text/lang';

export const WORDS = {
  title: text('Backpropagation practice', '誤差逆伝播法の練習'),
  holdsAnswers: text(
    'This page holds its answers (it grades them in your browser, without a server): use it for practice and homework, not for exams.',
    'このページは解答を含んでいます（サーバーを使わず、ブラウザーの中で採点します）。練習と宿題に使い、試験には使わないでください。',
  ),
  howTo: text(
    'Type an answer and press Enter to have it checked. Tab moves to the next field.',
    '解答を入力して Enter キーを押すと採点されます。Tab キーで次の欄へ移ります。',
  ),
  syntax: text(
    'Write exact values or honestly rounded decimals: 3/20, -0.15, 0.5*(1-0.5), 1.5e-3; vectors and matrices as [1, 2; 3, 4] (rows split by ;).',
    '厳密な値か、正しく丸めた小数で書きます: 3/20, -0.15, 0.5*(1-0.5), 1.5e-3。ベクトルと行列は [1, 2; 3, 4]（行は ; で区切る）。',
  ),
  kept: text(
    'Your answers are kept in this browser (localStorage), so reloading the page loses nothing.',
    '解答はこのブラウザー（localStorage）に保存されるので、再読み込みしても消えません。',
  ),
  tools: text('Your answers', 'あなたの解答'),
  studentId: text('Your student id (for the exported CSV)', '学生番号（書き出す CSV 用）'),
  student: (name: string, id: string) =>
    text(`Student: ${name === '' ? id : `${name} (${id})`}`, `学生: ${name === '' ? id : `${name}（${id}）`}`),
  exportCsv: text('Export my answers (CSV)', '解答を書き出す（CSV）'),
  reset: text('Reset the page', 'ページをリセット'),
  question: (n: number) => text(`Question ${n}`, `問題 ${n}`),
  answerFor: (id: string) => text(`Answer ${id}`, `解答 ${id}`),
  hints: text('Hints', 'ヒント'),
  workedStep: (id: string) => text(`Worked step for ${id}`, `${id} の途中式`),
  footer: (version: string) =>
    text(
      `Made by backprop-tutor ${version}; graded with the same parser and grader as backprop-tutor check.`,
      `backprop-tutor ${version} で作成。backprop-tutor check と同じ解答の読み取りと採点で採点します。`,
    ),
};

/** The words the page's script uses, in the page's language ({n}, {k}, {p}, {s} are filled in there). */
export function scriptWords(lang: Lang) {
  const w = (en: string, ja: string) => pick(text(en, ja), lang);
  return {
    score: w('Score: {s} of {n}', '得点: {n} 点中 {s} 点'),
    hint: w('Hint {k} (−{p}%)', 'ヒント {k}（−{p}%）'),
    noMoreHints: w('No more hints', 'ヒントはこれで全部です'),
    showStep: w('Show the worked step', '途中式を見る'),
    hideStep: w('Hide the worked step', '途中式を隠す'),
    confirmReset: w('Clear every answer and hint on this page?', 'このページのすべての解答とヒントを消しますか？'),
    exported: w('Saved {file}.', '{file} を保存しました。'),
  };
}

export type ScriptWords = ReturnType<typeof scriptWords>;
