// The practice page's script (bundled for the browser): reads the exercises from the page, grades an
// ask when Enter is pressed in its input, with the same parser and grader as `check`.
import { gradingContext, type GradingContext } from '../grader/context';
import { parseExercise } from '../grader/exercise-file';
import { gradeExercise } from '../grader/grade';
import { exerciseResultsJson } from '../grader/render';
import type { Lang } from '../text/lang';

interface Question {
  readonly ctx: GradingContext;
}

function start(): void {
  const data = document.getElementById('exercises');
  if (data === null) return;
  const lang: Lang = document.documentElement.lang === 'ja' ? 'ja' : 'en';
  const exercises = JSON.parse(data.textContent ?? '[]') as unknown[];
  const questions: Question[] = exercises.map((exercise) => {
    const loaded = parseExercise(JSON.stringify(exercise));
    return { ctx: gradingContext(loaded.exercise, { tolerances: loaded.tolerances }) };
  });
  const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-question][data-ask]')];

  const grade = (n: number): void => {
    const question = questions[n - 1];
    if (question === undefined) return;
    const mine = inputs.filter((i) => i.dataset.question === String(n) && i.value.trim() !== '');
    const answers = new Map(mine.map((i) => [i.dataset.ask!, i.value]));
    let results: ReturnType<typeof exerciseResultsJson>['results'];
    try {
      results = exerciseResultsJson(gradeExercise(question.ctx, answers), lang).results;
    } catch (error) {
      // The grader's limits (a number too large to work with) come as RangeError, as on the command line.
      if (!(error instanceof RangeError)) throw error;
      results = mine.map((i) => ({ ask: i.dataset.ask!, status: 'invalid', feedback: error.message }) as never);
    }
    for (const r of results) {
      if (!answers.has(r.ask)) continue;
      const out = document.querySelector<HTMLElement>(`[data-result][data-question="${n}"][data-ask="${r.ask}"]`);
      if (out === null) continue;
      out.dataset.status = r.status;
      out.textContent = r.feedback;
    }
  };

  for (const input of inputs) {
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      grade(Number(input.dataset.question));
    });
  }
}

start();
