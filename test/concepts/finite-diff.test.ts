// Every registered activation's derivative against a central difference of its value, and every
// loss's gradient against a central difference of its loss, in float64 (not through the engine).
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activation, softmax } from '../../src/concepts/activations';
import { LOSSES, loss } from '../../src/concepts/losses';
import { approx, ratio, type Value } from '../../src/number/value';

const f = (v: Value): number => approx(v).toNumber();
/** The exact point p/q. */
const at = (p: number, q: number): Value => ratio(BigInt(p), BigInt(q));
const H = 1e-6;
/** (g(x + h) − g(x − h)) / 2h in float64 from the exact values at x ± h. */
function central(g: (x: Value) => number, p: number, q: number): number {
  const scale = 1_000_000;
  return (g(at(p * scale + q, q * scale)) - g(at(p * scale - q, q * scale))) / (2 * H);
}

// Away from every kink (0 and 6): below, between and above them.
const POINTS: readonly [number, number][] = [
  [-3, 2],
  [-3, 10],
  [2, 5],
  [2, 1],
  [11, 2],
  [7, 1],
];
const ALPHA = at(1, 10);
const CONVENTIONS = [
  { reluGradAtZero: 0, batch: 'mean' },
  { reluGradAtZero: 1, batch: 'mean' },
] as const;

describe('activation derivatives agree with a finite difference of the value', () => {
  for (const name of ACTIVATIONS.filter((n) => n !== 'softmax')) {
    it(name, () => {
      const h = activation(name);
      const alpha = h.slope ? ALPHA : null;
      for (const [p, q] of POINTS) {
        const a = at(p, q);
        const numeric = central((x) => f(h.value(x, alpha)), p, q);
        for (const conventions of CONVENTIONS) {
          expect(f(h.derivative(a, h.value(a, alpha), alpha, conventions))).toBeCloseTo(numeric, 6);
        }
      }
    });
  }

  it('softmax: the Jacobian and the backward pass', () => {
    const row = [at(1, 2), at(-3, 10), at(6, 5)];
    const y = softmax.row(row);
    const g = [at(1, 3), at(-2, 1), at(1, 2)];
    const delta = softmax.backward(y, g);
    for (let k = 0; k < row.length; k++) {
      const moved = (x: Value) => softmax.row(row.map((r, j) => (j === k ? x : r)));
      const [p, q] = k === 0 ? [1, 2] : k === 1 ? [-3, 10] : [6, 5];
      let chained = 0;
      for (let i = 0; i < row.length; i++) {
        const numeric = central((x) => f(moved(x)[i]), p, q);
        expect(f(softmax.jacobian(y, i, k))).toBeCloseTo(numeric, 6);
        chained += f(g[i]) * numeric;
      }
      expect(f(delta[k])).toBeCloseTo(chained, 6);
    }
  });
});

describe('loss gradients agree with a finite difference of the loss', () => {
  const cases: readonly { y: [number, number][]; t: Value[] }[] = [
    {
      y: [
        [3, 10],
        [3, 5],
        [1, 10],
      ],
      t: [at(0, 1), at(1, 1), at(0, 1)],
    },
    {
      y: [
        [1, 4],
        [3, 4],
      ],
      t: [at(1, 5), at(4, 5)],
    },
  ];
  for (const name of LOSSES) {
    it(name, () => {
      const l = loss(name);
      for (const { y: points, t } of cases) {
        const y = points.map(([p, q]) => at(p, q));
        const gradient = l.gradient(y, t);
        points.forEach(([p, q], k) => {
          const numeric = central(
            (x) =>
              f(
                l.sampleLoss(
                  y.map((v, j) => (j === k ? x : v)),
                  t,
                ),
              ),
            p,
            q,
          );
          expect(f(gradient[k])).toBeCloseTo(numeric, 6);
        });
      }
    });
  }
});
