// An honest student, simulated: works the exercise's chain by hand, rounding every intermediate the
// same way (k significant figures or d decimal places), and writes the asked value with as many
// figures as a calculator shows. The rounding is decimal.js's half-up on the engine's exact values,
// written here apart from the grader's own rounding code, so that the grader is checked, not copied.
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { parse } from 'yaml';
import { solve, type Intermediate } from '../../src/engine/solve';
import { givenOutputsOf } from '../../src/exercises/given';
import { networkSpecOf } from '../../src/exercises/network-file';
import { askValue, type AskValue } from '../../src/exercises/quantities';
import type { Exercise, NetworkAsk, NetworkFile } from '../../src/exercises/types';
import { approx, parseLiteral, type Value } from '../../src/number/value';

export interface StudentRounding {
  readonly by: 'figures' | 'places';
  readonly n: number;
}

export const HONEST_ROUNDINGS: readonly StudentRounding[] = [
  { by: 'figures', n: 3 },
  { by: 'figures', n: 4 },
  { by: 'places', n: 3 },
  { by: 'places', n: 4 },
];

function rounded(v: Value, r: StudentRounding): Decimal {
  const d = approx(v);
  return r.by === 'figures'
    ? d.toSignificantDigits(r.n, Decimal.ROUND_HALF_UP)
    : d.toDecimalPlaces(r.n, Decimal.ROUND_HALF_UP);
}

function roundValue(v: Value, r: StudentRounding): Value {
  const text = rounded(v, r).toFixed();
  const value = parseLiteral(text);
  if (value === null) throw new Error(`not a literal: ${text}`);
  return value;
}

/** The hook quantity (and layer) an ask's value is read from, so that it is not rounded itself. */
function ownPlace(ask: NetworkAsk): string | null {
  const l = ask.layer ?? -1;
  if (ask.quantity === 'grad_input') return `grad_output/${l - 1}`;
  if (ask.quantity === 'loss_improvement' || ask.quantity === 'softmax_jacobian') return null;
  return `${ask.quantity}/${l}`;
}

/** True when d decimal places keep at least 3 significant figures of every value seen on the way. */
export function placesKeepFigures(seen: readonly Value[], places: number): boolean {
  return seen.every((v) => {
    const d = approx(v).abs();
    if (d.isZero()) return true;
    return (
      d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).precision(true) >= 3 || d.gte(new Decimal(10).pow(3 - places))
    );
  });
}

export interface HonestAnswer {
  readonly text: string;
  /** Every intermediate the chain went through, before rounding. */
  readonly seen: readonly Value[];
}

/** A decimal as a student writes it: trailing zeros kept ("2.30" for 3 figures), no exponent. */
function figuresText(d: Decimal, figures: number): string {
  const short = d.toSignificantDigits(figures, Decimal.ROUND_HALF_UP);
  const text = short.toPrecision(figures);
  return text.includes('e') ? short.toFixed() : text;
}

function written(v: AskValue, finalFigures: number): string {
  if (!Array.isArray(v)) return figuresText(approx(v as Value), finalFigures);
  return `[${(v as readonly AskValue[]).map((x) => written(x, finalFigures)).join(', ')}]`;
}

/** The answer to `ask` of an honest student who rounds every intermediate by `rounding`. */
export function honestAnswer(
  exercise: Exercise,
  ask: NetworkAsk,
  rounding: StudentRounding,
  finalFigures: number,
): HonestAnswer {
  const spec = networkSpecOf(exercise.network as NetworkFile);
  const given = givenOutputsOf(exercise.given, spec);
  const own = ownPlace(ask);
  const seen: Value[] = [];
  const hook: Intermediate = (quantity, layer, m) => {
    if (`${quantity}/${layer}` === own) return m;
    for (const row of m) seen.push(...row);
    return m.map((row) => row.map((x) => roundValue(x, rounding)));
  };
  const solution = solve(spec, { givenOutputs: given, intermediate: hook });
  return { text: written(askValue(spec, solution, given, ask), finalFigures), seen };
}

/** Mazur's network as a hand-written exercise without stated outputs, every cell of every layer asked (read from the project root). */
export function mazurExercise(): Exercise {
  // Exercise networks hold numbers as exact strings; Mazur's literals print back as written.
  const network = JSON.parse(
    JSON.stringify(parse(readFileSync('exercises/networks/mazur.yaml', 'utf8')), (_k, v) =>
      typeof v === 'number' ? String(v) : v,
    ),
  );
  const asks: NetworkAsk[] = [];
  const quantities = ['preactivation', 'output', 'delta', 'grad_weights', 'weights_after'] as const;
  for (const layer of [0, 1]) {
    for (const quantity of quantities) {
      const cells =
        quantity === 'grad_weights' || quantity === 'weights_after'
          ? [
              [0, 0],
              [0, 1],
              [1, 0],
              [1, 1],
            ]
          : [
              [0, 0],
              [0, 1],
            ];
      for (const index of cells) asks.push({ id: `a${asks.length + 1}`, quantity, layer, index });
    }
  }
  asks.push({ id: `a${asks.length + 1}`, quantity: 'loss' });
  delete network.update_biases;
  return {
    template: 'mazur',
    seed: 0,
    difficulty: 1,
    lang: 'en',
    network,
    given: {},
    asks,
    prompt: 'Find:',
    expected: {},
    hints: {},
  } as unknown as Exercise;
}

/** The exact value's decimal ± one unit in its last digit (given at least 3 significant figures). */
export function nearMissesOf(v: Value): string[] {
  const d = approx(v);
  if (v.kind !== 'rational' || d.isZero()) return [];
  const text = d.toFixed();
  if (text.length > 12) return [];
  const places = Math.max(d.decimalPlaces(), 3 - (d.abs().e + 1));
  const unit = new Decimal(10).pow(-places);
  return [d.plus(unit), d.minus(unit)].map((x) => x.toFixed(places));
}
