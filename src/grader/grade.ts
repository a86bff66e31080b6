// Grades the answers to one exercise. For each ask, in this order: the right value (exactly, or rounded
// at the student's precision); the value their working gives when they rounded intermediates; the value
// that follows from their own answers to the other parts (error carried forward); a misconception's
// value; digits cut off instead of rounded. Matrices are graded cell by cell, with partial credit.
import type { Mistake } from '../concepts/misconceptions';
import { cellsOf, type AskValue } from '../exercises/quantities';
import {
  isGraphAsk,
  isGraphStepAsk,
  isSymbolicAsk,
  type Ask,
  type ExpectedValue,
  type GraphStepAsk,
  type NetworkAsk,
} from '../exercises/types';
import { stepSubstitutions } from './graph-chains';
import { terminatesWithin } from '../number/format';
import { approx, type Value } from '../number/value';
import { carriedPolicies, inputsOf, policiesFor, uniform, type RoundingPolicy, type Substitution } from './chains';
import {
  MIN_FIGURES,
  isRight,
  isTruncation,
  judgeNumber,
  matchesValue,
  type StudentNumber,
  type Tolerance,
} from './compare';
import { effectiveSigFigs, sameValue } from './precision';
import type { GradingContext, MistakenValue } from './context';
import * as msg from './messages';
import { MISCONCEPTIONS, diagnosisOrder, misconception } from './misconceptions';
import { stepAt, type StepReference } from './steps';
import { rightWay } from './right-way';
import { substitutionsFor } from './substitute';
import { gradeFormula } from './symbolic';
import { readAnswer, type StudentAnswer } from './student';
import { absurdNote, isAbsurd } from '../answer';
import { joinText, text, type Text } from './text';

export type Status = 'correct' | 'incorrect' | 'invalid';

/** Partial credit for a right value with too few significant figures, or with the last digit cut off. */
export const FEW_FIGURES_SCORE = 0.5;
export const TRUNCATED_SCORE = 0.5;
/** Credit for a part that is wrong only because it follows correctly from an earlier wrong part. */
/** A part that follows correctly from the student's own wrong earlier part earns full credit (as Numbas gives). */
export const CARRIED_FORWARD_SCORE = 1;
/** Rounded intermediates in an exercise that asks for exact values: partial credit, never full marks. */
export const ROUNDED_IN_EXACT_SCORE = 0.5;
/** Intermediates rounded to 1 or 2 figures (or places): partial credit and the reason. */
export const COARSE_CHAIN_SCORE = 0.5;

/** Too coarse a rounding of the intermediates to be right, but the method is: 1 or 2 figures, 1 or 2 places. */
const COARSE_POLICIES: readonly RoundingPolicy[] = [
  uniform('figures', 2),
  uniform('figures', 1),
  uniform('places', 2),
  uniform('places', 1),
];
/** The share of the score a hint costs: the formula (1st hint), then the formula with the numbers (2nd). */
export const HINT_COSTS: readonly number[] = [0, 0.25, 0.5];

export type CellVerdict =
  | { readonly kind: 'exact' }
  | { readonly kind: 'rounded'; readonly figures: number }
  | { readonly kind: 'tolerance' }
  | { readonly kind: 'rounded-chain'; readonly policy: RoundingPolicy }
  /** An exact exercise: the answer is what rounded intermediates give, but the student was asked to keep every digit. */
  | { readonly kind: 'rounded-in-exact'; readonly policy: RoundingPolicy }
  /** What intermediates rounded to fewer than 3 figures (or places) give: the method is right, the rounding too coarse. */
  | { readonly kind: 'coarse-chain'; readonly policy: RoundingPolicy }
  | { readonly kind: 'few-figures' }
  | { readonly kind: 'misconception'; readonly mistake: Mistake }
  | { readonly kind: 'truncated'; readonly places: number }
  | { readonly kind: 'carried-forward' }
  | { readonly kind: 'wrong' };

export interface CellResult {
  /** The cell within the asked array ([] for a scalar). */
  readonly index: readonly number[];
  readonly status: Status;
  readonly score: number;
  readonly verdict: CellVerdict;
  /** The student's number in this cell. */
  readonly number: StudentNumber;
}

export interface AskResult {
  readonly ask: string;
  readonly status: Status;
  readonly score: number;
  /** The engine's value (a formula ask: the exercise's model answer). */
  readonly expected: AskValue | ExpectedValue | null;
  readonly misconception: string | null;
  /** Every misconception that gives the student's number (the first is `misconception`, the most likely). */
  readonly misconceptions: readonly string[];
  /** The step of the worked solution that shows the right way, for a misconception. */
  readonly step: StepReference | null;
  readonly feedback: Text;
  /** Wrong only because it follows correctly from the student's own earlier wrong answer. */
  readonly carriedForward: boolean;
  /** Matrix and vector answers: the verdict of every cell. */
  readonly cells: readonly CellResult[] | null;
  readonly hintsUsed: number;
  readonly hintCost: number;
}

