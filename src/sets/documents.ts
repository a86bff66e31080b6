// The printed parts of an exam as documents of the shared model (src/document), so that every
// renderer (Markdown, LaTeX, HTML, PDF) sets them: the worksheet (questions and room to write), the key
// (every answer) and the worked solutions (from the worked-solution builders). The class files put
// one student per section, and every section starts a new page when printed; in the worked solutions
// each question starts a new page.
import type { Block, DocSection, WorkedDocument } from '../document/model';
import { graphDocument } from '../document/graph';
import { solveGraphExercise, solveNetworkExercise } from '../exercises/solve-exercise';
import { isGraphFile, type Exercise, type ExpectedValue, type Lang, type SymbolicExpected } from '../exercises/types';
import type { JsonValue } from '../number/json';
import { Decimal } from '../number/value';
import { networkDocument } from '../render/worked';
import { pick } from '../text/lang';
import type { Exam } from './exam';
import type { ExerciseSet } from './types';
import { WORDS } from './words';

const p = (s: string): Block => ({ kind: 'paragraph', text: [s] });

/** The prompt as fixed-width lines: its matrices are aligned with spaces. */
function promptBlocks(exercise: Exercise): Block[] {
  return [{ kind: 'preformatted', lines: exercise.prompt.split('\n') }];
}

/** Who the sheet is for and its code; a key regenerated from its code alone (no id, no name) says only the code. */
const who = (exam: Exam, lang: Lang): string =>
  exam.student.name === '' && exam.student.id === exam.code
    ? pick(WORDS.code(exam.code), lang)
    : `${pick(WORDS.student(exam.student.name, exam.student.id), lang)} · ${pick(WORDS.code(exam.code), lang)}`;

const header = (exam: Exam, lang: Lang): Block[] => [p(who(exam, lang))];

const total = (exam: Exam) => exam.questions.reduce((sum, q) => sum + q.points, 0);

function worksheetSection(set: ExerciseSet, exam: Exam, n: number): DocSection {
  const lang = set.lang;
  const blocks: Block[] = [
    ...header(exam, lang),
    p(pick(WORDS.nameLine, lang)),
    p(pick(WORDS.total(total(exam)), lang)),
  ];
  exam.questions.forEach((q, i) => {
    blocks.push({ kind: 'heading', text: [pick(WORDS.question(i + 1, q.points), lang)] });
    blocks.push(...promptBlocks(q.exercise));
    for (const ask of q.exercise.asks)
      blocks.push(p(`${pick(WORDS.answer(ask.id), lang)}______________________________________________`));
  });
  return { id: `worksheet-${n}`, title: `${set.title} — ${exam.student.id}`, blocks };
}

const isSymbolic = (v: ExpectedValue): v is SymbolicExpected =>
  !Array.isArray(v) && typeof v === 'object' && v !== null && 'expression' in v;

/** A value's LaTeX, with its decimal when the exact form is a fraction or irrational. */
function valueLatex(v: JsonValue): string {
  if (v.exact !== null && !v.exact.includes('/')) return v.latex;
  const decimal = new Decimal(v.approx);
  const short = decimal.toSignificantDigits(9);
  // A fraction with a short decimal (7/10) is equal to it; any other value is only close.
  return `${v.latex} ${short.equals(decimal) ? '=' : '\\approx'} ${short.toString()}`;
}

function expectedLatex(v: ExpectedValue): string {
  if (isSymbolic(v)) return v.latex;
  if (!Array.isArray(v)) return valueLatex(v as JsonValue);
  const rows = (v as readonly (JsonValue | readonly JsonValue[])[]).map((row) =>
    Array.isArray(row) ? (row as readonly JsonValue[]).map((c) => c.latex).join(' & ') : (row as JsonValue).latex,
  );
  return `\\begin{pmatrix}${rows.join(' \\\\ ')}\\end{pmatrix}`;
}

function keySection(set: ExerciseSet, exam: Exam, n: number): DocSection {
  const lang = set.lang;
  const blocks: Block[] = [...header(exam, lang), p(pick(WORDS.total(total(exam)), lang))];
  exam.questions.forEach((q, i) => {
    blocks.push({ kind: 'heading', text: [pick(WORDS.question(i + 1, q.points), lang)] });
    blocks.push({
      kind: 'list',
      items: q.exercise.asks.map((ask) => [`${ask.id}: `, { math: expectedLatex(q.exercise.expected[ask.id]) }]),
    });
  });
  return { id: `key-${n}`, title: `${set.title} — ${pick(WORDS.key, lang)} — ${exam.student.id}`, blocks };
}

const one = (set: ExerciseSet, what: string, section: DocSection): WorkedDocument => ({
  lang: set.lang,
  title: `${set.title} — ${what}`,
  subtitle: null,
  sections: [section],
});

export const worksheetDocument = (set: ExerciseSet, exam: Exam) =>
  one(set, pick(WORDS.worksheet, set.lang), worksheetSection(set, exam, 1));
export const keyDocument = (set: ExerciseSet, exam: Exam) =>
  one(set, pick(WORDS.key, set.lang), keySection(set, exam, 1));

