// `npm run solutions`: regenerates solutions/ from exercises/ (see scripts/generate-solutions.ts). Node cannot
// run TypeScript itself, so the generator is bundled with esbuild into a temporary file first.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project, so that the bundle finds node_modules (KaTeX's stylesheet and fonts).
const dir = mkdtempSync(join(root, 'node_modules', '.solutions-'));
try {
  const outfile = join(dir, 'solutions.mjs');
  await build({
    entryPoints: [join(root, 'scripts/generate-solutions.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { writeSolutions } = await import(pathToFileURL(outfile).href);
  const written = await writeSolutions(root);
  process.stdout.write(`wrote ${written.length} files in solutions/\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
