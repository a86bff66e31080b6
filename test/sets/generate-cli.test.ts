// `backprop-tutor generate` as a whole process (dist/cli.js built for the test): the tree it writes,
// the key.json contract, variants fixed by set seed and id alone, determinism and one-line errors.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium } from '../../src/render/pdf';
import { buildCli, type BuiltCli } from '../cli/build-cli';

let cli: BuiltCli;
let work: string;

beforeAll(() => {
  cli = buildCli();
  work = mkdtempSync(join(tmpdir(), 'bt-generate-'));
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file under dir: path → contents (as text; the formats here are all text). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const SET = 'exercises/sets/lecture-deck.yaml';
const ROSTER = '\ufeffid,name\r\ns1,"Sato, Hanako"\r\ns2,<script>alert(1)</script>\r\ns3,"=cmd|\' /C calc\'!A0"\r\n';

function generate(out: string, roster: string, ...more: string[]) {
  const file = join(work, `${out}.csv`);
  writeFileSync(file, roster);
  const result = cli.run('generate', SET, '--out', join(work, out), '--roster', file, ...more);
  expect(result.stderr).toMatch(/^backprop-tutor: generate: wrote \d+ files for \d+ students in .*\n$/);
  expect(result.status).toBe(0);
  return tree(join(work, out));
}

describe('backprop-tutor generate', () => {
  let first: Map<string, string>;

  test('writes exactly the files of the contract', () => {
    first = generate('a', ROSTER, '--format', 'latex,md,html');
    const perStudent = ['key', 'solutions', 'worksheet'].flatMap((n) => ['html', 'md', 'tex'].map((e) => `${n}.${e}`));
    const expected = [
      'key.json',
      'keys.html',
      'keys.md',
      'keys.tex',
      'responses-template.csv',
      ...['s1', 's2', 's3'].flatMap((id) => perStudent.map((f) => `${id}/${f}`)),
      'worksheets.html',
      'worksheets.md',
      'worksheets.tex',
    ].sort();
    expect([...first.keys()].sort()).toEqual(expected);
  });

  test('--only class: the print files of the class, key.json and the template, the same bytes as in the whole tree', () => {
    for (const jobs of ['1', '2']) {
      const only = generate(
        `only-class-${jobs}`,
        ROSTER,
        '--format',
        'latex,md,html',
        '--only',
        'class',
        '--jobs',
        jobs,
      );
      expect([...only.keys()].sort()).toEqual([
        'key.json',
        'keys.html',
        'keys.md',
        'keys.tex',
        'responses-template.csv',
        'worksheets.html',
        'worksheets.md',
        'worksheets.tex',
      ]);
      for (const [path, content] of only) expect(content, path).toBe(first.get(path));
    }
  });

  test("--only students: the students' folders, key.json and the template, the same bytes as in the whole tree", () => {
    const only = generate('only-students', ROSTER, '--format', 'latex,md,html', '--only', 'students');
    const expected = [...first.keys()].filter((path) => path.includes('/') || !/^(worksheets|keys)\./.test(path));
    expect([...only.keys()].sort()).toEqual(expected.sort());
    for (const [path, content] of only) expect(content, path).toBe(first.get(path));
  });

  test('key.json: the contract shape, each question the exercise JSON that `exercise --format json` prints + points', () => {
    const key = JSON.parse(first.get('key.json')!);
    expect(Object.keys(key)).toEqual(['title', 'set_seed', 'students']);
    expect(key.title).toBe('誤差逆伝播 小テスト（講義スライド）');
    expect(key.set_seed).toBe(2026);
    expect(key.students.map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([
      ['s1', 'Sato, Hanako'],
      ['s2', '<script>alert(1)</script>'],
      ['s3', "=cmd|' /C calc'!A0"],
    ]);
    const s1 = key.students[0];
    expect(s1.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{7}$/);
    expect(s1.questions.map((q: { points: number }) => q.points)).toEqual([2, 3, 4, 2, 3, 5]);
    for (const q of s1.questions.slice(0, 5)) {
      const { points, ...exercise } = q;
      const printed = cli.run(
        'exercise',
        '--template',
        q.template,
        '--seed',
        String(q.seed),
        '--difficulty',
        String(q.difficulty),
        '--lang',
        'ja',
        '--format',
        'json',
      );
      expect(exercise).toEqual(JSON.parse(printed.stdout));
    }
  });

  test("the file question's answers, worked by hand for the lecture network", () => {
    const key = JSON.parse(first.get('key.json')!);
    const q = key.students[0].questions[5];
    expect(q.template).toBe('network-file');
    // x = (1, 2): a¹ = (1, 0.75), ReLU keeps both; a² = (1.375, −0.625), so y₁ = σ(2), δ²₁ = y₁ − 1.
    const y1 = 1 / (1 + Math.exp(-2));
    expect(Number(q.expected.a1.approx)).toBeCloseTo(y1 - 1, 12);
    // δ¹₁ = (δ²₁·1 + δ²₂·(−1))·1 with δ²₂ = 1 − y₁; ∂L/∂W¹[1][0] = x₂·δ¹₁ = 2·(2y₁ − 2).
    expect(Number(q.expected.a2.approx)).toBeCloseTo(2 * (2 * y1 - 2), 12);
    expect(q.expected.a1.exact).toBeNull();
    // Every student gets the same file question.
    expect(key.students[1].questions[5]).toEqual(q);
  });

  test('responses-template.csv: student_id then q<n>.<ask> for every ask, one row per student', () => {
    const csv = first.get('responses-template.csv')!;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('student_id,q1.a1,q1.a2,q2.a1,q2.a2,q3.a1,q3.a2,q3.a3,q4.a1,q5.a1,q6.a1,q6.a2,q6.a3');
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['s1', 's2', 's3']);
  });

  test('names are escaped in HTML, and worksheets carry no answers', () => {
    const html = first.get('s2/worksheet.html')!;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const key = JSON.parse(first.get('key.json')!);
    const md = first.get('s1/worksheet.md')!;
    expect(md).not.toContain(key.students[0].questions[2].expected.a1.latex);
    expect(first.get('s1/key.md')!).toContain(key.students[0].questions[2].expected.a1.latex);
  });

  test('same inputs, same bytes; and a variant depends only on the set seed and the id', () => {
    const again = generate('b', ROSTER, '--format', 'html,md,latex');
    expect(again).toEqual(first);
    // s2 alone, after a new student and in another order: s2's exam is unchanged.
    const other = generate('c', 'id,name\r\nnew,Newcomer\r\ns2,<script>alert(1)</script>\r\n', '--format', 'md');
    for (const f of ['s2/worksheet.md', 's2/key.md', 's2/solutions.md']) expect(other.get(f)).toEqual(first.get(f));
    const keyC = JSON.parse(other.get('key.json')!);
    const keyA = JSON.parse(first.get('key.json')!);
    expect(keyC.students[1]).toEqual(keyA.students[1]);
  });

  test('--jobs: students made in worker threads are the same bytes as in one thread', () => {
    const bytes = (dir: string) => {
      const out = new Map<string, string>();
      const walk = (d: string) => {
        for (const name of readdirSync(d).sort()) {
          const path = join(d, name);
          if (statSync(path).isDirectory()) walk(path);
          else out.set(relative(dir, path), readFileSync(path).toString('hex'));
        }
      };
      walk(dir);
      return out;
    };
    const run = (out: string, jobs: string, files = 39, ...more: string[]) => {
      const file = join(work, `${out}.csv`);
      writeFileSync(file, ROSTER);
      const result = cli.run(
        'generate',
        SET,
        '--out',
        join(work, out),
        '--roster',
        file,
        '--format',
        'html,md,latex,practice',
        '--jobs',
        jobs,
        ...more,
      );
      expect(result.stderr).toMatch(
        new RegExp(`^backprop-tutor: generate: wrote ${files} files for 3 students in .*\n$`),
      );
      expect(result.status).toBe(0);
      return bytes(join(work, out));
    };
    const one = run('jobs-1', '1');
    expect(one.has('practice.zip')).toBe(true);
    expect(run('jobs-3', '3')).toEqual(one);
    expect(run('jobs-2', '2')).toEqual(one);
    // Only the class's files: the zip still holds every student's practice page, the same bytes.
    for (const jobs of ['1', '2']) {
      const classOnly = run(`jobs-class-${jobs}`, jobs, 9, '--only', 'class');
      expect([...classOnly.keys()].filter((path) => path.includes('/'))).toEqual([]);
      for (const [path, content] of classOnly) expect(content, path).toBe(one.get(path));
      expect(classOnly.has('practice.zip')).toBe(true);
    }
  });

  test('--jobs: a file that a worker cannot write is said as one thread says it', () => {
    const say = (out: string, jobs: string) => {
      const dir = join(work, out);
      mkdirSync(dir);
      writeFileSync(join(dir, 's2'), 'in the way'); // the second student's folder
      const file = join(work, `${out}.csv`);
      writeFileSync(file, ROSTER);
      const result = cli.run('generate', SET, '--out', dir, '--roster', file, '--format', 'md', '--jobs', jobs);
      expect(result.status).toBe(2);
      return result.stderr.replaceAll(out, 'OUT');
    };
    const one = say('blocked-1', '1');
    expect(one).toMatch(/^backprop-tutor: cannot write .*OUT\/s2: /);
    expect(say('blocked-2', '2')).toBe(one);
  });

  test('--variants N writes v1…vN', () => {
    const result = cli.run('generate', SET, '--out', join(work, 'v'), '--variants', '2', '--format', 'md');
    expect(result.status).toBe(0);
    expect(readdirSync(join(work, 'v')).sort()).toEqual([
      'key.json',
      'keys.md',
      'responses-template.csv',
      'v1',
      'v2',
      'worksheets.md',
    ]);
  });

  test.skipIf(findChromium() === null)('PDF through Chromium, the same bytes every time (no Chromium: skipped)', () => {
    const run = (out: string) => {
      const result = cli.run(
        'generate',
        'exercises/sets/computational-graphs.yaml',
        '--out',
        join(work, out),
        '--variants',
        '1',
        '--format',
        'pdf',
      );
      expect(result.status).toBe(0);
      return new Map(
        [...readdirSync(join(work, out, 'v1'))].map((f) => [f, readFileSync(join(work, out, 'v1', f)).toString('hex')]),
      );
    };
    const a = run('pdf-a');
    expect([...a.keys()].sort()).toEqual(['key.pdf', 'solutions.pdf', 'worksheet.pdf']);
    for (const hex of a.values()) expect(Buffer.from(hex, 'hex').subarray(0, 5).toString()).toBe('%PDF-');
    expect(run('pdf-b')).toEqual(a);
  });

  test.skipIf(findChromium() === null)(
    'PDF with worker threads: the same bytes as one thread (no Chromium: skipped)',
    () => {
      const run = (out: string, jobs: string) => {
        const dir = join(work, out);
        const result = cli.run(
          'generate',
          'exercises/sets/computational-graphs.yaml',
          '--out',
          dir,
          '--variants',
          '2',
          '--format',
          'pdf,html',
          '--jobs',
          jobs,
        );
        expect(result.status).toBe(0);
        const files = ['v1', 'v2'].flatMap((v) => readdirSync(join(dir, v)).map((f) => join(v, f)));
        return new Map(
          [...files, 'worksheets.pdf', 'keys.pdf'].map((f) => [f, readFileSync(join(dir, f)).toString('hex')]),
        );
      };
      const one = run('pdf-jobs-1', '1');
      expect([...one.keys()].filter((f) => f.endsWith('.pdf'))).toHaveLength(8);
      expect(run('pdf-jobs-2', '2')).toEqual(one);
    },
  );

  test('--format pdf without a browser: one line before anything is written, exit 1', () => {
    const out = join(work, 'no-browser');
    const result = cli.runWithEnv(
      { BACKPROP_TUTOR_CHROMIUM: join(work, 'no-such-chromium') },
      'generate',
      SET,
      '--out',
      out,
      '--variants',
      '2',
      '--format',
      'html,pdf',
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^backprop-tutor: cannot make a PDF: no Chromium browser found \(looked for .*no-such-chromium\)\. [^\n]*\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  test('bad command lines and files: one line, exit 2', () => {
    const both = cli.run('generate', SET, '--out', join(work, 'x'), '--variants', '2', '--roster', 'r.csv');
    expect(both.status).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe(
      'backprop-tutor: generate: give the class as --roster roster.csv or a number of variants as --variants N (one of them)',
    );
    const format = cli.run(
      'generate',
      SET,
      '--out',
      join(work, 'x'),
      '--variants',
      '1',
      '--format',
      'html,docx',
      '--lang',
      'ja',
    );
    expect(format.status).toBe(2);
    expect(format.stderr.split('\n')[0]).toBe(
      'backprop-tutor: generate: --format には html, pdf, md, latex, practice からカンマ区切りで指定してください（指定値: "html,docx"）',
    );
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, 'title: T\nseed: 1\nquestions:\n  - {template: nope, points: 1}\n');
    const set = cli.run('generate', bad, '--out', join(work, 'x'), '--variants', '1');
    expect(set.status).toBe(2);
    expect(set.stderr).toMatch(
      /^backprop-tutor: .*bad\.yaml:4: questions\[0\]\.template: expected a template: one of /,
    );
    expect(set.stderr.trim().split('\n')).toHaveLength(1);
  });
});
