// One turn of the quiz: what is shown before an ask, and what one line typed at it does. Every event
// is appended to the journal (on disk) before the text that reports it is returned, so a verdict the
// student has seen is never lost. The plain loop and the interactive prompts both take turns here.
import type { Ask } from '../exercises/types';
import { hintsFor } from '../grader/hints';
import { wrap } from '../render/terminal';
import { pick, type Lang } from '../text/lang';
import { drawNetwork } from '../text/network-drawing';
import { exerciseDrawing } from './drawing';
import type { QuizExercise } from './exercises';
import { gradeTry } from './grade-try';
import { promptLines } from './prompt-lines';
import type { AnswerLine, EventLine } from './header';
import type { JournalWriter } from './journal';
import { answersOf, applyEvent, progressOf, scoreOf, type Position, type SessionState } from './session';
import { workedStepText } from './step';
import { WORDS } from './words';

export interface Quiz {
  state: SessionState;
  readonly exercise: (question: number) => QuizExercise;
  readonly journal: JournalWriter;
  readonly width: number;
  readonly now: () => Date;
}

export type Mark = 'correct' | 'incorrect' | 'invalid' | 'skipped' | 'hint' | 'steps' | 'quit';

export interface Reply {
  readonly text: string;
  readonly mark: Mark;
}

const langOf = (quiz: Quiz): Lang => quiz.state.session.lang;
export const asksOf = (quiz: Quiz) => (question: number) => quiz.exercise(question).exercise.asks.map((a) => a.id);

function record(quiz: Quiz, event: EventLine): void {
  quiz.journal.append(event);
  quiz.state = applyEvent(quiz.state, event);
}

/** A message wrapped to `width` columns, its continuation lines two columns in, with its newline. */
export const wrapped = (width: number, line: string): string => `${wrap(line, width, '  ').join('\n')}\n`;

/** A verdict or message wrapped to the terminal, its continuation lines indented under it. */
const said = (quiz: Quiz, line: string): string => wrapped(quiz.width, line);

/** The question's header and prompt, shown when its first ask comes up, wrapped to the terminal. */
export function questionText(quiz: Quiz, question: number): string {
  const { planned, exercise } = quiz.exercise(question);
  const lang = langOf(quiz);
  const head = pick(
    WORDS.question(question, quiz.state.session.count, planned.template, planned.difficulty, planned.seed),
    lang,
  );
  const { entry, again } = planned;
  const reason =
    again !== undefined ? WORDS.again(again) : entry ? WORDS.reason(entry.reason, entry.misconception) : null;
  const why = reason ? said(quiz, pick(reason, lang)) : '';
  const drawing = exerciseDrawing(exercise, lang);
  const figure = drawing
    ? `${[...drawNetwork(drawing, quiz.width), ...wrap(drawing.legend, quiz.width)].join('\n')}\n\n`
    : '';
  const prompt = promptLines(exercise.prompt, quiz.width).join('\n');
  return `\n${said(quiz, head)}${why}${'─'.repeat(Math.min(quiz.width, 40))}\n${figure}${prompt}\n\n`;
}

export function scoreLine(quiz: Quiz): string {
  const { points, finished } = scoreOf(quiz.state);
  return `  [${pick(WORDS.score(points, finished, quiz.state.streak), langOf(quiz))}]\n`;
}

const askOf = (x: QuizExercise, id: string): Ask => x.exercise.asks.find((a) => a.id === id)!;

/** What one line typed at the ask `pos` does; `ms` is how long the student took. */
export function respond(quiz: Quiz, pos: Position, line: string, ms: number): Reply {
  const lang = langOf(quiz);
  const x = quiz.exercise(pos.question);
  const ask = askOf(x, pos.ask);
  const at = () => quiz.now().toISOString();
  const base = { question: pos.question, ask: pos.ask };
  const command = line.trim().toLowerCase();
  if (command === 'quit') return { text: '', mark: 'quit' };
  if (command === 'hint' || command === '?') {
    const hints = hintsFor(x.ctx, ask);
    const level = pos.hints + 1;
    if (level > hints.length) return { text: said(quiz, pick(WORDS.noMoreHints, lang)), mark: 'hint' };
    const hint = hints[level - 1];
    record(quiz, { type: 'hint', ...base, level, cost: hint.cost, at: at() });
    return { text: said(quiz, `${pick(WORDS.hint(level, hint.cost), lang)} ${pick(hint.text, lang)}`), mark: 'hint' };
  }
  if (command === 'steps') {
    record(quiz, { type: 'steps', ...base, at: at() });
    return { text: workedStepText(x.exercise, x.ctx, ask, quiz.width) + scoreLine(quiz), mark: 'steps' };
  }
  const answerBase = {
    type: 'answer',
    ...base,
    template: x.planned.template,
    difficulty: x.planned.difficulty,
    seed: x.planned.seed,
    answer: line,
    ms: Math.round(ms),
  } as const;
  if (command === 'skip') {
    record(quiz, { ...answerBase, status: 'skipped', score: 0, misconception: null, at: at() });
    return { text: `${pick(WORDS.skipped, lang)}\n${scoreLine(quiz)}`, mark: 'skipped' };
  }
  const others = answersOf(quiz.state, pos.question, asksOf(quiz)(pos.question));
  const result = gradeTry(x.ctx, ask.id, line, others, pos.hints);
  const event: AnswerLine = {
    ...answerBase,
    status: result.status,
    score: result.score,
    misconception: result.misconception,
    at: at(),
  };
  record(quiz, event);
  const feedback = pick(result.feedback, lang);
  if (result.status === 'invalid')
    return { text: said(quiz, `? ${pick(WORDS.invalid, lang)} ${feedback}`), mark: 'invalid' };
  const score = pick(WORDS.tryScore(result.score), lang);
  if (result.status === 'correct')
    return { text: `${said(quiz, `✓ ${feedback}${score}`)}${scoreLine(quiz)}`, mark: 'correct' };
  if (!progressOf(quiz.state, pos.question, pos.ask).done) {
    // Before the second try, a feedback that only gives the right answer away is kept back.
    const shown = result.revealsOnly ? pick(WORDS.incorrect, lang) : feedback;
    return { text: `${said(quiz, `✗ ${shown}${score}`)}${pick(WORDS.secondTry, lang)}\n`, mark: 'incorrect' };
  }
  const verdict = said(quiz, `✗ ${feedback}${score}`);
  // The second miss: the worked step, and the quiz moves on.
  record(quiz, { type: 'steps', ...base, at: at() });
  return {
    text: `${verdict}${workedStepText(x.exercise, x.ctx, ask, quiz.width)}${scoreLine(quiz)}`,
    mark: 'incorrect',
  };
}
