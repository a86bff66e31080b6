// `node bench/fairness.mjs [SEEDS]`: how many honestly rounded answers the grader refuses, per template
// (every intermediate rounded to 3 or 4 significant figures or decimal places, the final value written
// with 3 to 6 figures). Bundles bench/fairness.ts with esbuild (no build step). Reports; exits 0.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'fairness-'));
try {
  const outfile = join(dir, 'fairness.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench/fairness.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    absWorkingDir: ROOT,
  });
  const { countFairness } = await import(pathToFileURL(outfile).href);
  const counts = countFairness(Number.parseInt(process.argv[2] ?? '12', 10) || 12);
  let honest = 0;
  let refused = 0;
  console.log('Honest rounded chains refused by the grader (exercises with irrational values)');
  for (const c of counts) {
    honest += c.honest;
    refused += c.honestRefused;
    console.log(`  ${c.template.padEnd(24)} ${String(c.honestRefused).padStart(5)} of ${String(c.honest).padStart(5)}`);
    for (const e of c.examples) console.log(`      e.g. ${e}`);
  }
  console.log(`  ${'all'.padEnd(24)} ${String(refused).padStart(5)} of ${String(honest).padStart(5)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
