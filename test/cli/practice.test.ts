// `backprop-tutor practice` as a whole process (dist/cli.js): its errors are one line in English or
// Japanese with exit 2, the page goes to standard output without --output, the same seed gives the
// same page, and its help is in both languages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => {
  const env = { ...process.env };
  delete env.BACKPROP_TUTOR_LANG;
  return spawnSync('node', ['dist/cli.js', ...args], { encoding: 'utf8', env });
};

describe('practice on the command line', () => {
  it('names an unknown template and a --scorm without --output, in English and Japanese', () => {
    const bad = run('practice', '--template', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(
      /^backprop-tutor: practice: unknown template "nope"; expected one of forward-pass, /,
    );
    const ja = run('practice', '--template', 'nope', '--lang', 'ja');
    expect(ja.stderr.split('\n')[0]).toMatch(/^backprop-tutor: practice: "nope" というテンプレートはありません。/);
    const scorm = run('practice', '--scorm');
    expect(scorm.status).toBe(2);
    expect(scorm.stderr.split('\n')[0]).toBe(
      'backprop-tutor: practice: --scorm writes a zip: name the file with --output OUT (e.g. --output practice.zip)',
    );
    const unwritable = run('practice', '--count', '1', '--output', '/nonexistent-dir/page.html');
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toBe('backprop-tutor: /nonexistent-dir/page.html: cannot write the file (ENOENT)\n');
    const count = run('practice', '--count', '0');
    expect(count.status).toBe(2);
    expect(count.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes the page to standard output, the same for the same seed', () => {
    const a = run('practice', '--template', 'loss', '--count', '2', '--seed', '3');
    const b = run('practice', '--template', 'loss', '--count', '2', '--seed', '3');
    expect(a.status).toBe(0);
    expect(a.stdout.startsWith('<!DOCTYPE html>\n<html lang="en"')).toBe(true);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe('');
    const drawn = run('practice', '--template', 'loss', '--count', '1');
    const seed = /seed (\d+) \(the same page again: --seed \1\)\n$/.exec(drawn.stderr)?.[1];
    expect(seed).toBeDefined();
    expect(run('practice', '--template', 'loss', '--count', '1', '--seed', seed!).stdout).toBe(drawn.stdout);
    expect(a.stdout.match(/<input [^>]*data-question="2"/g)?.length).toBeGreaterThan(0);
  });

  it('deals the questions that quiz --seed S asks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'practice-quiz-'));
    const journal = join(dir, 'quiz.jsonl');
    const picks = ['--seed', '5', '--count', '4', '--template', 'loss', '--template', 'forward-pass'];
    const quiz = spawnSync('node', ['dist/cli.js', 'quiz', '--plain', ...picks, '--session', journal], {
      encoding: 'utf8',
      input: 'skip\n'.repeat(20),
      env: { ...process.env, XDG_STATE_HOME: dir },
    });
    expect(quiz.status).toBe(0);
    const asked = new Map<number, string>();
    for (const line of readFileSync(journal, 'utf8').trim().split('\n').slice(1)) {
      const e = JSON.parse(line);
      if (e.type === 'answer') asked.set(e.question, `${e.template}/${e.difficulty}/${e.seed}`);
    }
    const page = run('practice', ...picks).stdout;
    const exercises = JSON.parse(/<script type="application\/json" id="exercises">(.*?)<\/script>/s.exec(page)![1]);
    expect(
      exercises.map(
        (e: { template: string; difficulty: number; seed: number }) => `${e.template}/${e.difficulty}/${e.seed}`,
      ),
    ).toEqual([1, 2, 3, 4].map((q) => asked.get(q)));
  });

  it('has help in English and Japanese', () => {
    const en = run('practice', '--help');
    expect(en.stdout).toContain('backprop-tutor practice [--template NAME …] [--count N]');
    expect(en.stdout).toContain('The page holds its answers');
    const ja = run('practice', '--help', '--lang', 'ja');
    expect(ja.stdout).toContain('練習用のページ');
  });
});
