// Every template × difficulty × many seeds: the exercise is valid (its network or graph loads with
// the project's own validators), every expected value equals an independent float64 recomputation
// written in this folder (or a finite difference for graphs and formulas), and the numbers are hand-
// friendly and non-degenerate as a hand calculation needs.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { TEMPLATES } from '../../src/exercises/templates/index';
import type { Exercise, GraphFile, NetworkAsk, SymbolicAsk } from '../../src/exercises/types';
import { parseNetwork } from '../../src/network/load';
import { parseGraph } from '../../src/graph/load';
import type { JsonValue } from '../../src/number/json';
import { floatSolve, floatStepAsk, num, type RawExerciseNetwork } from './float-reference';
import { evaluate, identifiers } from './float-expression';
import { closeTo, exactToFloat, floatCells, isShort, jsonCells, parseExact } from './helpers';
import { checkNoTrivialCells, checkSlipsShow } from './slips';

const SEEDS = [...Array.from({ length: 30 }, (_, i) => i), 4242, 99991, 2 ** 31 + 7, 4294967295];
const DIFFICULTIES = [1, 2, 3] as const;

/** Most decimal places allowed in asked values, per template. */
const MAX_PLACES: Record<string, (d: number) => number> = {
  'train-once': (d) => (d === 3 ? 5 : 4),
  // Adam's second moment (1 − β₂)·g²: 0.001 × 0.64 = 0.00064.
  'adam-step': () => 8,
  // The loss after a second step: 0.000288.
  'two-steps': () => 6,
};
/**
 * Asks whose exact value is legitimately long: a parameter after an Adam step, w − η·m̂/(√v̂ + ε) (ε = 10⁻⁸
 * makes 0.9 into 144000001/160000001); still checked against float64.
 */
const isLongExact = (ex: Exercise, ask: NetworkAsk) =>
  (ex.network as { optimizer?: { name: string } } | null)?.optimizer?.name === 'adam' &&
  (ask.quantity === 'weights_after' || ask.quantity === 'bias_after');
const maxPlaces = (ex: Exercise) => MAX_PLACES[ex.template]?.(ex.difficulty) ?? 4;

const ZERO_ALLOWED = new Set(['activation-derivative', 'activation-values']);

/** Templates whose asked values may be irrational, with what the printed form must show. */
const IRRATIONAL: Record<string, RegExp> = {
  // ln of a stated probability, short.
  loss: /\\ln/,
  // σ(a), tanh(a), a softmax of e^(a − max a): answered as a decimal, printed as a formula or digits.
  'activation-values': /\\sigma|\\tanh|e\^|\\ldots/,
  // y = σ(u) of the output unit.
  'forward-hidden': /\\sigma/,
  // Cross-entropy losses before and after an update, and their difference.
  'train-once-softmax': /\\ln|\\ldots/,
  // Binary cross-entropy of stated sigmoid outputs: logarithms.
  'logistic-loss': /\\ln|\\ldots/,
  // ŷ = σ(u), its binary cross-entropy, gradients (ŷ − t)·x and the weights after the step.
  'train-once-bce': /\\sigma|\\ln|\\ldots/,
};
const EQUAL_ALLOWED = new Set(['activation-derivative']);

function checkValueAgainst(value: JsonValue, reference: number, ex: Exercise, where: string, long = false): void {
  expect(closeTo(Number(value.approx), reference), `${where}: approx ${value.approx} vs float64 ${reference}`).toBe(
    true,
  );
  if (value.exact === null) {
    // Only a few templates may ask an irrational value (checked above against float64 all the same).
    expect(Object.keys(IRRATIONAL), where).toContain(ex.template);
    expect(value.latex, where).toMatch(IRRATIONAL[ex.template]);
    return;
  }
  expect(closeTo(exactToFloat(value.exact), Number(value.approx), 1e-12), where).toBe(true);
  if (!long)
    expect(isShort(parseExact(value.exact), maxPlaces(ex)), `${where}: ${value.exact} is not hand-friendly`).toBe(true);
  expect(value.latex.length, where).toBeGreaterThan(0);
}

