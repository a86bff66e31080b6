// Moodle XML (question bank import): per question of the set a category
// `$course$/top/<set title>/<Question n>` holding one Cloze question per variant. Each numeric ask is
// a NUMERICAL sub-question (a table of them for a vector or matrix) whose answer and tolerance come
// from tolerance.ts; the weights give every ask an equal share of the question, split over its cells;
// the hint with the variant's numbers is each sub-question's feedback and the worked steps of the
// asks (solution.ts) are the question's general feedback. A quiz draws one variant per student with
// "random question" from the category. The XML is built by xmlbuilder2 (texts kept literal: xml-text.ts).
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { pick, type Lang } from '../text/lang';
import { integerWeights, type NumericAsk } from './blanks';
import { clozeText, numericalSubquestion } from './cloze';
import type { ExportQuestion, ExportSet, ExportVariant } from './questions';
import { WORDS } from './words';
import { legal, literal } from './xml-text';

/** Moodle's category path separator is `/`; a slash inside a name is written twice. */
const categoryName = (name: string) => name.replace(/\//g, '//');

/** HTML as Moodle writes it, in CDATA (readable, smaller); as escaped text if it holds the CDATA end. */
function html(parent: XMLBuilder, content: string): void {
  const text = parent.ele('text');
  if (content.includes(']]>')) text.txt(literal(content));
  else text.dat(legal(content));
}

/** Moodle's default penalty for each wrong try in interactive modes. */
const PENALTY = '0.3333333';

function askHtml(ask: NumericAsk, weights: ReadonlyMap<string, bigint>, feedback: string, lang: Lang): string {
  const field = (b: NumericAsk['blanks'][number]) =>
    numericalSubquestion(weights.get(`${b.ask}/${b.cell.join(',')}`) ?? 1n, b.key, feedback);
  const label = clozeText(pick(WORDS.answerFor(ask.id), lang));
  if (ask.shape.length === 0) return `<p>${label} ${field(ask.blanks[0])}</p>`;
  // A vector is one row, as the prompts write it: (0.1, 0).
  const columns = ask.shape.length === 1 ? ask.shape[0] : ask.shape[1];
  const rows: string[] = [];
  for (let r = 0; r < ask.blanks.length / columns; r++)
    rows.push(
      `<tr>${ask.blanks
        .slice(r * columns, (r + 1) * columns)
        .map((b) => `<td>${field(b)}</td>`)
        .join('')}</tr>`,
    );
  return `<p>${label}</p><table>${rows.join('')}</table>`;
}

/** The question's HTML: the prompt as the sheets print it, what to type, and a field per number asked. */
export function clozeQuestionText(variant: ExportVariant, lang: Lang): string {
  const blanks = variant.blanks.asks.flatMap((a) => a.blanks);
  const weights = new Map(
    integerWeights(blanks.map((b) => b.share)).map((w, i) => [`${blanks[i].ask}/${blanks[i].cell.join(',')}`, w]),
  );
  const hint = (id: string) => variant.exercise.hints[id]?.[1] ?? variant.exercise.hints[id]?.[0] ?? '';
  return [
    `<pre>${clozeText(variant.exercise.prompt)}</pre>`,
    `<p><em>${clozeText(pick(WORDS.instructions, lang))}</em></p>`,
    ...variant.blanks.asks.map((ask) => askHtml(ask, weights, hint(ask.id), lang)),
  ].join('\n');
}

function category(quiz: XMLBuilder, set: ExportSet, question: ExportQuestion): void {
  const q = quiz.ele('question', { type: 'category' });
  q.ele('category')
    .ele('text')
    .txt(
      literal(`$course$/top/${categoryName(set.title)}/${categoryName(pick(WORDS.question(question.n), set.lang))}`),
    );
  html(
    q.ele('info', { format: 'html' }),
    `<p>${clozeText(pick(WORDS.category(question.n, question.points, question.variants.length), set.lang))}</p>`,
  );
}

function cloze(quiz: XMLBuilder, set: ExportSet, question: ExportQuestion, variant: ExportVariant): void {
  const q = quiz.ele('question', { type: 'cloze' });
  q.ele('name')
    .ele('text')
    .txt(literal(pick(WORDS.variant(question.n, variant.id, variant.code), set.lang)));
  html(q.ele('questiontext', { format: 'html' }), clozeQuestionText(variant, set.lang));
  html(
    q.ele('generalfeedback', { format: 'html' }),
    variant.blanks.asks.map((a) => variant.steps[a.id] ?? '').join('\n'),
  );
  q.ele('penalty').txt(literal(PENALTY));
  q.ele('hidden').txt(literal('0'));
  q.ele('idnumber').txt(literal(`q${question.n}-${variant.id}-${variant.code}`));
}

export function moodleXml(set: ExportSet): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const quiz = doc.ele('quiz');
  for (const question of set.questions) {
    category(quiz, set, question);
    for (const variant of question.variants) cloze(quiz, set, question, variant);
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
