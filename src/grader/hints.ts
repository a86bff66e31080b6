// Hints per ask: first the formula, then the formula with the exercise's numbers. An exercise carries
// its own hints (written by its template); otherwise the formula comes from formulas.ts and the
// numbers from the worked solution's step (src/trace/). Each hint taken costs part of the score
// (HINT_COSTS in grade.ts); the cost is recorded in the result.
import type { Ask } from '../exercises/types';
import { buildTrace } from '../trace/build';
import type { GradingContext } from './context';
import { formulaFor } from './formulas';
import { HINT_COSTS } from './grade';
import { text, type Text } from './text';

const LATEX_WORDS: readonly [RegExp, string][] = [
  [/\\left|\\right/g, ''],
  [/\\cdot/g, '·'],
  [/\\times/g, '×'],
  [/\\odot/g, '⊙'],
  [/\\partial\s*/g, '∂'],
  [/\\delta/g, 'δ'],
  [/\\Delta/g, 'Δ'],
  [/\\sigma/g, 'σ'],
  [/\\eta/g, 'η'],
  [/\\alpha/g, 'α'],
  [/\\tanh/g, 'tanh'],
  [/\\ln/g, 'ln'],
  [/\\sum/g, 'Σ'],
  [/\\ldots|\\dots/g, '…'],
  [/\\top/g, 'ᵀ'],
  [/\\mathrm\{([^{}]*)\}/g, '$1'],
  [/\\,|\\;|\\!|\\quad/g, ' '],
  [/'/g, '′'],
];

/** A step's LaTeX as plain text for a terminal: \frac{a}{b} → (a)/(b), ^{(2)} → ^(2), _{1} → _1. */
export function latexText(latex: string): string {
  let out = latex;
  for (let i = 0; i < 8 && /[_^]\{/.test(out); i++) out = out.replace(/([_^])\{([^{}]*)\}/g, '$1$2');
  for (let i = 0; i < 8 && out.includes('\\frac'); i++) out = out.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)');
  for (const [pattern, replacement] of LATEX_WORDS) out = out.replace(pattern, replacement);
  return out.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

/** The worked step of an ask, with its numbers substituted (LaTeX), from the trace. */
function workedStep(ctx: GradingContext, ask: Ask): string | null {
  if (!ctx.solution || !('layer' in ask || ask.quantity === 'loss' || ask.quantity === 'loss_after')) return null;
  try {
    const trace = buildTrace(ctx.solution, { form: 'scalar', givenOutputs: ctx.given });
    const layer = 'layer' in ask && typeof ask.layer === 'number' ? ask.layer : null;
    const index = 'index' in ask ? (ask.index ?? null) : [];
    const steps = trace.sections.flatMap((s) => s.steps).filter((s) => s.quantity === ask.quantity && s.layer === layer);
    const step = (index ? steps.find((s) => s.index.join(',') === index.join(',')) : null) ?? steps[0];
    if (!step) return null;
    return latexText(step.substituted ? `${step.formula} = ${step.substituted}` : step.formula);
  } catch {
    return null;
  }
}

export interface Hint {
  readonly level: number;
  readonly text: Text;
  /** The share of the score this hint costs (cumulative). */
  readonly cost: number;
}

/** The hints of an ask, in order. */
export function hintsFor(ctx: GradingContext, ask: Ask): Hint[] {
  const own = ctx.exercise.hints?.[ask.id];
  const texts: Text[] =
    own && own.length > 0
      ? own.map((h) => text(h, h))
      : [formulaFor(ask.quantity, ctx.spec), ...((): Text[] => {
          const worked = workedStep(ctx, ask);
          return worked ? [text(worked, worked)] : [];
        })()];
  return texts.map((t, i) => ({ level: i + 1, text: t, cost: HINT_COSTS[Math.min(i + 1, HINT_COSTS.length - 1)] }));
}