function checkDegeneracy(ex: Exercise, cells: JsonValue[][]): void {
  const asks = ex.asks as NetworkAsk[];
  cells.forEach((c, i) => {
    const zeros = c.filter((v) => v.exact === '0').length;
    const whole = asks[i].index === undefined && c.length >= 4;
    if (!ZERO_ALLOWED.has(ex.template))
      expect(zeros, `${ex.template} ${asks[i].id}: zeros`).toBeLessThanOrEqual(whole ? 1 : 0);
  });
  if (EQUAL_ALLOWED.has(ex.template)) return;
  // Single cells of one quantity differ.
  const groups = new Map<string, string[]>();
  asks.forEach((ask, i) => {
    if (ask.index === undefined && cells[i].length > 1) return;
    const key = `${ask.quantity}/${ask.layer}`;
    groups.set(key, [...(groups.get(key) ?? []), ...cells[i].map((v) => v.exact ?? v.approx)]);
  });
  for (const group of groups.values())
    expect(new Set(group).size, `${ex.template}: equal asked cells ${group}`).toBe(group.length);
  // Whole arrays: rows differ within, columns differ within.
  asks.forEach((ask, _i) => {
    const value = ex.expected[ask.id] as unknown;
    if (ask.index !== undefined || !Array.isArray(value)) return;
    const rows = (Array.isArray((value as unknown[])[0]) ? value : [value]) as JsonValue[][];
    for (const row of rows) expect(new Set(row.map((v) => v.exact)).size).toBe(row.length);
    for (let j = 0; j < rows[0].length; j++) expect(new Set(rows.map((r) => r[j].exact)).size).toBe(rows.length);
  });
}

function checkNetworkExercise(ex: Exercise): void {
  const net = ex.network as unknown as RawExerciseNetwork;
  // The project's own loader accepts the network file as JSON text.
  expect(() => parseNetwork(JSON.stringify(net), 'exercise.json')).not.toThrow();
  for (const l of Object.keys(ex.given?.outputs ?? {})) expect(Number(l)).toBeLessThan(net.layers.length);
  const reference = floatSolve(net, ex.given?.outputs as Record<string, string[][]> | undefined);
  const cells = (ex.asks as NetworkAsk[]).map((ask) => {
    const expected = ex.expected[ask.id];
    const got = jsonCells(expected);
    const want = floatCells(
      floatStepAsk(
        net,
        ex.given?.outputs as Record<string, string[][]> | undefined,
        ask as NetworkAsk & { index?: number[] },
      ),
    );
    expect(got.length, `${ex.template} ${ask.id}: shape`).toBe(want.length);
    got.forEach((v, k) =>
      checkValueAgainst(
        v,
        want[k],
        ex,
        `${ex.template} d${ex.difficulty} seed ${ex.seed} ${ask.id}[${k}]`,
        isLongExact(ex, ask as NetworkAsk),
      ),
    );
    return got;
  });
  checkDegeneracy(ex, cells);
  checkNoTrivialCells(ex);
  checkSlipsShow(ex);

  // Stated outputs are one-decimal values close to the real activation (|σ(a) − y| ≤ 0.05).
  for (const [key, rows] of Object.entries(ex.given?.outputs ?? {})) {
    const l = Number(key);
    const layer = net.layers[l];
    rows.forEach((row, s) => {
      const a = reference.preactivation[l][s];
      const real =
        layer.activation === 'softmax'
          ? a.map((x) => Math.exp(x) / a.reduce((acc, y) => acc + Math.exp(y), 0))
          : a.map((x) => (layer.activation === 'tanh' ? Math.tanh(x) : 1 / (1 + Math.exp(-x))));
      row.forEach((text, k) => {
        expect(text).toMatch(/^-?0\.\d$/);
        expect(Math.abs(real[k] - num(text))).toBeLessThanOrEqual(0.05 + 1e-12);
      });
      if (layer.activation === 'softmax') expect(row.reduce((acc, v) => acc + num(v), 0)).toBeCloseTo(1, 12);
    });
  }
  // No dead ReLU layer for a whole sample; no two equal inputs in a sample (a swapped index would pass).
  net.layers.forEach((layer, l) => {
    if (l === net.layers.length - 1 || !['relu', 'relu6'].includes(layer.activation)) return;
    for (const a of reference.preactivation[l])
      expect(
        a.some((x) => x > 1e-12),
        `${ex.template}: dead layer ${l}`,
      ).toBe(true);
  });
  if (net.input[0].length > 1) for (const row of net.input) expect(new Set(row.map(num)).size).toBe(row.length);
  // The loss goes down in exercise ③.
  if (ex.template === 'train-once') expect(reference.loss - reference.lossAfter).toBeGreaterThan(0);
}

