// Recomputes an exercise's answers from its JSON with the engine, for the grader and the quiz: the
// network (or graph) file and the stated values are validated like any input file, then solved.
import { solve, type Solution, type SolveOptions } from '../engine/solve';
import type { GraphSolution } from '../graph/solve';
import { InputError } from '../network/errors';
import type { NetworkSpec } from '../concepts/network';
import type { Value } from '../number/value';
import { givenOutputsOf, type GivenOutputs } from './given';
import { networkSpecOf } from './network-file';
import { askValue, type AskValue } from './quantities';
import {
  isGraphAsk,
  isGraphFile,
  isSymbolicAsk,
  type Exercise,
  type GraphFile,
  type NetworkAsk,
  type NetworkFile,
} from './types';
import { graphAskValue, solveGraphFile } from './variant';

export interface SolvedNetworkExercise {
  readonly spec: NetworkSpec;
  readonly given: GivenOutputs;
  readonly solution: Solution;
}

/**
 * Loads and solves a network exercise. `options` reach solve() (e.g. a misconception's `rules` to
 * recompute what a student making it would get); the stated outputs are always applied.
 */
export function solveNetworkExercise(
  exercise: Pick<Exercise, 'network' | 'given'>,
  options: Omit<SolveOptions, 'givenOutputs'> = {},
  file = '<exercise>',
): SolvedNetworkExercise {
  if (exercise.network === null || isGraphFile(exercise.network))
    throw new InputError(file, 'network', 'expected a network file (layers, loss, input, target, learning_rate)');
  const spec = networkSpecOf(exercise.network as NetworkFile, file);
  const given = givenOutputsOf(exercise.given, spec, file);
  return { spec, given, solution: solve(spec, { ...options, givenOutputs: given }) };
}

export function solveGraphExercise(exercise: Pick<Exercise, 'network'>, file = '<exercise>'): GraphSolution {
  if (!isGraphFile(exercise.network))
    throw new InputError(file, 'network', 'expected a graph file (graph: inputs, nodes, output)');
  return solveGraphFile(exercise.network as GraphFile);
}

/**
 * The engine's value of every numeric ask, by id (symbolic asks are skipped: their model answer is
 * the ask's expression). Throws InputError for a bad network, graph, `given` or ask.
 */
export function exerciseValues(
  exercise: Pick<Exercise, 'network' | 'given' | 'asks'>,
  file = '<exercise>',
): Map<string, AskValue> {
  const values = new Map<string, AskValue>();
  const numeric = exercise.asks.filter((ask) => !isSymbolicAsk(ask));
  if (numeric.length === 0) return values;
  if (numeric.every(isGraphAsk)) {
    const solution = solveGraphExercise(exercise, file);
    for (const ask of numeric)
      values.set(
        ask.id,
        askOrFail(file, ask.id, () => graphAskValue(solution, ask)),
      );
    return values;
  }
  const { spec, given, solution } = solveNetworkExercise(exercise, {}, file);
  for (const ask of numeric as NetworkAsk[])
    values.set(
      ask.id,
      askOrFail(file, ask.id, () => askValue(spec, solution, given, ask)),
    );
  return values;
}

function askOrFail<T extends AskValue | Value>(file: string, id: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError(file, `asks (${id})`, error.message.replace(/^ask [^:]*: /, ''));
    throw error;
  }
}
