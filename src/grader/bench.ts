// Grading throughput, in-process: answers parsed (by the safe parser) and graded per second against
// prepared exercises, with a realistic mix (right decimals and fractions, too few figures, wrong values,
// misconception values, unreadable text). Also the one-off cost of preparing an exercise (its solution
// and every misconception variant). Run by bench/grading.mjs.
import { generateExercise } from '../exercises/generate';
import type { AskValue } from '../exercises/quantities';
import { isSymbolicAsk, type Exercise } from '../exercises/types';
import { approx, type Value } from '../number/value';
import { gradingContext, type GradingContext } from './context';
import { gradeExercise } from './grade';

const TEMPLATES = [
  'output-delta',
  'output-weight-grad',
  'hidden-delta',
  'hidden-weight-grad',
  'weight-update',
  'train-once',
  'softmax-ce-gradient',
  'loss',
];

function firstCell(v: AskValue): Value {
  let x: unknown = v;
  while (Array.isArray(x)) x = x[0];
  return x as Value;
}

/** Answer texts for one ask: right and wrong, as a class of students would type them. */
function answersFor(ctx: GradingContext, askIndex: number): string[] {
  const ask = ctx.exercise.asks[askIndex];
  const right = ctx.expected(ask);
  if (right === null || Array.isArray(right)) return [];
  const x = approx(right as Value);
  const mistaken = ctx.mistaken(ask).map((m) => approx(firstCell(m.value)).toSignificantDigits(4).toString());
  const exact = (right as Value).kind === 'rational' ? [(right as { q: { toFraction(): string } }).q.toFraction()] : [];
  return [
    x.toSignificantDigits(4).toString(),
    x.toSignificantDigits(3).toString(),
    x.toSignificantDigits(6).toString(),
    ...exact,
    x.toSignificantDigits(2).toString(),
    x.times(1.1).toSignificantDigits(4).toString(),
    x.neg().toSignificantDigits(4).toString(),
    ...mistaken.slice(0, 3),
    'abc',
  ];
}

export interface GradingBench {
  readonly answersPerSecond: number;
  readonly answers: number;
  /** The same, answers graded as whole multi-part submissions (with error carried forward), after a first pass. */
  readonly submissionAnswersPerSecond: number;
  /** Preparing an exercise: its solution and every misconception variant, mean ms. */
  readonly prepareMs: number;
  readonly exercises: number;
}

export function benchGrading(ms = 1000): GradingBench {
  const exercises: Exercise[] = [];
  for (const template of TEMPLATES)
    for (const seed of [1, 2, 3]) exercises.push(generateExercise({ template, seed, difficulty: 2 }));
  const t0 = performance.now();
  const prepared = exercises.map((exercise) => {
    const ctx = gradingContext(exercise);
    const work = exercise.asks.flatMap((ask, i) =>
      isSymbolicAsk(ask) ? [] : answersFor(ctx, i).map((text) => [ask.id, text] as const),
    );
    return { ctx, work };
  });
  const prepareMs = (performance.now() - t0) / exercises.length;
  const all = prepared.flatMap(({ ctx, work }) => work.map(([id, text]) => ({ ctx, answers: new Map([[id, text]]) })));
  // One pass to fill the per-exercise caches (rounded chains at each precision), as a running quiz would.
  for (const { ctx, answers } of all) gradeExercise(ctx, answers);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const { ctx, answers } of all) gradeExercise(ctx, answers);
    count += all.length;
    now = performance.now();
  }
  const answersPerSecond = Math.round((count / (now - start)) * 1000);

  // Whole submissions (every ask of an exercise at once): the k-th answer of each ask's list, so that
  // wrong early parts make later parts go through error carried forward.
  const submissions = prepared.flatMap(({ ctx, work }) => {
    const byAsk = new Map<string, string[]>();
    for (const [id, answer] of work) byAsk.set(id, [...(byAsk.get(id) ?? []), answer]);
    return [0, 1, 4, 5].map((k) => ({
      ctx,
      answers: new Map([...byAsk].map(([id, list]) => [id, list[k % list.length]] as const)),
    }));
  });
  for (const { ctx, answers } of submissions) gradeExercise(ctx, answers);
  let answered = 0;
  const start2 = performance.now();
  let now2 = start2;
  while (now2 - start2 < ms) {
    for (const { ctx, answers } of submissions) {
      gradeExercise(ctx, answers);
      answered += answers.size;
    }
    now2 = performance.now();
  }
  return {
    answersPerSecond,
    answers: all.length,
    submissionAnswersPerSecond: Math.round((answered / (now2 - start2)) * 1000),
    prepareMs: Math.round(prepareMs * 10) / 10,
    exercises: exercises.length,
  };
}
