// A missed question coming back within an adaptive session, on sessions written out by hand: every
// position below is worked out from the rule (back after 2 other questions, or last when the session
// ends sooner with one between; a topic at most twice; the count kept) by hand.
import { describe, expect, it } from 'vitest';
import { AGAIN, sessionQuestions } from '../../src/quiz/again';
import type { AnswerLine, EventLine, PlanEntry, SessionLine } from '../../src/quiz/header';
import { parseJournal } from '../../src/quiz/journal';
import { planSession } from '../../src/quiz/plan';
import { profileOf } from '../../src/quiz/profile';
import { foldEvents } from '../../src/quiz/session';
import { TOPICS } from '../../src/quiz/topics';

// One template of each of the first topics, in teaching order.
const PLAN: PlanEntry[] = [
  { topic: 'forward-pass', template: 'forward-pass', difficulty: 1, reason: 'new' },
  { topic: 'loss', template: 'loss', difficulty: 1, reason: 'new' },
  { topic: 'output-layer', template: 'output-delta', difficulty: 1, reason: 'new' },
  { topic: 'hidden-layers', template: 'hidden-delta', difficulty: 2, reason: 'new' },
  { topic: 'updates', template: 'weight-update', difficulty: 1, reason: 'new' },
  { topic: 'activations', template: 'activation-values', difficulty: 1, reason: 'new' },
  { topic: 'softmax', template: 'softmax-jacobian', difficulty: 1, reason: 'new' },
  { topic: 'graphs', template: 'chain-rule', difficulty: 1, reason: 'new' },
];

const sessionOf = (count: number, again = true): SessionLine => ({
  type: 'session',
  version: 1,
  seed: 42,
  count,
  topics: TOPICS.map((t) => t.id),
  difficulty: 1,
  lang: 'en',
  plan: PLAN.slice(0, count),
  ...(again ? { again: AGAIN } : {}),
});

const tried = (question: number, status: AnswerLine['status'], ask = 'a1'): AnswerLine => ({
  type: 'answer',
  question,
  ask,
  template: 'x',
  difficulty: 1,
  seed: 1,
  answer: status === 'correct' ? '1' : '2',
  status,
  score: status === 'correct' ? 1 : 0,
  misconception: null,
  ms: 10,
  at: '2026-01-01T00:00:00.000Z',
});
const right = (q: number) => [tried(q, 'correct')];
const missed = (q: number) => [tried(q, 'incorrect'), tried(q, 'incorrect')];
const secondTry = (q: number) => [tried(q, 'incorrect'), tried(q, 'correct')];

/** Each question as [template, the question it comes back for (0: planned)]. */
function asked(session: SessionLine, events: EventLine[]): [string, number][] {
  return sessionQuestions(session, foldEvents(session, events)).map((q) => [q.template, q.again ?? 0]);
}

