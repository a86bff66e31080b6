// Formula answers (the lecture deck's exercises ① and ②): the student's expression and the model answer
// are evaluated exactly at several random rational points (as Numbas does); equal everywhere means
// equal. A misconception of the exercise is recognised the same way, from its own wrong formula.
import { createRng, mixSeed } from '../exercises/prng';
import type { SymbolicAsk } from '../exercises/types';
import { Fraction, add, parseLiteral, ratio, sigmoid, sub, tanh, type Value } from '../number/value';
import { evaluate, parseAnswer, type AnswerError, type Ast, type EvaluateResult } from '../answer';
import { isMisconceptionId, missingActivationDerivative, type MisconceptionId } from '../concepts/misconceptions';
import { SOFTMAX_CE_DELTA, SOFTMAX_LEFT_OUT } from '../concepts/misconceptions/missing-activation-derivative';
import * as msg from './messages';
import { sameValue } from './precision';
import { readAnswer, type StudentAnswer } from './student';
import { text, type Text } from './text';

/** Points at which formulas are compared. */
export const FORMULA_POINTS = 6;

type Evaluator = (point: ReadonlyMap<string, Value>) => Value | null;

function stringSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function lit(s: string): Value {
  const v = parseLiteral(s);
  if (!v) throw new RangeError(`not a number: ${s}`);
  return v;
}

/**
 * Random rational points inside the ask's domains, with odd denominators (so that a wrong formula
 * agreeing with the right one at a "nice" point is unlikely); a sum constraint fixes its last variable.
 */
export function formulaPoints(ask: SymbolicAsk, count = FORMULA_POINTS): Map<string, Value>[] {
  const rng = createRng(mixSeed(stringSeed(ask.expression), stringSeed(ask.id)));
  const determined = new Set((ask.constraints ?? []).map((c) => c.sum[c.sum.length - 1]));
  const points: Map<string, Value>[] = [];
  for (let attempt = 0; points.length < count && attempt < count * 50; attempt++) {
    const point = new Map<string, Value>();
    for (const name of ask.variables) {
      if (determined.has(name)) continue;
      const [lo, hi] = ask.domains[name] ?? ['-2', '2'];
      const a = lit(lo);
      const b = lit(hi);
      const k = rng.int(1, 96);
      // lo + (hi − lo)·k/97
      const t: Value = { kind: 'rational', q: new Fraction(BigInt(k), 97n) };
      point.set(name, add(a, mulValues(sub(b, a), t)));
    }
    let ok = true;
    for (const c of ask.constraints ?? []) {
      const last = c.sum[c.sum.length - 1];
      let rest: Value = lit(c.equals);
      for (const name of c.sum.slice(0, -1)) rest = sub(rest, point.get(name) ?? ratio(0));
      const domain = ask.domains[last];
      if (domain && (compareValues(rest, lit(domain[0])) <= 0 || compareValues(rest, lit(domain[1])) >= 0)) ok = false;
      point.set(last, rest);
    }
    if (ok) points.push(point);
  }
  return points;
}

function mulValues(a: Value, b: Value): Value {
  if (a.kind === 'rational' && b.kind === 'rational') return { kind: 'rational', q: a.q.mul(b.q) };
  throw new RangeError('domains are rational');
}

function compareValues(a: Value, b: Value): number {
  if (a.kind === 'rational' && b.kind === 'rational') return a.q.compare(b.q);
  return 0;
}

function evaluatorOf(expression: string, variables: readonly string[]): Evaluator | null {
  const parsed = readAnswer(expression, { variables });
  if (parsed.kind === 'formula') return parsed.evaluate;
  if (parsed.kind === 'number') return () => parsed.number.value;
  return null;
}

/** The leftmost factor of a product when it is a sum: "(−t_3/x_3 + t_1/x_1 + t_2/x_2)" of "(…)*x_3*(1 − x_3)". */
function leadingSum(expression: string, variables: readonly string[]): Evaluator | null {
  const parsed = parseAnswer(expression, { variables });
  if (!parsed.ok || parsed.answer.kind !== 'expression') return null;
  let a: Ast = parsed.answer.ast;
  if (a.type !== 'binary' || a.op !== '*') return null;
  while (a.type === 'binary' && a.op === '*') a = a.left;
  if (a.type !== 'binary' || (a.op !== '+' && a.op !== '-')) return null;
  const factor = a;
  return (point) => {
    const v = evaluate(factor, point);
    return v.ok ? v.value : null;
  };
}

