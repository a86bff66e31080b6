// The worked step of one ask, for the terminal: the steps of the exercise's own worked solution (the
// same trace and document the LaTeX/HTML solutions print) that compute the asked quantity, rendered
// by the terminal renderer. A formula ask shows its model answer.
import { graphDocument } from '../document/graph';
import type { Block, WorkedDocument } from '../document/model';
import { traceDocument } from '../document/network';
import { stepsForAsk, stepsIn } from '../exercises/ask-steps';
import { isSymbolicAsk, type Ask, type Exercise, type Lang } from '../exercises/types';
import type { GradingContext } from '../grader/context';
import { renderTerminal } from '../render/terminal';
import { trainingDocument } from '../render/worked';
import { exerciseTraining, stepsOf } from '../exercises/later-steps';
import { pick } from '../text/lang';
import { buildTrace } from '../trace/build';
import { WORDS } from './words';

const docs = new WeakMap<GradingContext, WorkedDocument | null>();

/** The exercise's worked solution, built once per grading context (the quiz and the practice page read it). */
export function documentOf(ctx: GradingContext, lang: Lang): WorkedDocument | null {
  if (docs.has(ctx)) return docs.get(ctx)!;
  let doc: WorkedDocument | null = null;
  const name = ctx.exercise.template;
  if (ctx.graph) doc = graphDocument(ctx.graph, { lang, name });
  else if (ctx.solution && ctx.spec && stepsOf(ctx.spec) > 1) {
    // Every step, each worked per element too, so that an ask of step 2 finds its own step.
    doc = trainingDocument(exerciseTraining(ctx.spec, ctx.solution), {
      lang,
      name,
      form: 'both',
      givenOutputs: ctx.given,
    });
  } else if (ctx.solution) {
    const trace = buildTrace(ctx.solution, { form: 'both', givenOutputs: ctx.given });
    doc = traceDocument(ctx.solution, trace, { lang, name });
  }
  docs.set(ctx, doc);
  return doc;
}

/** The worked step of the ask as terminal text (title, the steps), `width` columns wide. */
export function workedStepText(exercise: Exercise, ctx: GradingContext, ask: Ask, width: number): string {
  const lang = exercise.lang;
  let blocks: Block[];
  if (isSymbolicAsk(ask)) {
    const expected = exercise.expected[ask.id] as { latex?: string; expression?: string } | undefined;
    blocks = [{ kind: 'math', latex: `${ask.of} = ${expected?.latex ?? ask.expression}` }];
  } else {
    const doc = documentOf(ctx, lang);
    const steps = doc ? stepsForAsk(exercise, ask, stepsIn(doc)) : [];
    blocks = steps.map((step) => ({ kind: 'step', step }));
  }
  // No step computes it on its own (a quantity the trace does not show): the hints, the formula with the numbers.
  if (blocks.length === 0) blocks = (exercise.hints[ask.id] ?? []).map((h) => ({ kind: 'paragraph', text: [h] }));
  const doc: WorkedDocument = {
    lang,
    title: pick(WORDS.stepTitle(ask.id), lang),
    subtitle: null,
    sections: [{ id: 'step', title: pick(WORDS.stepSection, lang), blocks }],
  };
  return renderTerminal(doc, { width });
}
