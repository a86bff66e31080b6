// The class report (grade --report): one document of the shared model, so the HTML renderer makes it
// one self-contained printable page and escapes every name, id and answer in it. It shows the mean
// and the distribution of each question as charts (inline SVG), the misconceptions the grader found
// most often in each question with what they are and the right way, the students sorted by total,
// and every row of the responses that was not graded, with its line.
import { misconception, type MisconceptionId } from '../grader/misconceptions';
import type { Block, DocSection, WorkedDocument } from '../document/model';
import { pick, type Lang } from '../text/lang';
import { distributionChart, meansChart } from './charts';
import type { Gradebook, StudentGrade } from './gradebook';
import type { Problem } from './responses';
import { REPORT_WORDS as W } from './words';

/** How many misconceptions a question lists. */
export const TOP_MISCONCEPTIONS = 3;

const p = (s: string): Block => ({ kind: 'paragraph', text: [s] });
const shown = (x: number) => String(Math.round(x * 100) / 100);

/** By total, highest first; ties by id; students without answers last. */
export function byTotal(students: readonly StudentGrade[]): StudentGrade[] {
  return [...students].sort(
    (a, b) =>
      (b.total ?? Number.NEGATIVE_INFINITY) - (a.total ?? Number.NEGATIVE_INFINITY) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function questionBlocks(book: Gradebook, lang: Lang): Block[] {
  const blocks: Block[] = [];
  for (const q of book.questions) {
    blocks.push({ kind: 'heading', text: [pick(W.questionHeading(q.number, q.max), lang)] });
    blocks.push(p(q.mean === null ? pick(W.noneGraded, lang) : pick(W.mean(shown(q.mean), q.max), lang)));
    blocks.push({
      kind: 'figure',
      id: `distribution-${q.number}`,
      svg: distributionChart(pick(W.distributionTitle(q.number), lang), q.scores, q.max),
      alt: pick(W.distributionTitle(q.number), lang),
      caption: [pick(W.distributionCaption, lang)],
    });
    blocks.push(p(pick(W.misconceptions, lang)));
    const top = q.misconceptions.slice(0, TOP_MISCONCEPTIONS);
    if (top.length === 0) blocks.push(p(pick(W.noMisconceptions, lang)));
    else
      blocks.push({
        kind: 'list',
        items: top.map(([id, count]) => {
          const m = misconception(id as MisconceptionId);
          // The right way in the question's own terms (its loss, its layout) where the mistake says them.
          const formula = q.network && m.step.formulaFor ? m.step.formulaFor(q.network) : m.step.formula;
          const words = `${pick(m.words, lang)}${pick(W.rightWay, lang)}${pick(formula, lang)}`;
          return [`${pick(W.misconception(id, count), lang)}${words}`];
        }),
      });
  }
  return blocks;
}

function studentsTable(book: Gradebook, lang: Lang): Block {
  const sorted = byTotal(book.students);
  return {
    kind: 'table',
    header: [
      [pick(W.rank, lang)],
      [pick(W.id, lang)],
      [pick(W.name, lang)],
      [pick(W.code, lang)],
      ...book.questions.map((q) => [pick(W.question(q.number), lang)]),
      [pick(W.total, lang)],
    ],
    rows: sorted.map((s, i) => [
      [s.total === null ? '' : String(i + 1)],
      [s.id],
      [s.name],
      [s.code],
      ...(s.questions?.map((q) => [shown(q.score)]) ?? book.questions.map(() => [''])),
      [s.total === null ? pick(W.absent, lang) : `${shown(s.total)} / ${s.max}`],
    ]),
  };
}

export function reportDocument(book: Gradebook, problems: readonly Problem[], lang: Lang): WorkedDocument {
  const graded = book.students.filter((s) => s.total !== null);
  const max = Math.max(0, ...book.students.map((s) => s.max));
  const mean = graded.length === 0 ? null : graded.reduce((sum, s) => sum + s.total!, 0) / graded.length;
  const summary = [pick(W.graded(graded.length, book.students.length), lang)];
  if (mean !== null) summary.push(pick(W.meanTotal(shown(mean), max), lang));
  const sections: DocSection[] = [
    {
      id: 'questions',
      title: pick(W.questions, lang),
      blocks: [
        {
          kind: 'figure',
          id: 'means',
          svg: meansChart(
            pick(W.meansTitle, lang),
            book.questions.map((q) => ({ name: pick(W.question(q.number), lang), mean: q.mean, max: q.max })),
          ),
          alt: pick(W.meansTitle, lang),
          caption: [pick(W.meansCaption, lang)],
        },
        ...questionBlocks(book, lang),
      ],
    },
    { id: 'students', title: pick(W.students, lang), blocks: [studentsTable(book, lang)] },
  ];
  if (problems.length > 0)
    sections.push({
      id: 'problems',
      title: pick(W.problems, lang),
      blocks: [
        {
          kind: 'list',
          items: problems.map((pr) => [`${pr.line === null ? '' : pick(W.line(pr.line), lang)}${pick(pr.text, lang)}`]),
        },
      ],
    });
  return {
    lang,
    title: `${book.title} — ${pick(W.report, lang)}`,
    subtitle: [summary.join(' · ')],
    sections,
  };
}
