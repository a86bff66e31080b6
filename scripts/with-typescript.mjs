// Node cannot run TypeScript itself: bundles one entry with esbuild into a temporary file inside the
// project (so that the bundle finds node_modules, e.g. KaTeX's stylesheet and fonts), imports it,
// hands the module to `use`, and removes the file again.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function withTypeScript(entry, use) {
  const dir = mkdtempSync(join(root, 'node_modules', '.script-'));
  try {
    const outfile = join(dir, 'bundle.mjs');
    await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return await use(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
