// The worked step of one ask as blocks of the document model: the steps of the exercise's own worked
// solution (the trace and document the HTML solutions print) that compute the asked quantity, chosen
// as the terminal quiz chooses them; a formula ask shows its model answer, and an ask no step computes
// on its own shows its hints.
import { graphDocument } from '../document/graph';
import type { Block, DocStep, WorkedDocument } from '../document/model';
import { traceDocument } from '../document/network';
import { isGraphAsk, isSymbolicAsk, type Ask } from '../exercises/types';
import type { GradingContext } from '../grader/context';
import { buildTrace } from '../trace/build';

function documentOf(ctx: GradingContext): WorkedDocument | null {
  const lang = ctx.exercise.lang;
  const name = ctx.exercise.template;
  if (ctx.graph) return graphDocument(ctx.graph, { lang, name });
  if (!ctx.solution) return null;
  const trace = buildTrace(ctx.solution, { form: 'both', givenOutputs: ctx.given });
  return traceDocument(ctx.solution, trace, { lang, name });
}

const stepsIn = (doc: WorkedDocument): DocStep[] =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'step' ? [b.step] : [])));

/** The steps that compute the ask: its cell's scalar step, else every step of its quantity. */
function stepsFor(ctx: GradingContext, ask: Ask, doc: WorkedDocument): DocStep[] {
  const all = stepsIn(doc);
  if (isGraphAsk(ask)) {
    const output = ctx.graph?.spec.output;
    const node = ask.quantity === 'value' ? output : ask.node;
    const section = ask.quantity === 'gradients' ? 'g-' : 'f-';
    return all.filter((s) => s.id.startsWith(section) && s.label[0] === node);
  }
  if (isSymbolicAsk(ask)) return [];
  const layer = ask.layer === undefined ? '' : String(ask.layer);
  const mine = all.filter((s) => s.data?.quantity === ask.quantity && s.data?.layer === layer);
  if (ask.index) {
    const cell = mine.filter((s) => s.data?.form === 'scalar' && s.data?.index === ask.index!.join(','));
    if (cell.length > 0) return cell;
  }
  const matrix = mine.filter((s) => s.data?.form === 'matrix');
  return ask.index === undefined && matrix.length > 0 ? matrix : mine;
}

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
      if (doc === undefined) doc = documentOf(ctx);
      blocks = doc ? stepsFor(ctx, ask, doc).map((step) => ({ kind: 'step', step })) : [];
    }
    if (blocks.length === 0)
      blocks = (exercise.hints[ask.id] ?? []).map((h) => ({ kind: 'paragraph', text: [h] }) as Block);
    out.set(ask.id, blocks);
  }
  return out;
}
