// Builds the step trace of a Solution once: forward pass, loss, backward pass, update, and the loss
// after the update (the lecture deck's exercise ③), in the scalar form, the matrix form or both.
import { sub, type Value } from '../number/value';
import type { Matrix, NetworkSpec } from '../concepts/network';
import type { Solution } from '../engine/solve';
import { backwardMatrixSteps, forwardMatrixSteps, updateMatrixSteps } from './matrix';
import { backwardSteps, forwardSteps, improvementStep, lossSteps, updateSteps } from './scalar';
import type { Notation } from './symbols';
import type { Form, FormOption, Trace, TraceSection } from './types';
import type { Pass } from './network';

export interface TraceOptions {
  /** Default: defaultForm(network). */
  readonly form?: FormOption;
  /** Outputs stated instead of computed (as passed to solve); their steps say "given". */
  readonly givenOutputs?: ReadonlyMap<number, Matrix>;
}

/** Networks up to this many parameters get both forms by default; larger ones the matrix form only. */
export const SMALL_NETWORK_PARAMETERS = 50;

export function parameterCount(network: NetworkSpec): number {
  return network.layers.reduce(
    (n, layer) => n + layer.weights.length * (layer.weights[0]?.length ?? 0) + layer.bias.length,
    0,
  );
}

/** both for small networks (every weight's chain rule is worth reading), matrix otherwise. */
export function defaultForm(network: NetworkSpec): FormOption {
  return parameterCount(network) <= SMALL_NETWORK_PARAMETERS && network.input.length <= 4 ? 'both' : 'matrix';
}

export function buildTrace(solution: Solution, options: TraceOptions = {}): Trace {
  const { network } = solution;
  const form = options.form ?? defaultForm(network);
  const forms: Form[] = form === 'both' ? ['scalar', 'matrix'] : [form];
  const nt: Notation = { layout: network.layout, batch: network.input.length, after: false };
  const ntAfter: Notation = { ...nt, after: true };
  const pass: Pass = {
    network,
    preactivations: solution.layers.map((r) => r.preactivation),
    outputs: solution.layers.map((r) => r.output),
  };
  const given = new Set(options.givenOutputs?.keys() ?? []);

  const passAfter: Pass = {
    network: solution.updated,
    preactivations: solution.after.preactivations,
    outputs: solution.after.outputs,
  };
  const improvement: Value = sub(solution.loss, solution.lossAfter);

  const sections: TraceSection[] = [];
  for (const f of forms) {
    sections.push({
      kind: 'forward',
      form: f,
      steps: f === 'scalar' ? forwardSteps(nt, pass, given) : forwardMatrixSteps(nt, pass),
    });
  }
  sections.push({
    kind: 'loss',
    form: 'scalar',
    steps: lossSteps(nt, pass, solution.sampleLosses, solution.loss, solution.regularization),
  });
  for (const f of forms) {
    sections.push({
      kind: 'backward',
      form: f,
      steps: f === 'scalar' ? backwardSteps(nt, solution, pass) : backwardMatrixSteps(nt, solution, pass),
    });
  }
  for (const f of forms) {
    sections.push({
      kind: 'update',
      form: f,
      steps: f === 'scalar' ? updateSteps(nt, solution) : updateMatrixSteps(solution),
    });
  }
  // After the update the forward pass is shown once: element by element only when asked for scalars.
  const afterForm: Form = form === 'scalar' ? 'scalar' : 'matrix';
  sections.push({
    kind: 'after',
    form: afterForm,
    steps: [
      ...(afterForm === 'scalar' ? forwardSteps(ntAfter, passAfter) : forwardMatrixSteps(ntAfter, passAfter)),
      ...lossSteps(ntAfter, passAfter, solution.sampleLossesAfter, solution.lossAfter, solution.regularizationAfter),
      improvementStep(solution.loss, solution.lossAfter, improvement),
    ],
  });
  return { form, sections };
}
