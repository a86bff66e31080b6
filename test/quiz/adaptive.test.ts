// The adaptive quiz through the CLI: without --topic or --template the profile (the journals in the
// state folder) plans the session; what was missed comes back first, the plan is in the session line
// and --resume asks the same questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicOfTemplate } from '../../src/quiz/topics';
import { journalLines, quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
});
afterAll(() => q?.remove());

const skips = Array.from({ length: 40 }, () => 'skip');
const header = (out: string) => [
  ...out.matchAll(/^Question (\d+)\/\d+ · ([\w-]+) · difficulty (\d) · seed (\d+)\n(.*)$/gm),
];

describe('the adaptive quiz', () => {
  it('a new student starts at the beginning; what was skipped comes back first next time', () => {
    const first = q.quiz(skips, '--count', '2', '--seed', '1', '--plain');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Quiz: 2 questions (chosen from your profile), seed 1.');
    // No profile yet: the first topics in teaching order, each new (a template of each topic).
    expect(header(first.stdout).map((m) => [topicOfTemplate(m[2])?.id, m[5]])).toEqual([
      ['forward-pass', 'New to you.'],
      ['loss', 'New to you.'],
    ]);
    const second = q.quiz(['quit'], '--count', '3', '--seed', '2', '--plain');
    expect(second.status).toBe(0);
    const file = /Saved to (.*)\.\n/.exec(second.stdout)![1];
    const plan = (journalLines(file)[0].plan as Record<string, unknown>[]).map((p) => [p.topic, p.reason]);
    // Both skipped → box 1, due at the next session; then the next new topic.
    expect(plan).toEqual([
      ['forward-pass', 'missed'],
      ['loss', 'missed'],
      ['output-layer', 'new'],
    ]);
    expect(header(second.stdout)[0][5]).toBe('Back because it was missed last time.');
    // --resume: the same first question (template, difficulty, seed), from the plan in the session line.
    const resumed = q.quiz(['quit'], '--session', file, '--resume');
    expect(header(resumed.stdout)[0].slice(1, 5)).toEqual(header(second.stdout)[0].slice(1, 5));
  });

  it('--topic or --template fixes the questions: no plan', () => {
    const file = q.path('fixed.jsonl');
    q.quiz(['quit'], '--topic', 'loss', '--count', '1', '--seed', '1', '--session', file);
    expect(journalLines(file)[0].plan).toBeUndefined();
  });
});