/** Pairs (a_j, x_j) of the exercise's variables: a pre-activation and the output x_j = h(a_j) of one unit. */
function unitPairs(ask: SymbolicAsk): [string, string][] {
  return ask.variables.flatMap((name) => {
    const m = /^a_(\w+)$/.exec(name);
    return m && ask.variables.includes(`x_${m[1]}`) ? [[name, `x_${m[1]}`] as [string, string]] : [];
  });
}

const ACTIVATIONS: readonly { readonly name: string; readonly h: (a: Value) => Value }[] = [
  { name: 'σ', h: sigmoid },
  { name: 'tanh', h: tanh },
];

/** The same points with every x_j replaced by h(a_j): a and x sampled consistently. */
function related(
  points: readonly Map<string, Value>[],
  pairs: readonly [string, string][],
  h: (a: Value) => Value,
): Map<string, Value>[] {
  return points.map((p) => {
    const q = new Map(p);
    for (const [a, x] of pairs) if (p.has(a)) q.set(x, h(p.get(a)!));
    return q;
  });
}

/** Equal at every point where both are defined (and defined at at least half of them). */
function agree(a: Evaluator, b: Evaluator, points: readonly Map<string, Value>[]): boolean {
  let compared = 0;
  for (const p of points) {
    const x = a(p);
    const y = b(p);
    if (x === null || y === null) continue;
    if (!sameValue(x, y)) return false;
    compared++;
  }
  return compared * 2 >= points.length && compared > 0;
}

/** Outputs that sum to 1 (a constraint Σ x_i = 1): a softmax layer, where h′ left out is the softmax left out. */
const softmaxOutputs = (ask: SymbolicAsk): boolean =>
  (ask.constraints ?? []).some((c) => c.sum.every((name) => name.startsWith('x_')));

function formulaMisconceptionFeedback(ask: SymbolicAsk, id: MisconceptionId): Text {
  if (id === missingActivationDerivative.id && softmaxOutputs(ask))
    return msg.misconceptionFeedback({ id }, null, null, SOFTMAX_CE_DELTA, SOFTMAX_LEFT_OUT);
  return msg.misconceptionFeedback({ id }, null);
}

/** Errors of size, not of the formula's domain: the formula cannot be evaluated at any point. */
const BUDGET_ERRORS: ReadonlySet<string> = new Set([
  'too-complex',
  'exp-too-large',
  'number-too-large',
  'exponent-too-large',
  'internal',
]);

/**
 * The student's formula at the sample points, evaluated once each (every comparison below reads
 * them again). A formula too big to evaluate is invalid at the first point, with the message a
 * number answer gets, without evaluating it again at the others; so is one that is undefined at
 * every point (1/0, ln(−1), a/(b − b)). Undefined at only some points is allowed: those are skipped.
 */
function studentAtPoints(
  evaluateAt: (point: ReadonlyMap<string, Value>) => EvaluateResult,
  points: readonly Map<string, Value>[],
): { readonly evaluator: Evaluator } | { readonly invalid: Text } {
  const known = new Map<ReadonlyMap<string, Value>, Value | null>();
  let firstError: AnswerError | null = null;
  for (const point of points) {
    const r = evaluateAt(point);
    if (r.ok) known.set(point, r.value);
    else {
      if (BUDGET_ERRORS.has(r.error.code)) return { invalid: errorText(r.error) };
      firstError ??= r.error;
      known.set(point, null);
    }
  }
  if (firstError !== null && points.length > 0 && points.every((p) => known.get(p) === null))
    return { invalid: errorText(firstError) };
  return {
    evaluator: (point) => {
      if (known.has(point)) return known.get(point)!;
      const r = evaluateAt(point);
      return r.ok ? r.value : null;
    },
  };
}

