// The worked step chosen for each ask is the one that computes it: a network cell's scalar step
// carries the ask's quantity, layer and index; a graph ask's step is its node's; and the shares of
// the blanks become whole Cloze weights in the same proportions.
import { describe, expect, test } from 'vitest';
import { integerWeights } from '../../src/export/blanks';
import { workedStepsDocument } from '../../src/export/solution';
import { isGraphAsk, isSymbolicAsk, type NetworkAsk } from '../../src/exercises/types';
import { Fraction } from '../../src/number/value';
import { exported, SETS } from './fixtures';

describe.each(SETS)('worked steps of %s', (file) => {
  test('each ask gets the steps that compute it', async () => {
    const set = await exported(file, 2);
    let scalarSteps = 0;
    for (const q of set.questions)
      for (const v of q.variants) {
        const doc = workedStepsDocument(v.exercise, set.lang);
        const numeric = v.exercise.asks.filter((a) => !isSymbolicAsk(a));
        expect(doc.sections.map((s) => s.id)).toEqual(numeric.map((a) => a.id));
        for (const ask of numeric) {
          const section = doc.sections.find((s) => s.id === ask.id);
          const steps = (section?.blocks ?? []).flatMap((b) => (b.kind === 'step' ? [b.step] : []));
          if (steps.length === 0) {
            // No step shows it on its own: the hints stand in.
            expect(section?.blocks.map((b) => (b.kind === 'paragraph' ? b.text.join('') : ''))).toEqual(
              v.exercise.hints[ask.id],
            );
            continue;
          }
          if (isGraphAsk(ask)) continue;
          const a = ask as NetworkAsk;
          for (const s of steps) {
            expect(s.data?.quantity).toBe(a.quantity);
            expect(s.data?.layer).toBe(a.layer === undefined ? '' : String(a.layer));
          }
          if (a.index !== undefined && steps.length === 1 && steps[0].data?.form === 'scalar') {
            expect(steps[0].data?.index).toBe(a.index.join(','));
            scalarSteps++;
          }
        }
      }
    if (!file.includes('graphs')) expect(scalarSteps).toBeGreaterThan(0);
  }, 120_000);
});

test('integer weights keep the proportions of the shares', () => {
  const f = (n: bigint, d: bigint) => new Fraction(n, d);
  expect(integerWeights([f(1n, 2n), f(1n, 4n), f(1n, 4n)])).toEqual([2n, 1n, 1n]);
  expect(integerWeights([f(1n, 3n), f(1n, 3n), f(1n, 3n)])).toEqual([1n, 1n, 1n]);
  expect(integerWeights([f(1n, 2n), f(1n, 6n), f(1n, 6n), f(1n, 6n)])).toEqual([3n, 1n, 1n, 1n]);
  expect(integerWeights([f(1n, 1n)])).toEqual([1n]);
});
