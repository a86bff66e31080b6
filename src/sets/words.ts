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
