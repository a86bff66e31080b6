// The `solve GRAPH --format json` contract: {"value": V, "nodes": {name: V}, "gradients": {name: V}}
// (and "after": {"inputs": {name: V}, "value": V} with a `step`),
// each V as in the network contract ({exact, approx, latex}).
import { jsonValue, type JsonValue } from '../number/json';
import type { GraphSolution } from './solve';

export interface JsonGraphSolution {
  readonly value: JsonValue;
  /** The value of every node (inputs are given in the file). */
  readonly nodes: Record<string, JsonValue>;
  /** ∂output/∂name for every input and node. */
  readonly gradients: Record<string, JsonValue>;
  /** With a `step`: every input after it and the output evaluated again. */
  readonly after?: { readonly inputs: Record<string, JsonValue>; readonly value: JsonValue };
}

export function graphSolutionToJson(solution: GraphSolution): JsonGraphSolution {
  // Object.fromEntries defines own properties, so even a name like __proto__ is an ordinary key.
  const nodes = Object.fromEntries(
    solution.spec.nodes.map((node) => [node.name, jsonValue(solution.values.get(node.name)!)]),
  );
  const gradients = Object.fromEntries([...solution.gradients].map(([name, g]) => [name, jsonValue(g)]));
  const after = solution.after && {
    inputs: Object.fromEntries([...solution.after.inputs].map(([name, x]) => [name, jsonValue(x)])),
    value: jsonValue(solution.after.value),
  };
  return { value: jsonValue(solution.value), nodes, gradients, ...(after ? { after } : {}) };
}