/** Forward values of a graph with optional overrides of node or input values (for finite differences). */
function graphValues(file: GraphFile, override: Record<string, number> = {}): Record<string, number> {
  const v: Record<string, number> = {};
  for (const [name, text] of Object.entries(file.graph.inputs)) v[name] = override[name] ?? num(text);
  for (const node of file.graph.nodes) {
    const args = node.args.map((a) => (a in v ? v[a] : num(a)));
    const ops: Record<string, () => number> = {
      add: () => args.reduce((p, q) => p + q, 0),
      mul: () => args.reduce((p, q) => p * q, 1),
      sub: () => args[0] - args[1],
      square: () => args[0] * args[0],
      pow: () => args[0] ** args[1],
    };
    expect(ops[node.op], `op ${node.op}`).toBeDefined();
    v[node.name] = override[node.name] ?? ops[node.op]();
  }
  return v;
}

/**
 * The points a graph's `step` reaches in float64, each step along the central difference of the output
 * with respect to the moved input (the graphs are polynomials of degree ≤ 4 in it).
 */
function graphDescent(file: GraphFile): { inputs: Record<string, number>; value: number }[] {
  const step = file.graph.step!;
  const out = file.graph.output;
  const eta = num(step.learning_rate);
  let point: Record<string, number> = Object.fromEntries(
    Object.entries(file.graph.inputs).map(([n, t]) => [n, num(t)]),
  );
  const walk: { inputs: Record<string, number>; value: number }[] = [];
  for (let k = 0; k < Number(step.steps ?? '1'); k++) {
    const next = { ...point };
    for (const name of step.update) {
      const h = 1e-4;
      const at = (d: number) => graphValues(file, { ...point, [name]: point[name] + d })[out];
      next[name] = point[name] - (step.ascent === 'true' ? -1 : 1) * eta * ((at(h) - at(-h)) / (2 * h));
    }
    point = next;
    walk.push({ inputs: point, value: graphValues(file, point)[out] });
  }
  return walk;
}

function checkGraphExercise(ex: Exercise): void {
  const file = ex.network as GraphFile;
  expect(() => parseGraph(JSON.stringify(file), 'exercise.json')).not.toThrow();
  const base = graphValues(file);
  const out = file.graph.output;
  const values: string[] = [];
  // Exercises that ask for rounded answers (a cubic's iterates) need not have short exact values.
  const rounded = /significant figures/.test(ex.prompt);
  for (const ask of ex.asks) {
    const v = ex.expected[ask.id] as JsonValue;
    let reference: number;
    if (ask.quantity === 'input_after') reference = graphDescent(file)[ask.step - 1].inputs[ask.node];
    else if (ask.quantity === 'value_after') reference = graphDescent(file)[ask.step - 1].value;
    else if (ask.quantity === 'value') reference = base[out];
    else if (ask.quantity === 'nodes') reference = base[(ask as { node: string }).node];
    else {
      // Central difference with respect to the node's value; the graphs are polynomials of degree ≤ 2 in it.
      const node = (ask as { node: string }).node;
      const h = 1e-3;
      reference =
        (graphValues(file, { [node]: base[node] + h })[out] - graphValues(file, { [node]: base[node] - h })[out]) /
        (2 * h);
    }
    expect(closeTo(Number(v.approx), reference, 1e-7), `${ex.template} ${ask.id}: ${v.approx} vs ${reference}`).toBe(
      true,
    );
    expect(v.exact).not.toBeNull();
    if (!rounded) expect(isShort(parseExact(v.exact!), 4)).toBe(true);
    expect(v.exact).not.toBe('0');
    values.push(v.exact!);
  }
  expect(new Set(values).size).toBe(values.length);
}

