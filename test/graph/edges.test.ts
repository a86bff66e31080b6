// The edge index the renderers read instead of filtering every edge for every node: the same edges
// as the filter gives, and with it a 10,000-node chain prints in a few seconds (the text output was
// quadratic: half a minute for this chain while JSON took under two seconds).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { edgesInto, edgesOutOf } from '../../src/graph/edges';
import { loadGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import type { GraphNode, GraphSpec } from '../../src/graph/spec';
import { graphSteps } from '../../src/graph/steps';
import { graphSolutionToText } from '../../src/graph/text';
import { ratio } from '../../src/number/value';

const bundled = ['apple.yaml', 'apple-orange.yaml', 'chain-rule.yaml', 'sigmoid.yaml', 'karpathy-neuron.yaml'];

describe('edgesInto / edgesOutOf', () => {
  it.each(bundled)('%s: the same edges, in the same order, as filtering the list', (name) => {
    const solution = solveGraph(loadGraph(fileURLToPath(new URL(`../../exercises/graphs/${name}`, import.meta.url))));
    for (const node of solution.spec.nodes)
      expect(edgesInto(solution, node.name)).toEqual(solution.edges.filter((e) => e.to === node.name));
    for (const name of [...solution.spec.inputs.map((i) => i.name), ...solution.spec.nodes.map((n) => n.name)])
      expect(edgesOutOf(solution, name)).toEqual(
        solution.edges.filter((e) => e.from === name && e.fromKind !== 'literal'),
      );
  });
});

/** n_k = n_(k−1) + y from n_0 = x: the output is x + N·y, ∂out/∂x = 1 and ∂out/∂y = N (by hand). */
function addChain(n: number): GraphSpec {
  const nodes: GraphNode[] = [];
  for (let k = 1; k <= n; k++) {
    const prev = k === 1 ? 'x' : `n${k - 1}`;
    nodes.push({
      name: `n${k}`,
      op: 'add',
      args: [
        { kind: 'name', name: prev },
        { kind: 'name', name: 'y' },
      ],
    });
  }
  return {
    inputs: [
      { name: 'x', value: ratio(1) },
      { name: 'y', value: ratio(2) },
    ],
    nodes,
    output: `n${n}`,
  };
}

describe('a 10,000-node add chain', () => {
  const solution = solveGraph(addChain(10_000));

  // The bound is the harness's timeout: linear work takes about 2 s here, the quadratic one 20–30 s.
  it('prints as text, figure included, with the values worked by hand', { timeout: 15_000 }, () => {
    const text = graphSolutionToText(solution);
    expect(text).toContain('  n10000 = n9999 + y = 19999 + 2 = 20001\n');
    expect(text).toContain('  ∂n10000/∂y = 1 + 1 + 1');
    expect(text).toMatch(/ {2}∂n10000\/∂y = [1 +]+= 10000\n/);
    expect(text).toContain('  ∂n10000/∂x = 1\n');
  });

  it('gives the worked steps of every node', { timeout: 15_000 }, () => {
    const steps = graphSteps(solution);
    expect(steps.backward).toHaveLength(20_000);
  });
});
