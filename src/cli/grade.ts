// `backprop-tutor grade DIR/key.json --responses answers.csv [--out grades.csv] [--report report.html]
// [--format text|json|csv] [--lang en|ja]`: the class graded by the grader. Problems with rows of the
// responses go to stderr with their line; the rest is graded and written. Exit 0 whenever it graded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname } from 'node:path';
import { escapeTerminal } from '../text/escape';
import { pick, type Lang, type Text } from '../text/lang';
import { gradebookJson } from '../sets/grade-json';
import { gradeClass, type Gradebook } from '../sets/gradebook';
import { gradesCsv } from '../sets/grades-csv';
import { loadKey } from '../sets/key-file';
import { loadResponses } from '../sets/responses';
import { GRADE } from './commands';
import { GRADE as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

const shown = (x: number) => String(Math.round(x * 100) / 100);

function summary(book: Gradebook, lang: Lang): string {
  const graded = book.students.filter((s) => s.total !== null).length;
  const lines = [pick(WORDS.graded(graded, book.students.length), lang)];
  const width = Math.max(...book.students.map((s) => s.id.length));
  for (const s of book.students) {
    const score = s.total === null ? pick(WORDS.absent, lang) : `${shown(s.total)}/${s.max}`;
    lines.push(`  ${s.id.padEnd(width)}  ${score.padStart(9)}  ${escapeTerminal(s.name)}`);
  }
  lines.push(pick(WORDS.means, lang));
  for (const q of book.questions) lines.push(`  q${q.number}: ${q.mean === null ? '–' : shown(q.mean)}/${q.max}`);
  return `${lines.join('\n')}\n`;
}

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export async function gradeCommand(args: string[]): Promise<number> {
  // A class is seconds to minutes of work, not the fraction of a second main.ts turns V8's optimising
  // compiler off for: with it back on, KaTeX and the engine run about a quarter faster here.
  setFlagsFromString('--opt');
  const { values, positionals } = parseCommand(GRADE, args);
  if (values.responses === undefined) throw new UsageError(WORDS.needResponses);
  const key = loadKey(positionals[0]);
  // The report and the results speak the set's language unless --lang asks for another, as the sheets
  // do; the messages on stderr are the CLI's own (English unless --lang or BACKPROP_TUTOR_LANG says).
  const lang: Lang = values.lang ?? key.students[0].questions[0].loaded.exercise.lang;
  const messages: Lang = values.lang ?? 'en';
  const say = (message: Text) => process.stderr.write(`backprop-tutor: ${escapeTerminal(pick(message, messages))}\n`);
  const responses = loadResponses(values.responses, key);
  for (const problem of responses.problems)
    say(WORDS.problem(values.responses, problem.line, pick(problem.text, messages)));
  const book = gradeClass(key, responses);

  if (values.out !== undefined) {
    writeFile(values.out, gradesCsv(book));
    say(WORDS.wrote(values.out));
  }
  if (values.report !== undefined) {
    const { reportDocument } = await import('../sets/report');
    const { renderDocument } = await import('../render/worked');
    writeFile(values.report, (await renderDocument(reportDocument(book, responses.problems, lang), 'html')) as string);
    say(WORDS.wrote(values.report));
  }
  const out =
    values.format === 'json'
      ? `${JSON.stringify(gradebookJson(book, lang), null, 2)}\n`
      : values.format === 'csv'
        ? gradesCsv(book)
        : summary(book, lang);
  process.stdout.write(out);
  return 0;
}
