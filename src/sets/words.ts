// The words of worksheets, keys and solutions, in English and Japanese (terms from the glossary:
// 問題, 解答, 配点, 途中式つきの解説).
import { text, type Text } from '../text/lang';

export const WORDS = {
  worksheet: text('Worksheet', '問題用紙'),
  key: text('Answer key', '解答'),
  solutions: text('Worked solutions', '途中式つきの解説'),
  question: (n: number, points: number): Text =>
    text(`Question ${n} (${points} ${points === 1 ? 'point' : 'points'})`, `問題 ${n}（${points} 点）`),
  questionShort: (n: number): Text => text(`Question ${n}`, `問題 ${n}`),
  code: (code: string): Text => text(`Code ${code}`, `コード ${code}`),
  student: (name: string, id: string): Text =>
    name === '' ? text(`Student ${id}`, `受験者 ${id}`) : text(`${name} (${id})`, `${name}（${id}）`),
  nameLine: text('Name: ______________________________', '氏名: ______________________________'),
  total: (points: number): Text => text(`Total: ${points} points`, `合計: ${points} 点`),
  answer: (id: string): Text => text(`${id}: `, `${id}: `),
  modelAnswer: text('Model answer', '模範解答'),
  hints: text('Hints', 'ヒント'),
} as const;

/** The words of the class report (grade --report). */
export const REPORT_WORDS = {
  report: text('Class report', '採点結果'),
  graded: (graded: number, all: number): Text =>
    text(`${graded} of ${all} students graded`, `${all} 人中 ${graded} 人を採点`),
  meanTotal: (mean: string, max: number): Text =>
    text(`class mean ${mean} of ${max} points`, `平均 ${mean} 点（満点 ${max} 点）`),
  questions: text('Questions', '問題ごとの結果'),
  meansTitle: text('Mean score per question', '問題ごとの平均点'),
  meansCaption: text(
    'The class mean of each question, as a share of its points.',
    '各問題の平均点（棒の高さは配点に対する割合）。',
  ),
  question: (n: number): Text => text(`Q${n}`, `問${n}`),
  questionHeading: (n: number, points: number): Text =>
    text(`Question ${n} (${points} ${points === 1 ? 'point' : 'points'})`, `問題 ${n}（${points} 点）`),
  mean: (mean: string, max: number): Text => text(`Mean: ${mean} of ${max}.`, `平均: ${mean} 点（${max} 点中）。`),
  noneGraded: text('No student was graded.', '採点した学生はいません。'),
  distributionTitle: (n: number): Text => text(`Scores of question ${n}`, `問題 ${n} の得点の分布`),
  distributionCaption: text(
    'How many students scored nothing, under a quarter, a half, three quarters, less than full marks, full marks.',
    '0 点、25% 未満、50% 未満、75% 未満、満点未満、満点だった学生の数。',
  ),
  misconceptions: text('Most common misconceptions', 'よくある間違い'),
  noMisconceptions: text('No misconception recognised in the answers.', '答えから見分けられた間違いはありません。'),
  misconception: (id: string, count: number): Text =>
    text(`${id} (${count} ${count === 1 ? 'answer' : 'answers'}): `, `${id}（${count} 件）: `),
  rightWay: text('. The right way: ', '。正しい手順: '),
  students: text('Students, by total', '学生ごとの得点（合計の高い順）'),
  rank: text('#', '順位'),
  id: text('id', 'ID'),
  name: text('name', '氏名'),
  code: text('code', 'コード'),
  total: text('total', '合計'),
  absent: text('no answers', '解答なし'),
  problems: text('Rows not graded', '採点しなかった行'),
  line: (n: number): Text => text(`line ${n}: `, `${n} 行目: `),
} as const;
