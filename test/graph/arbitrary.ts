// Random graph files for property tests: 1–3 inputs, 1–6 nodes of any operation, arguments mostly
// names (so that gradients flow) and sometimes number literals.
import fc from 'fast-check';
import { GRAPH_OPS } from '../../src/graph/spec';

export interface RawNode {
  name: string;
  op: string;
  args: string[];
}
export interface RawGraph {
  inputs: [string, string][];
  nodes: RawNode[];
}

const small = fc.integer({ min: -25, max: 25 }).map((n) => (n / 10).toString());
const ARITY: Record<string, [number, number]> = {
  add: [2, 3],
  mul: [2, 3],
  sub: [2, 2],
  div: [2, 2],
  pow: [2, 2],
  max: [2, 3],
  min: [2, 3],
};

export const graphArb: fc.Arbitrary<RawGraph> = fc
  .tuple(
    fc.array(small, { minLength: 1, maxLength: 3 }),
    fc.array(
      fc.tuple(
        fc.constantFrom(...GRAPH_OPS),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.array(small, { minLength: 3, maxLength: 3 }),
        // pow's exponent: an integer, or p/q with q = 2, 3 or 4 (x^(3/4)).
        fc.oneof(
          fc.integer({ min: -3, max: 3 }).map(String),
          fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 2, max: 4 })).map(([p, q]) => `${p}/${q}`),
        ),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([inputValues, specs]) => {
    const inputs = inputValues.map((v, i): [string, string] => [`x${i}`, v]);
    const names = inputs.map(([n]) => n);
    const nodes = specs.map(([op, picks, literals, exponent], i): RawNode => {
      const [lo, hi] = ARITY[op] ?? [1, 1];
      const count = lo + (picks[0] % (hi - lo + 1));
      // Mostly names (so gradients flow), sometimes a literal.
      const args = Array.from({ length: count }, (_, k) =>
        picks[k] % 5 === 4 ? literals[k] : names[(picks[k] * 7 + k) % names.length],
      );
      if (op === 'pow') args[1] = exponent;
      const name = `n${i}`;
      names.push(name);
      return { name, op, args };
    });
    return { inputs, nodes };
  });

export function yaml(g: RawGraph): string {
  const inputs = g.inputs.map(([n, v]) => `${n}: "${v}"`).join(', ');
  const nodes = g.nodes
    .map((n) => `    - {name: ${n.name}, op: ${n.op}, args: [${n.args.map((a) => JSON.stringify(a)).join(', ')}]}`)
    .join('\n');
  return `graph:\n  inputs: {${inputs}}\n  nodes:\n${nodes}\n  output: ${g.nodes[g.nodes.length - 1].name}\n`;
}
