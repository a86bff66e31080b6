// Reverse-mode gradients against central finite differences on random graphs of every operation.
// The reference is a separate decimal.js evaluator at 64 digits (no code from src/graph): for every
// input and node v, (f(v + h) − f(v − h)) / 2h with h = 1e-20, where changing a node's value
// changes only what is computed from it. Truncation error O(h²) ≈ 1e-40, rounding about
// 1e-64/h = 1e-44 (times the size of the values), so agreement to 1e-25 relative is a strict test.
// Graphs whose relu or abs argument lies within 1e-15 of its kink at 0, or whose max or min has a tie,
// are skipped (not differentiable there).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { GRAPH_OPS } from '../../src/graph/spec';
import { graphArb, yaml, type RawGraph } from './arbitrary';
import { InputError } from '../../src/network/errors';
import { approx } from '../../src/number/value';

const D = DecimalBase.clone({ precision: 64 });
type D = DecimalBase;
const H = new D('1e-20');

const decimalOf = (text: string): D => {
  const slash = text.indexOf('/');
  return slash < 0 ? new D(text) : new D(text.slice(0, slash)).div(text.slice(slash + 1));
};

/** The reference: evaluates every name, with `override` replacing one name's value. */
function evaluate(g: RawGraph, override?: { name: string; value: D }): { values: Map<string, D>; kinks: boolean } {
  const values = new Map<string, D>();
  let kinks = false;
  const set = (name: string, v: D) => values.set(name, override && override.name === name ? override.value : v);
  for (const [name, text] of g.inputs) set(name, decimalOf(text));
  for (const node of g.nodes) {
    const a = node.args.map((t) => values.get(t) ?? decimalOf(t));
    let y: D;
    switch (node.op) {
      case 'add':
        y = a.reduce((s, x) => s.plus(x));
        break;
      case 'mul':
        y = a.reduce((s, x) => s.times(x));
        break;
      case 'sub':
        y = a[0].minus(a[1]);
        break;
      case 'div':
        y = a[0].div(a[1]);
        break;
      case 'neg':
        y = a[0].neg();
        break;
      case 'square':
        y = a[0].times(a[0]);
        break;
      case 'pow': {
        // A rational exponent p/q: for a negative base the real q-th root, (−1)^p·|x|^(p/q), with odd q.
        const text = node.args[1];
        const [p, q = '1'] = text.split('/');
        if (q === '1' || a[0].gte(0)) y = a[0].pow(a[1]);
        else {
          // A nudge of a value at 0 below it: not differentiable there, skip.
          if (Number(q) % 2 === 0) {
            kinks = true;
            y = new D(0);
            set(node.name, y);
            continue;
          }
          const magnitude = a[0].abs().pow(a[1]);
          y = Math.abs(Number(p)) % 2 === 1 ? magnitude.neg() : magnitude;
        }
        // Near 0 a fractional power is not differentiable (r < 1) or its difference loses digits.
        if (q !== '1' && a[0].abs().lt('1e-15')) kinks = true;
        break;
      }
      case 'exp':
        y = D.exp(a[0]);
        break;
      case 'log':
        y = D.ln(a[0]);
        break;
      case 'reciprocal':
        y = new D(1).div(a[0]);
        break;
      case 'sigmoid':
        y = new D(1).div(new D(1).plus(D.exp(a[0].neg())));
        break;
      case 'tanh':
        y = D.tanh(a[0]);
        break;
      case 'relu':
        if (a[0].abs().lt('1e-15')) kinks = true;
        y = a[0].gt(0) ? a[0] : new D(0);
        break;
      case 'max':
      case 'min': {
        // A tie (two arguments within 1e-15) is a kink: the function is not differentiable there.
        const sorted = [...a].sort((x, z) => x.comparedTo(z));
        if (
          sorted.some(
            (x, i) =>
              i > 0 &&
              x
                .minus(sorted[i - 1])
                .abs()
                .lt('1e-15'),
          )
        )
          kinks = true;
        y = node.op === 'max' ? sorted[sorted.length - 1] : sorted[0];
        break;
      }
      case 'abs':
        if (a[0].abs().lt('1e-15')) kinks = true;
        y = a[0].abs();
        break;
      default:
        throw new Error(node.op);
    }
    set(node.name, y);
  }
  return { values, kinks };
}

describe('gradients of random graphs', () => {
  it('match central finite differences for every input and node', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(graphArb, (g) => {
        let solution;
        try {
          solution = solveGraph(parseGraph(yaml(g)));
        } catch (error) {
          // log of a non-positive number, division by zero, …: rejected with a clear error.
          expect(error).toBeInstanceOf(InputError);
          fc.pre(false);
          return;
        }
        const base = evaluate(g);
        fc.pre(!base.kinks);
        const output = g.nodes[g.nodes.length - 1].name;
        fc.pre(base.values.get(output)!.abs().lt('1e12'));
        expect(
          approx(solution.value)
            .minus(base.values.get(output)!)
            .abs()
            .lte(new D('1e-40').times(base.values.get(output)!.abs().plus(1))),
        ).toBe(true);
        for (const [name, v] of base.values) {
          const up = evaluate(g, { name, value: v.plus(H) });
          const down = evaluate(g, { name, value: v.minus(H) });
          fc.pre(!up.kinks && !down.kinks);
          const fd = up.values.get(output)!.minus(down.values.get(output)!).div(H.times(2));
          const grad = approx(solution.gradients.get(name)!);
          const scale = fd.abs().plus(1);
          if (!grad.minus(fd).abs().lte(scale.times('1e-25'))) {
            throw new Error(`∂${output}/∂${name}: reverse mode ${grad}, finite difference ${fd}\n${yaml(g)}`);
          }
        }
        for (const node of g.nodes) seen.add(node.op);
      }),
      { numRuns: 400, seed: 20240611 },
    );
    // Every operation was exercised in a graph that passed.
    expect([...seen].sort()).toEqual([...GRAPH_OPS].sort());
  });
});
