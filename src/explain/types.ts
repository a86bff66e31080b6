// A derivation is plain data: a topic with a sequence of steps, each a sentence in English and in
// Japanese and a formula in LaTeX. Renderers only format it (`explain`, the worked solutions).
//
// A step that claims something (an identity, a derivative) also states the claim in a small
// machine-checkable form: mathjs expression syntax over the topic's variables. The tests evaluate
// every claim at random high-precision points (finite differences for derivatives), so a typo in
// a formula cannot hide; nothing here evaluates anything at run time.

/** A variable drawn at random for the checks: a scalar, or a vector/matrix of the given shape. */
export interface RandomVariable {
  readonly min: number;
  readonly max: number;
  readonly shape?: readonly number[];
}

export interface CheckScope {
  readonly random: Readonly<Record<string, RandomVariable>>;
  /** Quantities computed from the random variables, in order: [name, mathjs expression]. */
  readonly define?: readonly (readonly [string, string])[];
}

/** Index variables that a check is repeated over: i ∈ 1..n. */
export type Indices = Readonly<Record<string, number>>;

export type Check =
  /** Both sides are equal (element-wise for vectors and matrices). */
  | { readonly equal: readonly [string, string]; readonly indices?: Indices; readonly when?: string }
  /**
   * ∂(of)/∂(wrt) = is. `wrt` is a variable, an entry such as a[k], or a whole vector/matrix (then
   * `is` has its shape). Changing `wrt` recomputes the definitions that come after it.
   */
  | {
      readonly derivative: { readonly of: string; readonly wrt: string; readonly is: string };
      readonly indices?: Indices;
      readonly when?: string;
    }
  /** At a kink: the one-sided derivatives of `of` with respect to the scalar `wrt` at `at`. */
  | {
      readonly kink: {
        readonly of: string;
        readonly wrt: string;
        readonly at: string;
        readonly left: string;
        readonly right: string;
      };
    }
  /** A printed decimal: `expr` rounds to `value` at the digits shown. */
  | { readonly approx: readonly [string, string] };

export type StepRole = 'definition' | 'claim' | 'note';

export interface Step {
  readonly role: StepRole;
  readonly text_en: string;
  readonly text_ja: string;
  readonly latex: string;
  /** What a claim asserts, for the tests (every 'claim' step has at least one). */
  readonly checks?: readonly Check[];
}

export interface Topic {
  readonly id: string;
  readonly title_en: string;
  readonly title_ja: string;
  /** The seed notes the derivation follows. */
  readonly sources: readonly string[];
  readonly scope: CheckScope;
  readonly steps: readonly Step[];
}

export type { Lang } from '../text/lang';
