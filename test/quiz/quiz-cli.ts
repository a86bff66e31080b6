// Runs `backprop-tutor quiz` from the bundled CLI as a child process, its journals in a private
// state folder ($XDG_STATE_HOME), lines fed on standard input as a script would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';

export interface QuizRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface QuizCli {
  readonly cli: BuiltCli;
  readonly dir: string;
  quiz(lines: readonly string[] | string, ...args: string[]): QuizRun;
  path(name: string): string;
  remove(): void;
}

export function env(dir: string): NodeJS.ProcessEnv {
  const { BACKPROP_TUTOR_LANG: _, NO_COLOR: __, ...inherited } = process.env;
  return { ...inherited, XDG_STATE_HOME: join(dir, 'state') };
}

export function quizCli(): QuizCli {
  const cli = buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-quiz-'));
  return {
    cli,
    dir,
    quiz(lines, ...args) {
      const input = typeof lines === 'string' ? lines : lines.map((l) => `${l}\n`).join('');
      const r = spawnSync(process.execPath, [cli.cli, 'quiz', ...args], {
        cwd: ROOT,
        input,
        encoding: 'utf8',
        env: env(dir),
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    path: (name) => join(dir, name),
    remove() {
      cli.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The journal's lines as objects (a torn last line left out, as the quiz reads it). */
export function journalLines(file: string): Record<string, unknown>[] {
  const content = readFileSync(file, 'utf8');
  return content
    .slice(0, content.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export const answers = (file: string) => journalLines(file).filter((l) => l.type === 'answer');
