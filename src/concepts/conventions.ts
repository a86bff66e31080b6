// The choices a textbook makes that change the numbers: the ReLU family's derivative at its kink and
// how a batch's per-sample losses combine.
export interface Conventions {
  /** ReLU-family derivative at a = 0: 0 takes the left derivative, 1 the right one. */
  readonly reluGradAtZero: 0 | 1;
  /** How per-sample losses combine over a batch. */
  readonly batch: 'mean' | 'sum';
}

export const DEFAULT_CONVENTIONS: Conventions = { reluGradAtZero: 0, batch: 'mean' };
