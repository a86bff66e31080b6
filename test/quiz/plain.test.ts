// `quiz` in plain mode, as a script drives it: one line in per ask, verdicts, second tries, hints,
// worked steps, skip, quit and end of input; the journal's lines. Expected answers are computed here
// by hand or by the float64 reference (test/exercises/float-reference.ts), never read from the quiz.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { planSession } from '../../src/quiz/plan';
import { floatAsk, floatSolve, type RawExerciseNetwork } from '../exercises/float-reference';
import { answers, journalLines, quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
});
afterAll(() => q?.remove());

// Seed 3, template output-bias-grad, two questions. The prompts (checked below) give:
// Q1: x = (0.4, 2), W = (−2, −0.3)ᵀ, b = 0, identity, ½ squared error, t = 1:
//     a = 0.4·(−2) + 2·(−0.3) + 0 = −1.4 = y;  ∂L/∂b = δ = y − t = −2.4.
// Q2: x = (0.6, −1), W = (−0.5, 2)ᵀ, b = 0.2, identity, squared error without ½, t = −1:
//     a = −0.3 − 2 + 0.2 = −2.1 = y;  ∂L/∂b = 2(y − t) = 2·(−1.1) = −2.2.
const BIAS = ['--template', 'output-bias-grad', '--count', '2', '--seed', '3'];

