// The seeded PRNG: deterministic, in range, and not stuck.
import { describe, expect, it } from 'vitest';
import { createRng, mixSeed } from '../../src/exercises/prng';

describe('createRng (mulberry32)', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  });

  it('matches the published mulberry32 reference for seed 0', () => {
    // Reference implementation (Tommy Ettinger's mulberry32, as commonly published), written out here.
    let state = 0;
    const ref = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const rng = createRng(0);
    for (let i = 0; i < 100; i++) expect(rng.next()).toBe(ref());
  });

  it('stays in range and covers it', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(-2, 3);
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThanOrEqual(3);
      seen.add(x);
      const f = rng.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    expect(seen.size).toBe(6);
  });

  it('samples distinct elements', () => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++) {
      const s = rng.sample([1, 2, 3, 4, 5], 3);
      expect(new Set(s).size).toBe(3);
    }
  });

  it('mixSeed is deterministic and spreads nearby seeds', () => {
    expect(mixSeed(5, 2)).toBe(mixSeed(5, 2));
    const values = new Set(Array.from({ length: 100 }, (_, s) => mixSeed(s, 1)));
    expect(values.size).toBe(100);
  });
});