export interface GradeOptions {
  /** Hints the student took, per ask id (each costs HINT_COSTS[n] of the score). */
  readonly hintsUsed?: ReadonlyMap<string, number>;
}

const CELL_SCORE: Record<CellVerdict['kind'], number> = {
  exact: 1,
  rounded: 1,
  tolerance: 1,
  'rounded-chain': 1,
  'rounded-in-exact': ROUNDED_IN_EXACT_SCORE,
  'coarse-chain': COARSE_CHAIN_SCORE,
  'few-figures': FEW_FIGURES_SCORE,
  misconception: 0,
  truncated: TRUNCATED_SCORE,
  'carried-forward': CARRIED_FORWARD_SCORE,
  wrong: 0,
};

const RIGHT_KINDS = new Set<CellVerdict['kind']>(['exact', 'rounded', 'tolerance', 'rounded-chain']);

function toleranceFor(ctx: GradingContext, ask: Ask): Tolerance | null {
  return ctx.tolerances.get(ask.id) ?? ctx.tolerances.get('*') ?? null;
}

/** The cell at `index` of a value (the value itself for []). */
export function cellAt(v: AskValue | null, index: readonly number[]): Value | null {
  let x: unknown = v;
  for (const i of index) {
    if (!Array.isArray(x) || i < 0 || i >= x.length) return null;
    x = x[i];
  }
  return x !== null && !Array.isArray(x) ? (x as Value) : null;
}

const orderCache = new WeakMap<readonly MistakenValue[], readonly MistakenValue[]>();

/** Misconception variants in diagnosis order: targeted ids first, all-layer variants before one-layer ones. */
function ordered(ask: Ask, mistaken: readonly MistakenValue[]): readonly MistakenValue[] {
  const cached = orderCache.get(mistaken);
  if (cached) return cached;
  const rank = new Map(diagnosisOrder(ask.quantity).map((m, i) => [m.id, i]));
  const sorted = [...mistaken].sort(
    (a, b) =>
      rank.get(a.mistake.id)! - rank.get(b.mistake.id)! ||
      Number(a.mistake.layer !== undefined) - Number(b.mistake.layer !== undefined),
  );
  orderCache.set(mistaken, sorted);
  return sorted;
}

const policyCache = new WeakMap<GradingContext, Map<string, readonly RoundingPolicy[]>>();

/** The rounding policies to try for an answer to `ask` with this many figures and places (cached per exercise). */
function policies(ctx: GradingContext, ask: Ask, figures: number, places: number): readonly RoundingPolicy[] {
  let byKey = policyCache.get(ctx);
  if (!byKey) policyCache.set(ctx, (byKey = new Map()));
  const key = `${ask.id}|${figures}|${places}`;
  let list = byKey.get(key);
  if (!list) {
    const inputs = ctx.spec && !isGraphAsk(ask) && !isSymbolicAsk(ask) ? inputsOf(ctx.spec, ask) : [];
    list = policiesFor(figures, places, inputs);
    byKey.set(key, list);
  }
  return list;
}

const floats = new WeakMap<Value, number>();

/** A value as a float, cached: only for ruling out far-apart candidates before the exact comparison. */
function floatOf(v: Value): number {
  let f = floats.get(v);
  if (f === undefined) {
    f = approx(v).toNumber();
    floats.set(v, f);
  }
  return f;
}

/**
 * A cheap necessary condition for `candidate` to be the student's number (exactly, or rounded at the
 * places written): the floats lie within half a unit of the last digit, with a generous margin for
 * float error. Non-finite floats never rule anything out; the exact comparison always decides.
 */
function mayMatch(candidate: Value, student: StudentNumber, studentFloat: number): boolean {
  const c = floatOf(candidate);
  if (!Number.isFinite(c) || !Number.isFinite(studentFloat)) return true;
  const half = student.written ? 0.5 * 10 ** -student.written.places : 0;
  return (
    Math.abs(c - studentFloat) <= half * (1 + 1e-9) + 1e-9 * Math.max(Math.abs(c), Math.abs(studentFloat)) + 1e-300
  );
}

