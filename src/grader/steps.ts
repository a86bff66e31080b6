// Points feedback at the step of the worked solution (src/trace/) that shows the right way for an
// ask. Step ids are the trace's own ("delta/1/0,0", "m:grad_weights/0/").
import { buildTrace } from '../trace/build';
import { stepLabel } from '../document/network';
import { messages } from '../i18n';
import type { Step, Trace } from '../trace/types';
import type { GradingContext } from './context';
import { solutionAtStep, stepsOf } from '../exercises/later-steps';

const allRows = (ctx: GradingContext) => {
  const n = ctx.spec?.input.length ?? 1;
  return n === 1 ? '1' : `1–${n}`;
};

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
  step = 1,
): StepReference | null {
  let cache = stepCache.get(ctx);
  if (!cache) stepCache.set(ctx, (cache = new Map()));
  const key = `${quantity}/${layer}/${index?.join(',') ?? '*'}/${step}`;
  if (!cache.has(key)) cache.set(key, findStep(ctx, quantity, layer, index, step));
  return cache.get(key)!;
}

/** The trace of a later step (the training document's "step-k-…" sections), or null. */
function laterTrace(ctx: GradingContext, k: number): Trace | null {
  if (!ctx.spec || !ctx.solution) return null;
  try {
    return buildTrace(solutionAtStep(ctx.spec, ctx.solution, k), { form: 'both' });
  } catch {
    return null;
  }
}

function findStep(
  ctx: GradingContext,
  quantity: string,
  layer: number | null,
  index: readonly number[] | null,
  k: number,
): StepReference | null {
  const trace = k === 1 ? traceOf(ctx) : laterTrace(ctx, k);
  if (!trace) return null;
  const steps: Step[] = trace.sections
    .flatMap((section) => section.steps)
    .filter((s) => s.quantity === quantity && s.layer === layer);
  if (steps.length === 0) return null;
  const exact = index ? steps.find((s) => s.shape === 'scalar' && s.index.join(',') === index.join(',')) : undefined;
  const step = exact ?? steps.find((s) => s.shape === 'scalar') ?? steps[0];
  const solution = k === 1 ? ctx.solution! : solutionAtStep(ctx.spec!, ctx.solution!, k);
  const en = stepLabel(step, solution, messages('en'));
  const ja = stepLabel(step, solution, messages('ja'));
  if (k === 1) return { id: step.id, label_en: en, label_ja: ja };
  // As the training document names a later step's sections and anchors.
  const n = stepsOf(ctx.spec!);
  return {
    id: `step-${k}-${step.id.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}`,
    label_en: `${messages('en').training.step(k, n, allRows(ctx))}: ${en}`,
    label_ja: `${messages('ja').training.step(k, n, allRows(ctx))}: ${ja}`,
  };
}
