// The worked steps of a variant's asks as an HTML fragment for an LMS's general feedback: for each
// number asked, the steps of the exercise's own worked solution (the document the solutions sheet
// prints) that compute it — the cell's own step, else every step of its quantity — set by the HTML
// renderer with MathML math. A quantity no step shows on its own gets its hints (the formula, then
// the numbers). Step ids are prefixed by question and variant: questions shown on one page never
// share an id.
import { graphDocument } from '../document/graph';
import type { Block, DocSection, WorkedDocument } from '../document/model';
import { stepsForAsk, stepsIn } from '../exercises/ask-steps';
import { solveGraphExercise, solveNetworkExercise } from '../exercises/solve-exercise';
import { isGraphFile, isSymbolicAsk, type Exercise } from '../exercises/types';
import { renderHtmlFragment } from '../render/html';
import { networkDocument, trainingDocument } from '../render/worked';
import { exerciseTraining, stepsOf } from '../exercises/later-steps';
import { pick, type Lang } from '../text/lang';
import { WORDS } from './words';

function solutionDocument(exercise: Exercise, lang: Lang): WorkedDocument | null {
  const name = exercise.template;
  if (exercise.network === null) return null;
  if (isGraphFile(exercise.network)) return graphDocument(solveGraphExercise(exercise), { lang, name });
  const { spec, solution, given } = solveNetworkExercise(exercise);
  if (stepsOf(spec) > 1)
    return trainingDocument(exerciseTraining(spec, solution), { lang, name, form: 'both', givenOutputs: given });
  return networkDocument(solution, { lang, name, givenOutputs: given });
}

export function workedStepsDocument(exercise: Exercise, lang: Lang): WorkedDocument {
  const doc = solutionDocument(exercise, lang);
  const steps = doc === null ? [] : stepsIn(doc);
  const sections = exercise.asks
    .filter((ask) => !isSymbolicAsk(ask))
    .map((ask): DocSection => {
      let blocks: Block[] = stepsForAsk(exercise, ask, steps).map((step) => ({ kind: 'step', step }));
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
