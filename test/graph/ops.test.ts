// Every operation's value and local derivatives at exact points, against values derived by hand.
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { exactString } from '../../src/number/format';

/** Solves `out = op(args)` with inputs a, b, c and returns the value and ∂out/∂a, ∂out/∂b, ∂out/∂c. */
function single(op: string, args: string, inputs = '{a: 3, b: 4, c: 5}') {
  const s = solveGraph(
    parseGraph(`graph:\n  inputs: ${inputs}\n  nodes:\n    - {name: out, op: ${op}, args: [${args}]}\n  output: out\n`),
  );
  const g = (name: string) => (s.gradients.has(name) ? exactString(s.gradients.get(name)!) : undefined);
  return { value: exactString(s.value), a: g('a'), b: g('b'), c: g('c'), edges: s.edges };
}

describe('operations and their local derivatives', () => {
  it.each([
    // op, args, inputs, value, ∂/∂a, ∂/∂b, ∂/∂c
    ['add', 'a, b, c', undefined, '12', '1', '1', '1'],
    ['mul', 'a, b, c', undefined, '60', '20', '15', '12'],
    ['sub', 'a, b', undefined, '-1', '1', '-1', '0'],
    ['div', 'a, b', undefined, '3/4', '1/4', '-3/16', '0'],
    ['neg', 'a', undefined, '-3', '-1', '0', '0'],
    ['square', 'a', '{a: -3}', '9', '-6', undefined, undefined],
    ['pow', 'a, 3', '{a: 2/3}', '8/27', '4/3', undefined, undefined], // 3·(2/3)² = 4/3
    ['pow', 'a, -2', '{a: 2/3}', '9/4', '-27/4', undefined, undefined], // −2·(2/3)^−3 = −27/4
    ['pow', 'a, 0', '{a: 5}', '1', '0', undefined, undefined],
    ['pow', 'a, 1', '{a: 0}', '0', '1', undefined, undefined],
    ['reciprocal', 'a', '{a: 4}', '1/4', '-1/16', undefined, undefined],
    ['exp', 'a', '{a: 0}', '1', '1', undefined, undefined],
    ['log', 'a', '{a: 1}', '0', '1', undefined, undefined],
    ['log', 'a', '{a: 1}', '0', '1', undefined, undefined],
    ['sigmoid', 'a', '{a: 0}', '1/2', '1/4', undefined, undefined],
    ['tanh', 'a', '{a: 0}', '0', '1', undefined, undefined],
    ['relu', 'a', '{a: 2.5}', '5/2', '1', undefined, undefined],
    ['relu', 'a', '{a: -2}', '0', '0', undefined, undefined],
    ['relu', 'a', '{a: 0}', '0', '0', undefined, undefined], // relu′(0) = 0 by the contract
    ['max', 'a, b, c', undefined, '5', '0', '0', '1'],
    ['max', 'a, b', '{a: 2, b: 2}', '2', '1', '0', undefined], // a tie: the first argument gets it
    ['max', 'b, a', '{a: 2, b: 2}', '2', '0', '1', undefined],
    ['min', 'a, b, c', undefined, '3', '1', '0', '0'],
    ['min', 'c, a, b', '{a: -1/2, b: -1/2, c: 1}', '-1/2', '1', '0', '0'],
    ['abs', 'a', '{a: -3/4}', '3/4', '-1', undefined, undefined],
    ['abs', 'a', '{a: 2}', '2', '1', undefined, undefined],
    ['abs', 'a', '{a: 0}', '0', '0', undefined, undefined], // |a|′(0) = 0 by the contract
  ])('%s(%s) with %s', (op, args, inputs, value, da, db, dc) => {
    const r = single(op, args, inputs);
    expect([r.value, r.a, r.b, r.c]).toEqual([value, da, db, dc]);
  });

  it('treats literals as constants and uses them in the value', () => {
    const r = single('mul', 'a, -1/2', '{a: 3}');
    expect([r.value, r.a]).toEqual(['-3/2', '-1/2']);
    expect(r.edges[1]).toMatchObject({ from: '-1/2', fromKind: 'literal' });
  });

  it('gives pow no gradient for its exponent', () => {
    const r = single('pow', 'a, 2', '{a: 3}');
    expect(r.edges[1].localDerivative).toBeNull();
    expect(r.edges[1].backward).toBeNull();
  });

  it('adds up the gradient of a name used twice (mul(x, x) = x², ∂/∂x = 2x)', () => {
    const r = single('mul', 'a, a', '{a: 7}');
    expect([r.value, r.a]).toEqual(['49', '14']);
    expect(r.edges.map((e) => exactString(e.backward!))).toEqual(['7', '7']);
  });

  it('gives 0 to nodes the output does not depend on, and 1 to the output itself', () => {
    const s = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: 2, y: 5}\n  nodes:\n    - {name: u, op: square, args: [x]}\n    - {name: v, op: mul, args: [u, y]}\n  output: u\n',
      ),
    );
    expect(Object.fromEntries([...s.gradients].map(([k, v]) => [k, exactString(v)]))).toEqual({
      x: '4',
      y: '0',
      u: '1',
      v: '0',
    });
    expect(exactString(s.value)).toBe('4');
  });

  it('may have an input as its output', () => {
    const s = solveGraph(
      parseGraph('graph:\n  inputs: {x: 2}\n  nodes:\n    - {name: u, op: square, args: [x]}\n  output: x\n'),
    );
    expect([exactString(s.gradients.get('x')!), exactString(s.gradients.get('u')!)]).toEqual(['1', '0']);
  });

  it('keeps irrational values symbolic: exp(1) and log(2)', () => {
    const s = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: 2}\n  nodes:\n    - {name: l, op: log, args: [x]}\n    - {name: e, op: exp, args: [l]}\n  output: e\n',
      ),
    );
    // exp(ln 2) = 2, though kept as an expression; ∂/∂x = exp(ln 2)·(1/2) = 1.
    expect(s.value.kind).toBe('real');
    expect(Number(s.value.kind === 'real' ? s.value.approx.toString() : NaN)).toBeCloseTo(2, 14);
    const g = s.gradients.get('x')!;
    expect(g.kind === 'real' ? g.approx.minus(1).abs().lt('1e-60') : false).toBe(true);
  });
});
