// `backprop-tutor export` as a whole process (a private build of dist/cli.js): both formats written,
// the same bytes on every run and in every time zone, hostile text in a set's title kept literal
// through both XML files, formula questions named and left out, and one-line errors in English and
// Japanese.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, type BuiltCli } from '../cli/build-cli';

let cli: BuiltCli;
let work: string;

beforeAll(() => {
  cli = buildCli();
  work = mkdtempSync(join(tmpdir(), 'bt-export-'));
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const SET = 'exercises/sets/lecture-deck.yaml';
const HOSTILE = 'A/B &lt; <script>alert(1)</script> ]]> {1:NUMERICAL:=1:0} & "q" \u202Eevil';
/** XML 1.0 forbids these; the export writes U+FFFD for each. */
const CONTROL = 'bell\u0007 nul-ish\u0001 \uFFFE';

function hostileSet(): string {
  const file = join(work, 'hostile.yaml');
  writeFileSync(
    file,
    `title: ${JSON.stringify(HOSTILE)}\nseed: 3\nquestions:\n  - {template: output-bias-grad, difficulty: 1, points: 2}\n  - {template: matrix-form, difficulty: 1, points: 3}\n`,
  );
  return file;
}

describe('backprop-tutor export', () => {
  test('Moodle XML: written, named on stderr, formula questions left out by number', () => {
    const out = join(work, 'quiz.xml');
    const r = cli.run('export', SET, '--to', 'moodle', '--variants', '2', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'backprop-tutor: export: question 4 asks for formulas only: an LMS numeric field cannot grade them; left out\n' +
        'backprop-tutor: export: question 5 asks for formulas only: an LMS numeric field cannot grade them; left out\n' +
        `backprop-tutor: export: wrote ${out} (moodle: 4 questions × 2 variants)\n`,
    );
    const xml = readFileSync(out, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(xml.match(/<question type="cloze">/g)).toHaveLength(8);
  });

  test('the same inputs give the same bytes (Moodle XML; QTI zip in two time zones)', () => {
    const a = cli.run('export', SET, '--to', 'moodle', '--variants', '2', '--out', '-');
    const b = cli.run('export', SET, '--to', 'moodle', '--variants', '2', '--out', '-');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(readFileSync(join(work, 'quiz.xml'), 'utf8'));
    const zips = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz, i) => {
      const out = join(work, `quiz-${i}.zip`);
      expect(cli.runWithEnv({ TZ: tz }, 'export', SET, '--to', 'qti', '--variants', '2', '--out', out).status).toBe(0);
      return readFileSync(out);
    });
    expect(zips[1].equals(zips[0])).toBe(true);
    expect(zips[2].equals(zips[0])).toBe(true);
  });

  test('a hostile title stays literal text in both formats', () => {
    const file = hostileSet();
    const xml = cli.run('export', file, '--to', 'moodle', '--out', '-');
    expect(xml.status).toBe(0);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'question',
      parseTagValue: false,
    }).parse(xml.stdout) as { quiz: { question: { '@_type': string; category?: { text: string } }[] } };
    const categories = parsed.quiz.question.filter((q) => q['@_type'] === 'category').map((q) => q.category?.text);
    expect(categories).toEqual([
      `$course$/top/${HOSTILE.replace(/\//g, '//')}/Question 1`,
      `$course$/top/${HOSTILE.replace(/\//g, '//')}/Question 2`,
    ]);
    const out = join(work, 'hostile.zip');
    expect(cli.run('export', file, '--to', 'qti', '--out', out).status).toBe(0);
    const assessment = strFromU8(unzipSync(readFileSync(out))['assessment.xml']);
    const qti = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(assessment) as {
      questestinterop: { assessment: { title: string } };
    };
    expect(qti.questestinterop.assessment.title).toBe(HOSTILE);
  });

  test('characters XML 1.0 forbids in a title become U+FFFD, so the files stay well-formed', () => {
    const file = join(work, 'control.yaml');
    writeFileSync(
      file,
      `title: ${JSON.stringify(CONTROL)}\nseed: 3\nquestions:\n  - {template: output-bias-grad, points: 2}\n`,
    );
    const xml = cli.run('export', file, '--to', 'moodle', '--out', '-');
    expect(xml.status).toBe(0);
    const illegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
    expect(xml.stdout).not.toMatch(illegal);
    expect(xml.stdout).toContain('bell\uFFFD nul-ish\uFFFD \uFFFD');
    const out = join(work, 'control.zip');
    expect(cli.run('export', file, '--to', 'qti', '--out', out).status).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(out))['assessment.xml'])).not.toMatch(illegal);
  });

  test('--help shows export in English and Japanese', () => {
    const en = cli.run('export', '--help');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain(
      'backprop-tutor export SET.yaml --to moodle|qti --out FILE [--variants N] [--lang en|ja]',
    );
    expect(en.stdout).toContain('Options of export:');
    const ja = cli.run('--lang', 'ja', 'export', '--help');
    expect(ja.stdout).toContain('学習管理システム');
  });

  test('errors: one line naming what is wrong, in English and Japanese', () => {
    const cases: [string[], RegExp, RegExp][] = [
      [
        ['export', SET, '--out', 'x.xml'],
        /^backprop-tutor: export: expected --to moodle or --to qti\n/,
        /^backprop-tutor: export: --to moodle または --to qti を指定してください\n/,
      ],
      [
        ['export', SET, '--to', 'moodle'],
        /^backprop-tutor: export: expected --out FILE\n/,
        /^backprop-tutor: export: --out FILE を指定してください\n/,
      ],
      [
        ['export', SET, '--to', 'scorm', '--out', 'x'],
        /^backprop-tutor: export: --to must be one of moodle, qti, got "scorm"\n/,
        /^backprop-tutor: export: --to は moodle, qti のいずれかにしてください（指定値: "scorm"）\n/,
      ],
      [
        ['export', SET, '--to', 'qti', '--out', '-'],
        /^backprop-tutor: export: a QTI zip is binary/,
        /^backprop-tutor: export: QTI の zip はバイナリです/,
      ],
      [
        ['export', SET, '--to', 'qti', '--variants', '0', '--out', 'x'],
        /--variants must be an integer from 1 to 1000, got "0"/,
        /--variants は 1 から 1000 までの整数/,
      ],
      [
        ['export', 'missing.yaml', '--to', 'qti', '--out', 'x'],
        /^backprop-tutor: missing\.yaml: no such file\n$/,
        /^backprop-tutor: missing\.yaml: ファイルが見つかりません\n$/,
      ],
    ];
    cases.push(
      [
        ['export', SET, '--to', 'moodle', '--out', join(work, 'no-such-folder', 'q.xml')],
        /: the folder .*no-such-folder does not exist: give --out a file in an existing folder\n$/,
        /: フォルダ .*no-such-folder がありません/,
      ],
      [['export', SET, '--to', 'qti', '--out', work], /: is a folder: --out takes a file name/, /: フォルダです/],
    );
    for (const [args, en, ja] of cases) {
      const e = cli.run(...args);
      expect(e.status, args.join(' ')).toBe(2);
      expect(e.stderr).toMatch(en);
      expect(e.stderr).not.toMatch(/\n\s+at /);
      const j = cli.run('--lang', 'ja', ...args);
      expect(j.status).toBe(2);
      expect(j.stderr).toMatch(ja);
    }
  });

  test('a set of formula questions only: nothing to export, said with the file', () => {
    const file = join(work, 'formulas.yaml');
    writeFileSync(file, 'title: F\nseed: 1\nquestions:\n  - {template: output-bias-formula, points: 1}\n');
    const out = join(work, 'formulas.xml');
    const e = cli.run('export', file, '--to', 'moodle', '--out', out);
    expect(e.status).toBe(2);
    expect(e.stderr).toBe(
      'backprop-tutor: export: question 1 asks for formulas only: an LMS numeric field cannot grade them; left out\n' +
        `backprop-tutor: ${file}: questions: expected at least one question with a number to answer (formula questions cannot be exported)\n`,
    );
    const j = cli.run('--lang', 'ja', 'export', file, '--to', 'moodle', '--out', out);
    expect(j.stderr).toContain('数値で答える問題が少なくとも1つ必要です');
  });
});
