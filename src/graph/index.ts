// Computational graphs: load a graph file, solve it exactly (forward values, reverse-mode gradients,
// the backward value on every edge), and show it as JSON, text or an SVG figure.
export { GRAPH_OPS, type GraphOp, type GraphArg, type GraphInput, type GraphNode, type GraphSpec } from './spec';
export { isGraphSource, loadGraph, parseGraph, graphFromSource } from './load';
export { solveGraph, forwardValues, NodeDomainError, type GraphSolution, type GraphEdge } from './solve';
export { applyOp, localDerivatives, ARITY, MAX_POW_EXPONENT, GraphDomainError } from './ops';
export { OP_SYMBOL, opLabel, formulaText, formulaLatex, localRuleText, localRuleLatex } from './formula';
export { graphSolutionToJson, type JsonGraphSolution } from './json';
export { graphSolutionToText, graphFigureText, type GraphTextOptions } from './text';
export { graphSvg, type GraphSvgOptions } from './svg';
export { compactValue } from '../number/show';
export {
  graphSteps,
  nameLatex,
  type GraphSteps,
  type GraphForwardStep,
  type GraphBackwardStep,
  type GraphGradientStep,
} from './steps';
export { GRAPH_WORDS, type Lang } from './words';
