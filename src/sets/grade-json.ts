// `grade --format json`, a fixed contract: {"students": [{"id", "total", "max", "questions": [{"score",
// "results": [<check results>]}]}], "questions": [{"mean", "misconceptions": {id: count}}]}. The
// results are those `check --format json` prints for the same answers. A student without a row of
// answers has "total": null and no questions; a question no one was graded on has "mean": null.
import { exerciseResultsJson } from '../grader/render';
import type { Lang } from '../text/lang';
import type { Gradebook } from './gradebook';

export function gradebookJson(book: Gradebook, lang: Lang) {
  return {
    students: book.students.map((s) => ({
      id: s.id,
      total: s.total,
      max: s.max,
      questions: (s.questions ?? []).map((q) => ({
        score: q.score,
        results: exerciseResultsJson(q.results, lang).results,
      })),
    })),
    questions: book.questions.map((q) => ({
      mean: q.mean,
      misconceptions: Object.fromEntries(q.misconceptions),
    })),
  };
}
