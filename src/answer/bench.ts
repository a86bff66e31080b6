// A micro-benchmark of the answer path a grader runs for every submission: parse + exact evaluation
// + exact comparison with the expected value. `benchAnswers()` returns answers per second overall and
// per kind of answer; bench/answers.mjs prints it.
import { compare, exp, ln, ratio, type Value } from '../number/value';
import { parseAnswer } from './parse-answer';

interface Case {
  readonly text: string;
  /** One value for a scalar, rows of values for a matrix. */
  readonly expected: Value | readonly (readonly Value[])[];
}

const r = ratio;

/** Typical answers, each with its expected value (written out by hand). */
export const BENCH_CORPUS: Readonly<Record<string, readonly Case[]>> = {
  numbers: [
    { text: '3/20', expected: r(3, 20) },
    { text: '0.15', expected: r(3, 20) },
    { text: '-0.0821', expected: r(-821, 10000) },
    { text: '1.5e-3', expected: r(3, 2000) },
    { text: '０．１５', expected: r(3, 20) },
    { text: '−0.25', expected: r(-1, 4) },
    { text: '0.1274', expected: r(637, 5000) },
    { text: '12', expected: r(12) },
  ],
  expressions: [
    { text: '0.6*(1-0.6)', expected: r(6, 25) },
    { text: '-(0.75-1)*0.5', expected: r(1, 8) },
    { text: '1.5×10^-3', expected: r(3, 2000) },
    { text: '(0.5 - 1) × 0.25 × 0.75', expected: r(-3, 32) },
    { text: '2^-3', expected: r(1, 8) },
  ],
  transcendental: [
    { text: 'e^-1', expected: exp(r(-1)) },
    { text: 'exp(-2)', expected: exp(r(-2)) },
    { text: 'ln 2', expected: ln(r(2)) },
  ],
  matrices: [
    {
      text: '[[1,2],[3,4]]',
      expected: [
        [r(1), r(2)],
        [r(3), r(4)],
      ],
    },
    {
      text: '0.1 0.2; 0.3 0.4',
      expected: [
        [r(1, 10), r(1, 5)],
        [r(3, 10), r(2, 5)],
      ],
    },
    { text: '[0.5, -0.25]', expected: [[r(1, 2), r(-1, 4)]] },
  ],
};

/** Parses, evaluates and compares one answer; true when it equals the expected value exactly. */
export function checkOne(c: Case): boolean {
  const result = parseAnswer(c.text);
  if (!result.ok) return false;
  const a = result.answer;
  if (a.kind === 'scalar') return !Array.isArray(c.expected) && compare(a.value, c.expected as Value) === 0;
  if (a.kind !== 'matrix' || !Array.isArray(c.expected)) return false;
  const rows = c.expected as readonly (readonly Value[])[];
  return (
    a.rows.length === rows.length &&
    a.rows.every(
      (row, i) => row.length === rows[i].length && row.every((cell, j) => compare(cell.value, rows[i][j]) === 0),
    )
  );
}

export interface BenchResult {
  /** Answers parsed, evaluated and compared per second, over the whole corpus. */
  readonly answersPerSecond: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly answers: number;
}

function rate(cases: readonly Case[], ms: number, warmUp = true): { perSecond: number; count: number } {
  if (warmUp) for (let k = 0; k < 200; k++) for (const c of cases) checkOne(c);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const c of cases)
      if (!checkOne(c)) throw new Error(`bench answer ${JSON.stringify(c.text)} did not grade as equal`);
    count += cases.length;
    now = performance.now();
  }
  return { perSecond: (count * 1000) / (now - start), count };
}

export function benchAnswers(msPerKind = 500): BenchResult {
  const byKind: Record<string, number> = {};
  let answers = 0;
  for (const [kind, cases] of Object.entries(BENCH_CORPUS)) {
    const { perSecond, count } = rate(cases, msPerKind);
    byKind[kind] = Math.round(perSecond);
    answers += count;
  }
  // exp/ln of rationals are memoised (a class repeats e^-1); this row defeats the memo with 2,000
  // distinct arguments, so it shows the cost of a first-time 64-digit exp.
  const distinct = Array.from({ length: 2000 }, (_, k) => ({
    text: `exp(-${k + 1}/2003)`,
    expected: exp(r(-(k + 1), 2003)),
  }));
  const cold = rate(distinct, 1, false);
  byKind['exp, first time'] = Math.round(cold.perSecond);
  const all = Object.values(BENCH_CORPUS).flat();
  const overall = rate(all, msPerKind);
  return { answersPerSecond: Math.round(overall.perSecond), byKind, answers: answers + cold.count + overall.count };
}
