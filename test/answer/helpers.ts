// Shared helpers for the answer tests: read a parse result as an exact fraction string or as a decimal.
import { expect } from 'vitest';
import { parseAnswer, type Answer, type ParseOptions, type ScalarAnswer } from '../../src/answer';
import { approx, Decimal, type Value } from '../../src/number/value';

export function answerOf(text: string, options?: ParseOptions): Answer {
  const r = parseAnswer(text, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${r.error.code}: ${r.error.message_en}`);
  return r.answer;
}

export function scalarOf(text: string, options?: ParseOptions): ScalarAnswer {
  const a = answerOf(text, options);
  if (a.kind !== 'scalar') throw new Error(`expected a scalar from ${JSON.stringify(text)}, got ${a.kind}`);
  return a;
}

/** "p/q" or "n" for a rational value; throws for an irrational one. */
export function exactOf(v: Value): string {
  if (v.kind !== 'rational') throw new Error(`expected a rational, got ≈ ${approx(v).toString()}`);
  return v.q.toFraction();
}

/** Asserts |v − reference| < 10^−digits. */
export function expectClose(v: Value, reference: string, digits = 30): void {
  const error = approx(v).minus(new Decimal(reference)).abs();
  expect(error.lt(new Decimal(10).pow(-digits)), `${approx(v).toString()} vs ${reference}`).toBe(true);
}

export function errorOf(text: unknown, options?: ParseOptions) {
  const r = parseAnswer(text, options);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${r.answer.kind}`);
  return r.error;
}
