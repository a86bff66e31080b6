// Nothing is lost: --resume continues at the next unanswered ask, a torn last line is ignored, the
// lock keeps a second quiz off a journal, SIGTERM saves and exits 130.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/build-cli';
import { InputError } from '../../src/network/errors';
import { parseJournal } from '../../src/quiz/journal';
import { answers, env, journalLines, quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
});
afterAll(() => q?.remove());

// As in plain.test.ts: seed 3, output-bias-grad; Q1's ∂L/∂b = −2.4, Q2's = −2.2 (worked by hand there).
const BIAS = ['--template', 'output-bias-grad', '--count', '2', '--seed', '3'];

describe('quiz journal', () => {
  it('--resume continues at the second try of the same question, nothing asked again', () => {
    const file = q.path('resume.jsonl');
    expect(q.quiz(['1'], ...BIAS, '--session', file).status).toBe(0);
    const r = q.quiz(['-2.4', '-2.2'], '--session', file, '--resume');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Question 1/2');
    expect(r.stdout).toContain('Quiz over: score 2/2.');
    expect(answers(file).map((l) => [l.question, l.answer, l.status])).toEqual([
      [1, '1', 'incorrect'],
      [1, '-2.4', 'correct'],
      [2, '-2.2', 'correct'],
    ]);
    // A finished session resumed asks nothing.
    const again = q.quiz(['9'], '--session', file, '--resume');
    expect(again.status).toBe(0);
    expect(answers(file)).toHaveLength(3);
  });

  it('--resume takes the session as saved: no new topics, count, seed', () => {
    const r = q.quiz([], '--resume', '--seed', '4', '--session', q.path('resume.jsonl'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--resume continues a saved session as it was; it takes no --seed');
  });

  it('a torn last line is ignored and cut off before the next line', () => {
    const file = q.path('torn.jsonl');
    q.quiz(['-2.4'], ...BIAS, '--session', file);
    appendFileSync(file, '{"type":"answer","question":2,"ask":"a1","templ');
    const r = q.quiz(['-2.2'], '--session', file, '--resume');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Question 2/2');
    expect(r.stdout).not.toContain('Question 1/2');
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    expect(answers(file).map((l) => [l.question, l.status])).toEqual([
      [1, 'correct'],
      [2, 'correct'],
    ]);
  });

  it('a broken line that is not the last one is a clear error, exit 2, the file untouched', () => {
    const file = q.path('broken.jsonl');
    q.quiz(['1'], ...BIAS, '--session', file);
    const content = `${readFileSync(file, 'utf8')}not json\n{"type":"steps","question":1,"ask":"a1","at":""}\n`;
    writeFileSync(file, content);
    const r = q.quiz(['-2.4'], '--session', file, '--resume');
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('broken.jsonl:3: not a quiz journal');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('a second quiz on a journal in use is refused; a lock left by a dead process is taken over', () => {
    const file = q.path('locked.jsonl');
    q.quiz(['1'], ...BIAS, '--session', file);
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    const refused = q.quiz(['-2.4'], '--session', file, '--resume');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`another quiz (process ${process.pid}) is using this journal`);
    expect(answers(file)).toHaveLength(1);
    // No process has pid 2^22 + 1 (above Linux's default pid_max of 2^22).
    writeFileSync(`${file}.lock`, `${2 ** 22 + 1}\n`);
    expect(q.quiz(['-2.4'], '--session', file, '--resume').status).toBe(0);
    expect(answers(file)).toHaveLength(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a quiz killed while writing its first line: nothing to resume; a new quiz may take the file', () => {
    for (const torn of ['', '{"type":"sess', '{"type":"session","version":1,"seed":3,"cou']) {
      const file = q.path('unstarted.jsonl');
      writeFileSync(file, torn);
      const resumed = q.quiz([], '--session', file, '--resume');
      expect(resumed.status).toBe(2);
      expect(resumed.stderr).toContain('the quiz stopped before its first line was saved');
      const again = q.quiz(['-2.4', '-2.2'], ...BIAS, '--session', file);
      expect(again.status).toBe(0);
      expect(journalLines(file)[0]).toMatchObject({ type: 'session', seed: 3 });
      expect(answers(file).map((l) => l.status)).toEqual(['correct', 'correct']);
    }
    // Text that is not the beginning of a session line is someone's: refused and left as it is.
    const notes = q.path('notes-no-newline.txt');
    writeFileSync(notes, '{"type":"note"');
    expect(q.quiz(['1'], ...BIAS, '--session', notes).status).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('{"type":"note"');
  });

  it('SIGTERM saves, prints how to resume and exits 130', async () => {
    const file = q.path('term.jsonl');
    const child = spawn(process.execPath, [q.cli.cli, 'quiz', ...BIAS, '--session', file], {
      cwd: ROOT,
      env: env(q.dir),
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const verdict = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('Question 2/2') && out.endsWith('a1> ')) resolve();
      });
    });
    child.stdin.write('-2.4\n');
    await verdict;
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    expect(await code).toBe(130);
    expect(out).toContain(`To continue: backprop-tutor quiz --session ${file} --resume`);
    expect(answers(file).map((l) => l.status)).toEqual(['correct']);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(journalLines(file)[0].type).toBe('session');
  });
});

describe('a journal with hostile values', () => {
  const EVIL = '\u001b]0;PWNED\u0007\nbackprop-tutor: all good \u202Eevil';
  const SHOWN = 'U+001B]0;PWNEDU+0007U+000Abackprop-tutor: all good U+202Eevil';
  const messageOf = (content: string): string => {
    try {
      parseJournal(content, 'j.jsonl');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).message;
    }
    throw new Error('expected an InputError');
  };
  const expectTame = (message: string) => {
    expect(message).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(message.length).toBeLessThan(1000);
  };
  const session = `{"type":"session","version":1,"seed":1,"count":1,"topics":["loss"],"difficulty":1,"lang":"en"}\n`;

  it('a version that is a hostile string is echoed escaped', () => {
    const message = messageOf(`${JSON.stringify({ type: 'session', version: EVIL })}\n`);
    expect(message).toContain(`version "${SHOWN}"`);
    expectTame(message);
  });

  it('a megabyte of event type is cut', () => {
    const message = messageOf(`${session}${JSON.stringify({ type: `${'t'.repeat(1_000_000)}${EVIL}` })}\n`);
    expect(message).toContain(`j.jsonl:2: not a quiz journal (type "${'t'.repeat(80)}…")`);
    expectTame(message);
  });

  it('a value that is not a string is shown as JSON, and a missing one as nothing', () => {
    expect(messageOf(`${JSON.stringify({ type: 'session', version: [2] })}\n`)).toContain('version [2]');
    expect(messageOf('{"type":"session"}\n')).toContain('version nothing');
  });
});
