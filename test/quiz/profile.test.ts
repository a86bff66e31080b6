// The Leitner profile and what comes next, on journals written out by hand: every box, due session
// and plan below is worked out from the rules in src/quiz/profile.ts and src/quiz/next.ts by hand.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseBook } from '../../src/quiz/exercises';
import type { AnswerLine, EventLine, PlanEntry, SessionLine } from '../../src/quiz/header';
import { readHistory, readLeniently } from '../../src/quiz/history';
import { adaptivePlan, boxDifficulty, dueOrder, raisedDifficulty } from '../../src/quiz/next';
import { planSession } from '../../src/quiz/plan';
import { dueIn, profileOf, type PastSession } from '../../src/quiz/profile';
import { applyEvent, startSession, streakBefore } from '../../src/quiz/session';
import { TOPICS } from '../../src/quiz/topics';

const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (topic: string, template: string): PlanEntry => ({ topic, template, difficulty: 1, reason: 'new' });
const sessionOf = (plan: PlanEntry[]): SessionLine => ({
  type: 'session',
  version: 1,
  seed: 1,
  count: plan.length,
  topics: TOPICS.map((t) => t.id),
  difficulty: 1,
  lang: 'en',
  plan,
});
let clock = 0;
const answer = (
  question: number,
  template: string,
  status: AnswerLine['status'],
  misconception: string | null = null,
  ask = 'a1',
): AnswerLine => ({
  type: 'answer',
  question,
  ask,
  template,
  difficulty: 1,
  seed: 7,
  answer: status === 'correct' ? '1' : '2',
  status,
  score: status === 'correct' ? 1 : 0,
  misconception,
  ms: 1000,
  at: new Date(Date.UTC(2026, 0, 1) + 60_000 * clock++).toISOString(),
});

// Session A: the forward pass right at the first try; the loss missed twice, half-factor diagnosed twice.
const A: PastSession = {
  session: sessionOf([entry('forward-pass', 'forward-pass'), entry('loss', 'loss')]),
  events: [
    answer(1, 'forward-pass', 'correct'),
    answer(2, 'loss', 'incorrect', 'half-factor'),
    answer(2, 'loss', 'incorrect', 'half-factor'),
  ],
};
// Session B: the loss right at the first try.
const B: PastSession = { session: sessionOf([entry('loss', 'loss')]), events: [answer(1, 'loss', 'correct')] };
// Session C: output-delta right only at the second try, output-bias-grad skipped.
const C: PastSession = {
  session: sessionOf([entry('output-layer', 'output-delta'), entry('output-layer', 'output-bias-grad')]),
  events: [
    answer(1, 'output-delta', 'incorrect', 'sign-flip'),
    answer(1, 'output-delta', 'correct'),
    answer(2, 'output-bias-grad', 'skipped'),
  ],
};

describe('the Leitner profile', () => {
  it('a first-try right answer moves a topic to box 2, a miss to box 1; a misconception met goes to box 1', () => {
    const p = profileOf([A]);
    expect(p.sessions).toBe(1);
    expect(Object.fromEntries(p.topics)).toEqual({
      'forward-pass': { box: 2, seen: 0 },
      loss: { box: 1, seen: 0 },
    });
    expect(Object.fromEntries(p.misconceptions)).toEqual({
      'half-factor': { box: 1, seen: 0, count: 2, topics: ['loss'], templates: ['loss'] },
    });
  });

  it('box b comes back 2^(b−1) sessions after it was seen', () => {
    const p = profileOf([A]);
    // At session 1: the loss (box 1, seen 0) is due; the forward pass (box 2) in one more session.
    expect(dueIn(p.topics.get('loss')!, 1)).toBe(0);
    expect(dueIn(p.topics.get('forward-pass')!, 1)).toBe(1);
    expect(dueIn(p.topics.get('forward-pass')!, 2)).toBe(0);
    expect(dueIn({ box: 5, seen: 3 }, 4)).toBe(15);
  });

  it('a right answer in a topic where a mistake was met moves the mistake up', () => {
    const p = profileOf([A, B]);
    expect(p.topics.get('loss')).toEqual({ box: 2, seen: 1 });
    expect(p.topics.get('forward-pass')).toEqual({ box: 2, seen: 0 });
    expect(p.misconceptions.get('half-factor')).toMatchObject({ box: 2, seen: 1, count: 2 });
  });

  it('right only at the second try keeps the box; a skip in the same topic sends it to box 1', () => {
    expect(profileOf([C]).topics.get('output-layer')).toEqual({ box: 1, seen: 0 });
    const onlySecond: PastSession = { session: C.session, events: C.events.slice(0, 2) };
    expect(profileOf([A, B, onlySecond]).topics.get('output-layer')).toEqual({ box: 1, seen: 2 });
    expect(profileOf([A, B, onlySecond]).misconceptions.get('sign-flip')).toMatchObject({ box: 1, count: 1 });
  });

  it('a card moves up at most one box a session', () => {
    const twice: PastSession = {
      session: sessionOf([entry('loss', 'loss'), entry('loss', 'loss')]),
      events: [answer(1, 'loss', 'correct'), answer(2, 'loss', 'correct')],
    };
    expect(profileOf([twice]).topics.get('loss')).toEqual({ box: 2, seen: 0 });
  });

  it('a session with no finished ask is not counted', () => {
    const empty: PastSession = { session: sessionOf([entry('loss', 'loss')]), events: [] };
    expect(profileOf([empty, A]).sessions).toBe(1);
    expect(profileOf([empty, A]).topics.get('loss')).toEqual({ box: 1, seen: 0 });
  });
});

