// exp, ln, sqrt, sigmoid and tanh on exact Values, with the domain and size checks an untrusted answer
// needs: the argument of exp is bounded (exp(10^6) would take seconds at 64 digits), ln needs x > 0,
// sqrt needs x ≥ 0 and is exact for perfect squares (sqrt(1/4) = 1/2).
import { approx, exp, ln, mul, rational, ratio, sigmoid, sign, tanh, isRational, type Value } from '../number/value';
import { fail } from './errors';
import type { FunctionName } from './names';
import { rationalRoot } from './roots';
import type { Work } from './work';

/**
 * exp/ln/sigmoid/tanh of a rational, memoised: each costs ~0.15 ms at 64 digits, and a class's answers
 * repeat the same few (e^-1, ln 2). Values are immutable, so sharing one is safe. Bounded: cleared when full.
 */
const memo = new Map<string, Value>();
const MEMO_SIZE = 4096;

export function memoised(fn: string, x: Value, compute: (x: Value) => Value): Value {
  if (x.kind !== 'rational') return compute(x);
  const key = `${fn} ${x.q.toFraction()}`;
  let v = memo.get(key);
  if (v === undefined) {
    v = compute(x);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** exp(x) for e^x and for powers computed as exp(y·ln x), sharing the memo. */
export function expOf(x: Value): Value {
  return memoised('exp', x, exp);
}

export function checkExpArgument(x: Value, what: string, pos: number | null, work: Work): void {
  const max = work.limits.maxExpArgument;
  if (approx(x).abs().gt(max)) fail('exp-too-large', { text: what, max }, pos);
}

type Apply = (x: Value, pos: number, work: Work) => Value;

/** exp, sigmoid and tanh: a bounded argument, then the memoised value. */
function exponential(fn: 'exp' | 'sigmoid' | 'tanh', compute: (x: Value) => Value): Apply {
  return (x, pos, work) => {
    checkExpArgument(x, fn, pos, work);
    // decimal.js's tanh slows down as |x| grows (1.5 ms at x = 999); exp and sigmoid do not.
    work.chargeTranscendental(pos, fn === 'tanh' ? 1 + Math.floor(approx(x).abs().toNumber() / 100) : 1);
    return memoised(fn, x, compute);
  };
}

/** Each function of the answer language, by its name. */
const FUNCTIONS: Readonly<Record<FunctionName, Apply>> = {
  exp: exponential('exp', exp),
  sigmoid: exponential('sigmoid', sigmoid),
  tanh: exponential('tanh', tanh),
  ln: (x, pos, work) => {
    if (sign(x) <= 0) fail('log-domain', {}, pos);
    work.chargeTranscendental(pos);
    return memoised('ln', x, ln);
  },
  sqrt: (x, pos, work) => {
    const s = sign(x);
    if (s < 0) fail('sqrt-domain', {}, pos);
    if (s === 0) return x;
    if (isRational(x)) {
      const root = rationalRoot(x.q, 2n, work, pos);
      if (root) return rational(root);
    }
    // √x = exp(½ ln x), which keeps the value an exact expression over exp and ln.
    work.chargeTranscendental(pos, 2);
    return memoised('sqrt', x, (y) => exp(mul(ratio(1, 2), ln(y))));
  },
};

export function applyFunction(fn: FunctionName, x: Value, pos: number, work: Work): Value {
  return FUNCTIONS[fn](x, pos, work);
}
