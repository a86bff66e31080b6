import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { setJsonSchema, setJsonSchemaText } from '../../src/sets/json-schema';

test('schema/set.schema.json is up to date (npm run set-schema regenerates it)', () => {
  expect(readFileSync('schema/set.schema.json', 'utf8')).toBe(setJsonSchemaText());
});

test('the JSON Schema shows numbers where YAML has numbers, and both kinds of question', () => {
  const schema = setJsonSchema() as {
    properties: Record<
      string,
      { type?: string; items?: { anyOf: { required: string[]; properties: Record<string, unknown> }[] } }
    >;
    required: string[];
    additionalProperties: boolean;
  };
  expect(schema.required).toEqual(['title', 'seed', 'questions']);
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.seed).toEqual({ type: 'integer', minimum: 0, maximum: 4294967295 });
  const [byTemplate, byNetwork] = schema.properties.questions.items!.anyOf;
  expect(byTemplate.required).toEqual(['template', 'points']);
  expect(byTemplate.properties.difficulty).toEqual({ type: 'integer', enum: [1, 2, 3] });
  expect(byNetwork.required).toEqual(['network', 'asks', 'points']);
});
