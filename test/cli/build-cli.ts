// Builds the CLI for the tests with the project's own build script (scripts/build.mjs, the bundle
// behind dist/cli.js), but into a private temporary folder: a test never reads a dist/ that another
// process is rewriting, nor a stale one. The folder links to src/, package.json and node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltCli {
  /** Path of the bundled cli.js. */
  readonly cli: string;
  /** Runs `node cli.js ...args` in the project root. */
  run(...args: string[]): { status: number | null; stdout: string; stderr: string };
  /** The same with extra environment variables (e.g. BACKPROP_TUTOR_LANG). */
  runWithEnv(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function buildCli(): BuiltCli {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-cli-'));
  for (const name of ['src', 'node_modules', 'package.json', 'tsconfig.json'])
    symlinkSync(join(ROOT, name), join(dir, name));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: dir, stdio: 'pipe' });
  const cli = join(dir, 'dist/cli.js');
  const runWithEnv = (env: Record<string, string>, ...args: string[]) => {
    // BACKPROP_TUTOR_LANG from the caller's shell would change every message: only a test sets it.
    const { BACKPROP_TUTOR_LANG: _, ...inherited } = process.env;
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...inherited, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    cli,
    run: (...args) => runWithEnv({}, ...args),
    runWithEnv,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
