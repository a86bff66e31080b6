// The browser bundle that practice pages inline, read from the built dist/web/practice.js: beside the
// CLI bundle (dist/cli.js), one folder up from its chunks, or from src/web when run from source.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['./web/practice.js', '../web/practice.js', '../../dist/web/practice.js'];

export function practiceScript(): string {
  for (const c of CANDIDATES) {
    const file = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error('the practice page script dist/web/practice.js is missing: run npm run build');
}