/** One number against the right value of one cell of an ask. */
export function gradeCell(
  ctx: GradingContext,
  ask: Ask,
  index: readonly number[],
  right: Value,
  student: StudentNumber,
): CellVerdict {
  const tolerance = toleranceFor(ctx, ask);
  const verdict = judgeNumber(right, student, tolerance);
  if (verdict.kind === 'exact' || verdict.kind === 'tolerance') return { kind: verdict.kind };
  if (verdict.kind === 'rounded') return verdict;
  const studentFloat = floatOf(student.value);
  // Too few figures, but exactly what a misconception gives (3 for 3.15 when the tax is forgotten):
  // that misconception, not "right value, give 3 figures".
  if (verdict.kind === 'few-figures')
    return exactMisconception(ctx, ask, index, student, studentFloat) ?? { kind: 'few-figures' };
  // Rounded intermediates explain only an answer that itself carries enough figures.
  if (student.written !== null && tolerance === null) {
    const figures = effectiveSigFigs(right, student.value, student.written);
    if (figures >= MIN_FIGURES) {
      for (const policy of policies(ctx, ask, figures, student.written.places)) {
        const chain = cellAt(ctx.rounded(ask, policy), index);
        if (chain === null || !mayMatch(chain, student, studentFloat)) continue;
        const v = judgeNumber(chain, student);
        if (v.kind === 'exact' || v.kind === 'rounded')
          return isExactExercise(ctx) ? { kind: 'rounded-in-exact', policy } : { kind: 'rounded-chain', policy };
      }
    }
  }
  // A variant whose value is exactly the answer wins over one that only rounds to it.
  const exact = exactMisconception(ctx, ask, index, student, studentFloat);
  if (exact !== null) return exact;
  const mistaken = ordered(ask, ctx.mistaken(ask));
  for (const m of mistaken) {
    const buggy = cellAt(m.value, index);
    if (buggy !== null && mayMatch(buggy, student, studentFloat) && matchesValue(buggy, student))
      return { kind: 'misconception', mistake: m.mistake };
  }
  // Coarse intermediates explain only an answer written with enough figures (a calculator's final
  // result); a 1- or 2-figure answer is judged as written.
  if (
    student.written !== null &&
    tolerance === null &&
    effectiveSigFigs(right, student.value, student.written) >= MIN_FIGURES
  ) {
    for (const policy of COARSE_POLICIES) {
      const chain = cellAt(ctx.rounded(ask, policy), index);
      if (chain === null || !mayMatch(chain, student, studentFloat)) continue;
      const v = judgeNumber(chain, student);
      if (v.kind === 'exact' || v.kind === 'rounded') return { kind: 'coarse-chain', policy };
    }
  }
  if (!student.expression && isTruncation(right, student))
    return { kind: 'truncated', places: student.written!.places };
  return { kind: 'wrong' };
}

const exactExercises = new WeakMap<GradingContext, boolean>();

/**
 * An exercise that asks for exact values: every value asked of the network is a terminating decimal,
 * so nothing has to be rounded on the way (the generator then says "give exact values"). Rounding an
 * intermediate there is not what the student was asked to do.
 */
function isExactExercise(ctx: GradingContext): boolean {
  let exact = exactExercises.get(ctx);
  if (exact === undefined) {
    const asks = ctx.exercise.asks.filter((ask) => !isGraphAsk(ask) && !isSymbolicAsk(ask));
    exact =
      ctx.spec !== null &&
      asks.length > 0 &&
      asks.every((ask) => {
        const v = ctx.expected(ask);
        return v !== null && cellsOf(v).every((c) => c.kind === 'rational' && terminatesWithin(c, EXACT_DIGITS));
      });
    exactExercises.set(ctx, exact);
  }
  return exact;
}

/** Decimal places within which an exact exercise's values terminate (its numbers are hand-friendly). */
const EXACT_DIGITS = 12;

/** The first misconception (in diagnosis order) whose value is exactly the student's number. */
function exactMisconception(
  ctx: GradingContext,
  ask: Ask,
  index: readonly number[],
  student: StudentNumber,
  studentFloat: number,
): CellVerdict | null {
  const exactOnly: StudentNumber = { ...student, written: null };
  for (const m of ordered(ask, ctx.mistaken(ask))) {
    const buggy = cellAt(m.value, index);
    if (buggy !== null && mayMatch(buggy, exactOnly, studentFloat) && sameValue(buggy, student.value))
      return { kind: 'misconception', mistake: m.mistake };
  }
  return null;
}

function cellStatus(verdict: CellVerdict): Status {
  return RIGHT_KINDS.has(verdict.kind) ? 'correct' : 'incorrect';
}

/** Feedback for a single number's verdict. */
function cellFeedback(ctx: GradingContext, ask: Ask, verdict: CellVerdict, right: Value, student: StudentNumber): Text {
  switch (verdict.kind) {
    case 'exact':
      return msg.CORRECT;
    case 'rounded':
      return student.expression ? msg.expressionCorrect(student.written!.sigFigs) : msg.roundedCorrect(verdict.figures);
    case 'tolerance':
      return msg.TOLERANCE_CORRECT;
    case 'rounded-chain':
      return msg.fromRoundedIntermediates(verdict.policy, right);
    case 'rounded-in-exact':
      return msg.roundedInExactExercise(verdict.policy, right);
    case 'coarse-chain':
      return msg.coarseIntermediates(verdict.policy, right);
    case 'few-figures':
      return msg.fewFigures(right);
    case 'truncated':
      return msg.truncated(right, verdict.places);
    case 'misconception':
      return diagnosis(ctx, ask, verdict.mistake).feedback;
    case 'carried-forward':
      return msg.CARRIED_FORWARD_CELL;
    case 'wrong':
      return msg.wrong(right);
  }
}

