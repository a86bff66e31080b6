// Points feedback at the step of the worked solution (src/trace/) that shows the right way: the step
// of the misconception's quantity, in the layer where the mistake shows, at the asked cell when the
// quantities agree. Step ids are the trace's own ("delta/1/0,0", "m:grad_weights/0/").
import type { Mistake } from '../engine/mistakes';
import type { Ask } from '../exercises/types';
import { buildTrace } from '../trace/build';
import { stepLabel } from '../trace/document';
import { messages } from '../i18n';
import type { Step, Trace } from '../trace/types';
import type { GradingContext } from './context';
import { misconception } from './misconceptions';

const traces = new WeakMap<GradingContext, Trace | null>();

function traceOf(ctx: GradingContext): Trace | null {
  if (!traces.has(ctx)) {
    let trace: Trace | null = null;
    try {
      trace = ctx.solution ? buildTrace(ctx.solution, { form: 'both', givenOutputs: ctx.given }) : null;
    } catch {
      trace = null;
    }
    traces.set(ctx, trace);
  }
  return traces.get(ctx)!;
}

/** The step that shows the right way: its id (the HTML solution's anchor #step-ID) and its label in both languages. */
export interface StepReference {
  readonly id: string;
  readonly label_en: string;
  readonly label_ja: string;
}

/** The step that shows the right way for `mistake` in `ask`, or null when there is none. */
export function stepFor(ctx: GradingContext, ask: Ask, mistake: Mistake): StepReference | null {
  const trace = traceOf(ctx);
  if (!trace) return null;
  const quantity = misconception(mistake.id).step.quantity;
  const askLayer = 'layer' in ask && typeof ask.layer === 'number' ? ask.layer : null;
  const layer = quantity === 'loss' ? null : mistake.layer ?? askLayer ?? ctx.solution!.layers.length - 1;
  const steps: Step[] = trace.sections.flatMap((section) => section.steps).filter((s) => s.quantity === quantity && s.layer === layer);
  if (steps.length === 0) return null;
  const index = 'index' in ask && quantity === ask.quantity ? (ask.index ?? []) : null;
  const exact = index ? steps.find((s) => s.shape === 'scalar' && s.index.join(',') === index.join(',')) : undefined;
  const step = exact ?? steps.find((s) => s.shape === 'scalar') ?? steps[0];
  const solution = ctx.solution!;
  return { id: step.id, label_en: stepLabel(step, solution, messages('en')), label_ja: stepLabel(step, solution, messages('ja')) };
}
