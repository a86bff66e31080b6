// The quiz's text fits the terminal: for every template and difficulty, in English and Japanese, at
// 80 and 60 columns, every line of a question (header, drawing, prompt), a hint, the verdicts of two
// wrong tries and the worked step is at most as wide as the terminal, counting a Japanese character
// as two columns (text/width.ts follows Unicode's East Asian Width).
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/exercises/templates/index';
import { exerciseBook } from '../../src/quiz/exercises';
import type { SessionLine } from '../../src/quiz/header';
import type { JournalWriter } from '../../src/quiz/journal';
import { planSession } from '../../src/quiz/plan';
import { promptLines } from '../../src/quiz/prompt-lines';
import { nextAsk, startSession } from '../../src/quiz/session';
import { asksOf, questionText, respond, type Quiz } from '../../src/quiz/turn';
import { displayWidth } from '../../src/text/width';

const nowhere: JournalWriter = { file: 'nowhere.jsonl', append() {}, close() {} };

describe('the quiz at the width of the terminal', () => {
  it('wraps a prompt line under its words; keeps a matrix whole', () => {
    const prompt = [
      'Layout x·W: a = x·W + b with row vectors; W[i][j] is the weight from input i to unit j.',
      '  W¹ = [ -0.5  -1 ]',
      '       [ -0.3   2 ]',
      '  a1: ∂L/∂b¹₁, the gradient ∂L/∂b of unit 1 in layer 1 (the output layer)',
      'レイアウト x·W: 行ベクトルで a = x·W + b。W[i][j] は入力 i からユニット j への重み。',
    ].join('\n');
    expect(promptLines(prompt, 40)).toEqual([
      'Layout x·W: a = x·W + b with row',
      '  vectors; W[i][j] is the weight from',
      '  input i to unit j.',
      '  W¹ = [ -0.5  -1 ]',
      '       [ -0.3   2 ]',
      '  a1: ∂L/∂b¹₁, the gradient ∂L/∂b of',
      '      unit 1 in layer 1 (the output',
      '      layer)',
      'レイアウト x·W: 行ベクトルで a = x·W +',
      '  b。W[i][j] は入力 i からユニット j へ',
      '  の重み。',
    ]);
    // Wide characters count two columns: 38 and 39 of 40 above (the next character would not fit);
    // a "。" never starts a line, also after a narrow character.
    expect(displayWidth('レイアウト x·W: 行ベクトルで a = x·W +')).toBe(38);
    expect(displayWidth('  b。W[i][j] は入力 i からユニット j へ')).toBe(39);
  });

  it('every line of every template fits 80 and 60 columns, en and ja: question, hint, verdicts, worked step', () => {
    let lines = 0;
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (const lang of ['en', 'ja'] as const) {
          const session: SessionLine = {
            type: 'session',
            version: 1,
            seed: 1,
            count: 1,
            topics: [],
            difficulty,
            lang,
            templates: [template.name],
          };
          const book = exerciseBook(planSession(session), lang);
          for (const width of [80, 60]) {
            const quiz: Quiz = {
              state: startSession(session),
              exercise: book,
              journal: nowhere,
              width,
              now: () => new Date(),
            };
            const said = [questionText(quiz, 1)];
            const first = nextAsk(quiz.state, asksOf(quiz))!;
            said.push(respond(quiz, first, 'hint', 1).text);
            said.push(respond(quiz, first, '123456789', 1).text);
            said.push(respond(quiz, { ...first, attempt: 2, hints: 1 }, '123456789', 1).text);
            const second = nextAsk(quiz.state, asksOf(quiz));
            if (second !== null && second.question === 1) said.push(respond(quiz, second, 'steps', 1).text);
            for (const line of said.join('').split('\n')) {
              expect(
                displayWidth(line),
                `${template.name} ${difficulty} ${lang} ${width}: ${line}`,
              ).toBeLessThanOrEqual(width);
              lines++;
            }
          }
        }
    expect(lines).toBeGreaterThan(10_000);
  });
});