interface Diagnosis {
  readonly feedback: Text;
  /** The step of the worked solution that shows the right way (none for a graph's gradient). */
  readonly step: StepReference | null;
}

/** The words for `mistake` (naming the `others` that give the same number) and the step that shows the right way. */
function diagnosis(
  ctx: GradingContext,
  ask: Ask,
  mistake: Mistake,
  index: readonly number[] | null = null,
  others: readonly Mistake[] = [],
): Diagnosis {
  const convention = misconception(mistake.id).conventionNote;
  const note = convention && ctx.spec ? convention(ctx.spec) : null;
  const way = rightWay(ctx, ask, mistake, index);
  const step = isGraphAsk(ask) ? null : stepAt(ctx, way.quantity, way.layer, way.index);
  const alternatives = others.map(
    (other) => rightWay(ctx, ask, other, index).description ?? misconception(other.id).words,
  );
  return {
    feedback: msg.misconceptionFeedback(mistake, step, note, way.formula, way.description, alternatives),
    step,
  };
}

/**
 * Every misconception (in diagnosis order, one entry per id) whose value in each of `cells` is the
 * student's number there: when two mistakes give the same number, the student may have made either.
 */
function candidatesFor(
  ctx: GradingContext,
  ask: Ask,
  cells: readonly { readonly index: readonly number[]; readonly number: StudentNumber }[],
): Mistake[] {
  const found: Mistake[] = [];
  for (const m of ordered(ask, ctx.mistaken(ask))) {
    if (found.some((f) => f.id === m.mistake.id)) continue;
    const all = cells.every((cell) => {
      const buggy = cellAt(m.value, cell.index);
      return buggy !== null && matchesValue(buggy, cell.number);
    });
    if (all) found.push(m.mistake);
  }
  return found;
}

/** The diagnosed mistake first, then the other candidates that give the same numbers. */
function withCandidates(mistake: Mistake, candidates: readonly Mistake[]): readonly Mistake[] {
  return [mistake, ...candidates.filter((c) => c.id !== mistake.id)];
}

interface Graded {
  /** Right only as the value of rounded intermediates (the student's own rounded parts may explain it better). */
  readonly roundedChain?: boolean;
  readonly status: Status;
  readonly score: number;
  readonly misconception: string | null;
  readonly misconceptions?: readonly string[];
  readonly step?: StepReference | null;
  readonly feedback: Text;
  readonly cells: readonly CellResult[] | null;
}

function gradeScalar(ctx: GradingContext, ask: Ask, right: Value, student: StudentNumber): Graded {
  const verdict = gradeCell(ctx, ask, [], right, student);
  if (verdict.kind === 'misconception') {
    const [mistake, ...others] = withCandidates(
      verdict.mistake,
      candidatesFor(ctx, ask, [{ index: [], number: student }]),
    );
    const { feedback, step } = diagnosis(ctx, ask, mistake, null, others);
    return {
      status: 'incorrect',
      score: 0,
      misconception: mistake.id,
      misconceptions: [mistake.id, ...others.map((o) => o.id)],
      step,
      feedback,
      cells: null,
    };
  }
  return {
    roundedChain: verdict.kind === 'rounded-chain',
    status: cellStatus(verdict),
    score: CELL_SCORE[verdict.kind],
    misconception: null,
    feedback: cellFeedback(ctx, ask, verdict, right, student),
    cells: null,
  };
}

/** Rows × columns of a vector (one row) or matrix; null for a scalar. */
function rowsOf(v: AskValue): readonly (readonly Value[])[] | null {
  if (!Array.isArray(v)) return null;
  if (v.length === 0 || !Array.isArray(v[0])) return [v as readonly Value[]];
  return v as readonly (readonly Value[])[];
}

const isVector = (v: AskValue) => Array.isArray(v) && (v.length === 0 || !Array.isArray(v[0]));

function layoutText(ctx: GradingContext, ask: Ask): Text {
  const q = ask.quantity;
  if (q === 'grad_weights' || q === 'weights_after') {
    return ctx.spec?.layout === 'w-x'
      ? text(
          'in the w-x layout W has one row per unit and one column per input',
          '重みの並べ方 w-x では W は行がユニット、列が入力',
        )
      : text(
          'in the x-w layout W has one row per input and one column per unit',
          '重みの並べ方 x-w では W は行が入力、列がユニット',
        );
  }
  if (q === 'softmax_jacobian') return text('entry [i][k] is ∂y_i/∂a_k', '成分 [i][k] は ∂y_i/∂a_k');
  return text('one row per sample, one column per unit', '行がサンプル、列がユニット');
}