describe('quiz --plain', () => {
  it('grades one line per ask, gives a second try, saves every try, exit 0', () => {
    const file = q.path('bias.jsonl');
    const r = q.quiz(['1', '-2.4', '-2.2'], ...BIAS, '--session', file);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Input x = (0.4, 2)');
    expect(r.stdout).toContain('Input x = (0.6, -1)');
    // The first miss does not give the answer away before the second try.
    const first = r.stdout.slice(r.stdout.indexOf('a1> '), r.stdout.indexOf('One more try.'));
    expect(first).toContain('✗');
    expect(first).not.toMatch(/2\.4|12\/5/);
    expect(r.stdout).toContain('Quiz over: score 2/2.');
    const lines = journalLines(file);
    expect(lines[0]).toEqual({
      type: 'session',
      version: 1,
      seed: 3,
      count: 2,
      topics: expect.any(Array),
      difficulty: 1,
      lang: 'en',
      templates: ['output-bias-grad'],
    });
    const tries = answers(file);
    expect(tries.map((l) => [l.question, l.ask, l.answer, l.status, l.score])).toEqual([
      [1, 'a1', '1', 'incorrect', 0],
      [1, 'a1', '-2.4', 'correct', 1],
      [2, 'a1', '-2.2', 'correct', 1],
    ]);
    for (const t of tries) {
      expect(Object.keys(t).sort()).toEqual(
        [
          'answer',
          'ask',
          'at',
          'difficulty',
          'misconception',
          'ms',
          'question',
          'score',
          'seed',
          'status',
          'template',
          'type',
        ].sort(),
      );
      expect(t.template).toBe('output-bias-grad');
      expect(typeof t.ms).toBe('number');
      expect(new Date(t.at as string).toISOString()).toBe(t.at);
    }
  });

  it('after the second miss prints the worked step and moves on; end of input ends cleanly', () => {
    const file = q.path('miss.jsonl');
    const r = q.quiz(['1', '2'], ...BIAS, '--session', file);
    expect(r.status).toBe(0);
    const step = r.stdout.slice(r.stdout.indexOf('Worked step for a1'));
    // δ = ∂L/∂b = −2.4 = −12/5 (hand computation above), in the terminal's Unicode minus.
    expect(step).toMatch(/∂L\/\(∂b₁⁽¹⁾\) = δ₁⁽¹⁾ = −12\/5 = −2\.4/);
    expect(step).toContain('Question 2/2');
    expect(r.stdout).toContain('--resume');
    expect(journalLines(file).map((l) => [l.type, l.question, l.status ?? null])).toEqual([
      ['session', undefined, null],
      ['answer', 1, 'incorrect'],
      ['answer', 1, 'incorrect'],
      ['steps', 1, null],
    ]);
  });

  it('hint, ?, steps, skip and quit; an unreadable answer is asked again at no cost', () => {
    const file = q.path('commands.jsonl');
    const r = q.quiz(['hint', '?', 'x+', 'steps', 'skip'], ...BIAS, '--session', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hint 1 (−25%): ∂L/∂b_j = δ_j');
    expect(r.stdout).toContain('Hint 2 (−50%)');
    expect(r.stdout).toMatch(/\? Could not read that answer/);
    expect(r.stdout).toContain('Worked step for a1');
    expect(r.stdout).toContain('Skipped.');
    const lines = journalLines(file).slice(1);
    expect(lines.map((l) => [l.type, l.level ?? l.status ?? null])).toEqual([
      ['hint', 1],
      ['hint', 2],
      ['answer', 'invalid'],
      ['steps', null],
      ['answer', 'skipped'],
    ]);
    const quit = q.quiz(['quit'], ...BIAS, '--session', q.path('quit.jsonl'));
    expect(quit.status).toBe(0);
    expect(quit.stdout).toContain(`backprop-tutor quiz --session ${q.path('quit.jsonl')} --resume`);
  });

  it('hints cost what check charges: the right answer after two hints scores 0.5', () => {
    const file = q.path('hinted.jsonl');
    q.quiz(['?', '?', '-2.4'], ...BIAS, '--session', file);
    expect(answers(file).map((l) => [l.status, l.score])).toEqual([['correct', 0.5]]);
  });

  it('answers from the float64 reference are right in every template with scalar asks', () => {
    const templates = ['output-delta', 'output-weight-grad', 'hidden-delta', 'hidden-weight-grad', 'output-bias-grad'];
    const args = templates.flatMap((t) => ['--template', t]);
    const session = {
      type: 'session',
      version: 1,
      seed: 77,
      count: 6,
      topics: [],
      difficulty: 2,
      lang: 'en',
      templates,
    } as const;
    // Which exercises the quiz asks (the plan); their answers come from the reference, not from the quiz.
    const lines: string[] = [];
    for (const p of planSession(session)) {
      const ex = generateExercise({ template: p.template, seed: p.seed, difficulty: p.difficulty, lang: 'en' });
      const ref = floatSolve(
        ex.network as unknown as RawExerciseNetwork,
        ex.given?.outputs as Record<string, string[][]> | undefined,
      );
      for (const ask of ex.asks)
        lines.push(
          String(
            Number(
              (
                floatAsk(ref, ask as unknown as { quantity: string; layer?: number; index?: number[] }) as number
              ).toPrecision(10),
            ),
          ),
        );
    }
    const file = q.path('reference.jsonl');
    const r = q.quiz(lines, ...args, '--count', '6', '--seed', '77', '--difficulty', '2', '--session', file);
    expect(r.status).toBe(0);
    const tries = answers(file);
    expect(tries).toHaveLength(lines.length);
    expect(tries.every((t) => t.status === 'correct')).toBe(true);
  });

  it('Japanese with --lang ja', () => {
    const r = q.quiz(['-2.4'], ...BIAS, '--lang', 'ja', '--session', q.path('ja.jsonl'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('小テスト: 2 問');
    expect(r.stdout).toContain('問題 1/2');
    expect(r.stdout).toContain('✓ 正解です。');
    expect(r.stdout).toContain('続けるには: backprop-tutor quiz --session');
  });

  it('bad command lines and files that are not journals: one line, exit 2, the file untouched', () => {
    const bad = q.quiz([], '--topic', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^backprop-tutor: quiz: unknown topic "nope"/);
    const notes = q.path('notes.txt');
    writeFileSync(notes, 'my notes\n');
    for (const extra of [[], ['--resume']]) {
      const r = q.quiz(['1'], '--session', notes, ...extra);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/notes\.txt(:1)?: .*(not a quiz journal|not an empty file)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    }
    expect(existsSync(`${notes}.lock`)).toBe(false);
    const ja = q.quiz(['1'], '--session', notes, '--resume', '--lang', 'ja');
    expect(ja.stderr).toContain('小テストの記録ファイルではありません');
  });

  it('without --session the journal goes under $XDG_STATE_HOME/backprop-tutor/', () => {
    const r = q.quiz(['-2.4'], ...BIAS);
    expect(r.status).toBe(0);
    const saved = /Saved to (\S+)\./.exec(r.stdout)![1];
    expect(saved.startsWith(`${q.dir}/state/backprop-tutor/quiz-`)).toBe(true);
    expect(answers(saved)).toHaveLength(1);
  });
});
