// `node bench/fairness.mjs [SEEDS]`: how many honestly rounded answers the grader refuses, per template
// (every intermediate rounded to 3 or 4 significant figures or decimal places, the final value written
// with 3 to 6 figures), and how many near misses (exact value ± 1 in its last digit) it accepts in
// exercises that ask for exact values. Bundles bench/fairness.ts with esbuild (no build step). Reports; exits 0.
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
  const total = { honest: 0, honestRefused: 0, nearMisses: 0, nearMissesAccepted: 0 };
  const row = (name, c) =>
    `  ${name.padEnd(24)} ${String(c.honestRefused).padStart(6)} of ${String(c.honest).padStart(5)}   ${String(c.nearMissesAccepted).padStart(6)} of ${String(c.nearMisses).padStart(5)}`;
  console.log('Fairness of the grader            honest answers refused   near misses accepted');
  console.log('                                   (irrational exercises)   (exact exercises)');
  for (const c of counts) {
    for (const key of Object.keys(total)) total[key] += c[key];
    console.log(row(c.template, c));
    for (const e of c.examples) console.log(`      e.g. ${e}`);
  }
  console.log(row('all', total));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
