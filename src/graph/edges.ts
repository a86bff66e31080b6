// The edges of a solved graph grouped by the node that uses them and by the name they come from,
// built once per solution: a renderer that filters the whole edge list for every node is quadratic
// (a 10,000-node chain took half a minute to print).
import type { GraphEdge, GraphSolution } from './solve';

export interface EdgeIndex {
  /** The edges into each node, in argument order. */
  readonly into: ReadonlyMap<string, readonly GraphEdge[]>;
  /** The edges out of each input or node (literals are not indexed), in node order. */
  readonly outOf: ReadonlyMap<string, readonly GraphEdge[]>;
}

const NONE: readonly GraphEdge[] = [];
const cache = new WeakMap<GraphSolution, EdgeIndex>();

export function edgeIndex(solution: GraphSolution): EdgeIndex {
  const known = cache.get(solution);
  if (known) return known;
  const into = new Map<string, GraphEdge[]>();
  const outOf = new Map<string, GraphEdge[]>();
  const push = (map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  for (const edge of solution.edges) {
    push(into, edge.to, edge);
    if (edge.fromKind !== 'literal') push(outOf, edge.from, edge);
  }
  const index = { into, outOf };
  cache.set(solution, index);
  return index;
}

/** The edges into `node`. */
export const edgesInto = (solution: GraphSolution, node: string): readonly GraphEdge[] =>
  edgeIndex(solution).into.get(node) ?? NONE;

/** The edges out of the input or node `name`. */
export const edgesOutOf = (solution: GraphSolution, name: string): readonly GraphEdge[] =>
  edgeIndex(solution).outOf.get(name) ?? NONE;
