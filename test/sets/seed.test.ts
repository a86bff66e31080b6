import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { questionSeed, seedOfCode, studentCode, studentSeed } from '../../src/sets/seed';

describe('student seeds and codes', () => {
  test('the seed is the first 4 bytes of SHA-256("<set seed>\\0<id>"), big-endian', () => {
    // 2026\0alice → SHA-256, read here byte by byte.
    const digest = createHash('sha256').update('2026\u0000alice').digest();
    const expected = ((digest[0] * 256 + digest[1]) * 256 + digest[2]) * 256 + digest[3];
    expect(studentSeed(2026, 'alice')).toBe(expected);
    expect(studentSeed(2026, 'alice')).not.toBe(studentSeed(2027, 'alice'));
    expect(studentSeed(1, '23')).not.toBe(studentSeed(12, '3'));
  });

  test('codes are 7 Crockford base-32 digits, worked by hand at the ends of the range', () => {
    expect(studentCode(0)).toBe('0000000');
    expect(studentCode(31)).toBe('000000Z');
    expect(studentCode(32)).toBe('0000010');
    // 2³² − 1 = 3·32⁶ + (32⁶ − 1).
    expect(studentCode(0xffffffff)).toBe('3ZZZZZZ');
  });

  test('a code gives its seed back, read leniently (lower case, O for 0, I/L for 1, a dash)', () => {
    for (const seed of [0, 1, 32, 123456789, 0xffffffff]) expect(seedOfCode(studentCode(seed))).toBe(seed);
    expect(seedOfCode('000-00lo')).toBe(32);
    expect(seedOfCode('ABCDEFU')).toBeNull();
    expect(seedOfCode('ZZZZZZZ')).toBeNull();
  });

  test('question seeds differ per question and per attempt', () => {
    const seeds = new Set([1, 2, 3].flatMap((q) => [0, 1].map((a) => questionSeed(99, q, a))));
    expect(seeds.size).toBe(6);
  });
});
