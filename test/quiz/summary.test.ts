// The end of a quiz: accuracy per topic and the misconceptions met, each with its one line and what to
// read; and the readings themselves (every misconception has one, every topic named exists).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISCONCEPTION_IDS } from '../../src/concepts/misconceptions';
import { findTopic } from '../../src/explain';
import { mistakeLines } from '../../src/quiz/mistakes';
import { READING } from '../../src/quiz/readings';
import { quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
});
afterAll(() => q?.remove());

// Seed 3, output-bias-grad (worked by hand in plain.test.ts): Q1 ∂L/∂b = y − t = −2.4 with the ½
// squared error, so 2.4 is t − y (sign-flip); Q2 ∂L/∂b = 2(y − t) = −2.2 without ½, so −1.1 = y − t
// is the ½ dropped (half-factor).
const BIAS = ['--template', 'output-bias-grad', '--count', '2', '--seed', '3'];

describe('the summary at the end of a quiz', () => {
  it('accuracy per topic; each mistake met with how often, its one line and the explain topic', () => {
    const r = q.quiz(['2.4', '2.4', '-1.1', '-2.2'], ...BIAS, '--session', q.path('summary.jsonl'));
    expect(r.status).toBe(0);
    const summary = r.stdout.slice(r.stdout.indexOf('Quiz over'));
    expect(summary).toContain('Quiz over: score 1/2.');
    expect(summary).toMatch(/Accuracy per topic:\n {2}output layer {2}1\/2 {2}50%\n/);
    expect(summary).toMatch(/Mistakes met:\n {2}sign-flip \(×2\): the sign is flipped/);
    expect(summary).toMatch(/ {2}half-factor \(×1\): a factor ½ was dropped or added/);
    expect(summary.match(/→ read: backprop-tutor explain chain-rule/g)).toHaveLength(2);
    for (const line of summary.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('verdicts are wrapped to the 80 columns of a pipe, continued two columns in', () => {
    const r = q.quiz(['2.4', '2.4', '-1.1', '-2.2'], ...BIAS, '--session', q.path('wrapped.jsonl'));
    const lines = r.stdout.split('\n');
    const from = lines.findIndex((l) => l.startsWith('a1> ✗ Incorrect: it looks like the sign is flipped'));
    const to = lines.indexOf('One more try.', from);
    expect(to - from).toBeGreaterThan(1);
    // The first line follows the prompt "a1> ".
    expect(lines[from].length - 'a1> '.length).toBeLessThanOrEqual(80);
    for (const l of lines.slice(from + 1, to)) {
      expect(l.length).toBeLessThanOrEqual(80);
      expect(l).toMatch(/^ {2}\S/);
    }
    expect(lines.slice(from, to).join(' ').replace(/\s+/g, ' ')).toContain('(or the gradient was negated)');
  });

  it('in Japanese', () => {
    const r = q.quiz(['2.4', '2.4', '-1.1', '-2.2'], ...BIAS, '--lang', 'ja', '--session', q.path('summary-ja.jsonl'));
    expect(r.stdout).toMatch(/トピックごとの正答率:\n {2}出力層 {2}1\/2 {2}50%\n/);
    expect(r.stdout).toContain('見られた間違い:');
    expect(r.stdout).toContain('→ 読む: backprop-tutor explain chain-rule');
  });

  it('every misconception has a reading, and every reading is an explain topic', () => {
    expect(Object.keys(READING).sort()).toEqual([...MISCONCEPTION_IDS].sort());
    for (const topic of Object.values(READING)) if (topic !== null) expect(findTopic(topic)?.id).toBe(topic);
  });

  it('a mistake without an explain topic shows the rule instead', () => {
    // wrong-update-sign and forgot-learning-rate: the update rule is derived in no explain topic.
    expect(READING['wrong-update-sign']).toBeNull();
    const lines = mistakeLines([{ id: 'wrong-update-sign', count: 3 }], 'en', 100);
    expect(lines[0]).toBe('  wrong-update-sign (×3): the update went uphill: w + η·∂L/∂w instead of w − η·∂L/∂w');
    expect(lines[1]).toMatch(/^ {4}→ the rule: .*w.*η/);
    // Wrapped to 80 columns, continued under the id.
    expect(mistakeLines([{ id: 'wrong-update-sign', count: 3 }], 'en', 80).slice(0, 2)).toEqual([
      '  wrong-update-sign (×3): the update went uphill: w + η·∂L/∂w instead of w −',
      '    η·∂L/∂w',
    ]);
  });
});
