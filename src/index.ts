// The library: load a network file, solve it exactly, and read the results.
export { loadNetwork, parseNetwork, networkFromSource } from './network/load';
export { InputError, type Localized } from './network/errors';
export type {
  NetworkSpec,
  LayerSpec,
  Layout,
  ActivationName,
  LossName,
  Conventions,
  Matrix,
  Vector,
} from './concepts/network';
export { ACTIVATIONS, LOSSES } from './concepts/network';
export { solve, forward, type Solution, type LayerResult } from './engine/solve';
export { solutionToJson, type JsonSolution, type JsonLayer } from './render/json';
export { jsonValue, type JsonValue } from './number/json';
export { solutionToText } from './render/text';
export * as exact from './number/value';
export type { Value, Expr } from './number/value';
export { exactString, approxString, valueLatex, valueText, exprLatex, exprText } from './number/format';
export {
  isGraphSource,
  loadGraph,
  parseGraph,
  graphFromSource,
  solveGraph,
  graphSolutionToJson,
  graphSolutionToText,
  graphFigureText,
  graphSvg,
  type GraphSpec,
  type GraphSolution,
  type GraphEdge,
  type JsonGraphSolution,
} from './graph';
// Worked solutions: the step trace, documents, and the LaTeX / Markdown / HTML / PDF renderers.
export { buildTrace, defaultForm, type TraceOptions } from './trace/build';
export type {
  Trace,
  TraceSection,
  Step as TraceStep,
  ScalarStep,
  MatrixStep,
  Quantity as TraceQuantity,
  FormOption,
} from './trace/types';
export { networkDocument, renderDocument, WORKED_FORMATS, type WorkedFormat } from './render/worked';
export { graphDocument } from './document/graph';
export type { WorkedDocument, DocSection, DocStep, Block, RichText } from './document/model';
export { messages, LANGS, type Lang, type Messages } from './i18n';
export { TOPICS, findTopic, topicToText, topicToJson, latexToText, type Topic, type Step } from './explain';
export * as grader from './grader';
export {
  MISCONCEPTION_IDS,
  MISCONCEPTION_IDS as MISTAKE_IDS,
  MISCONCEPTIONS,
  misconception,
  mistakeRules,
  type Misconception,
  type MisconceptionId,
  type MisconceptionId as MistakeId,
  type Mistake,
} from './concepts/misconceptions';
export { correctRules, type Rules } from './engine/rules';
export {
  generateExercise,
  exerciseValues,
  TEMPLATES as EXERCISE_TEMPLATES,
  type Exercise,
  type ExerciseOptions,
} from './exercises/index';