const errorText = (error: AnswerError): Text => text(error.message_en, error.message_ja);

export interface FormulaGraded {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly score: number;
  readonly misconception: string | null;
  readonly feedback: Text;
  readonly cells: null;
}

export function gradeFormula(ask: SymbolicAsk, answer: StudentAnswer): FormulaGraded {
  const result = (
    status: FormulaGraded['status'],
    feedback: Text,
    misconceptionId: string | null = null,
  ): FormulaGraded => ({
    status,
    score: status === 'correct' ? 1 : 0,
    misconception: misconceptionId,
    feedback,
    cells: null,
  });
  if (answer.kind === 'invalid') return result('invalid', answer.message);
  if (answer.kind === 'matrix') return result('incorrect', msg.EXPECTED_FORMULA);
  const model = evaluatorOf(ask.expression, ask.variables);
  if (!model) throw new RangeError(`ask ${ask.id}: the model answer "${ask.expression}" does not parse`);
  const points = formulaPoints(ask);
  let student: Evaluator;
  if (answer.kind === 'formula') {
    const atPoints = studentAtPoints(answer.evaluateAt, points);
    if ('invalid' in atPoints) return result('invalid', atPoints.invalid);
    student = atPoints.evaluator;
  } else student = () => answer.number.value;
  if (agree(student, model, points)) return result('correct', msg.CORRECT);
  for (const m of ask.misconceptions ?? []) {
    const wrongFormula = evaluatorOf(m.expression, ask.variables);
    if (wrongFormula && agree(student, wrongFormula, points)) {
      const feedback = isMisconceptionId(m.id)
        ? formulaMisconceptionFeedback(ask, m.id)
        : text(
            `Incorrect: this is the formula of the mistake "${m.id}".`,
            `不正解です: よくある間違い「${m.id}」の式です。`,
          );
      return result('incorrect', feedback, m.id);
    }
  }
  // A formula written through a_j where the model uses x_j = h(a_j) (1 − tanh(a_3)² for 1 − x_3²) is
  // the same formula: compare with a and x sampled consistently, for the nonlinear activations.
  const pairs = unitPairs(ask);
  if (pairs.length > 0) {
    for (const { name, h } of ACTIVATIONS) {
      if (agree(student, model, related(points, pairs, h))) {
        const typed = answer.kind === 'formula' ? answer.text : '';
        const used = pairs.filter(([a]) => new RegExp(`\\b${a}\\b`).test(typed));
        const x = (used.length > 0 ? used : pairs).map(([a, xj]) => `${xj} = ${name}(${a})`).join(', ');
        return result(
          'correct',
          text(
            `Correct: with ${x} this is the model answer (the exercise writes it through x, e.g. ${ask.expression}).`,
            `正解です: ${x} とすると模範解答と同じ式です（問題では x を使って ${ask.expression} と書きます）。`,
          ),
        );
      }
    }
  }
  // The first factor of a wrong formula alone: the mistake, with the activation's derivative left out too
  // (the lecture deck's −t_j/x_j + Σ_{i≠j} t_i/x_i without the softmax derivative).
  for (const m of ask.misconceptions ?? []) {
    const partial = leadingSum(m.expression, ask.variables);
    if (partial && !agree(partial, model, points) && agree(student, partial, points)) {
      const also = text(
        ' — and the derivative of the activation (the factor after it) was left out',
        '。さらに活性化関数の微分（その後の因子）を掛け忘れています',
      );
      const base = isMisconceptionId(m.id)
        ? msg.misconceptionFeedback({ id: m.id }, null)
        : text(
            `Incorrect: this is the formula of the mistake "${m.id}".`,
            `不正解です: よくある間違い「${m.id}」の式です。`,
          );
      return result(
        'incorrect',
        text(
          base.en.replace(/\. The right way/, `${also.en}. The right way`),
          base.ja.replace(/。正しい手順/, `${also.ja}。正しい手順`),
        ),
        m.id,
      );
    }
  }
  return result(
    'incorrect',
    text(`Incorrect: the answer is ${ask.expression}.`, `不正解です。正解は ${ask.expression} です。`),
  );
}
