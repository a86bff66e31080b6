// The round trip as a teacher makes it, in whole processes (dist/cli.js built for the test): generate
// for a roster, fill in the responses from key.json for five students (all right; all wrong; gradients
// with the sign flipped; other notations and honestly rounded chains; one who handed nothing in),
// grade, and check the gradebook, the JSON and the report. The expected scores come from how each
// answer was made, not from the grader: right answers earn the points, wrong ones nothing. Then `key
// CODE` against key.json, and the hostile names of the roster through the worksheets and the report in
// a real headless Chromium (skipped, with a message, where there is none).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import Fraction from 'fraction.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { misconception } from '../../src/concepts/misconceptions';
import type { Exercise, NetworkAsk } from '../../src/exercises/types';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { honestAnswer } from '../grader/honest-student';

let cli: BuiltCli;
let work: string;

const SET = 'exercises/sets/lecture-deck.yaml';
const HOSTILE = {
  script: '<script>window.pwned=1;alert(1)</script>',
  formula: "=cmd|' /C calc'!A0",
  rtl: '\u202Egnp.exe\u202C Ali \u200F',
};
// right, wrong, sign-flipped, notations, missing.
const ROSTER = [
  '\ufeffid,name',
  `right,"${HOSTILE.script}"`,
  `wrong,"${HOSTILE.formula.replace(/"/g, '""')}"`,
  `flip,"${HOSTILE.rtl}"`,
  'notes,"Sato, Hanako"',
  'gone,Absent Student',
].join('\r\n');

interface JsonValue {
  readonly exact: string | null;
  readonly approx: string;
}
type KeyQuestion = Exercise & { readonly points: number };
interface Key {
  readonly students: readonly { id: string; name: string; code: string; questions: readonly KeyQuestion[] }[];
}

const isValue = (x: unknown): x is JsonValue => x !== null && typeof x === 'object' && 'approx' in (x as object);
const isFormula = (x: unknown): x is { expression: string } =>
  x !== null && typeof x === 'object' && !Array.isArray(x) && 'expression' in (x as object);

/** A right number as a student writes it: the exact fraction, or 10 significant figures of an irrational value. */
const exactText = (v: JsonValue) => v.exact ?? new Decimal(v.approx).toSignificantDigits(10).toString();

/** The same number in another notation: a decimal for a short fraction, a Unicode minus, spaces. */
function otherNotation(v: JsonValue): string {
  if (v.exact === null) return new Decimal(v.approx).toSignificantDigits(6).toString().replace('-', '−');
  const [p, q] = v.exact.split('/');
  const d = q === undefined ? new Decimal(p) : new Decimal(p).div(q);
  const short = d.toSignificantDigits(12);
  const text =
    short.mul(q ?? 1).equals(new Decimal(p)) && short.toString().length < 12 ? short.toString() : `${p} / ${q}`;
  return text.replace(/^-/, '−');
}

function negated(v: JsonValue): string {
  if (v.exact !== null) return v.exact.startsWith('-') ? v.exact.slice(1) : `-${v.exact}`;
  return new Decimal(v.approx).neg().toSignificantDigits(10).toString();
}

function matrixText(x: readonly unknown[], cell: (v: JsonValue) => string, rowsBy: ', ' | '; '): string {
  if (x.every(isValue)) return `[${(x as JsonValue[]).map(cell).join(', ')}]`;
  const rows = (x as JsonValue[][]).map((row) => row.map(cell));
  return rowsBy === ', '
    ? `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`
    : `[${rows.map((r) => r.join(' ')).join('; ')}]`;
}

type Student = 'right' | 'wrong' | 'flip' | 'notes';
const GRADIENT = new Set(['delta', 'grad_weights', 'grad_bias']);

