// Safe parsing and exact evaluation of students' answers (see docs/answers.md for the accepted syntax).
export {
  parseAnswer,
  type ParseOptions,
  type ParseResult,
  type Answer,
  type ScalarAnswer,
  type MatrixAnswer,
  type ExpressionAnswer,
} from './parse-answer';
export { evaluate, type EvaluateResult, type EvaluateOptions } from './evaluate';
export { formatAst, variablesOf, type Ast, type NumberLiteral, type BinaryOp } from './ast';
export { answerError, type AnswerError, type AnswerErrorCode } from './errors';
export { DEFAULT_LIMITS, type AnswerLimits } from './limits';
export { absurdNote, isAbsurd } from './absurd';
export { canonicalName, type FunctionName, type NameOptions } from './names';
export type { Notation, WrittenForm } from './notation';
export type { Expect } from './structure';
