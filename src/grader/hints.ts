// Hints per ask: first the formula, then the formula with the exercise's numbers. An exercise carries
// its own hints (written by its template); otherwise the formula comes from formulas.ts and the
// numbers from the worked solution's step (src/trace/). Each hint taken costs part of the score
// (HINT_COSTS in grade.ts); the cost is recorded in the result.
import { isSymbolicAsk, type Ask } from '../exercises/types';
import type { AskValue } from '../exercises/quantities';
import type { Value } from '../number/value';
import { sameValue } from './precision';
import { readAnswer } from './student';
import { buildTrace } from '../trace/build';
import type { Step } from '../trace/types';
import type { GradingContext } from './context';
import { formulaFor } from './formulas';
import { HINT_COSTS } from './grade';
import { text, type Text } from './text';
import { stepLatexToText } from '../text/latex-to-text';

/** The right-hand side of a formula, after its first " = ". */
function rhs(formula: string): string {
  const k = formula.indexOf(' = ');
  return k < 0 ? formula : formula.slice(k + 3);
}

/** The step a step with nothing to substitute stands for: ∂L/∂b = δ (one sample), z = a (identity). */
function upstreamOf(step: Step, steps: readonly Step[]): Step | null {
  if (step.shape !== 'scalar') return null;
  // A given output has no formula to follow (its value is stated); ∂L/∂b = δ needs its "= δ".
  if (!step.formula.includes(' = ')) return null;
  const find = (quantity: string, index: readonly number[]) =>
    steps.find(
      (s) =>
        s.shape === 'scalar' &&
        s.quantity === quantity &&
        s.layer === step.layer &&
        s.index.join(',') === index.join(','),
    ) ?? null;
  if (step.quantity === 'grad_bias') return find('delta', [0, step.index[0]]);
  if (step.quantity === 'output' || step.quantity === 'output_after')
    return find(step.quantity === 'output' ? 'preactivation' : 'preactivation_after', step.index);
  return null;
}

/**
 * The worked step of an ask with its numbers substituted (plain text), from the trace. A step that
 * would only repeat its result (∂L/∂b = δ for one sample, z = a for identity) shows the step it
 * comes from instead, so the second hint is the formula with numbers, never the answer itself.
 */
function workedStep(ctx: GradingContext, ask: Ask): string | null {
  if (!ctx.solution || !('layer' in ask || ask.quantity === 'loss' || ask.quantity === 'loss_after')) return null;
  try {
    const trace = buildTrace(ctx.solution, { form: 'scalar', givenOutputs: ctx.given });
    const layer = 'layer' in ask && typeof ask.layer === 'number' ? ask.layer : null;
    const index = 'index' in ask ? (ask.index ?? null) : [];
    const all = trace.sections.flatMap((s) => s.steps);
    const steps = all.filter((s) => s.quantity === ask.quantity && s.layer === layer);
    const step = (index ? steps.find((s) => s.index.join(',') === index.join(',')) : null) ?? steps[0];
    if (!step) return null;
    const upstream = upstreamOf(step, all);
    // An output: its activation, and the pre-activation with its numbers (h(number) would be the result).
    if ((step.quantity === 'output' || step.quantity === 'output_after') && upstream?.substituted) {
      return stepLatexToText(`${step.formula}, where ${upstream.formula} = ${upstream.substituted}`);
    }
    if (step.substituted) return stepLatexToText(`${step.formula} = ${step.substituted}`);
    if (upstream?.substituted)
      return stepLatexToText(`${step.formula} = ${rhs(upstream.formula)} = ${upstream.substituted}`);
    return null;
  } catch {
    return null;
  }
}

/** The bare number a hint ends in ("∂L/∂b²₁ = (-0.288)" → "-0.288", "y₁ = identity(1.42)" → "1.42"), or null. */
function bareNumber(hint: string): string | null {
  const withoutNotes = hint.replace(/\[[^\]]*\]/g, '');
  const k = withoutNotes.lastIndexOf('=');
  if (k < 0) return null;
  const last = withoutNotes
    .slice(k + 1)
    .replace(/\s+/g, '')
    .replace(/\.$/, '')
    .replace(/[A-Za-zσ]+\(/g, '(')
    .replace(/[()]/g, '')
    .replace(/[−–]/g, '-');
  return /^-?(\d+(\.\d*)?|\.\d+)(\/\d+)?$/.test(last) ? last : null;
}

function cells(v: AskValue): Value[] {
  return Array.isArray(v) ? (v as readonly AskValue[]).flatMap(cells) : [v as Value];
}

/**
 * Whether a hint gives the result away: it ends in a bare number ("∂L/∂b²₁ = (-0.288)", "y₁ =
 * identity(1.42)") that is the asked value (or one of its cells), with no operation left to do.
 */
export function revealsResult(hint: string, expected: AskValue | null): boolean {
  const bare = bareNumber(hint);
  if (bare === null || expected === null) return false;
  const n = readAnswer(bare);
  return n.kind === 'number' && cells(expected).some((v) => sameValue(v, n.number.value));
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
  const expected = isSymbolicAsk(ask) ? null : ctx.expected(ask);
  let worked: string | null | undefined;
  const workedOnce = () => (worked === undefined ? (worked = workedStep(ctx, ask)) : worked);
  const usable = (w: string | null): w is string => w !== null && !revealsResult(w, expected);
  const texts: Text[] = [];
  if (own && own.length > 0) {
    own.forEach((h, i) => {
      // A later hint that gives the result away is replaced by the worked step (or left out).
      if (i === 0 || !revealsResult(h, expected)) texts.push(text(h, h));
      else if (usable(workedOnce())) texts.push(text(workedOnce()!, workedOnce()!));
    });
  } else {
    texts.push(formulaFor(ask.quantity, ctx.spec));
    const w = workedOnce();
    if (usable(w)) texts.push(text(w, w));
  }
  return texts.map((t, i) => ({ level: i + 1, text: t, cost: HINT_COSTS[Math.min(i + 1, HINT_COSTS.length - 1)] }));
}
