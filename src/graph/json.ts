// The `solve GRAPH --format json` contract: {"value": V, "nodes": {name: V}, "gradients": {name: V}}
// (and "after": {"inputs": {name: V}, "value": V} with a `step`, the point its last step reaches; with
// `steps` > 1 also "history": [{"inputs": {name: V}, "value": V, "gradients": {name: V}}], one entry per
// step: the point it reaches and the gradients it moved along, taken at the point before it),
// each V as in the network contract ({exact, approx, latex}).
import { jsonValue, type JsonValue } from '../number/json';
import type { Value } from '../number/value';
import type { GraphSolution } from './solve';

export interface JsonGraphSolution {
  readonly value: JsonValue;
  /** The value of every node (inputs are given in the file). */
  readonly nodes: Record<string, JsonValue>;
  /** ∂output/∂name for every input and node. */
  readonly gradients: Record<string, JsonValue>;
  /** With a `step`: every input after it and the output evaluated again. */
  readonly after?: JsonGraphPoint;
  /** With `steps` > 1: one entry per step. */
  readonly history?: readonly (JsonGraphPoint & { readonly gradients: Record<string, JsonValue> })[];
}

export interface JsonGraphPoint {
  readonly inputs: Record<string, JsonValue>;
  readonly value: JsonValue;
}

const jsonMap = (m: ReadonlyMap<string, Value>) => Object.fromEntries([...m].map(([name, x]) => [name, jsonValue(x)]));

export function graphSolutionToJson(solution: GraphSolution): JsonGraphSolution {
  // Object.fromEntries defines own properties, so even a name like __proto__ is an ordinary key.
  const nodes = Object.fromEntries(
    solution.spec.nodes.map((node) => [node.name, jsonValue(solution.values.get(node.name)!)]),
  );
  const gradients = jsonMap(solution.gradients);
  const after = solution.after && { inputs: jsonMap(solution.after.inputs), value: jsonValue(solution.after.value) };
  const history =
    solution.history.length > 1
      ? solution.history.map((h) => ({
          inputs: jsonMap(h.inputs),
          value: jsonValue(h.value),
          gradients: jsonMap(h.gradients),
        }))
      : null;
  return {
    value: jsonValue(solution.value),
    nodes,
    gradients,
    ...(after ? { after } : {}),
    ...(history ? { history } : {}),
  };
}
