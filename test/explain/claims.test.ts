// Every claim of every derivation holds: each 'claim' step's identities are evaluated at random
// 64-digit points, its derivatives compared with central finite differences (h = 1e-20), its kinks
// with one-sided differences and its printed decimals with the digits shown. A deliberately wrong
// claim is caught, so the harness is not vacuous.
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/explain';
import type { Check, CheckScope } from '../../src/explain/types';
import { generator, randomScope, runCheck } from './claims';

const POINTS = 4;

function checkAtRandomPoints(scope: CheckScope, check: Check, seed: number): void {
  const random = generator(seed);
  for (let p = 0; p < POINTS; p++) runCheck(scope, check, randomScope(scope, random));
}

describe.each(TOPICS.map((t) => [t.id, t] as const))('%s', (_, topic) => {
  it('has a check for every claim', () => {
    for (const step of topic.steps)
      if (step.role === 'claim') expect(step.checks?.length ?? 0, step.text_en).toBeGreaterThan(0);
    expect(topic.steps.some((s) => s.role === 'claim')).toBe(true);
  });
  topic.steps.forEach((step, i) => {
    (step.checks ?? []).forEach((check, j) => {
      it(`step ${i + 1}, check ${j + 1}`, () => checkAtRandomPoints(topic.scope, check, 1000 * i + j + 1));
    });
  });
});

describe('the harness', () => {
  const scope: CheckScope = {
    random: {
      x: { min: -2, max: 2 },
      a: { min: -2, max: 2, shape: [3] },
      c: { min: -2, max: 2, shape: [3, 1] },
      W: { min: -1, max: 1, shape: [2, 3] },
    },
    define: [['y', '1 / (1 + exp(-x))']],
  };
  it.each([
    ['a wrong derivative', { derivative: { of: '1 / (1 + exp(-x))', wrt: 'x', is: 'y * (1 + y)' } }],
    [
      'a dropped off-diagonal term',
      {
        derivative: {
          of: 'exp(a[i]) / sum(map(a, exp))',
          wrt: 'a[k]',
          is: 'i == k ? exp(a[i]) / sum(map(a, exp)) * (1 - exp(a[i]) / sum(map(a, exp))) : 0',
        },
        indices: { i: 3, k: 3 },
      },
    ],
    ['a wrong identity', { equal: ['tanh(x)', '(exp(x) - exp(-x)) / (exp(x) + exp(-x)) + 1e-30'] }],
    [
      'a wrong matrix gradient',
      { derivative: { of: 'sum(W * c)', wrt: 'W', is: 'ones(2, 1) * transpose(c) * 1.0000001' } },
    ],
    ['a gradient of the wrong shape', { derivative: { of: 'sum(W * c)', wrt: 'W', is: 'c * ones(1, 2)' } }],
    ['a wrong kink', { kink: { of: 'max(0, x)', wrt: 'x', at: '0', left: '1', right: '1' } }],
    ['a wrong decimal', { approx: ['-log(0.6)', '0.5109'] }],
  ] as [string, Check][])('rejects %s', (_, check) => {
    expect(() => checkAtRandomPoints(scope, check, 7)).toThrow();
  });
  it('accepts the right ones', () => {
    checkAtRandomPoints(scope, { derivative: { of: 'sum(W * c)', wrt: 'W', is: 'ones(2, 1) * transpose(c)' } }, 7);
    checkAtRandomPoints(scope, { derivative: { of: 'y', wrt: 'x', is: 'y * (1 - y)' } }, 7);
  });
});
