// Which steps of an exercise's worked solution compute one ask: the one home of that choice, read by
// the quiz's `steps`, the practice page's worked step after a miss and the LMS export's feedback.
import type { DocStep, WorkedDocument } from '../document/model';
import { isGraphAsk, isGraphFile, isGraphStepAsk, isSymbolicAsk, type Ask, type Exercise } from './types';

/** Every step of a worked document, in order. */
export const stepsIn = (doc: WorkedDocument): DocStep[] =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'step' ? [b.step] : [])));

/** The steps that compute an ask: a graph node's step; a network cell's scalar step, else its quantity's. */
export function stepsForAsk(exercise: Exercise, ask: Ask, steps: readonly DocStep[]): DocStep[] {
  if (isSymbolicAsk(ask)) return [];
  if (isGraphAsk(ask)) {
    if (!isGraphFile(exercise.network)) return [];
    if (isGraphStepAsk(ask)) {
      // x_k: the gradient at x_(k−1) and the update; f(x_k): the output at the point reached.
      const step = String(ask.step);
      const node = ask.quantity === 'input_after' ? ask.node : null;
      return steps.filter(
        (s) =>
          s.data?.step === step &&
          (node === null
            ? s.data.quantity === 'value_after'
            : (s.data.quantity === 'input_after' || s.data.quantity === 'gradient_at') && s.data.node === node),
      );
    }
    const node = ask.quantity === 'value' ? exercise.network.graph.output : ask.node;
    const section = ask.quantity === 'gradients' ? 'g-' : 'f-';
    return steps.filter((s) => s.id.startsWith(section) && s.label[0] === node);
  }
  const layer = ask.layer === undefined ? '' : String(ask.layer);
  // Later steps of a training document carry their step in the id ("step-2-…"); step 1's do not.
  const k = ask.step ?? 1;
  const ofStep = (s: DocStep) => (k === 1 ? !/^step-\d+-/.test(s.id) : s.id.startsWith(`step-${k}-`));
  const mine = steps.filter((s) => s.data?.quantity === ask.quantity && s.data?.layer === layer && ofStep(s));
  if (ask.index) {
    const index = ask.index.join(',');
    const cell = mine.filter((s) => s.data?.form === 'scalar' && s.data?.index === index);
    if (cell.length > 0) return cell;
  }
  const matrix = mine.filter((s) => s.data?.form === 'matrix');
  return ask.index === undefined && matrix.length > 0 ? matrix : mine;
}
