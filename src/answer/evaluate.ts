// Exact evaluation of a parsed answer: rationals stay Fractions, exp/ln/sigmoid/tanh give the engine's
// real Values (64-digit approximation plus exact expression). Every size and domain check is made
// before the operation it protects; `evaluate` returns a rejection as data and never throws.
import { add, div, exp, isRational, isZero, mul, neg, ONE, sub, type Value } from '../number/value';
import type { Ast } from './ast';
import { fail, toAnswerError, type AnswerError } from './errors';
import { resolveLimits, type AnswerLimits } from './limits';
import { power } from './power';
import { applyFunction, checkExpArgument, expOf } from './transcendental';
import { Work } from './work';

export type EvaluateResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: AnswerError };

export interface EvaluateOptions {
  readonly limits?: Partial<AnswerLimits>;
}

let eValue: Value | null = null;

/** Euler's number as the engine's exp(1). */
function eulerE(): Value {
  eValue ??= exp(ONE);
  return eValue;
}

/**
 * Evaluates an answer's AST exactly, with `env` giving each variable's value (for a symbolic answer
 * checked at rational points). Never throws: a domain error such as ln(−1) comes back as `ok: false`.
 */
export function evaluate(
  ast: Ast,
  env: ReadonlyMap<string, Value> = new Map(),
  options: EvaluateOptions = {},
): EvaluateResult {
  try {
    return { ok: true, value: evaluateWith(ast, env, new Work(resolveLimits(options.limits))) };
  } catch (e) {
    return { ok: false, error: toAnswerError(e) };
  }
}

/** The throwing core, sharing one work budget across the cells of a matrix. */
export function evaluateWith(ast: Ast, env: ReadonlyMap<string, Value>, work: Work): Value {
  switch (ast.type) {
    case 'number':
      return { kind: 'rational', q: ast.literal.value };
    case 'constant':
      return eulerE();
    case 'variable': {
      const v = env.get(ast.name);
      return v ?? fail('unbound-variable', { text: ast.name }, ast.pos);
    }
    case 'neg':
      return neg(evaluateWith(ast.arg, env, work));
    case 'call':
      return applyFunction(ast.fn, evaluateWith(ast.arg, env, work), ast.pos, work);
    case 'binary': {
      if (ast.op === '^' && ast.left.type === 'constant') {
        // e^x is exp(x) itself, so e^-1 and exp(-1) are the very same value.
        const x = evaluateWith(ast.right, env, work);
        checkExpArgument(x, 'e^', ast.pos, work);
        work.chargeTranscendental(ast.pos);
        return expOf(x);
      }
      const left = evaluateWith(ast.left, env, work);
      const right = evaluateWith(ast.right, env, work);
      return checked(binary(ast.op, left, right, ast.pos, work), ast.pos, work);
    }
  }
}

function binary(op: '+' | '-' | '*' | '/' | '^', a: Value, b: Value, pos: number, work: Work): Value {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return sub(a, b);
    case '*':
      return mul(a, b);
    case '/':
      if (isZero(b)) fail('division-by-zero', {}, pos);
      return div(a, b);
    case '^':
      return power(a, b, pos, work);
  }
}

/** Charges a rational result to the budget (and rejects one beyond the bit cap). */
function checked(v: Value, pos: number, work: Work): Value {
  if (isRational(v)) work.chargeBits(v.q.n, v.q.d, pos);
  return v;
}