describe('a missed question comes back', () => {
  it('after two other questions, in the place of the next planned one; the count is kept', () => {
    const s = sessionOf(6);
    const events = [...missed(1), ...right(2), ...right(3)];
    expect(asked(s, events)).toEqual([
      ['forward-pass', 0],
      ['loss', 0],
      ['output-delta', 0],
      ['forward-pass', 1],
      ['hidden-delta', 0],
      ['weight-update', 0],
    ]);
    const qs = sessionQuestions(s, foldEvents(s, events));
    // A fresh variant: the same template and difficulty, another seed; the planned ones keep theirs.
    expect(qs[3].seed).not.toBe(qs[0].seed);
    expect(qs[3].difficulty).toBe(1);
    expect(qs[4].seed).toBe(planSession(s)[3].seed);
    expect(qs[4].difficulty).toBe(2);
    expect(qs[4].question).toBe(5);
  });

  it('a skip and the steps asked for are misses; right at the second try is not', () => {
    const s = sessionOf(6);
    const steps: EventLine = { type: 'steps', question: 2, ask: 'a1', at: '2026-01-01T00:00:00.000Z' };
    expect(asked(s, [tried(1, 'skipped'), steps, ...secondTry(3)]).map(([, from]) => from)).toEqual([0, 0, 0, 1, 2, 0]);
    expect(asked(s, [...secondTry(1), ...right(2), ...right(3)]).every(([, from]) => from === 0)).toBe(true);
    // One ask of two missed: the question is missed.
    expect(asked(s, [...right(1).map((e) => ({ ...e, ask: 'a2' })), ...missed(1)])[3]).toEqual(['forward-pass', 1]);
  });

  it('a topic at most twice: missed again, it comes back once more, then not', () => {
    const s = sessionOf(8);
    const events = [...missed(1), ...right(2), ...right(3), ...missed(4), ...right(5), ...right(6), ...missed(7)];
    expect(asked(s, events)).toEqual([
      ['forward-pass', 0],
      ['loss', 0],
      ['output-delta', 0],
      ['forward-pass', 1],
      ['hidden-delta', 0],
      ['weight-update', 0],
      ['forward-pass', 4],
      ['activation-values', 0],
    ]);
  });

  it('near the end: as the last question with one between, else not at all; one place for two', () => {
    // Count 3: question 1 missed comes back as question 3 (one other between); question 2 has no room.
    expect(asked(sessionOf(3), [...missed(1), ...missed(2)])).toEqual([
      ['forward-pass', 0],
      ['loss', 0],
      ['forward-pass', 1],
    ]);
    // Count 5: questions 2 and 3 missed are both due at 5; the first missed takes it.
    expect(asked(sessionOf(5), [...right(1), ...missed(2), ...missed(3), ...right(4)])).toEqual([
      ['forward-pass', 0],
      ['loss', 0],
      ['output-delta', 0],
      ['hidden-delta', 0],
      ['loss', 2],
    ]);
  });

  it('only the questions so far: a question not yet over brings nothing back yet', () => {
    const s = sessionOf(6);
    // Question 2 has had one wrong try: not over, not missed; question 4 is the planned one.
    const state = foldEvents(s, [...right(1), tried(2, 'incorrect')]);
    expect(sessionQuestions(s, state, 2).map((q) => q.template)).toEqual(['forward-pass', 'loss']);
    expect(sessionQuestions(s, state, 4)[3].again).toBeUndefined();
  });

  it('an older journal (no "again" in its session line) resumes with its plan as it was', () => {
    const s = sessionOf(6, false);
    const old = [JSON.stringify(s), ...[...missed(1), ...right(2), ...right(3)].map((e) => JSON.stringify(e))];
    const journal = parseJournal(`${old.join('\n')}\n`, 'old.jsonl');
    const qs = sessionQuestions(journal.session, foldEvents(journal.session, journal.events));
    expect(qs.map((q) => [q.template, q.seed])).toEqual(planSession(s).map((q) => [q.template, q.seed]));
    expect(qs.every((q) => q.again === undefined)).toBe(true);
  });

  it('the journal read back gives the same questions; a bad "again" is not a journal', () => {
    const s = sessionOf(6);
    const events = [...missed(1), ...right(2), ...right(3)];
    const text = `${[s, ...events].map((l) => JSON.stringify(l)).join('\n')}\n`;
    const journal = parseJournal(text, 'j.jsonl');
    expect(journal.session.again).toEqual({ after: 2, most: 2 });
    const back = sessionQuestions(journal.session, foldEvents(journal.session, journal.events));
    expect(back).toEqual(sessionQuestions(s, foldEvents(s, events)));
    const bad = text.replace('"again":{"after":2,"most":2}', '"again":{"after":0}');
    expect(() => parseJournal(bad, 'j.jsonl')).toThrow(/again: expected/);
  });

  it('in the profile, a question back for a miss answered right keeps the topic in box 1', () => {
    const s = sessionOf(6);
    // Question 4 is forward-pass again (back for question 1), answered right at the first try.
    const templates = ['forward-pass', 'loss', 'output-delta', 'forward-pass'];
    const withTemplates = [...missed(1), ...right(2), ...right(3), ...right(4)].map((e) => ({
      ...e,
      template: templates[e.question - 1],
    }));
    const p = profileOf([{ session: s, events: withTemplates }]);
    expect(p.topics.get('forward-pass')).toEqual({ box: 1, seen: 0 });
    expect(p.topics.get('loss')).toEqual({ box: 2, seen: 0 });
  });
});
