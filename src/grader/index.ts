// The grader: grade answers to an exercise (exact, rounded, rounded intermediates, error carried
// forward, misconceptions, hints) and check a student's own work on a network. See docs/grading.md.
export { gradingContext, type GradingContext, type ContextOptions, type MistakenValue } from './context';
export {
  gradeExercise,
  gradeCell,
  HINT_COSTS,
  FEW_FIGURES_SCORE,
  TRUNCATED_SCORE,
  CARRIED_FORWARD_SCORE,
  type AskResult,
  type CellResult,
  type CellVerdict,
  type GradeOptions,
  type Status,
} from './grade';
export { MISCONCEPTIONS, misconception, diagnosisOrder, type Misconception } from './misconceptions';
export { loadExercise, parseExercise, exerciseFromSource, type LoadedExercise } from './exercise-file';
export { hintsFor, type Hint } from './hints';
export { formulaFor } from './formulas';
export { readAnswer, type StudentAnswer } from './student';
export {
  judgeNumber,
  matchesValue,
  MIN_FIGURES,
  type NumberVerdict,
  type StudentNumber,
  type Tolerance,
} from './compare';
export { checkWork, type WorkCheck, type WorkResult } from './work';
export { loadWork, parseWork, workFromSource, type WorkEntry } from './work-file';
export { exerciseResultsJson, exerciseResultsText, workJson, workText } from './render';
export { pick, type Lang, type Text } from './text';
