// Several steps of gradient descent: `steps` steps, each on the whole batch or, with `batch_size`,
// on the next mini-batch of the input's rows in file order (cycling). Each step is one `solve` of
// the network as the previous step left it, on that step's rows, so every step is worked exactly
// like the first.
import type { NetworkSpec } from '../concepts/network';
import { solve, type Solution } from './solve';

export interface TrainingStep {
  /** The rows of the input this step used (0-based, file order). */
  readonly batch: readonly number[];
  readonly solution: Solution;
}

export interface Training {
  readonly steps: readonly TrainingStep[];
  /** The network after the last step (with the whole input and target again). */
  readonly final: NetworkSpec;
}

/** Whether a network asks for more than one plain step. */
export function isTraining(network: NetworkSpec): boolean {
  return (network.steps ?? 1) > 1 || network.batchSize !== undefined;
}

/** The rows of step k (0-based): consecutive mini-batches of batchSize rows, the last one shorter. */
export function batchRows(rows: number, batchSize: number | undefined, k: number): number[] {
  if (batchSize === undefined) return Array.from({ length: rows }, (_, i) => i);
  const batches = Math.ceil(rows / batchSize);
  const first = (k % batches) * batchSize;
  return Array.from({ length: Math.min(batchSize, rows - first) }, (_, i) => first + i);
}

export function train(network: NetworkSpec): Training {
  const steps: TrainingStep[] = [];
  let current = network;
  for (let k = 0; k < (network.steps ?? 1); k++) {
    const batch = batchRows(network.input.length, network.batchSize, k);
    const solution = solve({
      ...current,
      input: batch.map((i) => network.input[i]),
      target: batch.map((i) => network.target[i]),
    });
    steps.push({ batch, solution });
    current = { ...solution.updated, input: network.input, target: network.target };
  }
  return { steps, final: current };
}