describe('what comes next', () => {
  const pool = TOPICS.map((t) => t.id);

  it('after A: the mistake in the loss first, then the new topics in teaching order, the forward pass last', () => {
    const order = dueOrder(profileOf([A]), pool);
    expect(order.map((p) => [p.topic, p.reason])).toEqual([
      ['loss', 'mistake'],
      ['output-layer', 'new'],
      ['hidden-layers', 'new'],
      ['updates', 'new'],
      ['activations', 'new'],
      ['softmax', 'new'],
      ['matrix-form', 'new'],
      ['graphs', 'new'],
      ['symbolic', 'new'],
      ['optimizers', 'new'],
      ['forward-pass', 'review'],
    ]);
    const plan = adaptivePlan(profileOf([A]), { seed: 4, count: 3, pool });
    expect(plan[0]).toEqual({
      topic: 'loss',
      template: 'loss',
      difficulty: 1,
      reason: 'mistake',
      misconception: 'half-factor',
    });
    expect(plan.map((p) => p.topic)).toEqual(['loss', 'output-layer', 'hidden-layers']);
  });

  it('after A and B: the forward pass is due again (box 2, two sessions later) before the new topics', () => {
    const order = dueOrder(profileOf([A, B]), pool);
    expect(order.slice(0, 2).map((p) => [p.topic, p.reason])).toEqual([
      ['forward-pass', 'due'],
      ['output-layer', 'new'],
    ]);
    // The loss and its mistake (box 2, seen at session 1) wait until session 3.
    expect(order.at(-1)).toMatchObject({ topic: 'loss', reason: 'review' });
  });

  it('a topic missed comes back before one due from a higher box', () => {
    const order = dueOrder(profileOf([A, B, C]), ['forward-pass', 'output-layer']);
    // At session 3: output-layer is in box 1 (missed in C), forward-pass in box 2 (due since session 2).
    expect(order.map((p) => [p.topic, p.reason])).toEqual([
      ['output-layer', 'mistake'],
      ['forward-pass', 'due'],
    ]);
  });

  it('stays within the pool and starts again from the top when there are more questions than topics', () => {
    const plan = adaptivePlan(profileOf([A]), { seed: 4, count: 5, pool: ['loss', 'graphs'] });
    expect(plan.map((p) => p.topic)).toEqual(['loss', 'graphs', 'loss', 'graphs', 'loss']);
    expect(plan.every((p) => TOPICS.find((t) => t.id === p.topic)!.templates.includes(p.template))).toBe(true);
  });

  it('is deterministic given the seed and the profile', () => {
    const a = adaptivePlan(profileOf([A, B]), { seed: 99, count: 12, pool });
    expect(adaptivePlan(profileOf([A, B]), { seed: 99, count: 12, pool })).toEqual(a);
    const seeds = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
        JSON.stringify(adaptivePlan(profileOf([A, B]), { seed, count: 12, pool })),
      ),
    );
    // The topics follow the profile alone; the seed draws the templates within them.
    expect(seeds.size).toBeGreaterThan(1);
    for (const s of seeds) expect(JSON.parse(s).map((p: PlanEntry) => p.topic)).toEqual(a.map((p) => p.topic));
  });

  it('difficulty: from the box (1, 1, 2, 2, 3), or --difficulty; raised by one per 3 right answers in a row', () => {
    expect([1, 2, 3, 4, 5].map(boxDifficulty)).toEqual([1, 1, 2, 2, 3]);
    expect(adaptivePlan(profileOf([A]), { seed: 1, count: 3, pool, fixed: 3 }).map((p) => p.difficulty)).toEqual([
      3, 3, 3,
    ]);
    expect([0, 2, 3, 5, 6, 9].map((s) => raisedDifficulty(1, s))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(raisedDifficulty(2, 3)).toBe(3);
  });

  it('the rise after a streak is fixed when a question starts, so a resumed session asks the same exercise', () => {
    const session = sessionOf(
      ['forward-pass', 'loss', 'activations', 'loss', 'loss'].map((t) =>
        entry(t, t === 'activations' ? 'activation-derivative' : t),
      ),
    );
    const events: EventLine[] = [
      answer(1, 'forward-pass', 'correct'),
      answer(2, 'loss', 'correct'),
      answer(3, 'activation-derivative', 'correct'),
      { type: 'hint', question: 4, ask: 'a1', level: 1, cost: 0.25, at: '' },
      answer(4, 'loss', 'incorrect'),
    ];
    const state = events.reduce(applyEvent, startSession(session));
    // Question 4 started after three right answers: +1, although the streak is 0 now.
    expect(state.streak).toBe(0);
    expect(streakBefore(state, 4)).toBe(3);
    expect(streakBefore(state, 5)).toBe(0);
    const plan = planSession(session);
    const book = exerciseBook(plan, 'en', (q) => raisedDifficulty(plan[q - 1].difficulty, streakBefore(state, q)));
    expect(book(4).planned.difficulty).toBe(2);
    expect(book(4).exercise.difficulty).toBe(2);
    expect(book(5).planned.difficulty).toBe(1);
  });
});

