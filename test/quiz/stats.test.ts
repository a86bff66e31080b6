// `stats` on two journals written out by hand; every figure below is worked out from those lines by
// hand (the comments say how), in the pure computation and through the CLI (text and JSON, en and ja).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/quiz/history';
import { statsOf } from '../../src/quiz/stats';
import { duration } from '../../src/quiz/stats-text';
import { env, quizCli, type QuizCli } from './quiz-cli';

const session = (templates: string[], count: number) => ({
  type: 'session',
  version: 1,
  seed: 1,
  count,
  topics: [],
  difficulty: 1,
  lang: 'en',
  templates,
});
const answer = (
  question: number,
  ask: string,
  template: string,
  status: string,
  ms: number,
  misconception: string | null,
  at: string,
  score = status === 'correct' ? 1 : 0,
) => ({
  type: 'answer',
  question,
  ask,
  template,
  difficulty: 1,
  seed: 5,
  answer: '0',
  status,
  score,
  misconception,
  ms,
  at,
});

// Session 1 (January): the loss right at the second try (half-factor first); output-delta's a1
// missed twice (sign-flip both times), its a2 unreadable once, then skipped.
//   asks finished 3, right 1, score 1; time 30 + 20 + 10 + 5 + 1 + 0.5 = 66.5 s.
const S1 = [
  session(['loss', 'output-delta'], 2),
  answer(1, 'a1', 'loss', 'incorrect', 30_000, 'half-factor', '2026-01-10T09:00:00.000Z'),
  answer(1, 'a1', 'loss', 'correct', 20_000, null, '2026-01-10T09:01:00.000Z'),
  answer(2, 'a1', 'output-delta', 'incorrect', 10_000, 'sign-flip', '2026-01-10T09:02:00.000Z'),
  answer(2, 'a1', 'output-delta', 'incorrect', 5_000, 'sign-flip', '2026-01-10T09:03:00.000Z'),
  { type: 'steps', question: 2, ask: 'a1', at: '2026-01-10T09:03:01.000Z' },
  answer(2, 'a2', 'output-delta', 'invalid', 1_000, null, '2026-01-10T09:04:00.000Z'),
  answer(2, 'a2', 'output-delta', 'skipped', 500, null, '2026-01-10T09:05:00.000Z'),
];
// Session 2 (February): the forward pass, both asks right at the first try (a2 after a hint, score
// 0.75); the loss tried once (half-factor again) and left unfinished.
//   asks finished 2, right 2, score 1.75; time 12 + 8 + 4 = 24 s.
const S2 = [
  session(['forward-pass', 'loss'], 2),
  answer(1, 'a1', 'forward-pass', 'correct', 12_000, null, '2026-02-01T10:00:00.000Z'),
  { type: 'hint', question: 1, ask: 'a2', level: 1, cost: 0.25, at: '2026-02-01T10:00:30.000Z' },
  answer(1, 'a2', 'forward-pass', 'correct', 8_000, null, '2026-02-01T10:01:00.000Z', 0.75),
  answer(2, 'a1', 'loss', 'incorrect', 4_000, 'half-factor', '2026-02-01T10:02:00.000Z'),
];
const jsonl = (lines: readonly unknown[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

let q: QuizCli;
let dir: string;
beforeAll(() => {
  q = quizCli();
  dir = join(q.dir, 'state', 'backprop-tutor');
  mkdirSync(dir, { recursive: true });
  // Named so that the February session sorts first: the order held comes from the times inside.
  writeFileSync(join(dir, 'a-february.jsonl'), jsonl(S2));
  // A torn last line from a crash is ignored.
  writeFileSync(join(dir, 'b-january.jsonl'), `${jsonl(S1)}{"type":"answer","quest`);
  writeFileSync(join(dir, 'c-notes.jsonl'), 'my own notes\n');
  // A quiz quit before its first answer: nothing happened, so it is not a session of the history.
  writeFileSync(join(dir, 'd-quit.jsonl'), jsonl([session(['loss'], 1)]));
});
afterAll(() => q?.remove());

const stats = (...args: string[]) => q.cli.runWithEnv(env(q.dir) as Record<string, string>, 'stats', ...args);

describe('stats', () => {
  it('the figures of the two journals, worked by hand', () => {
    const s = statsOf(readHistory(dir).sessions);
    expect(s.sessions.map((x) => [x.started, x.asks, x.correct, x.score, x.ms])).toEqual([
      ['2026-01-10T09:00:00.000Z', 3, 1, 1, 66_500],
      ['2026-02-01T10:00:00.000Z', 2, 2, 1.75, 24_000],
    ]);
    expect([s.asks, s.correct, s.ms]).toEqual([5, 3, 90_500]);
    // Teaching order. Boxes: forward-pass right at the first try in session 2 → box 2, due at session
    // 1 + 2 = 3, one after the two held; the loss right only at the second try → box 1; output-layer
    // missed → box 1; both due now (seen at session 0, back after 1: 0 + 1 − 2 = −1).
    expect(s.topics).toEqual([
      {
        topic: 'forward-pass',
        asks: 2,
        correct: 2,
        ms: 20_000,
        box: 2,
        dueIn: 1,
        overTime: [{ session: 2, asks: 2, correct: 2 }],
      },
      {
        topic: 'loss',
        asks: 1,
        correct: 1,
        ms: 54_000,
        box: 1,
        dueIn: -1,
        overTime: [{ session: 1, asks: 1, correct: 1 }],
      },
      {
        topic: 'output-layer',
        asks: 2,
        correct: 0,
        ms: 16_500,
        box: 1,
        dueIn: -1,
        overTime: [{ session: 1, asks: 2, correct: 0 }],
      },
    ]);
    // Two each; half-factor was met first. The unfinished loss ask's diagnosis counts.
    expect(s.misconceptions).toEqual([
      { id: 'half-factor', count: 2, explain: 'chain-rule', box: 1 },
      { id: 'sign-flip', count: 2, explain: 'chain-rule', box: 1 },
    ]);
    // Both mistakes are due (box 1); sign-flip has two diagnoses in the profile's finished asks, half-factor
    // one (the unfinished ask is not a review), so sign-flip's output layer comes first; then the first new topic.
    expect(s.next).toEqual([
      { topic: 'output-layer', reason: 'mistake', misconception: 'sign-flip' },
      { topic: 'loss', reason: 'mistake', misconception: 'half-factor' },
      { topic: 'hidden-layers', reason: 'new' },
    ]);
  });

  it('durations: whole seconds, rounded', () => {
    expect(duration(90_500, 'en')).toBe('1 min 31 s');
    expect(duration(90_500, 'ja')).toBe('1分31秒');
    expect(duration(0, 'en')).toBe('0 s');
    expect(duration(3_600_000, 'en')).toBe('1 h');
    expect(duration(3_725_000, 'en')).toBe('1 h 2 min 5 s');
  });

  it('text: the table and the lists; a file that is not a journal is named on stderr and left out', () => {
    const r = stats();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('c-notes.jsonl: skipped, not a quiz journal');
    expect(r.stdout).toContain('2 sessions, 5 asks answered, 3 right (60%), time spent answering 1 min 31 s.');
    const row = (name: string) =>
      r.stdout
        .split('\n')
        .find((l) => l.startsWith(`  ${name} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('forward pass')).toEqual(['forward pass', '2/2', '100%', '20 s', '2', 'in 1', '2/2']);
    expect(row('loss')).toEqual(['loss', '1/1', '100%', '54 s', '1', 'now', '1/1']);
    // 16.5 s rounds to 17 s.
    expect(row('output layer')).toEqual(['output layer', '0/2', '0%', '17 s', '1', 'now', '0/2']);
    expect(r.stdout).toMatch(/half-factor \(×2\): a factor ½ was dropped/);
    expect(r.stdout).toContain('→ read: backprop-tutor explain chain-rule');
    expect(r.stdout).toMatch(/1\. output layer \(output-layer\): a mistake to work on: sign-flip/);
    expect(r.stdout).toMatch(/3\. hidden layers \(hidden-layers\): not practised yet/);
  });

  it('ja', () => {
    const r = stats('--lang', 'ja');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 セッション、5 問に解答、正解 3（60%）、解答にかけた時間 1分31秒。');
    expect(r.stdout).toContain('→ 読む: backprop-tutor explain chain-rule');
    expect(r.stdout).toContain('1. 出力層 (output-layer): 直したい間違い: sign-flip');
  });

  it('json: the same figures', () => {
    const r = stats('--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.asks, j.correct, j.ms]).toEqual([5, 3, 90_500]);
    expect(j.topics.map((t: Record<string, unknown>) => [t.topic, t.name, t.correct, t.asks, t.box, t.due_in])).toEqual(
      [
        ['forward-pass', 'forward pass', 2, 2, 2, 1],
        ['loss', 'loss', 1, 1, 1, -1],
        ['output-layer', 'output layer', 0, 2, 1, -1],
      ],
    );
    expect(j.topics[2].over_time).toEqual([{ session: 1, asks: 2, correct: 0 }]);
    expect(j.misconceptions[1]).toMatchObject({ id: 'sign-flip', count: 2, explain: 'chain-rule' });
    expect(j.misconceptions[1].words).toMatch(/^the sign is flipped/);
    expect(j.skipped).toEqual([{ file: join(dir, 'c-notes.jsonl'), why: 'the first line is not a JSON object' }]);
  });

  it('--session FILE: that journal only; a file that is not a journal is an error (exit 2)', () => {
    const r = stats('--session', join(dir, 'a-february.jsonl'), '--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.sessions.length, j.asks, j.correct, j.ms]).toEqual([1, 2, 2, 24_000]);
    const bad = stats('--session', join(dir, 'c-notes.jsonl'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/c-notes\.jsonl:1: not a quiz journal/);
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
    expect(stats('--session', join(dir, 'missing.jsonl')).status).toBe(2);
  });

  it('no journals yet: says how to start', () => {
    const r = q.cli.runWithEnv({ XDG_STATE_HOME: join(q.dir, 'empty') }, 'stats');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No quiz sessions yet');
    expect(r.stdout).toContain('backprop-tutor quiz');
  });
});
