// Evaluates the machine-checkable claims of the derivations with mathjs at 64 significant digits
// (BigNumber): identities at random points, derivatives by central finite differences, one-sided
// derivatives at kinks, printed decimals to the digits shown. Test code only.
import { all, create, type BigNumber, type MathJsInstance, type Matrix } from 'mathjs';
import type { Check, CheckScope, RandomVariable } from '../../src/explain/types';

// Comparisons must be exact: mathjs treats numbers within relTol/absTol (1e-12, 1e-15 by default) as
// equal, which would make max(0, 1e-20) = 0 and break every finite difference near a kink.
export const math: MathJsInstance = create(all, { number: 'BigNumber', precision: 64, relTol: 1e-60, absTol: 1e-60 });

type Scalar = BigNumber;
type Quantity = Scalar | Matrix;
export type Scope = Map<string, unknown>;

const H = math.bignumber('1e-20');
/** Finite differences: truncation ≈ h² = 1e-40, rounding ≈ 1e-64 / h = 1e-44 (relative to the values). */
const DERIVATIVE_TOLERANCE = math.bignumber('1e-25');
const EQUAL_TOLERANCE = math.bignumber('1e-45');

/** A deterministic generator (mulberry32) so that a failure can be reproduced. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random value in [min, max] with 9 decimal digits, built exactly as a BigNumber. */
function draw(v: RandomVariable, random: () => number): Quantity {
  const one = () =>
    math.bignumber(v.min).plus(
      math
        .bignumber(Math.floor(random() * 1e9))
        .div(1e9)
        .times(v.max - v.min),
    ) as Scalar;
  if (!v.shape) return one();
  const build = (shape: readonly number[]): unknown[] =>
    Array.from({ length: shape[0] }, () => (shape.length === 1 ? one() : build(shape.slice(1))));
  return math.matrix(build(v.shape) as never);
}

export function randomScope(scope: CheckScope, random: () => number): Scope {
  const s: Scope = new Map();
  for (const [name, v] of Object.entries(scope.random)) s.set(name, draw(v, random));
  applyDefinitions(scope, s, 0);
  return s;
}

function applyDefinitions(scope: CheckScope, s: Scope, from: number): void {
  (scope.define ?? []).slice(from).forEach(([name, expr]) => s.set(name, math.evaluate(expr, s)));
}

/** All entries of a scalar, vector or matrix, as BigNumbers, with the shape. */
function entries(x: unknown): { values: Scalar[]; shape: number[] } {
  if (math.isMatrix(x))
    return {
      values: (math.flatten(x) as Matrix).toArray().map((v) => math.bignumber(v as never) as Scalar),
      shape: x.size(),
    };
  if (Array.isArray(x)) return entries(math.matrix(x));
  return { values: [math.bignumber(x as never) as Scalar], shape: [] };
}

function close(a: Scalar, b: Scalar, tolerance: BigNumber): boolean {
  const scale = math.max(math.bignumber(1), math.abs(a), math.abs(b)) as Scalar;
  return (math.abs(math.subtract(a, b)) as Scalar).lte(tolerance.times(scale));
}

function sameQuantity(a: unknown, b: unknown, tolerance: BigNumber, what: string): void {
  const x = entries(a);
  const y = entries(b);
  if (x.values.length !== y.values.length) throw new Error(`${what}: shapes differ (${x.shape} vs ${y.shape})`);
  x.values.forEach((v, i) => {
    if (!close(v, y.values[i], tolerance)) throw new Error(`${what}: ${v} ≠ ${y.values[i]} (entry ${i})`);
  });
}

/** Every assignment of the index variables, 1-based. */
function indexAssignments(indices: Readonly<Record<string, number>> | undefined): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const [name, n] of Object.entries(indices ?? {}))
    out = out.flatMap((a) => Array.from({ length: n }, (_, k) => ({ ...a, [name]: k + 1 })));
  return out;
}

/** The scope with one entry of `name` (a scalar or one matrix entry) replaced, definitions redone. */
function perturbed(scope: CheckScope, s: Scope, name: string, entry: number[] | null, value: Scalar): Scope {
  const copy: Scope = new Map(s);
  const current = s.get(name);
  if (entry === null) copy.set(name, value);
  else {
    const m = (current as Matrix).clone();
    m.set(
      entry.map((i) => i - 1),
      value,
    );
    copy.set(name, m);
  }
  const defined = (scope.define ?? []).findIndex(([n]) => n === name);
  applyDefinitions(scope, copy, defined + 1);
  return copy;
}

