// Points feedback at the step of the worked solution (src/trace/) that shows the right way for an
// ask. Step ids are the trace's own ("delta/1/0,0", "m:grad_weights/0/").
import { buildTrace } from '../trace/build';
import { stepLabel } from '../document/network';
import { messages } from '../i18n';
import type { Step, Trace } from '../trace/types';
import type { GradingContext } from './context';

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

/** The step of `quantity` in `layer`, at `index` when given (else the first scalar step), or null. */
const stepCache = new WeakMap<GradingContext, Map<string, StepReference | null>>();

export function stepAt(
  ctx: GradingContext,
  quantity: string,
  layer: number | null,
  index: readonly number[] | null,
): StepReference | null {
  let cache = stepCache.get(ctx);
  if (!cache) stepCache.set(ctx, (cache = new Map()));
  const key = `${quantity}/${layer}/${index?.join(',') ?? '*'}`;
  if (!cache.has(key)) cache.set(key, findStep(ctx, quantity, layer, index));
  return cache.get(key)!;
}

function findStep(
  ctx: GradingContext,
  quantity: string,
  layer: number | null,
  index: readonly number[] | null,
): StepReference | null {
  const trace = traceOf(ctx);
  if (!trace) return null;
  const steps: Step[] = trace.sections
    .flatMap((section) => section.steps)
    .filter((s) => s.quantity === quantity && s.layer === layer);
  if (steps.length === 0) return null;
  const exact = index ? steps.find((s) => s.shape === 'scalar' && s.index.join(',') === index.join(',')) : undefined;
  const step = exact ?? steps.find((s) => s.shape === 'scalar') ?? steps[0];
  const solution = ctx.solution!;
  return {
    id: step.id,
    label_en: stepLabel(step, solution, messages('en')),
    label_ja: stepLabel(step, solution, messages('ja')),
  };
}