/** A random point in the ask's domains satisfying its sum constraints. */
function randomPoint(ask: SymbolicAsk, random: () => number): Record<string, number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const point: Record<string, number> = {};
    for (const name of ask.variables) {
      const [lo, hi] = ask.domains[name].map(num);
      point[name] = lo + (hi - lo) * random();
    }
    let ok = true;
    for (const c of ask.constraints ?? []) {
      const last = c.sum[c.sum.length - 1];
      point[last] = num(c.equals) - c.sum.slice(0, -1).reduce((acc, n) => acc + point[n], 0);
      const [lo, hi] = ask.domains[last].map(num);
      if (point[last] < lo || point[last] > hi) ok = false;
    }
    // Defined variables (a layer's output x_j = h(a_j)) are computed from the drawn ones.
    for (const [name, text] of Object.entries(ask.definitions ?? {})) point[name] = evaluate(text, point);
    if (ok) return point;
  }
  throw new Error('no point satisfies the constraints');
}

/** An independent float computation of what a symbolic ask asks, by a central difference. */
function symbolicReference(ex: Exercise, ask: SymbolicAsk, p: Record<string, number>): number {
  const h = 1e-6;
  const central = (f: (e: number) => number) => (f(h) - f(-h)) / (2 * h);
  // The asked unit j: the subscript digit at the end of "∂L/∂b₂" (NFKC turns ₂ into 2).
  const unit = Number(ask.of.at(-1)!.normalize('NFKC'));
  if (ex.template === 'partial-derivative') {
    const wrt = ask.of.endsWith('x') ? 'x' : 'y';
    const z = (q: Record<string, number>) =>
      ex.difficulty === 1
        ? q.a * q.x + q.b * q.y
        : ex.difficulty === 2
          ? q.a * q.x * q.y + q.b * q.y ** 2
          : (q.x + q.y) * (q.x - q.y);
    return central((e) => z({ ...p, [wrt]: p[wrt] + e }));
  }
  if (ex.template === 'output-bias-formula') {
    const n = ask.variables.length / 2;
    const xs = Array.from({ length: n }, (_, i) => p[`x_${i + 1}`]);
    const ts = Array.from({ length: n }, (_, i) => p[`t_${i + 1}`]);
    if (ex.difficulty < 3) {
      // Logits whose softmax is x; L(b_j) = −Σ t ln softmax(a + b e_j).
      const a = xs.map(Math.log);
      const loss = (e: number) => {
        const shifted = a.map((v, i) => (i === unit - 1 ? v + e : v));
        const s = shifted.reduce((acc, v) => acc + Math.exp(v), 0);
        return -ts.reduce((acc, t, i) => acc + t * (shifted[i] - Math.log(s)), 0);
      };
      return central(loss);
    }
    const a = xs.map((x) => Math.log(x / (1 - x)));
    return central(
      (e) => 0.5 * a.reduce((acc, v, i) => acc + (1 / (1 + Math.exp(-(i === unit - 1 ? v + e : v))) - ts[i]) ** 2, 0),
    );
  }
  // hidden-bias-formula: L = Σ_k d_k a_k^{l+1}, a_k^{l+1} = Σ_i x_i w_ik, x_i = h(a_i), so ∂L/∂a_k^{l+1} = d_k.
  const units = ask.variables.filter((v) => v.startsWith('x_')).length;
  const next = ask.variables.filter((v) => v.startsWith('d_')).length;
  const act = ex.difficulty === 1 ? 'relu' : ex.difficulty === 2 ? 'sigmoid' : 'tanh';
  const hOf = (a: number) =>
    act === 'relu' ? Math.max(0, a) : act === 'sigmoid' ? 1 / (1 + Math.exp(-a)) : Math.tanh(a);
  // The point is consistent: x_i = h(a_i) (checked in checkSymbolicExercise), so a_i is the pre-activation.
  const pre = (i: number) => p[`a_${i}`];
  const loss = (e: number) => {
    let total = 0;
    for (let k = 1; k <= next; k++) {
      for (let i = 1; i <= units; i++) total += p[`d_${k}`] * p[`w_${i}${k}`] * hOf(pre(i) + (i === unit ? e : 0));
    }
    return total;
  };
  return central(loss);
}

/**
 * 演習②: every x_j listed with a_j is h(a_j) at the evaluation point (written here from the activation
 * the template states), so an answer that writes h′ through a_j — Σ_k d_k·w_jk·h′(a_j) with h′ from
 * the pre-activation — is worth the same as the model answer written with the output x_j.
 */
