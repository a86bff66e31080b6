// Every limit on the size of an input and of the exact values computed from it, in one table: what a
// hand calculation needs, with a wide margin. The loaders check them before any work starts (so that a
// small hostile file cannot make the tool run for minutes or fill memory); the exact arithmetic checks
// the size of every result, so that nothing computed from inputs within the limits grows without bound.
// The README's table of limits is this table.

export const LIMITS = {
  /** Bytes of an input file (read with a cap; a FIFO or device is refused). */
  fileBytes: 1_000_000,
  /** Values in a file, counted before it is parsed as its commas and non-blank lines. */
  values: 20_000,
  /** Nesting of lists and mappings in a YAML or JSON file. */
  nesting: 64,
  /** Digits of a number literal (of each side of p/q), not counting its exponent. */
  literalDigits: 100,
  /** |k| of the exponent of a literal such as 1e-3. */
  literalExponent: 1000,
  /** Layers of a network. */
  layers: 16,
  /** Units of a layer, values of an input or target row. */
  units: 64,
  /** Samples (rows of input and target). */
  samples: 64,
  /**
   * Weights × samples × steps of a network file: the work of one solve, about one multiply-add each
   * way per weight and sample. A full 64 × 64 layer for one sample and one step is 4,096; a 16-layer
   * 64-unit network for 64 samples would be 4 million products of exact values, far beyond any hand
   * calculation (and its worked solution millions of lines).
   */
  work: 4096,
  /** Nodes of a computational graph. */
  graphNodes: 1000,
  /** Inputs of a computational graph. */
  graphInputs: 1000,
  /** Gradient steps of a graph's `step` (a walkthrough by hand is a handful). */
  graphSteps: 1000,
  /**
   * Nodes × steps of a graph's `step`: each step is a forward and a backward pass over every node, so
   * a 1,000-node graph may take 20 steps and a one-variable polynomial all 1,000.
   */
  graphStepWork: 20_000,
  /** Arguments of one graph node (add and mul take any number). */
  nodeArgs: 64,
  /** Questions of an exercise set (each is generated, solved and verified for every student). */
  setQuestions: 100,
  /** Bits of the numerator and of the denominator of an exact value (about 3,000 decimal digits). */
  exactBits: 10_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A result whose exact value outgrows LIMITS.exactBits: too large to compute exactly. */
export class ExactLimitError extends RangeError {
  override name = 'ExactLimitError';
  constructor() {
    super(
      `a value is too large to compute exactly (more than ${LIMITS.exactBits.toLocaleString('en')} bits, about ${bitsToDigits(LIMITS.exactBits).toLocaleString('en')} digits): keep weights and inputs moderate`,
    );
  }
}

/** Decimal digits of a number of LIMITS.exactBits bits, rounded down. */
export function bitsToDigits(bits: number): number {
  return Math.floor(bits * Math.log10(2));
}

const BIT_BOUND = 1n << BigInt(LIMITS.exactBits);

/** Whether |n| has more than LIMITS.exactBits bits (a comparison, no bit count). */
export function exceedsBits(n: bigint): boolean {
  return n >= BIT_BOUND || -n >= BIT_BOUND;
}

/** Throws ExactLimitError when |n| has more than LIMITS.exactBits bits. */
export function checkBits(n: bigint): void {
  if (exceedsBits(n)) throw new ExactLimitError();
}

/** What a literal breaks: too many digits or too large an exponent, with what it has. */
export type LiteralBreach =
  | { readonly limit: 'literalDigits'; readonly digits: number }
  | { readonly limit: 'literalExponent'; readonly exponent: string };

/** The optional sign, the digits with an optional point, the exponent of any length (so it can be judged). */
const LITERAL_SHAPE = /^[+\-\u2212]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Whether `text`, if it is a number literal (or a p/q of two), is over the literal limits. Text that
 * is not shaped like a number is not judged here (null): it is a name, a word or a malformed number,
 * and the loader says what it expected.
 */
export function literalBreach(text: string): LiteralBreach | null {
  const s = text.trim();
  const slash = s.indexOf('/');
  const parts = slash >= 0 ? [s.slice(0, slash).trim(), s.slice(slash + 1).trim()] : [s];
  for (const part of parts) {
    const m = LITERAL_SHAPE.exec(part);
    if (!m) continue;
    const [, intPart = '', fracPart = '', expText] = m;
    if (intPart === '' && fracPart === '') continue;
    const digits = intPart.length + fracPart.length;
    if (digits > LIMITS.literalDigits) return { limit: 'literalDigits', digits };
    if (expText !== undefined) {
      const magnitude = expText.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
      if (magnitude.length > 6 || Number(magnitude) > LIMITS.literalExponent) {
        return { limit: 'literalExponent', exponent: expText.length > 12 ? `${expText.slice(0, 12)}…` : expText };
      }
    }
  }
  return null;
}
