// "The right way" for a recognised mistake, matched to the exercise: the step of the worked solution
// that shows it (its quantity, layer and cell) and the formula in the exercise's own terms, as the
// misconception's right-way step says (src/concepts/misconceptions/): the loss's derivative for a
// flipped sign, the backward pass through Wᵀ for a δ passed back through W, the unit where a = 0 for
// ReLU′(0).
import { misconception, stepOf, type Mistake } from '../concepts/misconceptions';
import { isGraphAsk, type Ask } from '../exercises/types';
import { sign } from '../number/value';
import type { GradingContext } from './context';
import { formulaFor } from './formulas';
import type { Text } from './text';

export interface RightWay {
  /** The step to point at: a trace quantity, its layer (null for the loss) and cell (null: the first). */
  readonly quantity: string;
  readonly layer: number | null;
  readonly index: readonly number[] | null;
  readonly formula: Text;
  /** Replaces the catalogue's description of the mistake (a graph has no t − y). */
  readonly description: Text | null;
}

function askLayer(ask: Ask): number | null {
  return 'layer' in ask && typeof ask.layer === 'number' ? ask.layer : null;
}

/** The cell of the ask (or of the answer's cell `index` in the asked array) when the ask is this quantity in this layer. */
function sameCell(
  ask: Ask,
  quantity: string,
  layer: number | null,
  index: readonly number[] | null,
): readonly number[] | null {
  if (ask.quantity !== quantity || askLayer(ask) !== layer) return null;
  return ('index' in ask && ask.index) || index;
}

/** The first cell with a = 0 in one of `layers` (the ask's layer and cell first). */
function kink(
  ctx: GradingContext,
  ask: Ask,
  layer: number | undefined,
  layers: readonly number[],
): { layer: number; index: number[] } | null {
  const solution = ctx.solution;
  const spec = ctx.spec;
  if (!solution || !spec) return null;
  const own = askLayer(ask);
  const candidates =
    layer !== undefined
      ? [layer]
      : [...(own !== null ? [own] : []), ...spec.layers.map((_, l) => l).filter((l) => l !== own)];
  for (const l of candidates) {
    if (!layers.includes(l)) continue;
    const a = solution.layers[l].preactivation;
    const asked = 'index' in ask && ask.index && ask.index.length === 2 && own === l ? ask.index : null;
    if (asked && a[asked[0]]?.[asked[1]] && sign(a[asked[0]][asked[1]]) === 0) return { layer: l, index: [...asked] };
    for (let s = 0; s < a.length; s++)
      for (let j = 0; j < a[s].length; j++) if (sign(a[s][j]) === 0) return { layer: l, index: [s, j] };
  }
  return null;
}

/** The right way for `mistake` in `ask`, at the answer's cell `index` (within the asked array) when known. */
export function rightWay(
  ctx: GradingContext,
  ask: Ask,
  mistake: Mistake,
  index: readonly number[] | null = null,
): RightWay {
  const m = misconception(mistake.id);
  const spec = ctx.spec;
  const last = spec ? spec.layers.length - 1 : null;
  const own = askLayer(ask);
  if (isGraphAsk(ask)) {
    return {
      quantity: ask.quantity,
      layer: null,
      index: null,
      formula: formulaFor(ask.quantity, null),
      description: m.graphWords ?? null,
    };
  }
  const step = stepOf(mistake);
  const quantity = step.ownStepIn?.includes(ask.quantity) ? ask.quantity : step.quantity;
  const formula = spec && step.formulaFor ? step.formulaFor(spec) : step.formula;
  const description = (spec && m.wordsFor?.(spec, mistake.layer)) ?? null;
  switch (step.at ?? 'layer') {
    case 'output':
      return { quantity, layer: last, index: sameCell(ask, quantity, last, index), formula, description };
    case 'below': {
      // The step that passes the delta back, into the layer below the mistake's.
      const layer = mistake.layer !== undefined ? mistake.layer - 1 : own !== null && own < (last ?? 0) ? own : 0;
      return {
        quantity,
        layer,
        index: sameCell(ask, 'delta', layer, index) ?? sameCell(ask, quantity, layer, index),
        formula,
        description,
      };
    }
    case 'kink': {
      const at = spec ? kink(ctx, ask, mistake.layer, m.madeIn?.(spec) ?? spec.layers.map((_, l) => l)) : null;
      const layer = at?.layer ?? mistake.layer ?? own ?? last;
      return { quantity, layer, index: at?.index ?? null, formula, description };
    }
    case 'layer': {
      const layer = quantity === 'loss' ? null : (mistake.layer ?? own ?? last);
      return { quantity, layer, index: sameCell(ask, quantity, layer, index), formula, description };
    }
  }
}
