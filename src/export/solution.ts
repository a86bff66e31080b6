// A variant's worked solution of one question as an HTML fragment for an LMS's feedback: the sections
// the solutions sheet prints for it (src/sets/documents.ts), set by the HTML renderer with MathML math.
// Ids are prefixed by the variant, so that several questions shown on one page never share one.
import type { Exercise } from '../exercises/types';
import { renderHtmlFragment } from '../render/html';
import { questionSolution } from '../sets/documents';
import type { Lang } from '../text/lang';

export async function solutionFragment(exercise: Exercise, n: number, variant: string, lang: Lang): Promise<string> {
  const sections = questionSolution(exercise, n, lang);
  return renderHtmlFragment({ lang, title: '', subtitle: null, sections }, { idPrefix: `${variant}-` });
}