function gradeMatrix(
  ctx: GradingContext,
  ask: Ask,
  right: AskValue,
  rows: readonly (readonly StudentNumber[])[],
): Graded {
  const expectedRows = rowsOf(right)!;
  const m = expectedRows.length;
  const n = expectedRows[0]?.length ?? 0;
  let student = rows;
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const vector = isVector(right);
  // A vector may be typed as a row or as a column.
  if (vector && c === 1 && r === n && n !== 1) student = [rows.map((row) => row[0])];
  const fail = (feedback: Text, misconception: string | null = null): Graded => ({
    status: 'incorrect',
    score: 0,
    misconception,
    feedback,
    cells: null,
  });
  if (student.length !== m || (student[0]?.length ?? 0) !== n) {
    if (vector) return fail(msg.vectorLength(n, r * c));
    if (r === n && c === m && transposeMatches(expectedRows, rows))
      return fail(msg.transposedMatrix(layoutText(ctx, ask)), transposedId(ask));
    return fail(msg.shapeMismatch(m, n, r, c, layoutText(ctx, ask)));
  }
  const cells: CellResult[] = [];
  student.forEach((row, i) =>
    row.forEach((number, j) => {
      const index = vector ? [j] : [i, j];
      const verdict = gradeCell(ctx, ask, index, expectedRows[i][j], number);
      cells.push({ index, status: cellStatus(verdict), score: CELL_SCORE[verdict.kind], verdict, number });
    }),
  );
  const score = cells.reduce((s, cell) => s + cell.score, 0) / cells.length;
  const wrongCells = cells.filter((cell) => cell.status !== 'correct');
  if (wrongCells.length === 0) {
    const chained = cells.find((cell) => cell.verdict.kind === 'rounded-chain');
    const feedback =
      chained && chained.verdict.kind === 'rounded-chain'
        ? msg.fromRoundedIntermediates(chained.verdict.policy, expectedRows[0][0])
        : msg.CORRECT;
    return {
      roundedChain: chained !== undefined,
      status: 'correct',
      score: 1,
      misconception: null,
      feedback: chained ? feedback : msg.CORRECT,
      cells,
    };
  }
  if (!vector && m === n && transposeMatches(expectedRows, student)) {
    return {
      status: 'incorrect',
      score: 0,
      misconception: transposedId(ask),
      feedback: msg.transposedMatrix(layoutText(ctx, ask)),
      cells,
    };
  }
  // A misconception explaining the answer names the mistake: first one whose value is the whole answer,
  // cell for cell; else one that explains every wrong cell; otherwise list the cells to check.
  const mistaken = ordered(ask, ctx.mistaken(ask));
  const explains = (m: MistakenValue, cell: CellResult) => {
    const buggy = cellAt(m.value, cell.index);
    return buggy !== null && matchesValue(buggy, cell.number);
  };
  const common =
    (
      mistaken.find((m) => cells.every((cell) => explains(m, cell))) ??
      mistaken.find((m) => wrongCells.every((cell) => cell.verdict.kind === 'misconception' && explains(m, cell)))
    )?.mistake ?? null;
  const summary = msg.cellsSummary(
    cells.length - wrongCells.length,
    cells.length,
    wrongCells.map((cell) => cell.index),
  );
  const onlyFigures = wrongCells.every((cell) => cell.verdict.kind === 'few-figures');
  const others = common ? withCandidates(common, candidatesFor(ctx, ask, wrongCells)).slice(1) : [];
  const diagnosed = common ? diagnosis(ctx, ask, common, wrongCells[0].index, others) : null;
  const detail = diagnosed
    ? diagnosed.feedback
    : onlyFigures
      ? msg.fewFigures(cellAt(right, wrongCells[0].index)!)
      : null;
  const named = common
    ? cells.map(
        (cell): CellResult =>
          cell.verdict.kind === 'misconception'
            ? { ...cell, verdict: { kind: 'misconception', mistake: common } }
            : cell,
      )
    : cells;
  return {
    status: 'incorrect',
    score,
    misconception: common?.id ?? null,
    misconceptions: common ? [common.id, ...others.map((o) => o.id)] : [],
    step: diagnosed?.step ?? null,
    feedback: joinText([summary, detail]),
    cells: named,
  };
}

/** The misconception a transposed matrix answer is, in this quantity. */
function transposedId(ask: Ask): string | null {
  return MISCONCEPTIONS.find((m) => m.transposedIn?.includes(ask.quantity))?.id ?? null;
}