function valueAt(s: Scope, name: string, entry: number[] | null): Scalar {
  const v = s.get(name);
  return entry === null
    ? (v as Scalar)
    : (math.bignumber((v as Matrix).get(entry.map((i) => i - 1)) as never) as Scalar);
}

function derivativeAt(scope: CheckScope, s: Scope, of: string, name: string, entry: number[] | null): Scalar {
  const x = valueAt(s, name, entry);
  const up = math.evaluate(of, perturbed(scope, s, name, entry, x.plus(H)));
  const down = math.evaluate(of, perturbed(scope, s, name, entry, x.minus(H)));
  return math.bignumber(up).minus(down).div(H.times(2)) as Scalar;
}

/** Runs one check at the scope `s`; throws an Error that says what failed. */
export function runCheck(scope: CheckScope, check: Check, s: Scope): void {
  if ('approx' in check) {
    const [expr, printed] = check.approx;
    const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
    const v = math.bignumber(math.evaluate(expr, s));
    const half = math.bignumber(10).pow(-decimals).div(2);
    if (!v.minus(printed).abs().lte(half)) throw new Error(`${expr} = ${v} does not round to ${printed}`);
    return;
  }
  if ('kink' in check) {
    const { of, wrt, at, left, right } = check.kink;
    const x0 = math.bignumber(math.evaluate(at, s));
    const f = (x: Scalar) => math.bignumber(math.evaluate(of, perturbed(scope, s, wrt, null, x)));
    const leftSlope = f(x0)
      .minus(f(x0.minus(H)))
      .div(H);
    const rightSlope = f(x0.plus(H)).minus(f(x0)).div(H);
    sameQuantity(leftSlope, math.evaluate(left, s), math.bignumber('1e-15'), `left derivative of ${of} at ${at}`);
    sameQuantity(rightSlope, math.evaluate(right, s), math.bignumber('1e-15'), `right derivative of ${of} at ${at}`);
    return;
  }
  for (const assignment of indexAssignments(check.indices)) {
    const t: Scope = new Map(s);
    for (const [k, v] of Object.entries(assignment)) t.set(k, math.bignumber(v));
    if (check.when && !math.evaluate(check.when, t)) continue;
    const where = Object.keys(assignment).length ? ` at ${JSON.stringify(assignment)}` : '';
    if ('equal' in check) {
      sameQuantity(
        math.evaluate(check.equal[0], t),
        math.evaluate(check.equal[1], t),
        EQUAL_TOLERANCE,
        `${check.equal[0]} = ${check.equal[1]}${where}`,
      );
      continue;
    }
    const { of, wrt, is } = check.derivative;
    const m = /^(\w+)(?:\[(.+)\])?$/.exec(wrt);
    if (!m) throw new Error(`bad wrt ${wrt}`);
    const [, name, indexText] = m;
    const expected = math.evaluate(is, t);
    if (indexText !== undefined) {
      const entry = indexText.split(',').map((e) => Number(math.evaluate(e.trim(), t)));
      sameQuantity(
        derivativeAt(scope, t, of, name, entry),
        expected,
        DERIVATIVE_TOLERANCE,
        `∂(${of})/∂${wrt} = ${is}${where}`,
      );
    } else if (math.isMatrix(t.get(name))) {
      // The whole gradient: one finite difference per entry, in the same order as `is`.
      const shape = (t.get(name) as Matrix).size();
      const cells = indexAssignments(Object.fromEntries(shape.map((n, d) => [`d${d}`, n])));
      const fd = cells.map((c) => derivativeAt(scope, t, of, name, Object.values(c)));
      sameQuantity(
        math.matrix(fd),
        math.flatten(math.matrix(expected as never)),
        DERIVATIVE_TOLERANCE,
        `∂(${of})/∂${wrt} = ${is}${where}`,
      );
    } else {
      sameQuantity(
        derivativeAt(scope, t, of, name, null),
        expected,
        DERIVATIVE_TOLERANCE,
        `∂(${of})/∂${wrt} = ${is}${where}`,
      );
    }
  }
}
