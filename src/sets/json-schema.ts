// The set file's JSON Schema, generated from the valibot schema (schema/set.schema.json, written by
// `npm run set-schema`), so that editors complete and check set files. Only that script and its test
// load this file: @valibot/to-json-schema is a development dependency.
import { toJsonSchema } from '@valibot/to-json-schema';
import { SetSchema, type EditorView } from './schema';

export function setJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(SetSchema, {
    // A mapping is a pipe of "is a mapping" and the strict object: the object is what an editor checks.
    typeMode: 'output',
    overrideSchema: ({ valibotSchema }) =>
      // `mapping` checks "is a mapping" with a custom predicate before the strict object.
      valibotSchema.type === 'custom' ? { type: 'object' } : undefined,
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const view = (valibotAction as { metadata?: { editor?: EditorView } }).metadata?.editor;
      // The editor's view replaces the text field (a string of digits) by what YAML shows (an integer).
      if (valibotAction.type === 'metadata' && view) return { ...view };
      // A range check on the text: the editor's view states the range.
      if (valibotAction.type === 'check') return jsonSchema;
      return undefined;
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'backprop-tutor exercise set',
    description: 'A teacher exercise set: backprop-tutor generate SET.yaml --out DIR (see docs/sets.md).',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The file's text: stable key order, two-space indent, final newline. */
export function setJsonSchemaText(): string {
  return `${JSON.stringify(setJsonSchema(), null, 2)}\n`;
}
