// Plain mode: plain text out, one line in per ask (an answer, or hint, ?, steps, skip, quit), so a
// script knows what each line answers. End of input ends the quiz with everything saved.
import { pick } from '../text/lang';
import { nextAsk } from './session';
import { asksOf, questionText, respond, wrapped, type Quiz } from './turn';
import { WORDS } from './words';

export type Ending = 'finished' | 'quit' | 'eof';

export interface PlainIO {
  /** The next line typed, or null at the end of input. */
  readonly readLine: () => Promise<string | null>;
  readonly write: (text: string) => void;
  /** Milliseconds, for how long an answer took. */
  readonly clock: () => number;
}

export async function runPlain(quiz: Quiz, io: PlainIO): Promise<Ending> {
  const lang = quiz.state.session.lang;
  let shown = 0;
  io.write(wrapped(quiz.width, pick(WORDS.commands, lang)));
  for (;;) {
    const pos = nextAsk(quiz.state, asksOf(quiz));
    if (pos === null) return 'finished';
    if (pos.question !== shown) {
      io.write(questionText(quiz, pos.question));
      shown = pos.question;
    }
    io.write(`${pos.ask}> `);
    const start = io.clock();
    const line = await io.readLine();
    if (line === null) {
      io.write('\n');
      return 'eof';
    }
    const reply = respond(quiz, pos, line, io.clock() - start);
    if (reply.mark === 'quit') return 'quit';
    io.write(reply.text);
  }
}
