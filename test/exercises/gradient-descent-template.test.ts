// The gradient-descent-1d template: every key against the independent exact reference (the polynomial
// read back from the graph's nodes, stepped with BigInt fractions), the gradients against a finite
// difference, the three step mistakes named on generated exercises, and the worked step each ask
// points at.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { stepsForAsk, stepsIn } from '../../src/exercises/ask-steps';
import { solveGraphExercise } from '../../src/exercises/solve-exercise';
import type { Exercise, GraphFile } from '../../src/exercises/types';
import { graphDocument } from '../../src/document/graph';
import { gradingContext } from '../../src/grader/context';
import { gradeExercise } from '../../src/grader/grade';
import { approx } from '../../src/number/value';
import { add, mul, rational, sub, type Rational } from '../reference/exact-rational';
import { derivativeExact, descendExact, fractionText, parseRational, polyExact } from '../reference/descent-1d';

/** The coefficients c_0 … c_n of the polynomial a graph of this template computes, read from its nodes. */
function coefficients(file: GraphFile): Rational[] {
  const nodes = new Map(file.graph.nodes.map((n) => [n.name, n]));
  const c: Rational[] = [rational(0n), rational(0n), rational(0n), rational(0n), rational(0n)];
  const degreeOf = (name: string): number => {
    if (name === 'x') return 1;
    const node = nodes.get(name)!;
    if (node.op === 'square') return 2;
    expect(node.op).toBe('pow');
    return Number(node.args[1]);
  };
  for (const arg of nodes.get(file.graph.output)!.args) {
    const node = nodes.get(arg);
    if (arg === 'x' || node?.op === 'square' || node?.op === 'pow')
      c[degreeOf(arg)] = add(c[degreeOf(arg)], rational(1n));
    else if (node?.op === 'mul')
      c[degreeOf(node.args[1])] = add(c[degreeOf(node.args[1])], parseRational(node.args[0]));
    else c[0] = add(c[0], parseRational(arg));
  }
  return c;
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const exercises = ([1, 2, 3] as const).flatMap((difficulty) =>
  SEEDS.map((seed) => generateExercise({ template: 'gradient-descent-1d', seed, difficulty, lang: 'en' })),
);
const walkOf = (ex: Exercise) => {
  const file = ex.network as GraphFile;
  const step = file.graph.step!;
  return descendExact(coefficients(file), parseRational(file.graph.inputs.x), parseRational(step.learning_rate), 4);
};

describe('gradient-descent-1d', () => {
  it('keys every x_k and f(x₄) as the exact reference steps them, at every difficulty', () => {
    for (const ex of exercises) {
      const walk = walkOf(ex);
      for (const ask of ex.asks) {
        const key = (ex.expected[ask.id] as { exact: string }).exact;
        if (ask.quantity === 'input_after')
          expect(key, `${ex.difficulty}/${ex.seed} ${ask.id}`).toBe(fractionText(walk[ask.step - 1].x));
        else if (ask.quantity === 'value_after') expect(key).toBe(fractionText(walk[ask.step - 1].value));
        else throw new Error(`unexpected ask ${ask.quantity}`);
      }
      expect(ex.asks.length).toBe(ex.difficulty === 1 ? 4 : 5);
    }
  });

  it('polynomials of degree 2 at difficulty 1–2 (short exact decimals), 3 at difficulty 3', () => {
    for (const ex of exercises) {
      const c = coefficients(ex.network as GraphFile);
      const degree = c.reduce((d, ci, i) => (ci.n !== 0n ? i : d), 0);
      if (ex.difficulty < 3) {
        expect(degree).toBe(2);
        for (const p of walkOf(ex))
          expect(
            /^-?\d+(\/(2|4|5|8|10|16|20|25|40|50|80|100|125|250|500|625|1000|1250|2500|5000|10000))?$/.test(
              fractionText(p.x),
            ),
            fractionText(p.x),
          ).toBe(true);
      } else expect(degree).toBe(3);
    }
  });

  it('the gradient of each step is f′ at the point before it, as a central difference says', () => {
    for (const ex of exercises.filter((e) => e.seed <= 5)) {
      const c = coefficients(ex.network as GraphFile);
      const p = (x: number) => c.reduce((s, ci, i) => s + (Number(ci.n) / Number(ci.d)) * x ** i, 0);
      const solution = solveGraphExercise(ex);
      let x = Number(
        solution.spec.inputs[0].value.kind === 'rational' ? solution.spec.inputs[0].value.q.valueOf() : Number.NaN,
      );
      for (const record of solution.history) {
        const h = 1e-5;
        const difference = (p(x + h) - p(x - h)) / (2 * h);
        expect(approx(record.gradients.get('x')!).toNumber()).toBeCloseTo(difference, 5);
        x = approx(record.inputs.get('x')!).toNumber();
      }
    }
  });

  it('names the uphill step, the forgotten η and f for f′ where they give another number', () => {
    const wrongWalks: Record<string, (c: Rational[], x: Rational, eta: Rational) => Rational> = {
      'wrong-update-sign': (c, x, eta) => add(x, mul(eta, derivativeExact(c, x))),
      'forgot-learning-rate': (c, x) => sub(x, derivativeExact(c, x)),
      'value-for-derivative': (c, x, eta) => sub(x, mul(eta, polyExact(c, x))),
    };
    let named = 0;
    for (const ex of exercises.filter((e) => e.seed <= 6)) {
      const file = ex.network as GraphFile;
      const c = coefficients(file);
      const eta = parseRational(file.graph.step!.learning_rate);
      const ctx = gradingContext(ex);
      for (const [id, rule] of Object.entries(wrongWalks)) {
        let x = parseRational(file.graph.inputs.x);
        const answers = new Map<string, string>();
        for (let k = 1; k <= 2; k++) {
          x = rule(c, x, eta);
          answers.set(`a${k}`, (Number(x.n) / Number(x.d)).toPrecision(12));
        }
        // A wrong walk that happens to give a right x₂ is not a mistake to name.
        const right = walkOf(ex)[1].x;
        if (x.n === right.n && x.d === right.d) continue;
        const r = gradeExercise(ctx, new Map([['a2', answers.get('a2')!]]))[0];
        if (Math.abs(Number(x.n) / Number(x.d)) > 1e6) continue;
        expect([ex.difficulty, ex.seed, id, r.status]).toEqual([ex.difficulty, ex.seed, id, 'incorrect']);
        expect(r.misconceptions, `${ex.difficulty}/${ex.seed} ${id}`).toContain(id);
        named++;
      }
      // The right walk is right, and no misconception.
      const right = gradeExercise(
        ctx,
        new Map(ex.asks.map((a) => [a.id, Number((ex.expected[a.id] as { approx: string }).approx).toPrecision(10)])),
      );
      for (const r of right) expect([r.ask, r.status, r.misconception]).toEqual([r.ask, 'correct', null]);
    }
    expect(named).toBeGreaterThan(40);
  });

  it('each ask points at its worked step: the gradient and the update for x_k, the output for f(x₄)', () => {
    const ex = exercises.find((e) => e.difficulty === 2)!;
    const doc = graphDocument(solveGraphExercise(ex), { lang: 'en', name: 'ex' });
    const steps = stepsIn(doc);
    expect(stepsForAsk(ex, ex.asks[2], steps).map((s) => s.id)).toEqual(['d-3-x', 'u-3-x']);
    expect(stepsForAsk(ex, ex.asks[4], steps).map((s) => s.id)).toEqual(['v-4']);
  });

  it('states the rule, η and the steps in both languages', () => {
    const ex = generateExercise({ template: 'gradient-descent-1d', seed: 3, difficulty: 2, lang: 'ja' });
    expect(ex.prompt).toMatch(/の勾配降下法/);
    expect(ex.prompt).toMatch(/ステップ 1 の後の x の値/);
    const en = generateExercise({ template: 'gradient-descent-1d', seed: 3, difficulty: 2, lang: 'en' });
    expect(en.prompt).toMatch(/x₁, the value of x after step 1/);
    expect(en.prompt).toMatch(/f after step 4/);
    expect(en.hints.a2[0]).toMatch(/x₂ = x₁ − η·∂f\/∂x/);
  });
});