/** The whole class in one print file: a section (a new page) per student. */
export function classDocument(set: ExerciseSet, exams: readonly Exam[], kind: 'worksheets' | 'keys'): WorkedDocument {
  const lang = set.lang;
  return {
    lang,
    title: `${set.title} — ${pick(kind === 'keys' ? WORDS.key : WORDS.worksheet, lang)}`,
    subtitle: null,
    sections: exams.map((exam, i) =>
      kind === 'keys' ? keySection(set, exam, i + 1) : worksheetSection(set, exam, i + 1),
    ),
  };
}

/** Ids unique across the questions: `q2-` before every section, step and figure id. */
function prefixed(prefix: string, sections: readonly DocSection[]): DocSection[] {
  return sections.map((section) => ({
    ...section,
    id: `${prefix}${section.id}`,
    blocks: section.blocks.map((b): Block => {
      if (b.kind === 'step') return { ...b, step: { ...b.step, id: `${prefix}${b.step.id}` } };
      if (b.kind === 'figure') return { ...b, id: `${prefix}${b.id}` };
      return b;
    }),
  }));
}

/** Asked quantities that no worked step computes by name: both are read off the backward pass. */
const WITHOUT_STEPS: Readonly<Record<string, string>> = { softmax_jacobian: 'backward', grad_input: 'backward' };

/**
 * A network question's worked solution stops after the stage where its last answer is computed: a
 * forward-pass question has no backward pass, a delta question no update (about half of a class's
 * solutions, which students read and teachers print). A stage is a section and its other form
 * (`backward-scalar`, `backward-matrix`); an answer's stage is the first whose steps compute its
 * quantity, as the trace names them. A question of a later step, or whose quantity no stage computes,
 * is kept whole.
 */
function upToAnswers(exercise: Exercise, sections: readonly DocSection[]): readonly DocSection[] {
  const asks = exercise.asks as readonly { readonly quantity: string; readonly step?: number }[];
  if (asks.some((ask) => (ask.step ?? 1) !== 1)) return sections;
  const stageNames = sections.map((s) => s.id.replace(/-(scalar|matrix)$/, ''));
  const stage = (i: number) => stageNames.indexOf(stageNames[i]);
  const stageOf = (quantity: string) => {
    const without = WITHOUT_STEPS[quantity];
    if (without !== undefined) return stageNames.indexOf(without);
    const i = sections.findIndex((s) => s.blocks.some((b) => b.kind === 'step' && b.step.data?.quantity === quantity));
    return i < 0 ? -1 : stage(i);
  };
  const stages = asks.map((ask) => stageOf(ask.quantity));
  if (stages.some((i) => i < 0)) return sections;
  const last = Math.max(...stages);
  return sections.filter((_, i) => stage(i) <= last);
}

/** One question's worked solution: the network's or graph's worked document, or the model formula. */
function questionSolution(exercise: Exercise, n: number, lang: Lang): DocSection[] {
  const title = pick(WORDS.questionShort(n), lang);
  const name = title;
  let sections: readonly DocSection[];
  if (exercise.network === null) {
    sections = [
      {
        id: 'formula',
        title: pick(WORDS.modelAnswer, lang),
        blocks: [
          ...promptBlocks(exercise),
          {
            kind: 'list',
            items: exercise.asks.map((ask) => [`${ask.id}: `, { math: expectedLatex(exercise.expected[ask.id]) }]),
          },
          { kind: 'heading', text: [pick(WORDS.hints, lang)] },
          {
            kind: 'list',
            items: exercise.asks.flatMap((ask) => (exercise.hints[ask.id] ?? []).map((h) => [`${ask.id}: ${h}`])),
          },
        ],
      },
    ];
  } else if (isGraphFile(exercise.network)) {
    sections = graphDocument(solveGraphExercise(exercise), { lang, name }).sections;
  } else {
    const { solution, given } = solveNetworkExercise(exercise);
    // The derivations appendix is the same for every question; the solutions keep to the steps.
    sections = upToAnswers(
      exercise,
      networkDocument(solution, { lang, name, givenOutputs: given }).sections.filter((s) => s.id !== 'appendix'),
    );
  }
  // A question starts a page and its parts follow on: a page per part left most pages half empty.
  return prefixed(`q${n}-`, sections).map((s, i) => ({
    ...s,
    title: `${title}: ${s.title}`,
    ...(i > 0 ? { newPage: false } : {}),
  }));
}

export function solutionsDocument(set: ExerciseSet, exam: Exam): WorkedDocument {
  const lang = set.lang;
  return {
    lang,
    title: `${set.title} — ${pick(WORDS.solutions, lang)}`,
    subtitle: [who(exam, lang)],
    sections: exam.questions.flatMap((q, i) => questionSolution(q.exercise, i + 1, lang)),
  };
}

/** A lost key regenerated (`backprop-tutor key CODE`): the key, then the worked solutions, in one document. */
export function keyAndSolutionsDocument(set: ExerciseSet, exam: Exam): WorkedDocument {
  const lang = set.lang;
  return {
    lang,
    title: `${set.title} — ${pick(WORDS.key, lang)}`,
    subtitle: [pick(WORDS.code(exam.code), lang)],
    sections: [keySection(set, exam, 1), ...solutionsDocument(set, exam).sections],
  };
}
