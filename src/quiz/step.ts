// The worked step of one ask, for the terminal: the steps of the exercise's own worked solution (the
// same trace and document the LaTeX/HTML solutions print) that compute the asked quantity, rendered
// by the terminal renderer. A formula ask shows its model answer.
import { graphDocument } from '../document/graph';
import type { Block, DocStep, WorkedDocument } from '../document/model';
import { traceDocument } from '../document/network';
import { isGraphAsk, isSymbolicAsk, type Ask, type Exercise, type Lang } from '../exercises/types';
import type { GradingContext } from '../grader/context';
import { renderTerminal } from '../render/terminal';
import { pick } from '../text/lang';
import { buildTrace } from '../trace/build';
import { WORDS } from './words';

const docs = new WeakMap<GradingContext, WorkedDocument | null>();

function documentOf(ctx: GradingContext, lang: Lang): WorkedDocument | null {
  if (docs.has(ctx)) return docs.get(ctx)!;
  let doc: WorkedDocument | null = null;
  const name = ctx.exercise.template;
  if (ctx.graph) doc = graphDocument(ctx.graph, { lang, name });
  else if (ctx.solution) {
    const trace = buildTrace(ctx.solution, { form: 'both', givenOutputs: ctx.given });
    doc = traceDocument(ctx.solution, trace, { lang, name });
  }
  docs.set(ctx, doc);
  return doc;
}

const stepsIn = (doc: WorkedDocument): DocStep[] =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'step' ? [b.step] : [])));

/** The steps of the document that compute the ask: its cell's scalar step, else every step of its quantity. */
function stepsFor(ctx: GradingContext, ask: Ask, doc: WorkedDocument): DocStep[] {
  const all = stepsIn(doc);
  if (isSymbolicAsk(ask)) return [];
  if (isGraphAsk(ask)) {
    const output = ctx.graph?.spec.output;
    const node = ask.quantity === 'value' ? output : ask.node;
    const section = ask.quantity === 'gradients' ? 'g-' : 'f-';
    return all.filter((s) => s.id.startsWith(section) && s.label[0] === node);
  }
  const layer = ask.layer === undefined ? '' : String(ask.layer);
  const mine = all.filter((s) => s.data?.quantity === ask.quantity && s.data?.layer === layer);
  if (ask.index) {
    const cell = mine.filter((s) => s.data?.form === 'scalar' && s.data?.index === ask.index!.join(','));
    if (cell.length > 0) return cell;
  }
  const matrix = mine.filter((s) => s.data?.form === 'matrix');
  return ask.index === undefined && matrix.length > 0 ? matrix : mine;
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
    const steps = doc ? stepsFor(ctx, ask, doc) : [];
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
