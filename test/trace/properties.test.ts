// The trace on many random networks (every activation, loss, layout, convention, batch size):
//  - every number the engine computes has its step, whose result is the engine's value itself;
//  - the substituted form, evaluated independently in float64 (latex-eval.ts), gives the result,
//    and so does every part of the typeset result ("151/400 = 0.3775");
//  - a negative number after an operator is always bracketed: no "+ -", "- -", "\cdot -", "--".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNetwork } from '../../src/network/load';
import { solve, type Solution } from '../../src/engine/solve';
import { transpose } from '../../src/engine/matrix';
import { approx, ratio, type Value } from '../../src/number/value';
import type { Matrix } from '../../src/concepts/network';
import { buildTrace, defaultForm, parameterCount } from '../../src/trace/build';
import type { MatrixStep, ScalarStep, Step, Trace } from '../../src/trace/types';
import { networkArb, thousandths } from '../reference/arbitrary';
import { networkText } from '../reference/raw';
import { close, evalLatex, evalResultParts, type Num } from './latex-eval';

const RUNS = 60;

const solved = networkArb().map((raw) => solve(parseNetwork(networkText(raw))));
const solvedFine = networkArb(thousandths).map((raw) => solve(parseNetwork(networkText(raw))));

const steps = (trace: Trace): Step[] => trace.sections.flatMap((s) => s.steps);
const num = (v: Value): number => approx(v).toNumber();
const mat = (m: Matrix): number[][] => m.map((row) => row.map(num));

/** The engine's value of every cell the trace must explain, keyed like step ids. */
function engineCells(solution: Solution): Map<string, Value> {
  const cells = new Map<string, Value>();
  const put = (q: string, l: number | null, index: number[], v: Value) =>
    cells.set(`${q}/${l ?? '-'}/${index.join(',')}`, v);
  solution.layers.forEach((r, l) => {
    r.preactivation.forEach((row, n) => row.forEach((v, j) => put('preactivation', l, [n, j], v)));
    r.output.forEach((row, n) => row.forEach((v, j) => put('output', l, [n, j], v)));
    r.delta.forEach((row, n) => row.forEach((v, j) => put('delta', l, [n, j], v)));
    r.gradWeights.forEach((row, i) => row.forEach((v, j) => put('grad_weights', l, [i, j], v)));
    r.gradBias.forEach((v, j) => put('grad_bias', l, [j], v));
    r.weightsAfter.forEach((row, i) => row.forEach((v, j) => put('weights_after', l, [i, j], v)));
    if (solution.network.updateBiases) r.biasAfter.forEach((v, j) => put('bias_after', l, [j], v));
    if (r.gradAlpha !== null) {
      put('grad_alpha', l, [], r.gradAlpha);
      put('alpha_after', l, [], r.alphaAfter!);
    }
  });
  put('loss', null, [], solution.loss);
  put('loss_after', null, [], solution.lossAfter);
  return cells;
}

const OPERATOR_THEN_MINUS = /(\+|-|\\cdot|\\odot|\\times)\s*-/;

