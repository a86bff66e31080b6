// The interactive prompts through @inquirer/testing: the topic picker, and an ask's input whose
// validation is the answer parser (an unreadable answer is asked again, nothing saved).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkbox, input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseBook } from '../../src/quiz/exercises';
import type { SessionLine } from '../../src/quiz/header';
import { askPrompt, topicPicker } from '../../src/quiz/interactive';
import { createJournal } from '../../src/quiz/journal';
import { planSession } from '../../src/quiz/plan';
import { nextAsk, startSession } from '../../src/quiz/session';
import { asksOf, respond, type Quiz } from '../../src/quiz/turn';
import { journalLines } from './quiz-cli';

const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-quiz-prompts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function quizOf(lang: 'en' | 'ja', name: string): Quiz {
  // As in plain.test.ts: seed 3, output-bias-grad; question 1's ∂L/∂b = −2.4 (worked by hand there).
  const session: SessionLine = {
    type: 'session',
    version: 1,
    seed: 3,
    count: 1,
    topics: [],
    difficulty: 1,
    lang,
    templates: ['output-bias-grad'],
  };
  return {
    state: startSession(session),
    exercise: exerciseBook(planSession(session), lang),
    journal: createJournal(join(dir, name), session),
    width: 80,
    now: () => new Date(),
  };
}

describe('quiz prompts', () => {
  it('an ask: the parser explains an unreadable answer, the answer then goes to the grader', async () => {
    const quiz = quizOf('en', 'en.jsonl');
    const pos = nextAsk(quiz.state, asksOf(quiz))!;
    const { answer, events, getScreen, nextRender } = await render(input, askPrompt(quiz, pos));
    expect(getScreen()).toContain('a1');
    events.type('x+');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('"x" is not a number or a');
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.type('-2.4');
    events.keypress('enter');
    const typed = await answer;
    expect(typed).toBe('-2.4');
    // Nothing was saved for the unreadable answer: the journal has the session line only, then this try.
    expect(respond(quiz, pos, typed, 5).mark).toBe('correct');
    expect(journalLines(join(dir, 'en.jsonl')).map((l) => [l.type, l.status ?? null])).toEqual([
      ['session', null],
      ['answer', 'correct'],
    ]);
  });

  it('commands pass the validation; Japanese messages', async () => {
    const quiz = quizOf('ja', 'ja.jsonl');
    const pos = nextAsk(quiz.state, asksOf(quiz))!;
    const config = askPrompt(quiz, pos);
    for (const c of ['hint', '?', 'steps', 'skip', 'quit']) expect(config.validate(c)).toBe(true);
    expect(config.validate('x+')).toContain('「x」は数でも使える関数でもありません');
  });

  it('the topic picker offers what is due (checked), lists the topic groups and wants at least one', async () => {
    const picker = topicPicker('en');
    expect(picker.choices.filter((c) => c.checked).map((c) => c.value)).toEqual(['due']);
    expect(picker.choices.map((c) => c.value)).toEqual([
      'due',
      'forward-pass',
      'loss',
      'output-layer',
      'hidden-layers',
      'updates',
      'activations',
      'softmax',
      'matrix-form',
      'graphs',
      'symbolic',
      'optimizers',
    ]);
    const { answer, events, getScreen, nextRender } = await render(checkbox, {
      ...picker,
      choices: [...picker.choices],
    });
    // What is due is picked unless unpicked; with nothing picked, the picker asks again.
    events.keypress('space');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('Pick at least one topic.');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['loss']);
  });
});
