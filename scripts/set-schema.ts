// Writes schema/set.schema.json from the set file's valibot schema (src/sets/schema.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setJsonSchemaText } from '../src/sets/json-schema';

export function writeSetSchema(root: string): string {
  const file = join(root, 'schema', 'set.schema.json');
  writeFileSync(file, setJsonSchemaText());
  return file;
}
