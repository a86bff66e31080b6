// The quiz killed with SIGKILL at random moments, 100 times (in start-up, or between a try typed, saved
// and its verdict shown): every try whose verdict was printed is in the journal, and --resume continues
// where it stopped, so that in the end every question has exactly its two tries (one wrong, then the
// right answer) and nothing was asked again. The right answers come from the float64 reference.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  /**
   * One run killed at a random moment: either during start-up (a random time after the spawn, no line
   * typed yet), or once the first ask is on screen, after 0 to 2 lines typed and a random delay, so
   * that the kill lands between a try being read, saved and its verdict shown. Each run moves on at
   * most two lines, however fast the machine: the 100 kills always happen before the script is done.
   */
  const run = (extra: string[], killed: boolean) =>
    new Promise<{ out: string; code: number | null; signal: string | null }>((resolve) => {
      const child = spawn(process.execPath, [q.cli.cli, 'quiz', ...extra], { cwd: ROOT, env: env(q.dir) });
      let out = '';
      const lines = remaining().map((l) => `${l}\n`);
      const timers: NodeJS.Timeout[] = [];
      const kill = () => child.kill('SIGKILL');
      child.stdin.on('error', () => {});
      if (!killed) child.stdin.end(lines.join(''));
      else if (rng.chance(0.3)) timers.push(setTimeout(kill, rng.int(0, 250)));
      else {
        const typed = rng.int(0, 2);
        const delay = rng.int(0, 200);
        let prompted = false;
        child.stdout.on('data', () => {
          if (prompted || !/a1> $/.test(out)) return;
          prompted = true;
          child.stdin.write(lines.slice(0, typed).join(''));
          timers.push(setTimeout(kill, delay));
        });
      }
      // A run that never shows its prompt (a machine under heavy load) is killed all the same.
      if (killed) timers.push(setTimeout(kill, 60_000));
      child.stdout.setEncoding('utf8');
      child.stdout.prependListener('data', (d: string) => {
        out += d;
      });
      child.on('close', (code, signal) => {
        for (const t of timers) clearTimeout(t);
        resolve({ out, code, signal });
      });
    });
  /** A journal whose session line is on disk; a kill before that leaves nothing to resume. */
  const started = () => existsSync(file) && readFileSync(file, 'utf8').includes('\n');
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const before = existsSync(file) ? answers(file).length : 0;
    const { out, signal } = await run(started() ? ['--session', file, '--resume'] : args, true);
    if (signal === 'SIGKILL') killed++;
    const shown = (out.match(/^a1> [✓✗]/gm) ?? []).length;
    const saved = (existsSync(file) ? answers(file).length : 0) - before;
    // Every verdict shown is on disk (a try may be saved and the kill come before its verdict is shown).
    expect(saved).toBeGreaterThanOrEqual(shown);
  }
  expect(killed).toBe(KILLS);
  expect(remaining().length).toBeGreaterThan(0);
  const last = await run(started() ? ['--session', file, '--resume'] : args, false);
  expect(last.code).toBe(0);
  expect(last.out).toContain(`Quiz over: score ${COUNT}/${COUNT}.`);
  const tries = answers(file);
  for (let n = 1; n <= COUNT; n++) {
    expect(tries.filter((t) => t.question === n).map((t) => [t.answer, t.status])).toEqual([
      [WRONG, 'incorrect'],
      [right[n - 1], 'correct'],
    ]);
  }
}, 600_000);
