// The worked steps of a variant's asks as an HTML fragment for an LMS's general feedback: for each
// number asked, the steps of the exercise's own worked solution (the document the solutions sheet
// prints) that compute it — the cell's own step, else every step of its quantity — set by the HTML
// renderer with MathML math. A quantity no step shows on its own gets its hints (the formula, then
// the numbers). Step ids are prefixed by question and variant: questions shown on one page never
// share an id.
import { graphDocument } from '../document/graph';
import type { Block, DocSection, DocStep, WorkedDocument } from '../document/model';
import { solveGraphExercise, solveNetworkExercise } from '../exercises/solve-exercise';
import { isGraphAsk, isGraphFile, isSymbolicAsk, type Ask, type Exercise } from '../exercises/types';
import { renderHtmlFragment } from '../render/html';
import { networkDocument } from '../render/worked';
import { pick, type Lang } from '../text/lang';
import { WORDS } from './words';

function solutionDocument(exercise: Exercise, lang: Lang): WorkedDocument | null {
  const name = exercise.template;
  if (exercise.network === null) return null;
  if (isGraphFile(exercise.network)) return graphDocument(solveGraphExercise(exercise), { lang, name });
  const { solution, given } = solveNetworkExercise(exercise);
  return networkDocument(solution, { lang, name, givenOutputs: given });
}

const stepsIn = (doc: WorkedDocument): DocStep[] =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'step' ? [b.step] : [])));

/** The steps that compute an ask: a graph node's step; a network cell's scalar step, else its quantity's. */
function stepsFor(exercise: Exercise, ask: Ask, steps: readonly DocStep[]): DocStep[] {
  if (isSymbolicAsk(ask)) return [];
  if (isGraphAsk(ask)) {
    if (!isGraphFile(exercise.network)) return [];
    const node = ask.quantity === 'value' ? exercise.network.graph.output : ask.node;
    const section = ask.quantity === 'gradients' ? 'g-' : 'f-';
    return steps.filter((s) => s.id.startsWith(section) && s.label[0] === node);
  }
  const layer = ask.layer === undefined ? '' : String(ask.layer);
  const mine = steps.filter((s) => s.data?.quantity === ask.quantity && s.data?.layer === layer);
  if (ask.index) {
    const index = ask.index.join(',');
    const cell = mine.filter((s) => s.data?.form === 'scalar' && s.data?.index === index);
    if (cell.length > 0) return cell;
  }
  const matrix = mine.filter((s) => s.data?.form === 'matrix');
  return ask.index === undefined && matrix.length > 0 ? matrix : mine;
}

export function workedStepsDocument(exercise: Exercise, lang: Lang): WorkedDocument {
  const doc = solutionDocument(exercise, lang);
  const steps = doc === null ? [] : stepsIn(doc);
  const sections = exercise.asks
    .filter((ask) => !isSymbolicAsk(ask))
    .map((ask): DocSection => {
      let blocks: Block[] = stepsFor(exercise, ask, steps).map((step) => ({ kind: 'step', step }));
      if (blocks.length === 0)
        blocks = (exercise.hints[ask.id] ?? []).map((h): Block => ({ kind: 'paragraph', text: [h] }));
      return { id: ask.id, title: pick(WORDS.workedStep(ask.id), lang), blocks };
    });
  return { lang, title: '', subtitle: null, sections };
}

/** Each numeric ask's worked steps as an HTML fragment, by ask id. */
export async function workedStepsFragments(
  exercise: Exercise,
  n: number,
  variant: string,
  lang: Lang,
): Promise<Record<string, string>> {
  const doc = workedStepsDocument(exercise, lang);
  const out: Record<string, string> = {};
  for (const section of doc.sections)
    out[section.id] = await renderHtmlFragment({ ...doc, sections: [section] }, { idPrefix: `q${n}-${variant}-` });
  return out;
}
