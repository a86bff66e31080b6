// `npm run set-schema`: regenerates schema/set.schema.json (see scripts/set-schema.ts).
import { root, withTypeScript } from './with-typescript.mjs';

await withTypeScript('scripts/set-schema.ts', ({ writeSetSchema }) => {
  process.stdout.write(`wrote ${writeSetSchema(root)}\n`);
});
