// The seeded search for a hand-friendly, non-degenerate variant: draw drafts from the template with
// the seeded PRNG, solve each with the engine, keep the first that passes. Bounded; when the seed's
// stream finds nothing, the same search from FALLBACK_SEED (tested to succeed for every template and
// difficulty) gives a deterministic fallback.
import { createRng, mixSeed } from './prng';
import type { Template } from './template';
import type { Difficulty } from './types';
import { solveDraft, type Variant } from './variant';

export const MAX_TRIES = 400;

/**
 * Most significant figures of a given or asked number: 4 at difficulty 1–2 and 5 at 3 (344.4376 or
 * L = 540.5625 is not worked by hand).
 */
export function maxFiguresAt(difficulty: Difficulty): number {
  return difficulty === 3 ? 5 : 4;
}
export const FALLBACK_SEED = 0;

export interface Found {
  readonly variant: Variant;
  /** Drafts drawn, including the accepted one. */
  readonly tries: number;
  readonly fallback: boolean;
}

/** The first acceptable variant in the seed's stream, or null after MAX_TRIES drafts. */
export function searchVariant(
  template: Template,
  seed: number,
  difficulty: Difficulty,
): Omit<Found, 'fallback'> | null {
  const rng = createRng(mixSeed(seed, difficulty));
  for (let tries = 1; tries <= MAX_TRIES; tries++) {
    const draft = template.draft(rng, difficulty);
    if (!draft) continue;
    const result = solveDraft(draft, maxFiguresAt(difficulty));
    if ('variant' in result) return { variant: result.variant, tries };
  }
  return null;
}

export function findVariant(template: Template, seed: number, difficulty: Difficulty): Found {
  const found = searchVariant(template, seed, difficulty);
  if (found) return { ...found, fallback: false };
  const fallback = searchVariant(template, FALLBACK_SEED, difficulty);
  if (!fallback)
    throw new Error(
      `template ${template.name} found no variant for difficulty ${difficulty}, even from the fallback seed`,
    );
  return { ...fallback, fallback: true };
}
