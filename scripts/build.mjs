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
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
