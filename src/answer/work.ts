// A per-answer budget for the expensive operations: big-rational arithmetic (cost grows with the square
// of the bit length) and 64-digit exp/ln. Charged before or right after each operation, so a hostile
// answer stops after a bounded amount of work instead of after its result is computed.
import { fail } from './errors';
import type { AnswerLimits } from './limits';

function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x < 0x100000000n) return x === 0n ? 0 : 32 - Math.clz32(Number(x));
  return x.toString(16).length * 4;
}

export class Work {
  private rational = 0;
  private transcendental = 0;

  constructor(readonly limits: AnswerLimits) {}

  /** Checks a numerator/denominator pair against maxBits and charges (bits/64)² for producing it. */
  chargeBits(n: bigint, d: bigint, pos: number | null = null): void {
    const bits = Math.max(bitLength(n), bitLength(d));
    if (bits > this.limits.maxBits) fail('number-too-large', { max: this.limits.maxBits }, pos);
    this.rational += Math.max(1, (bits / 64) ** 2);
    if (this.rational > this.limits.maxRationalWork)
      fail('too-complex', { max: this.limits.maxRationalWork, what: 'units of exact arithmetic' }, pos);
  }

  /** Charges a fixed cost (a step of an exact root's Newton iteration). */
  chargeUnits(units: number, pos: number | null = null): void {
    this.rational += units;
    if (this.rational > this.limits.maxRationalWork)
      fail('too-complex', { max: this.limits.maxRationalWork, what: 'units of exact arithmetic' }, pos);
  }

  /** Counts one exp/ln/sigmoid/tanh evaluation at 64 digits (`units` > 1 for a slower one). */
  chargeTranscendental(pos: number | null = null, units = 1): void {
    this.transcendental += units;
    if (this.transcendental > this.limits.maxTranscendentals) {
      fail('too-complex', { max: this.limits.maxTranscendentals, what: 'exp/ln evaluations' }, pos);
    }
  }
}

export { bitLength };
