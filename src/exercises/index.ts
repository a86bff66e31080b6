// The exercise module's public interface: generate exercises, list templates, and recompute an
// exercise's answers from its JSON (for the grader, the quiz and teacher sets).
export {
  GENERATOR_VERSION,
  generateExercise,
  templateForSeed,
  UnknownTemplateError,
  type ExerciseOptions,
} from './generate';
export { TEMPLATES, templateByName } from './templates/index';
export type { Template } from './template';
export { exerciseValues, solveNetworkExercise, solveGraphExercise, type SolvedNetworkExercise } from './solve-exercise';
export { askValue, wholeQuantity, cellsOf, type AskValue } from './quantities';
export { givenOutputsOf } from './given';
export { networkSpecOf } from './network-file';
export { isHandFriendly, exactText } from './numbers';
export { findVariant, searchVariant, MAX_TRIES, FALLBACK_SEED } from './search';
export { askProblem, rejection } from './checks';
export { hiddenMistake, genericTwin, mistakeVariants } from './visible-mistakes';
export { createRng, mixSeed, MAX_SEED, type Rng } from './prng';
export * from './types';
