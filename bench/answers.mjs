// Answer-parsing micro-benchmark: parse + exact evaluation + exact comparison per second, in-process.
// Bundles src/answer/bench.ts with esbuild (no build step needed) and prints the rates.
//   node bench/answers.mjs            → a table
//   import { runAnswerBench } from './answers.mjs'  → { answersPerSecond, byKind, answers }
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runAnswerBench(msPerKind = 500) {
  const dir = mkdtempSync(join(tmpdir(), 'answers-bench-'));
  try {
    const outfile = join(dir, 'bench.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/answer/bench.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      absWorkingDir: ROOT,
    });
    const { benchAnswers } = await import(pathToFileURL(outfile).href);
    return benchAnswers(msPerKind);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runAnswerBench();
  console.log('Answers parsed + evaluated + compared exactly, per second (in-process)');
  for (const [kind, rate] of Object.entries(result.byKind))
    console.log(`  ${kind.padEnd(16)}${String(rate).padStart(10)}`);
  console.log(`  ${'all (mixed)'.padEnd(16)}${String(result.answersPerSecond).padStart(10)}`);
}
