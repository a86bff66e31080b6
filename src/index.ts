// The library: load a network file, solve it exactly, and read the results.
export { loadNetwork, parseNetwork, networkFromSource } from './network/load';
export { InputError } from './network/errors';
export type { NetworkSpec, LayerSpec, Layout, ActivationName, LossName, Conventions, Matrix, Vector } from './network/spec';
export { ACTIVATIONS, LOSSES } from './network/spec';
export { solve, forward, type Solution, type LayerResult } from './engine/solve';
export { solutionToJson, jsonValue, type JsonSolution, type JsonLayer, type JsonValue } from './render/json';
export { solutionToText } from './render/text';
export * as exact from './number/value';
export type { Value, Expr } from './number/value';
export { exactString, approxString, valueLatex, valueText, exprLatex, exprText } from './number/format';
export {
  isGraphSource, loadGraph, parseGraph, graphFromSource, solveGraph, graphSolutionToJson, graphSolutionToText, graphFigureText, graphSvg,
  type GraphSpec, type GraphSolution, type GraphEdge, type JsonGraphSolution,
} from './graph';
export { TOPICS, findTopic, topicToText, topicToJson, latexToText, type Topic, type Step } from './explain';
export * as grader from './grader';
export { MISTAKE_IDS, type MistakeId, type Mistake } from './engine/mistakes';
