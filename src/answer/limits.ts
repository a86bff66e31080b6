// Caps that keep parsing and evaluating an untrusted answer fast and bounded: every answer, however
// hostile, is rejected or evaluated in well under 50 ms. Checked before the work they guard, never after.

export interface AnswerLimits {
  /** Characters of raw input; longer text is rejected before it is even normalised. */
  readonly maxLength: number;
  /** Tokens after lexing (numbers, names, operators, brackets). */
  readonly maxTokens: number;
  /** Nesting of parentheses, signs, powers and function arguments. */
  readonly maxDepth: number;
  /** |n| for an integer exponent x^n of a rational. */
  readonly maxExponent: number;
  /** |n| for an integer exponent of an irrational value (computed by repeated squaring). */
  readonly maxRealExponent: number;
  /** |k| in a literal such as 1.5e-3. */
  readonly maxLiteralExponent: number;
  /** Bit length of a rational's numerator and of its denominator. */
  readonly maxBits: number;
  /** |x| for exp(x), sigmoid(x), tanh(x) and powers computed as exp(y·ln x). */
  readonly maxExpArgument: number;
  /** exp/ln/sigmoid/tanh evaluations per answer (each costs 0.1–0.4 ms at 64 digits; tanh(x) counts 1 + |x|/100). */
  readonly maxTranscendentals: number;
  /** Budget for big-rational arithmetic: an operation on b-bit numbers costs (b/64)², at least 1. */
  readonly maxRationalWork: number;
  /** Rows and columns of a matrix answer. */
  readonly maxRows: number;
  readonly maxColumns: number;
}

export const DEFAULT_LIMITS: AnswerLimits = {
  maxLength: 2000,
  maxTokens: 1000,
  maxDepth: 64,
  maxExponent: 1024,
  maxRealExponent: 64,
  maxLiteralExponent: 1000,
  maxBits: 4096,
  maxExpArgument: 1000,
  maxTranscendentals: 32,
  maxRationalWork: 20_000,
  maxRows: 16,
  maxColumns: 16,
};

export function resolveLimits(overrides: Partial<AnswerLimits> | undefined): AnswerLimits {
  return overrides ? { ...DEFAULT_LIMITS, ...overrides } : DEFAULT_LIMITS;
}