function typesettingProblems(step: Step): string[] {
  const problems: string[] = [];
  for (const [what, tex] of [
    ['formula', step.formula],
    ['substituted', step.substituted],
    ['result', step.resultLatex],
    ['condition', step.condition],
  ] as const) {
    if (tex === null) continue;
    if (OPERATOR_THEN_MINUS.test(tex)) problems.push(`${step.id} ${what}: operator before a minus sign: ${tex}`);
    if (/[−–]/.test(tex)) problems.push(`${step.id} ${what}: a non-ASCII minus in LaTeX: ${tex}`);
    if (/\^\{-?-/.test(tex) && /\^\{--/.test(tex))
      problems.push(`${step.id} ${what}: double minus in an exponent: ${tex}`);
  }
  return problems;
}

function checkNumbers(step: Step, columns: boolean): string[] {
  const problems: string[] = [];
  const expected: Num = step.shape === 'scalar' ? num(step.result) : mat(step.result);
  if (step.substituted !== null) {
    let got: Num;
    try {
      got = evalLatex(step.substituted, { columns });
    } catch (error) {
      return [`${step.id}: cannot evaluate "${step.substituted}": ${(error as Error).message}`];
    }
    const tol = step.substitutedApproximate ? 1e-7 : 1e-9;
    if (!close(got, expected, tol))
      problems.push(`${step.id}: ${step.substituted} = ${JSON.stringify(got)}, engine ${JSON.stringify(expected)}`);
  }
  let parts;
  try {
    parts =
      step.shape === 'scalar'
        ? evalResultParts(step.resultLatex, step.resultRelation)
        : [{ value: evalLatex(step.resultLatex), approximate: true }];
  } catch (error) {
    return [...problems, `${step.id}: cannot evaluate result "${step.resultLatex}": ${(error as Error).message}`];
  }
  for (const part of parts) {
    if (!close(part.value, expected, part.approximate ? 1e-9 : 1e-12)) {
      problems.push(
        `${step.id}: result part ${JSON.stringify(part.value)} of "${step.resultLatex}", engine ${JSON.stringify(expected)}`,
      );
    }
  }
  return problems;
}

describe("the trace covers every value the engine computes, with the engine's values", () => {
  it("scalar form: one step per cell, result identical to the engine's Value", () => {
    fc.assert(
      fc.property(solved, (solution) => {
        const trace = buildTrace(solution, { form: 'scalar' });
        const all = steps(trace);
        const ids = all.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const byId = new Map(all.map((s) => [s.id, s]));
        for (const [id, value] of engineCells(solution)) {
          const step = byId.get(id) as ScalarStep | undefined;
          expect(step, id).toBeDefined();
          expect(step!.result, id).toBe(value);
        }
        expect(all.some((s) => s.form === 'matrix')).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("matrix form: one step per matrix, the engine's matrix (transposed in the w-x column form)", () => {
    fc.assert(
      fc.property(solved, (solution) => {
        const all = steps(buildTrace(solution, { form: 'matrix' }));
        const find = (id: string) => all.find((s) => s.id === id) as MatrixStep;
        const columns = solution.network.layout === 'w-x';
        const shown = (m: Matrix) => (columns ? transpose(m) : m);
        solution.layers.forEach((r, l) => {
          expect(find(`m:preactivation/${l}/`).result).toEqual(shown(r.preactivation));
          expect(find(`m:output/${l}/`).result).toEqual(shown(r.output));
          expect(find(`m:delta/${l}/`).result).toEqual(shown(r.delta));
          expect(find(`m:grad_weights/${l}/`).result).toEqual(r.gradWeights);
          expect(find(`m:grad_bias/${l}/`).result).toEqual(columns ? r.gradBias.map((v) => [v]) : [r.gradBias]);
          expect(find(`m:weights_after/${l}/`).result).toEqual(r.weightsAfter);
        });
        expect(all.some((s) => s.form === 'scalar' && s.shape === 'scalar' && s.quantity === 'preactivation')).toBe(
          false,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("ends with L − L⁺ equal to the engine's loss minus its loss after the update", () => {
    fc.assert(
      fc.property(solved, (solution) => {
        const last = steps(buildTrace(solution)).at(-1) as ScalarStep;
        expect(last.quantity).toBe('loss_improvement');
        const difference = approx(solution.loss).minus(approx(solution.lossAfter));
        expect(approx(last.result).minus(difference).abs().lte('1e-60')).toBe(true);
        if (
          last.result.kind === 'rational' &&
          solution.loss.kind === 'rational' &&
          solution.lossAfter.kind === 'rational'
        ) {
          expect(last.result.q.equals(solution.loss.q.sub(solution.lossAfter.q))).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('substituted numbers evaluate to the result', () => {
  for (const [name, arb] of [
    ['tenths and thirds (kinks, exact zeros)', solved],
    ['thousandths', solvedFine],
  ] as const) {
    it(`every step, both forms: ${name}`, () => {
      fc.assert(
        fc.property(arb, (solution) => {
          const columns = solution.network.layout === 'w-x';
          const problems = steps(buildTrace(solution, { form: 'both' })).flatMap((s) => checkNumbers(s, columns));
          expect(problems).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('negative numbers are typeset with brackets', () => {
  it('never an operator directly before a minus sign, on random networks', () => {
    fc.assert(
      fc.property(fc.oneof(solved, solvedFine), (solution) => {
        expect(steps(buildTrace(solution, { form: 'both' })).flatMap(typesettingProblems)).toEqual([]);
      }),
      { numRuns: 2 * RUNS },
    );
  });

  it('brackets the exponent of a negative pre-activation: e^{-(-0.12)}', () => {
    const solution = solve(
      parseNetwork(
        [
          'layers:',
          '  - {weights: [[1]], bias: [-0.12], activation: sigmoid}',
          'loss: half-sse',
          'input: [[0]]',
          'target: [[1]]',
          'learning_rate: 1',
        ].join('\n'),
      ),
    );
    const z = steps(buildTrace(solution)).find((s) => s.id === 'output/0/0,0')!;
    expect(z.substituted).toBe('\\frac{1}{1 + e^{-(-0.12)}}');
  });
});

describe('forms', () => {
  it('defaults to both for small networks and to the matrix form for large ones', () => {
    fc.assert(
      fc.property(solved, (solution) => {
        const expected =
          parameterCount(solution.network) <= 50 && solution.network.input.length <= 4 ? 'both' : 'matrix';
        expect(defaultForm(solution.network)).toBe(expected);
        expect(buildTrace(solution).form).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('marks outputs given in an exercise instead of computing them', () => {
    const network = parseNetwork(
      [
        'layers:',
        '  - {weights: [[0.5]], activation: sigmoid}',
        '  - {weights: [[2]], activation: identity}',
        'loss: half-sse',
        'input: [[1]]',
        'target: [[1]]',
        'learning_rate: 0.1',
      ].join('\n'),
    );
    const given = new Map([[0, [[ratio(3, 5)]]]]);
    const solution = solve(network, { givenOutputs: given });
    const z = steps(buildTrace(solution, { givenOutputs: given })).find((s) => s.id === 'output/0/0,0')!;
    expect(z.note).toEqual({ kind: 'given' });
    expect(z.substituted).toBeNull();
    expect(z.resultLatex).toBe('\\frac{3}{5} = 0.6');
  });
});
