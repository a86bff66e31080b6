// The worked step of one ask as blocks of the document model: the steps of the exercise's own worked
// solution (the trace and document the HTML solutions print) that compute the asked quantity, chosen
// as the terminal quiz chooses them; a formula ask shows its model answer, and an ask no step computes
// on its own shows its hints.
import type { Block, WorkedDocument } from '../document/model';
import { stepsForAsk, stepsIn } from '../exercises/ask-steps';
import { isSymbolicAsk } from '../exercises/types';
import type { GradingContext } from '../grader/context';
import { documentOf } from '../quiz/step';

/** The worked step of every ask of the exercise, by ask id (the document is built once). */
export function workedStepBlocks(ctx: GradingContext): ReadonlyMap<string, readonly Block[]> {
  const exercise = ctx.exercise;
  let doc: WorkedDocument | null | undefined;
  const out = new Map<string, readonly Block[]>();
  for (const ask of exercise.asks) {
    let blocks: Block[];
    if (isSymbolicAsk(ask)) {
      const expected = exercise.expected[ask.id] as { latex?: string } | undefined;
      blocks = expected?.latex ? [{ kind: 'paragraph', text: [`${ask.of} = `, { math: expected.latex }] }] : [];
    } else {
      if (doc === undefined) doc = documentOf(ctx, exercise.lang);
      blocks = doc ? stepsForAsk(exercise, ask, stepsIn(doc)).map((step) => ({ kind: 'step', step })) : [];
    }
    if (blocks.length === 0)
      blocks = (exercise.hints[ask.id] ?? []).map((h) => ({ kind: 'paragraph', text: [h] }) as Block);
    out.set(ask.id, blocks);
  }
  return out;
}
