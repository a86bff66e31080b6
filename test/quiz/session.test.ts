// The session state as pure functions: which ask comes next after each kind of event.
import { describe, expect, it } from 'vitest';
import type { AnswerLine, SessionLine } from '../../src/quiz/header';
import { applyEvent, foldEvents, nextAsk, scoreOf, startSession, type SessionState } from '../../src/quiz/session';

const session: SessionLine = {
  type: 'session',
  version: 1,
  seed: 1,
  count: 2,
  topics: ['output-layer'],
  difficulty: 1,
  lang: 'en',
};
// Question 1 has asks a1 and a2, question 2 has a1.
const asksOf = (q: number) => (q === 1 ? ['a1', 'a2'] : ['a1']);
const answer = (question: number, ask: string, status: AnswerLine['status'], score = 0): AnswerLine => ({
  type: 'answer',
  question,
  ask,
  template: 'output-delta',
  difficulty: 1,
  seed: 9,
  answer: 'x',
  status,
  score,
  misconception: null,
  ms: 1,
  at: '2026-01-01T00:00:00.000Z',
});
const fold = (...events: Parameters<typeof applyEvent>[1][]): SessionState =>
  events.reduce(applyEvent, startSession(session));

describe('nextAsk', () => {
  it('starts at question 1, ask a1, first try', () => {
    expect(nextAsk(fold(), asksOf)).toEqual({ question: 1, ask: 'a1', attempt: 1, hints: 0 });
  });
  it('a wrong answer gets a second try; after the second miss the next ask comes', () => {
    expect(nextAsk(fold(answer(1, 'a1', 'incorrect')), asksOf)).toMatchObject({ ask: 'a1', attempt: 2 });
    expect(nextAsk(fold(answer(1, 'a1', 'incorrect'), answer(1, 'a1', 'incorrect')), asksOf)).toMatchObject({
      question: 1,
      ask: 'a2',
      attempt: 1,
    });
  });
  it('an unreadable answer costs nothing: the same try again', () => {
    expect(nextAsk(fold(answer(1, 'a1', 'invalid'), answer(1, 'a1', 'invalid')), asksOf)).toMatchObject({
      ask: 'a1',
      attempt: 1,
    });
  });
  it('hints are counted; steps and skip end the ask', () => {
    const hint = { type: 'hint', question: 1, ask: 'a1', level: 1, cost: 0, at: '' } as const;
    expect(nextAsk(fold(hint), asksOf)).toMatchObject({ ask: 'a1', hints: 1 });
    expect(nextAsk(fold({ type: 'steps', question: 1, ask: 'a1', at: '' }), asksOf)).toMatchObject({ ask: 'a2' });
    expect(nextAsk(fold(answer(1, 'a1', 'skipped'), answer(1, 'a2', 'correct', 1)), asksOf)).toMatchObject({
      question: 2,
      ask: 'a1',
    });
  });
  it('null when every ask is over; events after an ask is over change nothing', () => {
    const state = fold(answer(1, 'a1', 'correct', 1), answer(1, 'a2', 'correct', 0.5), answer(2, 'a1', 'skipped'));
    expect(nextAsk(state, asksOf)).toBeNull();
    expect(applyEvent(state, answer(1, 'a1', 'incorrect'))).toBe(state);
    // 1 + 0.5 + 0 over three finished asks; the streak was broken by the skip.
    expect(scoreOf(state)).toEqual({ points: 1.5, finished: 3 });
    expect(state.streak).toBe(0);
  });
  it('the streak counts right answers in a row', () => {
    expect(fold(answer(1, 'a1', 'correct', 1), answer(1, 'a2', 'correct', 1)).streak).toBe(2);
    expect(fold(answer(1, 'a1', 'correct', 1), answer(1, 'a2', 'incorrect')).streak).toBe(0);
  });
});

describe('foldEvents', () => {
  it('gives the state reduce(applyEvent) gives, on random event sequences', () => {
    const statuses = ['correct', 'incorrect', 'invalid', 'skipped'] as const;
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const events: Parameters<typeof applyEvent>[1][] = [];
      for (let i = rand(12); i > 0; i--) {
        const question = 1 + rand(2);
        const ask = asksOf(question)[rand(asksOf(question).length)];
        const kind = rand(6);
        if (kind === 0) events.push({ type: 'hint', question, ask, level: 1 + rand(2), cost: 0.25, at: '' });
        else if (kind === 1) events.push({ type: 'steps', question, ask, at: '' });
        else events.push(answer(question, ask, statuses[rand(4)], rand(2)));
      }
      const folded = foldEvents(session, events);
      const reduced = fold(...events);
      expect([...folded.asks]).toEqual([...reduced.asks]);
      expect([folded.streak, [...folded.started]]).toEqual([reduced.streak, [...reduced.started]]);
    }
  });
});