/** What a student typed for one ask, and whether it is made to be right. */
function answer(who: Student, q: KeyQuestion, id: string): { text: string; right: boolean; flipped: boolean } {
  const ask = q.asks.find((a) => a.id === id)!;
  const e = q.expected[id];
  if (isFormula(e)) {
    if (who === 'wrong' || who === 'flip')
      return { text: who === 'wrong' ? '12345' : e.expression, right: who === 'flip', flipped: false };
    return { text: who === 'notes' ? e.expression.replace(/\s+/g, '') : e.expression, right: true, flipped: false };
  }
  if (who === 'wrong') {
    const wrong = (_: JsonValue) => '123456.789';
    return {
      text: Array.isArray(e) ? matrixText(e, wrong, ', ') : wrong(e as JsonValue),
      right: false,
      flipped: false,
    };
  }
  if (
    who === 'flip' &&
    !Array.isArray(e) &&
    GRADIENT.has(ask.quantity) &&
    (e as JsonValue).approx.replace(/[-0.]/g, '') !== ''
  )
    return { text: negated(e as JsonValue), right: false, flipped: true };
  if (who === 'notes') {
    // The lecture network's question asks for values no one computes exactly by hand: rounded on the way.
    if (q.template === 'network-file' && !Array.isArray(e))
      return { text: honestAnswer(q, ask as NetworkAsk, { by: 'figures', n: 4 }, 4).text, right: true, flipped: false };
    return {
      text: Array.isArray(e) ? matrixText(e, otherNotation, '; ') : otherNotation(e as JsonValue),
      right: true,
      flipped: false,
    };
  }
  return {
    text: Array.isArray(e) ? matrixText(e, exactText, ', ') : exactText(e as JsonValue),
    right: true,
    flipped: false,
  };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

let key: Key;
let columns: string[];
/** Per student and question: the points a right answer to each ask earns, summed (made, not graded). */
const made = new Map<string, number[]>();
const flippedAsks = new Map<number, number>();
let grades: string[][];
let json: {
  students: {
    id: string;
    total: number | null;
    max: number;
    questions: { score: number; results: Record<string, unknown>[] }[];
  }[];
  questions: { mean: number | null; misconceptions: Record<string, number> }[];
};
let gradeStderr: string;
const typed = new Map<string, string[]>();

beforeAll(() => {
  cli = buildCli();
  work = mkdtempSync(join(tmpdir(), 'bt-grade-'));
  writeFileSync(join(work, 'roster.csv'), ROSTER);
  const generated = cli.run('generate', SET, '--out', join(work, 'out'), '--roster', join(work, 'roster.csv'));
  expect(generated.status, generated.stderr).toBe(0);
  key = JSON.parse(readFileSync(join(work, 'out/key.json'), 'utf8'));
  columns = readFileSync(join(work, 'out/responses-template.csv'), 'utf8').split('\r\n')[0].split(',');
  const lines = [columns.join(',')];
  // Rows in another order than the key's, with Excel's CRLF.
  for (const who of ['notes', 'flip', 'wrong', 'right'] as Student[]) {
    const student = key.students.find((s) => s.id === who)!;
    const earned = student.questions.map(() => 0);
    const cells = columns.slice(1).map((column) => {
      const [qText, id] = column.split('.');
      const n = Number(qText.slice(1)) - 1;
      const q = student.questions[n];
      if (!q.asks.some((a) => a.id === id)) return '';
      const a = answer(who, q, id);
      if (a.right) earned[n] += 1;
      if (a.flipped) flippedAsks.set(n, (flippedAsks.get(n) ?? 0) + 1);
      return csvCell(a.text);
    });
    made.set(
      who,
      earned.map(
        (right, n) => Math.round((student.questions[n].points * right * 100) / student.questions[n].asks.length) / 100,
      ),
    );
    typed.set(who, cells);
    lines.push([who, ...cells].join(','));
  }
  writeFileSync(join(work, 'answers.csv'), `${lines.join('\r\n')}\r\n`);
  const result = cli.run(
    'grade',
    join(work, 'out/key.json'),
    '--responses',
    join(work, 'answers.csv'),
    '--out',
    join(work, 'grades.csv'),
    '--report',
    join(work, 'report.html'),
    '--format',
    'json',
  );
  expect(result.status, result.stderr).toBe(0);
  gradeStderr = result.stderr;
  json = JSON.parse(result.stdout);
  grades = parse(readFileSync(join(work, 'grades.csv'), 'utf8')) as string[][];
}, 240_000);

afterAll(() => {
  cli?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const maxOf = (id: string) => key.students.find((s) => s.id === id)!.questions.reduce((sum, q) => sum + q.points, 0);

describe('backprop-tutor grade: the round trip', () => {
  test('grades.csv: student_id,name,q1…,total,max in the key order; the scores each student earned', () => {
    const count = key.students[0].questions.length;
    expect(grades[0]).toEqual([
      'student_id',
      'name',
      ...Array.from({ length: count }, (_, i) => `q${i + 1}`),
      'total',
      'max',
    ]);
    expect(grades.slice(1).map((r) => r[0])).toEqual(['right', 'wrong', 'flip', 'notes', 'gone']);
    const row = (id: string) => grades.find((r) => r[0] === id)!;
    const points = key.students[0].questions.map((q) => String(q.points));
    expect(row('right').slice(2)).toEqual([...points, String(maxOf('right')), String(maxOf('right'))]);
    expect(row('notes').slice(2)).toEqual([...points, String(maxOf('notes')), String(maxOf('notes'))]);
    expect(row('wrong').slice(2)).toEqual([...points.map(() => '0'), '0', String(maxOf('wrong'))]);
    const flip = made.get('flip')!;
    expect(row('flip').slice(2, -2).map(Number)).toEqual(flip);
    expect(Number(row('flip').at(-2))).toBeCloseTo(
      flip.reduce((a, b) => a + b, 0),
      9,
    );
    // Handed nothing in: no scores (not zeros), the maximum still there.
    expect(row('gone').slice(2)).toEqual([...points.map(() => ''), '', String(maxOf('gone'))]);
    // The other notations are other texts than the key's in most cells (not the same answers twice).
    const differ = typed.get('notes')!.filter((cell, i) => cell !== '' && cell !== typed.get('right')![i]);
    expect(differ.length).toBeGreaterThan(typed.get('notes')!.filter((c) => c !== '').length / 2);
    // The flipped student lost something in at least two questions, so the test says something.
    expect([...flippedAsks.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
  });

  test('names: a formula start neutralised in the CSV, markup and bidi marks kept as text', () => {
    const row = (id: string) => grades.find((r) => r[0] === id)!;
    expect(row('wrong')[1]).toBe(`'${HOSTILE.formula}`);
    expect(row('right')[1]).toBe(HOSTILE.script);
    expect(row('flip')[1]).toBe(HOSTILE.rtl);
    expect(row('notes')[1]).toBe('Sato, Hanako');
    const raw = readFileSync(join(work, 'grades.csv'), 'utf8');
    expect(raw.split('\r\n').every((line) => !/^[^,]*,[=+\-@]/.test(line))).toBe(true);
  });

  test('--format json: the contract shape, the results check prints, sign flips named', () => {
    expect(Object.keys(json).sort()).toEqual(['questions', 'students']);
    expect(json.students.map((s) => s.id)).toEqual(key.students.map((s) => s.id));
    for (const s of json.students) {
      expect(Object.keys(s)).toEqual(['id', 'total', 'max', 'questions']);
      expect(s.max).toBe(maxOf(s.id));
      for (const q of s.questions) expect(Object.keys(q)).toEqual(['score', 'results']);
    }
    const gone = json.students.find((s) => s.id === 'gone')!;
    expect(gone.total).toBeNull();
    expect(gone.questions).toEqual([]);
    const right = json.students.find((s) => s.id === 'right')!;
    for (const q of right.questions)
      for (const r of q.results) {
        expect(r.status).toBe('correct');
        expect(r.score).toBe(1);
        expect(Object.keys(r).slice(0, 6)).toEqual(['ask', 'status', 'score', 'expected', 'misconception', 'feedback']);
      }
    const flip = json.students.find((s) => s.id === 'flip')!;
    const student = key.students.find((s) => s.id === 'flip')!;
    flip.questions.forEach((q, n) => {
      for (const r of q.results) {
        const a = answer('flip', student.questions[n], r.ask as string);
        if (a.flipped) {
          expect(r.status).toBe('incorrect');
          expect(r.misconceptions).toContain('sign-flip');
        } else expect(r.status).toBe('correct');
      }
    });
    // Per question: the mean over the four graded students, and the misconceptions counted.
    json.questions.forEach((q, n) => {
      const scores = ['right', 'wrong', 'flip', 'notes'].map((id) =>
        id === 'wrong' ? 0 : id === 'flip' ? made.get('flip')![n] : key.students[0].questions[n].points,
      );
      expect(q.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 4, 4);
      const counted = Object.values(q.misconceptions).reduce((a, b) => a + b, 0);
      expect(counted).toBeGreaterThanOrEqual(flippedAsks.get(n) ?? 0);
    });
  });

  test('problems: none for a clean file; the student who handed nothing in is named', () => {
    expect(gradeStderr).toContain('no row for student "gone" (Absent Student): not graded');
    expect(gradeStderr.split('\n').filter((l) => l.includes(':') && /answers\.csv:\d+/.test(l))).toEqual([]);
  });

  test('report.html: self-contained, charts, misconceptions explained, students by total, names escaped', () => {
    const html = readFileSync(join(work, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(?:link|script)[^>]+(?:href|src)=/i);
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&lt;script&gt;window.pwned=1;alert(1)&lt;/script&gt;');
    expect(html).toContain(HOSTILE.formula.replace(/'/g, '&#39;'));
    const charts = html.match(/<svg[^>]*role="img"/g) ?? [];
    expect(charts.length).toBe(1 + key.students[0].questions.length);
    // The sign flip explained in the set's language (the lecture deck is Japanese).
    expect(html).toContain(
      misconception('sign-flip').words.ja.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    // Students by total, highest first, ties by id, the absent last.
    const totals = new Map([
      ['right', maxOf('right')],
      ['notes', maxOf('notes')],
      ['flip', made.get('flip')!.reduce((a, b) => a + b, 0)],
      ['wrong', 0],
    ]);
    const order = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    const section = html.slice(html.indexOf('id="sec-students"'));
    const seen = [...section.matchAll(/<tr><td>\d*<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(seen).toEqual([...order, 'gone']);
  });
});

describe('backprop-tutor grade: same inputs, same bytes', () => {
  test('grades.csv and report.html do not depend on the time or the run', () => {
    const again = cli.run(
      'grade',
      join(work, 'out/key.json'),
      '--responses',
      join(work, 'answers.csv'),
      '--out',
      join(work, 'grades-2.csv'),
      '--report',
      join(work, 'report-2.html'),
    );
    expect(again.status).toBe(0);
    expect(readFileSync(join(work, 'grades-2.csv'))).toEqual(readFileSync(join(work, 'grades.csv')));
    expect(readFileSync(join(work, 'report-2.html'))).toEqual(readFileSync(join(work, 'report.html')));
  });
});

describe('backprop-tutor grade: bad rows reported with their line, the rest graded', () => {
  test('malformed, unknown, duplicate rows and an unknown column; the good row still graded', () => {
    const right = key.students.find((s) => s.id === 'right')!;
    const good = columns.slice(1).map((column) => {
      const [qText, id] = column.split('.');
      const q = right.questions[Number(qText.slice(1)) - 1];
      return q.asks.some((a) => a.id === id) ? csvCell(answer('right', q, id).text) : '';
    });
    const lines = [
      [...columns, 'q99.a1'].join(','),
      ['right', ...good, ''].join(','),
      'wrong,1,2',
      ['nobody', ...good, ''].join(','),
      ['right', ...good, ''].join(','),
      ['bad id!', ...good, ''].join(','),
      '',
      ',,,',
    ];
    const file = join(work, 'messy.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = cli.run('grade', join(work, 'out/key.json'), '--responses', file, '--format', 'csv');
    expect(result.status).toBe(0);
    const err = result.stderr.split('\n');
    expect(err).toContain(
      `backprop-tutor: grade: ${file}:1: column ${columns.length + 1} "q99.a1" is not an ask of the key (expected q1.a1 … q6.aN, as in responses-template.csv); its answers are not graded`,
    );
    expect(err.some((l) => l.startsWith(`backprop-tutor: grade: ${file}:3: malformed row: 3 cells`))).toBe(true);
    expect(err).toContain(`backprop-tutor: grade: ${file}:4: unknown student id "nobody" (not in the key); not graded`);
    expect(err).toContain(
      `backprop-tutor: grade: ${file}:5: a second row for student "right" (the first is on line 2); only the first is graded`,
    );
    expect(err.some((l) => l.startsWith(`backprop-tutor: grade: ${file}:6: malformed row: "bad id!"`))).toBe(true);
    const rows = parse(result.stdout) as string[][];
    expect(rows.find((r) => r[0] === 'right')!.at(-2)).toBe(String(maxOf('right')));
    expect(rows.find((r) => r[0] === 'wrong')!.at(-2)).toBe('');
  });

  test('error carried forward within a question: L − L′ from a wrong L earns its credit', () => {
    // Exercise ③ (train-once) asks L, L′ and L − L′; a student with L off by 1/10 who subtracts right.
    const student = key.students.find((s) => s.id === 'wrong')!;
    const n = student.questions.findIndex((q) => q.template === 'train-once');
    const q = student.questions[n];
    expect(q.asks.map((a) => a.quantity)).toEqual(['loss', 'loss_after', 'loss_improvement']);
    const exact = (id: string) => new Fraction((q.expected[id] as JsonValue).exact!);
    const wrongLoss = exact('a1').add(new Fraction(1, 10));
    const typed = new Map([
      ['a1', wrongLoss.toFraction()],
      ['a2', exact('a2').toFraction()],
      ['a3', wrongLoss.sub(exact('a2')).toFraction()],
    ]);
    const cells = columns.slice(1).map((column) => {
      const [qText, id] = column.split('.');
      return Number(qText.slice(1)) - 1 === n ? (typed.get(id) ?? '') : '';
    });
    const file = join(work, 'carried.csv');
    writeFileSync(file, `${columns.join(',')}\n${['wrong', ...cells].join(',')}\n`);
    const result = cli.run('grade', join(work, 'out/key.json'), '--responses', file, '--format', 'json');
    expect(result.status).toBe(0);
    const graded = JSON.parse(result.stdout).students.find((s: { id: string }) => s.id === 'wrong');
    const results = graded.questions[n].results;
    expect(results.map((r: { status: string; score: number }) => [r.status, r.score])).toEqual([
      ['incorrect', 0],
      ['correct', 1],
      ['incorrect', 1],
    ]);
    expect(results[2].feedback).toContain(wrongLoss.toFraction());
    expect(graded.questions[n].score).toBe(Math.round((q.points * 2 * 100) / 3) / 100);
  });

  test('Japanese messages; a bad key or header is one line, exit 2', () => {
    const file = join(work, 'ja.csv');
    writeFileSync(file, `${columns.join(',')}\nnobody${','.repeat(columns.length - 1)}1\n`);
    const ja = cli.run('grade', join(work, 'out/key.json'), '--responses', file, '--lang', 'ja');
    expect(ja.status).toBe(0);
    expect(ja.stderr).toContain(`${file}:2: 学生 ID "nobody" は解答ファイルにありません。採点しません`);
    writeFileSync(join(work, 'header.csv'), 'id,q1.a1\nright,1\n');
    const header = cli.run('grade', join(work, 'out/key.json'), '--responses', join(work, 'header.csv'));
    expect(header.status).toBe(2);
    expect(header.stderr).toBe(
      `backprop-tutor: ${join(work, 'header.csv')}:1: expected the header student_id,q1.a1,q1.a2,… (as in responses-template.csv)\n`,
    );
    writeFileSync(
      join(work, 'bad-key.json'),
      '{"title": "t", "set_seed": "1",\n "students": [{"id": "a", "name": "", "code": "X", "questions": [{"points": "2", "network": null, "asks": []}]}]}\n',
    );
    const badKey = cli.run('grade', join(work, 'bad-key.json'), '--responses', file);
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toMatch(
      /^backprop-tutor: .*bad-key\.json:2: students\[0\]\.questions\[0\]\.asks: expected at least one ask\n$/,
    );
    const none = cli.run('grade', join(work, 'out/key.json'));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('grade: expected --responses answers.csv');
  });
});

describe('backprop-tutor key CODE --set SET.yaml', () => {
  test("the code on a sheet gives back that student's questions and answers, exactly as key.json has them", () => {
    for (const student of key.students.slice(0, 2)) {
      const worksheet = readFileSync(join(work, 'out', student.id, 'worksheet.html'), 'utf8');
      expect(worksheet).toContain(student.code);
      const result = cli.run('key', student.code.toLowerCase(), '--set', SET, '--format', 'json');
      expect(result.status, result.stderr).toBe(0);
      const back = JSON.parse(result.stdout);
      expect(back.code).toBe(student.code);
      expect(back.questions).toEqual(student.questions);
    }
  });

  test('html: the key and the worked solutions of the variant; text to the terminal', () => {
    const student = key.students[0];
    const out = join(work, 'lost.html');
    expect(cli.run('key', student.code, '--set', SET, '--format', 'html', '--output', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const generated = readFileSync(join(work, 'out', student.id, 'key.html'), 'utf8');
    // Every answer the generated key shows, the regenerated one shows too.
    const answers = (s: string) => [...s.matchAll(/<li>(a\d+: .*?)<\/li>/g)].map((m) => m[1]);
    expect(answers(generated).length).toBeGreaterThan(0);
    expect(answers(html).slice(0, answers(generated).length)).toEqual(answers(generated));
    expect(html).toContain('class="step"');
    const text = cli.run('key', student.code, '--set', SET);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(student.code);
    for (const format of ['md', 'latex']) {
      const out = cli.run('key', student.code, '--set', SET, '--format', format);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toContain(student.code);
      // Every ask of every question has its line in the key.
      const asks = student.questions.reduce((n, q) => n + q.asks.length, 0);
      expect(out.stdout.match(/a\d+: /g)?.length ?? 0).toBeGreaterThanOrEqual(asks);
    }
  });

  test('a bad code, no --set, pdf without --output: one line, exit 2', () => {
    const bad = cli.run('key', 'UUUUUUU', '--set', SET);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe(
      'backprop-tutor: key: "UUUUUUU" is not a code: expected the 7 characters printed on the sheets (0-9 and A-Z without I, L, O, U)',
    );
    const noSet = cli.run('key', key.students[0].code);
    expect(noSet.status).toBe(2);
    expect(noSet.stderr).toContain('key: expected --set SET.yaml');
    const ja = cli.run('key', key.students[0].code, '--lang', 'ja');
    expect(ja.stderr).toContain('key: --set SET.yaml を指定してください');
    expect(cli.run('key', key.students[0].code, '--set', SET, '--format', 'pdf').status).toBe(2);
  });
});

const chromium = findChromium();

describe.skipIf(chromium === null)(
  'hostile names in a real browser: roster → worksheet → report (no Chromium: skipped)',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      const { chromium: launcher } = await import('playwright-core');
      browser = await launcher.launch({ executablePath: chromium!, args: [...CHROMIUM_ARGS] });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function open(file: string) {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      const pwned = await page.evaluate(() => (window as unknown as { pwned?: number }).pwned);
      const text = await page.evaluate(() => document.body.textContent ?? '');
      return { page, dialogs, errors, requests, pwned, text };
    }

    test('each worksheet shows its name as text and runs nothing', async () => {
      for (const [id, name] of [
        ['right', HOSTILE.script],
        ['wrong', HOSTILE.formula],
        ['flip', HOSTILE.rtl],
      ]) {
        const { page, dialogs, errors, requests, pwned, text } = await open(join(work, 'out', id, 'worksheet.html'));
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        expect(pwned).toBeUndefined();
        expect(text).toContain(name.trim());
        await page.close();
      }
    });

    test('the report shows every name in its row as text, runs nothing, and prints', async () => {
      const { page, dialogs, errors, requests, pwned } = await open(join(work, 'report.html'));
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(pwned).toBeUndefined();
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll('#sec-students tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        ),
      );
      const nameOf = new Map(rows.map((r) => [r[1], r[2]]));
      expect(nameOf.get('right')).toBe(HOSTILE.script);
      expect(nameOf.get('wrong')).toBe(HOSTILE.formula);
      expect(nameOf.get('flip')).toBe(HOSTILE.rtl);
      // The charts are there and drawn: one of the means and one per question, each with bars.
      expect(await page.locator('svg[role="img"]').count()).toBe(1 + key.students[0].questions.length);
      expect(await page.locator('svg[role="img"] rect').count()).toBeGreaterThan(key.students[0].questions.length);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.screenshot({ path: '/tmp/grade-report.png', fullPage: true });
      await page.close();
    }, 60_000);
  },
);