/** The student's matrix is the transpose of the right one, cell for cell. */
function transposeMatches(
  expected: readonly (readonly Value[])[],
  student: readonly (readonly StudentNumber[])[],
): boolean {
  const m = expected.length;
  const n = expected[0]?.length ?? 0;
  if (student.length !== n || (student[0]?.length ?? 0) !== m) return false;
  return expected.every((row, i) => row.every((v, j) => isRight(judgeNumber(v, student[j][i]))));
}

/** Whether an answer is, cell for cell, the given value (right at its precision). */
function answerIs(value: AskValue | null, answer: StudentAnswer): boolean {
  if (value === null) return false;
  if (answer.kind === 'number') return !Array.isArray(value) && isRight(judgeNumber(value as Value, answer.number));
  if (answer.kind !== 'matrix') return false;
  const rows = rowsOf(value);
  if (rows === null) return false;
  let student = answer.rows;
  if (isVector(value) && student.length === rows[0].length && student[0]?.length === 1 && rows[0].length !== 1)
    student = [student.map((row) => row[0])];
  return (
    student.length === rows.length &&
    student.every((row, i) => row.length === rows[i].length && row.every((x, j) => isRight(judgeNumber(rows[i][j], x))))
  );
}

/**
 * Whether an answer follows from `value` (a chain recomputed from the student's own parts): a number
 * that is it; a matrix whose every cell that is not right is it (its right cells keep their credit).
 * Returns the cells that follow (an empty list for a number), or null.
 */
function followsFrom(value: AskValue | null, answer: StudentAnswer, graded: Graded): readonly CellResult[] | null {
  if (value === null) return null;
  if (graded.cells === null) return answerIs(value, answer) ? [] : null;
  const pending = graded.cells.filter((cell) => cell.status !== 'correct');
  if (pending.length === 0) return null;
  return pending.every((cell) => {
    const v = cellAt(value, cell.index);
    return v !== null && isRight(judgeNumber(v, cell.number));
  })
    ? pending
    : null;
}

/** What an ask wants typed: a list ("0.42 0.426" is a row) or one number ("-0,288" gets the decimal-comma hint). */
export function expectOf(ctx: GradingContext, ask: Ask): 'scalar' | 'matrix' | 'any' {
  if (isSymbolicAsk(ask)) return 'any';
  const right = ctx.expected(ask);
  if (right === null) return 'any';
  return Array.isArray(right) ? 'matrix' : 'scalar';
}

/** The significant figures an answer carries (the fewest over its cells); null for exact notation. */
function answerFigures(right: AskValue | null, answer: StudentAnswer): number | null {
  if (right === null) return null;
  if (answer.kind === 'number') {
    const n = answer.number;
    return n.written === null || Array.isArray(right) ? null : effectiveSigFigs(right as Value, n.value, n.written);
  }
  if (answer.kind !== 'matrix') return null;
  const figures = answer.rows.flat().flatMap((n) => (n.written === null ? [] : [n.written.sigFigs]));
  return figures.length > 0 ? Math.min(...figures) : null;
}

/** Grades one answer on its own (no other parts). */
export function gradeOne(
  ctx: GradingContext,
  ask: Ask,
  answer: StudentAnswer,
): Graded & { expected: AskValue | ExpectedValue | null } {
  if (answer.kind === 'invalid') {
    return {
      status: 'invalid',
      score: 0,
      misconception: null,
      feedback: answer.message,
      cells: null,
      expected: expectedOf(ctx, ask),
    };
  }
  if (isSymbolicAsk(ask)) return { ...gradeFormula(ask, answer), expected: expectedOf(ctx, ask) };
  const right = ctx.expected(ask);
  if (right === null) throw new RangeError(`ask ${ask.id}: the engine cannot compute ${ask.quantity}`);
  const fail = (feedback: Text): Graded => ({
    status: 'incorrect',
    score: 0,
    misconception: null,
    feedback,
    cells: null,
  });
  let graded: Graded;
  if (!Array.isArray(right)) {
    if (answer.kind === 'number') graded = gradeScalar(ctx, ask, right as Value, answer.number);
    else if (answer.kind === 'matrix' && answer.rows.length === 1 && answer.rows[0].length === 1)
      graded = gradeScalar(ctx, ask, right as Value, answer.rows[0][0]);
    else graded = fail(msg.EXPECTED_NUMBER);
  } else if (answer.kind === 'matrix') {
    graded = gradeMatrix(ctx, ask, right, answer.rows);
  } else if (answer.kind === 'number' && rowsOf(right)!.length === 1 && rowsOf(right)![0].length === 1) {
    graded = gradeMatrix(ctx, ask, right, [[answer.number]]);
  } else {
    const rows = rowsOf(right)!;
    graded = fail(msg.expectedMatrix(rows.length, rows[0]?.length ?? 0));
  }
  return { ...graded, expected: right };
}

