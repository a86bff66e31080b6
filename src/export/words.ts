// The words of exported questions, in the set's language (terms from the glossary: 問題, 問い, 解答,
// 有効数字, 途中式つきの解説).
import { text, type Text } from '../text/lang';

export const WORDS = {
  question: (n: number): Text => text(`Question ${n}`, `問題 ${n}`),
  variant: (n: number, id: string, code: string): Text =>
    text(`Question ${n} — variant ${id} (code ${code})`, `問題 ${n} — ${id}（コード ${code}）`),
  category: (n: number, points: number, variants: number): Text =>
    text(
      `Question ${n} of the set (${points} ${points === 1 ? 'point' : 'points'}): ${variants} ${variants === 1 ? 'variant' : 'variants'}, each verified; draw one at random per student.`,
      `セットの問題 ${n}（${points} 点）: 検証済みの ${variants} 通りの問題。学生ごとに1つを無作為に出題してください。`,
    ),
  /** What the LMS accepts, said under every question: it reads decimals only. */
  instructions: text(
    'Type each answer as a decimal (fractions are not accepted here), exact or correctly rounded to at least 3 significant figures.',
    '各解答は小数で入力してください（分数は入力できません）。厳密な値、または有効数字3桁以上に正しく丸めた値。',
  ),
  /** A cell of a vector or matrix ask, 1-based as in the prompts. */
  cell: (ask: string, cell: readonly number[]): Text => {
    if (cell.length === 0) return text(ask, ask);
    if (cell.length === 1) return text(`${ask}, entry ${cell[0] + 1}`, `${ask} の第 ${cell[0] + 1} 成分`);
    return text(`${ask}, row ${cell[0] + 1}, column ${cell[1] + 1}`, `${ask} の ${cell[0] + 1} 行 ${cell[1] + 1} 列`);
  },
  answerFor: (label: string): Text => text(`Answer ${label}:`, `${label} の解答:`),
  workedStep: (ask: string): Text => text(`${ask}: the worked step`, `${ask}: 途中式`),
} as const;