function checkHiddenLayerPoint(ex: Exercise, ask: SymbolicAsk, p: Record<string, number>): void {
  const act = ex.difficulty === 1 ? 'relu' : ex.difficulty === 2 ? 'sigmoid' : 'tanh';
  const h = (a: number) =>
    act === 'relu' ? Math.max(0, a) : act === 'sigmoid' ? 1 / (1 + Math.exp(-a)) : Math.tanh(a);
  const units = ask.variables.filter((v) => v.startsWith('x_')).length;
  const next = ask.variables.filter((v) => v.startsWith('d_')).length;
  for (let i = 1; i <= units; i++) expect(closeTo(p[`x_${i}`], h(p[`a_${i}`]), 1e-12), `x_${i} = h(a_${i})`).toBe(true);
  const j = Number(ask.of.at(-1)!.normalize('NFKC'));
  const back = Array.from({ length: next }, (_, k) => `d_${k + 1}*w_${j}${k + 1}`).join(' + ');
  const derivativeOfA =
    act === 'relu' ? '1' : act === 'sigmoid' ? `sigmoid(a_${j})*(1 - sigmoid(a_${j}))` : `(1 - tanh(a_${j})^2)`;
  expect(
    closeTo(evaluate(`(${back})*${derivativeOfA}`, p), evaluate(ask.expression, p), 1e-9),
    `${ask.expression} vs the same written with a_${j}`,
  ).toBe(true);
}

function checkSymbolicExercise(ex: Exercise, seed: number): void {
  expect(ex.network).toBeNull();
  let state = seed + 1;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (const ask of ex.asks as SymbolicAsk[]) {
    expect(ask.quantity).toBe('expression');
    expect(ex.expected[ask.id]).toEqual({ expression: ask.expression, latex: expect.any(String) });
    for (const name of ask.variables) expect(ask.domains[name], `domain of ${name}`).toBeDefined();
    for (const name of identifiers(ask.expression)) expect(ask.variables).toContain(name);
    for (const m of ask.misconceptions ?? [])
      for (const name of identifiers(m.expression)) expect(ask.variables).toContain(name);
    for (const name of Object.keys(ask.definitions ?? {})) expect(ask.variables).toContain(name);
    for (const text of Object.values(ask.definitions ?? {}))
      for (const name of identifiers(text)) expect(ask.variables).toContain(name);
    const differs = new Set<string>();
    for (let k = 0; k < 5; k++) {
      const p = randomPoint(ask, random);
      if (ex.template === 'hidden-bias-formula') checkHiddenLayerPoint(ex, ask, p);
      const got = evaluate(ask.expression, p);
      const want = symbolicReference(ex, ask, p);
      expect(
        closeTo(got, want, 1e-5),
        `${ex.template} d${ex.difficulty}: ${ask.expression} = ${got} vs finite difference ${want}`,
      ).toBe(true);
      for (const m of ask.misconceptions ?? []) if (!closeTo(evaluate(m.expression, p), got, 1e-9)) differs.add(m.id);
    }
    // Every misconception formula is really wrong somewhere.
    for (const m of ask.misconceptions ?? []) expect(differs, `${m.id} never differs from the answer`).toContain(m.id);
  }
}

describe.each(TEMPLATES.map((tpl) => [tpl.name, tpl.kind] as const))('template %s', (name, kind) => {
  it.each(DIFFICULTIES)(
    'difficulty %i: valid, equal to an independent recomputation, hand-friendly, non-degenerate',
    (difficulty) => {
      for (const seed of SEEDS) {
        const ex = generateExercise({ template: name, seed, difficulty });
        expect(ex.template).toBe(name);
        expect(ex.seed).toBe(seed);
        expect(ex.difficulty).toBe(difficulty);
        expect(Object.keys(ex.expected)).toEqual(ex.asks.map((a) => a.id));
        // The contract's "given" key is always there ({} when nothing is stated).
        expect(ex.given, `${name} d${difficulty} seed ${seed}: given`).toBeDefined();
        if (kind !== 'network') expect(ex.given).toEqual({});
        expect(ex.asks.map((a) => a.id)).toEqual(ex.asks.map((_, i) => `a${i + 1}`));
        for (const ask of ex.asks) {
          expect(ex.hints[ask.id]).toHaveLength(2);
          for (const h of ex.hints[ask.id]) expect(h.length).toBeGreaterThan(3);
        }
        if (kind === 'network') checkNetworkExercise(ex);
        else if (kind === 'graph') checkGraphExercise(ex);
        else checkSymbolicExercise(ex, seed);
      }
    },
  );
});
