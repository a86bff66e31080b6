// Interactive mode: the same turns as plain mode (turn.ts), read through @inquirer/prompts: a topic
// picker, then one `input` per ask whose validation runs the answer parser, so an unreadable answer
// is asked again with the parser's explanation before anything is graded or saved.
import { isSymbolicAsk } from '../exercises/types';
import { expectOf } from '../grader/grade';
import { readAnswer } from '../grader/student';
import { pick, type Lang } from '../text/lang';
import type { Paint } from './colour';
import type { Ending } from './plain';
import { nextAsk, type Position } from './session';
import { TOPICS } from './topics';
import { asksOf, questionText, respond, wrapped, type Mark, type Quiz } from './turn';
import { WORDS } from './words';

const COMMANDS = new Set(['hint', '?', 'steps', 'skip', 'quit']);

export interface InputConfig {
  readonly message: string;
  readonly validate: (value: string) => true | string;
}

export interface CheckboxConfig {
  readonly message: string;
  readonly choices: readonly { readonly name: string; readonly value: string; readonly checked?: boolean }[];
  readonly validate: (choices: readonly unknown[]) => true | string;
}

/** The prompts the quiz uses (the @inquirer/prompts functions, or stand-ins of the same shape). */
export interface Prompts {
  readonly input: (config: InputConfig) => Promise<string>;
}

/** The picker's first choice: let the profile choose (among the topics picked with it, else among all). */
export const ADAPTIVE = 'due';

/** The topic picker: what is due (checked), then every topic group; at least one must be picked. */
export function topicPicker(lang: Lang): CheckboxConfig {
  return {
    message: pick(WORDS.pickTopics, lang),
    choices: [
      { name: pick(WORDS.pickAdaptive, lang), value: ADAPTIVE, checked: true },
      ...TOPICS.map((t) => ({ name: `${pick(t.name, lang)} (${t.id})`, value: t.id })),
    ],
    validate: (choices) => choices.length > 0 || pick(WORDS.pickOne, lang),
  };
}

/** The prompt of one ask; its validation is the answer parser's (commands pass through). */
export function askPrompt(quiz: Quiz, pos: Position): InputConfig {
  const lang = quiz.state.session.lang;
  const x = quiz.exercise(pos.question);
  const ask = x.exercise.asks.find((a) => a.id === pos.ask)!;
  const options = isSymbolicAsk(ask) ? { variables: ask.variables } : { expect: expectOf(x.ctx, ask) };
  const attempt = pos.attempt > 1 ? ` ${pick(WORDS.secondTryMark, lang)}` : '';
  return {
    message: `${pos.ask}${attempt}`,
    validate: (value) => {
      const command = value.trim().toLowerCase();
      if (COMMANDS.has(command)) return true;
      const read = readAnswer(value, options);
      return read.kind === 'invalid' ? pick(read.message, lang) : true;
    },
  };
}

const MARK_COLOUR: Partial<Record<Mark, Parameters<Paint>[0]>> = {
  correct: 'green',
  incorrect: 'red',
  skipped: 'yellow',
  hint: 'cyan',
};

export async function runInteractive(
  quiz: Quiz,
  prompts: Prompts,
  write: (text: string) => void,
  paint: Paint,
  clock: () => number,
): Promise<Ending> {
  const lang = quiz.state.session.lang;
  let shown = 0;
  write(`${paint('dim', wrapped(quiz.width, pick(WORDS.commands, lang)).trimEnd())}\n`);
  for (;;) {
    const pos = nextAsk(quiz.state, asksOf(quiz));
    if (pos === null) return 'finished';
    if (pos.question !== shown) {
      const [head, ...rest] = questionText(quiz, pos.question).replace(/^\n/, '').split('\n');
      write(`\n${paint('bold', head)}\n${rest.join('\n')}`);
      shown = pos.question;
    }
    const start = clock();
    const line = await prompts.input(askPrompt(quiz, pos));
    const reply = respond(quiz, pos, line, clock() - start);
    if (reply.mark === 'quit') return 'quit';
    const colour = MARK_COLOUR[reply.mark];
    const [first, ...more] = reply.text.split('\n');
    write(`${colour ? paint(colour, first) : first}\n${more.join('\n')}`);
  }
}