function expectedOf(ctx: GradingContext, ask: Ask): AskValue | ExpectedValue | null {
  return isSymbolicAsk(ask) ? (ctx.exercise.expected[ask.id] ?? null) : ctx.expected(ask);
}

/**
 * Error carried forward for one ask: recompute it from the student's own answers to the `others` parts
 * (through `subsOf` and `chained`: the network's cells, or a graph's iterates), the rest of the chain
 * exact or rounded as the answer is (their rounding is not punished either).
 */
function carryForward<S>(
  ctx: GradingContext,
  ask: Ask,
  answer: StudentAnswer,
  start: Graded & { expected: AskValue | ExpectedValue | null },
  asks: readonly Ask[],
  first: ReadonlyMap<string, Graded>,
  answers: ReadonlyMap<string, string>,
  others: readonly Ask[],
  subsOf: (other: Ask) => S[],
  chained: (subs: readonly S[], policy: RoundingPolicy | null) => AskValue | null,
): { graded: Graded & { expected: AskValue | ExpectedValue | null }; carried: boolean } {
  let graded = start;
  let carried = false;
  const good = others.filter((other) => first.get(other.id)!.status === 'correct');
  const bad = others.filter((other) => first.get(other.id)!.status === 'incorrect');
  const goodSubs = good.flatMap(subsOf);
  const badSubs = bad.flatMap(subsOf);
  const right = ctx.expected(ask);
  // In an exact exercise nothing is rounded on the way, so the chain from the student's parts is exact.
  const rounding = isExactExercise(ctx) ? [null] : carriedPolicies(answerFigures(right, answer));
  const candidates = goodSubs.length > 0 || badSubs.length > 0 ? rounding : [];
  const explains = (subs: readonly S[], policy: RoundingPolicy | null) =>
    followsFrom(chained(subs, policy), answer, graded) !== null;
  // The student's own values for every part they answered, right or wrong, are what they worked from:
  // when all of them explain the answer and the right ones alone (with the same rounding) do not, it
  // follows from a wrong part, even if a rounded recomputation of that part would also explain it.
  const fromAll =
    badSubs.length > 0 ? candidates.find((policy) => explains([...goodSubs, ...badSubs], policy)) : undefined;
  const needsBad = fromAll !== undefined && !(goodSubs.length > 0 && explains(goodSubs, fromAll));
  const fromGood =
    goodSubs.length > 0 && !needsBad ? candidates.find((policy) => explains(goodSubs, policy)) : undefined;
  if (fromGood !== undefined) {
    // Name the right parts it follows from: those that explain it on their own, else the earlier ones
    // (a later ask, such as an update computed from this gradient, is not where it came from), else all.
    const withSubs = good.filter((other) => subsOf(other).length > 0);
    const alone = withSubs.filter((other) => explains(subsOf(other), fromGood));
    const earlier = withSubs.filter((other) => asks.indexOf(other) < asks.indexOf(ask));
    const ids = (alone.length > 0 ? alone : earlier.length > 0 ? earlier : withSubs).map((other) => other.id);
    const shown = Array.isArray(right) ? cellAt(right, Array.isArray(right[0]) ? [0, 0] : [0]) : (right as Value);
    const cells =
      graded.cells?.map(
        (cell): CellResult =>
          cell.status === 'correct' ? cell : { ...cell, status: 'correct', score: 1, verdict: { kind: 'exact' } },
      ) ?? null;
    graded = {
      ...graded,
      status: 'correct',
      score: 1,
      misconception: null,
      feedback: msg.fromOwnRoundedValues(ids, shown!),
      cells,
    };
  } else if (badSubs.length > 0 && graded.status !== 'correct') {
    const all = [...goodSubs, ...badSubs];
    const policy = fromAll ?? candidates.find((p) => explains(all, p));
    if (policy !== undefined) {
      // Name the wrong parts it follows from: those that explain it on their own, else all of them.
      const earlierBad = bad.filter((other) => subsOf(other).length > 0 && asks.indexOf(other) < asks.indexOf(ask));
      const named = earlierBad.length > 0 ? earlierBad : bad.filter((other) => subsOf(other).length > 0);
      const alone = named.filter(
        (other) => followsFrom(chained([...goodSubs, ...subsOf(other)], policy), answer, graded) !== null,
      );
      // A matrix keeps the credit of its right cells; the cells that follow from the wrong parts earn CARRIED_FORWARD_SCORE.
      const follow = new Set(followsFrom(chained(all, policy), answer, graded)!.map((cell) => cell.index.join(',')));
      const cells =
        graded.cells?.map(
          (cell): CellResult =>
            follow.has(cell.index.join(','))
              ? { ...cell, status: 'incorrect', score: CARRIED_FORWARD_SCORE, verdict: { kind: 'carried-forward' } }
              : cell,
        ) ?? null;
      const score = cells
        ? Math.round((cells.reduce((sum, cell) => sum + cell.score, 0) / cells.length) * 1e6) / 1e6
        : CARRIED_FORWARD_SCORE;
      const used = (alone.length > 0 ? alone : named).map((other) => ({
        id: other.id,
        text: answers.get(other.id)!.trim(),
      }));
      graded = {
        ...graded,
        status: 'incorrect',
        score,
        misconception: null,
        feedback: msg.carriedForward(used),
        cells,
      };
      carried = true;
    }
  }
  return { graded, carried };
}