describe('reading the journals back', () => {
  const lines = (session: PastSession) =>
    [session.session, ...session.events].map((l) => `${JSON.stringify(l)}\n`).join('');

  it('a torn last line and a damaged line are skipped, the rest is kept', () => {
    const text = `${lines(A).replace(/\n(?=[^\n]*"question":2)/, '\n{not json\n')}{"type":"answer","quest`;
    const read = readLeniently(text, 'a.jsonl');
    expect('why' in read).toBe(false);
    if ('why' in read) return;
    expect(read.skippedLines).toBe(1);
    expect(read.events).toEqual(A.events);
    expect(profileOf([read]).topics.get('loss')).toEqual({ box: 1, seen: 0 });
  });

  it('the state folder: journals in the order held, foreign files left out and left as they are', () => {
    const state = join(dir, 'state');
    mkdirSync(state, { recursive: true });
    // B's file sorts first by name, but A was held first.
    writeFileSync(join(state, 'quiz-2.jsonl'), lines(A));
    writeFileSync(
      join(state, 'quiz-1.jsonl'),
      lines({ ...B, events: [{ ...B.events[0], at: '2026-02-01T00:00:00.000Z' }] }),
    );
    writeFileSync(join(state, 'notes.jsonl'), '{"hello": "world"}\n');
    writeFileSync(join(state, 'empty.jsonl'), '');
    writeFileSync(join(state, 'readme.txt'), 'not a journal');
    const history = readHistory(state);
    expect(history.sessions.map((s) => s.file.slice(state.length + 1))).toEqual(['quiz-2.jsonl', 'quiz-1.jsonl']);
    expect(history.skipped.map((s) => s.file.slice(state.length + 1)).sort()).toEqual(['empty.jsonl', 'notes.jsonl']);
    expect(profileOf(history.sessions).topics.get('loss')).toEqual({ box: 2, seen: 1 });
    expect(readFileSync(join(state, 'notes.jsonl'), 'utf8')).toBe('{"hello": "world"}\n');
    expect(readHistory(join(dir, 'missing'))).toEqual({ sessions: [], skipped: [] });
  });
});
