// Grading throughput: answers parsed + graded per second in-process (target ≥ 20,000/s), and
// the one-off cost of preparing an exercise. Bundles src/grader/bench.ts with esbuild (no build step).
//   node bench/grading.mjs              → a short report
//   import { runGradingBench } from './grading.mjs'  → { answersPerSecond, answers, prepareMs, exercises }
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runGradingBench(ms = 2000) {
  const dir = mkdtempSync(join(tmpdir(), 'grading-bench-'));
  try {
    const outfile = join(dir, 'bench.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/grader/bench.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      absWorkingDir: ROOT,
    });
    const { benchGrading } = await import(pathToFileURL(outfile).href);
    return benchGrading(ms);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runGradingBench();
  console.log('Grading, in-process (answers parsed + graded against prepared exercises)');
  console.log(
    `  answers per second   ${String(r.answersPerSecond).padStart(10)}   (target ≥ 20000; ${r.answers} distinct answers to ${r.exercises} exercises)`,
  );
  console.log(
    `  … in whole submissions${String(r.submissionAnswersPerSecond).padStart(10)}   (all parts at once, with error carried forward; repeated submissions hit the caches)`,
  );
  console.log(
    `  prepare an exercise  ${String(r.prepareMs).padStart(10)} ms (solution + every misconception variant, once per exercise)`,
  );
}