/**
 * Grades the answers to an exercise (ask id → the text the student typed). Results follow the order
 * of the exercise's asks; unanswered asks are left out.
 */
export function gradeExercise(
  ctx: GradingContext,
  answers: ReadonlyMap<string, string>,
  options: GradeOptions = {},
): AskResult[] {
  const asks = ctx.exercise.asks.filter((ask) => answers.has(ask.id));
  const parsed = new Map<string, StudentAnswer>();
  for (const ask of asks) {
    parsed.set(
      ask.id,
      readAnswer(
        answers.get(ask.id)!,
        isSymbolicAsk(ask) ? { variables: ask.variables } : { expect: expectOf(ctx, ask) },
      ),
    );
  }
  const first = new Map(asks.map((ask) => [ask.id, gradeOne(ctx, ask, parsed.get(ask.id)!)]));

  // Error carried forward: recompute a wrong part from the student's own answers to the other parts,
  // the rest of the chain exact or rounded as the answer is (their rounding is not punished either).
  const results: AskResult[] = asks.map((ask) => {
    let graded = first.get(ask.id)!;
    let carried = false;
    const answer = parsed.get(ask.id)!;
    const recheck = (graded.status === 'incorrect' && graded.score < 1) || graded.roundedChain === true;
    if (recheck && isGraphStepAsk(ask) && ctx.graph) {
      // A graph's iterates: x_k from the student's own x_j (j < k), as they carried it into the next step.
      const others = asks.filter(
        (other) => other.id !== ask.id && other.quantity === 'input_after' && (other as GraphStepAsk).step <= ask.step,
      );
      const subsOf = (other: Ask) => stepSubstitutions(other as GraphStepAsk, parsed.get(other.id)!);
      ({ graded, carried } = carryForward(
        ctx,
        ask,
        answer,
        graded,
        asks,
        first,
        answers,
        others,
        subsOf,
        (subs, policy) => ctx.graphChained(ask, subs, policy),
      ));
    } else if (recheck && !isGraphAsk(ask) && !isSymbolicAsk(ask) && ctx.spec) {
      const others = asks.filter((other) => other.id !== ask.id && !isGraphAsk(other) && !isSymbolicAsk(other));
      const subsOf = (other: Ask): Substitution[] => substitutionsFor(ctx, other as NetworkAsk, parsed.get(other.id)!);
      ({ graded, carried } = carryForward(
        ctx,
        ask,
        answer,
        graded,
        asks,
        first,
        answers,
        others,
        subsOf,
        (subs, policy) => ctx.chained(ask, subs, policy),
      ));
    }
    // More hints than there are cost no more than all of them (the CLI rejects such a count).
    const hintsUsed = Math.min(HINT_COSTS.length - 1, Math.max(0, Math.floor(options.hintsUsed?.get(ask.id) ?? 0)));
    const hintCost = HINT_COSTS[Math.min(hintsUsed, HINT_COSTS.length - 1)];
    const score = Math.round(graded.score * (1 - hintCost) * 1e6) / 1e6;
    const withHints =
      hintsUsed > 0 ? joinText([graded.feedback, msg.hintCostNote(hintsUsed, hintCost)]) : graded.feedback;
    // A wild number is graded like any other; when it is absurd, a note says where the slip likely is.
    const right = answer.kind === 'number' && graded.status !== 'correct' ? ctx.expected(ask) : null;
    const feedback =
      answer.kind === 'number' &&
      right !== null &&
      !Array.isArray(right) &&
      isAbsurd(answer.number.value, right as Value)
        ? joinText([withHints, absurdNote(answer.number.text)])
        : withHints;
    return {
      ask: ask.id,
      status: graded.status,
      score,
      expected: graded.expected,
      misconception: graded.misconception,
      misconceptions: graded.misconception === null ? [] : (graded.misconceptions ?? [graded.misconception]),
      step: graded.misconception === null ? null : (graded.step ?? null),
      feedback,
      carriedForward: carried,
      cells: graded.cells,
      hintsUsed,
      hintCost,
    };
  });
  return results;
}
