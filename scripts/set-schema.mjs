// `npm run set-schema`: regenerates schema/set.schema.json (see scripts/set-schema.ts). Node cannot
// run TypeScript itself, so the writer is bundled with esbuild into a temporary file first.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(root, 'node_modules', '.set-schema-'));
try {
  const outfile = join(dir, 'set-schema.mjs');
  await build({
    entryPoints: [join(root, 'scripts/set-schema.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { writeSetSchema } = await import(pathToFileURL(outfile).href);
  process.stdout.write(`wrote ${writeSetSchema(root)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
