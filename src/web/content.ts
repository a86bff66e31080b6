// What a practice page shows of each exercise, prepared on the server: the prompt without its list of
// asks (each ask's line becomes the label of its input; stated values typeset by KaTeX), the hints of every ask with their cost, and
// the worked step of every ask typeset with KaTeX, to be revealed in the page after a miss.
import type { Block } from '../document/model';
import type { Exercise } from '../exercises/types';
import { gradingContext } from '../grader/context';
import { parseExercise } from '../grader/exercise-file';
import { hintsFor } from '../grader/hints';
import { htmlBlockRenderer } from '../render/html';
import { pick, type Lang } from '../text/lang';
import { promptHtml } from './prompt';
import { workedStepBlocks } from './worked-step';

export interface PracticeAsk {
  readonly id: string;
  /** The ask's line of the prompt ("∂L/∂b¹₁, the gradient …"), or its id when the prompt has none. */
  readonly label: string;
  readonly hints: readonly { readonly text: string; readonly cost: number }[];
  /** The worked step, HTML typeset by KaTeX (our own markup; every text in it escaped). */
  readonly stepHtml: string;
}

export interface PracticeQuestion {
  readonly exercise: Exercise;
  /** The prompt without the asks' own lines, as HTML: stated values typeset by KaTeX (see prompt.ts). */
  readonly promptHtml: string;
  readonly asks: readonly PracticeAsk[];
}

const askLine = (id: string) => new RegExp(`^\\s+${id.replace(/[-]/g, '\\-')}: (.*)$`);

function splitPrompt(exercise: Exercise): { prompt: string; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  const kept: string[] = [];
  for (const line of exercise.prompt.split('\n')) {
    const ask = exercise.asks.find((a) => !labels.has(a.id) && askLine(a.id).test(line));
    if (ask) labels.set(ask.id, askLine(ask.id).exec(line)![1]);
    else kept.push(line);
  }
  return { prompt: kept.join('\n').trimEnd(), labels };
}

/** The page's content for these exercises, in the language of the page. */
export async function practiceQuestions(exercises: readonly Exercise[], lang: Lang): Promise<PracticeQuestion[]> {
  const questions: PracticeQuestion[] = [];
  for (const [n, exercise] of exercises.entries()) {
    // Step anchors are unique on the page: each question has its own prefix.
    // The worked steps carry MathML for screen readers; the prompt's typeset values need none (they
    // are read from the original line beside them).
    const { block } = await htmlBlockRenderer({ idPrefix: `q${n + 1}-`, mathml: true });
    const { rich } = await htmlBlockRenderer();
    // Read back exactly as the page's script (and `check`) reads the exercise JSON.
    const loaded = parseExercise(JSON.stringify(exercise));
    const ctx = gradingContext(loaded.exercise, { tolerances: loaded.tolerances });
    const steps = workedStepBlocks(ctx);
    const { prompt, labels } = splitPrompt(exercise);
    const asks = loaded.exercise.asks.map((ask) => {
      const blocks: readonly Block[] = steps.get(ask.id) ?? [];
      return {
        id: ask.id,
        label: labels.get(ask.id) ?? ask.id,
        hints: hintsFor(ctx, ask).map((h) => ({ text: pick(h.text, lang), cost: h.cost })),
        stepHtml: blocks.map(block).join('\n'),
      };
    });
    questions.push({ exercise, promptHtml: promptHtml(prompt, (latex) => rich([{ math: latex }])), asks });
  }
  return questions;
}
