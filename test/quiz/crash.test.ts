// The quiz killed with SIGKILL at random moments, 100 times: every try whose verdict was printed is in
// the journal, and --resume continues where it stopped, so that in the end every question has exactly
// its two tries (one wrong, then the right answer) and nothing was asked again. The right answers come
// from the float64 reference.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { createRng } from '../../src/exercises/prng';
import { planSession } from '../../src/quiz/plan';
import { ROOT } from '../cli/build-cli';
import { floatAsk, floatSolve, type RawExerciseNetwork } from '../exercises/float-reference';
import { answers, env, quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
});
afterAll(() => q?.remove());

const COUNT = 80;
const KILLS = 100;
const WRONG = '12345';

it('100 SIGKILLs at random moments lose no shown verdict; --resume continues correctly', async () => {
  const session = {
    type: 'session',
    version: 1,
    seed: 5,
    count: COUNT,
    topics: [],
    difficulty: 1,
    lang: 'en',
    templates: ['output-bias-grad'],
  } as const;
  const right = planSession(session).map((p) => {
    const ex = generateExercise({ template: p.template, seed: p.seed, difficulty: 1, lang: 'en' });
    const ref = floatSolve(
      ex.network as unknown as RawExerciseNetwork,
      ex.given?.outputs as Record<string, string[][]> | undefined,
    );
    // One ask per question keeps "a wrong try, then the right one" the whole script.
    expect(ex.asks).toHaveLength(1);
    const ask = ex.asks[0] as unknown as { quantity: string; layer?: number; index?: number[] };
    return String(Number((floatAsk(ref, ask) as number).toPrecision(12)));
  });
  const file = q.path('crash.jsonl');
  /** What is left to type, from the journal as saved: per question a wrong answer, then the right one. */
  const remaining = (): string[] => {
    const saved = existsSync(file) ? answers(file) : [];
    const lines: string[] = [];
    for (let n = 1; n <= COUNT; n++) {
      const tries = saved.filter((l) => l.question === n);
      if (tries.some((t) => t.status === 'correct')) continue;
      if (tries.length === 0) lines.push(WRONG);
      lines.push(right[n - 1]);
    }
    return lines;
  };
  const rng = createRng(2026);
  const args = ['--template', 'output-bias-grad', '--count', String(COUNT), '--seed', '5', '--session', file];
  const run = (extra: string[], killAfter: number | null) =>
    new Promise<{ out: string; code: number | null; signal: string | null }>((resolve) => {
      const child = spawn(process.execPath, [q.cli.cli, 'quiz', ...extra], { cwd: ROOT, env: env(q.dir) });
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => {
        out += d;
      });
      child.stdin.on('error', () => {});
      child.stdin.end(
        remaining()
          .map((l) => `${l}\n`)
          .join(''),
      );
      const timer = killAfter === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        resolve({ out, code, signal });
      });
    });
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const before = existsSync(file) ? answers(file).length : 0;
    const started = existsSync(file);
    const { out, signal } = await run(started ? ['--session', file, '--resume'] : args, rng.int(0, 300));
    if (signal === 'SIGKILL') killed++;
    const shown = (out.match(/^a1> [✓✗]/gm) ?? []).length;
    const saved = (existsSync(file) ? answers(file).length : 0) - before;
    // Every verdict shown is on disk (a try may be saved and the kill come before its verdict is shown).
    expect(saved).toBeGreaterThanOrEqual(shown);
    if (remaining().length === 0) break;
  }
  expect(killed).toBe(KILLS);
  const last = await run(['--session', file, '--resume'], null);
  expect(last.code).toBe(0);
  expect(last.out).toContain(`Quiz over: score ${COUNT}/${COUNT}.`);
  const tries = answers(file);
  for (let n = 1; n <= COUNT; n++) {
    expect(tries.filter((t) => t.question === n).map((t) => [t.answer, t.status])).toEqual([
      [WRONG, 'incorrect'],
      [right[n - 1], 'correct'],
    ]);
  }
}, 120_000);
