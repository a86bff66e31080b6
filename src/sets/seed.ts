// A student's variant depends only on the set's seed and the student's id: the student's seed is a
// hash of the two, so adding, removing or reordering students changes no one else's exam. The code
// printed on each sheet is that seed in Crockford base 32, so a lost key can be regenerated from it.
import { createHash } from 'node:crypto';
import { mixSeed } from '../exercises/prng';

/** The first 32 bits of SHA-256 over the set seed and the id (a separator keeps "1"+"23" ≠ "12"+"3"). */
export function studentSeed(setSeed: number, id: string): number {
  return createHash('sha256').update(`${setSeed}\u0000${id}`, 'utf8').digest().readUInt32BE(0);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 7 characters of Crockford base 32 (no I, L, O, U: nothing to misread), e.g. "3KQ9-Z7M" without the dash. */
export function studentCode(seed: number): string {
  let out = '';
  let rest = seed >>> 0;
  for (let i = 0; i < 7; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** The seed back from a code (case-insensitive; O read as 0, I and L as 1); null when it is not one. */
export function seedOfCode(code: string): number | null {
  const clean = code.trim().toUpperCase().replace(/-/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{7}$/.test(clean)) return null;
  let seed = 0;
  for (const c of clean) seed = seed * 32 + CROCKFORD.indexOf(c);
  return seed <= 0xffffffff ? seed : null;
}

/**
 * The exercise seed of question `q` (1-based) for a student; `attempt` > 0 when an earlier variant
 * failed its self-test and is replaced (still deterministic).
 */
export function questionSeed(student: number, q: number, attempt = 0): number {
  return mixSeed(mixSeed(student, q), attempt);
}
