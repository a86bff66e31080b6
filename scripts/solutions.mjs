// `npm run solutions`: regenerates solutions/ from exercises/ (see scripts/generate-solutions.ts).
import { root, withTypeScript } from './with-typescript.mjs';

await withTypeScript('scripts/generate-solutions.ts', async ({ writeSolutions }) => {
  const written = await writeSolutions(root);
  process.stdout.write(`wrote ${written.length} files in solutions/\n`);
});
