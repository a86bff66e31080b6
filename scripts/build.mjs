// Bundles the CLI and the library with esbuild: a bundled mathjs/fraction.js loads several times
// faster than the same modules resolved from node_modules one file at a time.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  sourcemap: false,
  logLevel: 'warning',
  minify: true,
  // yaml's ES-module build: the same parser, and it loads faster than its CommonJS build once bundled.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Lets bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

// Start clean: stale chunks from an earlier build would otherwise stay in dist/.
rmSync('dist', { recursive: true, force: true });

await build({
  ...common,
  // generate-worker: the worker thread of `generate` (src/cli/generate-pool.ts finds it beside cli.js).
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'generate-worker': 'src/cli/generate-worker.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The practice page's script, for the browser: one file the page builder inlines into the page
// (the CLI reads it only when it writes a practice page). The page parses its exercises from text,
// so node:fs (the grader's file reader) is replaced by a stand-in that is never called.
await build({
  entryPoints: { practice: 'src/web/entry.ts' },
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  outdir: 'dist/web',
  minify: true,
  logLevel: 'warning',
  alias: { yaml: './node_modules/yaml/browser/index.js', 'node:fs': './src/web/no-fs.ts' },
});
