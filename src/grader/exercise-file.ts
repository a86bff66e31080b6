// Reads an exercise JSON file (the contract of `backprop-tutor exercise --format json`) for grading.
// The file is untrusted like any input: its structure is checked with valibot, its network with the
// project's own network validator, and every ask must be one the engine can compute. Any problem is
// one InputError naming the field and its line. Numbers stay exact strings (YAML failsafe schema).
import * as v from 'valibot';
import { InputError } from '../network/errors';
import { networkFromSource } from '../network/load';
import { fail, readSource, parseSource, type Path, type Source } from '../network/source';
import { graphFromSource } from '../graph/load';
import { givenOutputsOf } from '../exercises/given';
import { parseLiteral, sign } from '../number/value';
import type { Ask, Exercise, GraphFile, NetworkFile } from '../exercises/types';
import type { Tolerance } from './compare';

const text = (what: string) => v.string(`expected ${what}`);
const integerText = (what: string) => v.pipe(text(what), v.regex(/^\d{1,6}$/, `expected ${what}`));

const ToleranceSchema = v.strictObject(
  { absolute: v.optional(text('a number such as 0.001')), relative: v.optional(text('a number such as 0.01')) },
  'unknown field (a tolerance has absolute and/or relative)',
);

const AskSchema = v.looseObject({
  id: v.pipe(text('an ask id such as "a1"'), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected an ask id such as "a1" (letters, digits, _ or -)')),
  quantity: text('a quantity such as "delta" or "grad_bias"'),
  layer: v.optional(integerText('a layer index (0, 1, …)')),
  index: v.optional(v.array(integerText('a cell index (0, 1, …)'), 'expected a list of indices such as [0, 1]')),
  node: v.optional(text('a node name')),
  tolerance: v.optional(ToleranceSchema),
});

const ExerciseSchema = v.looseObject({
  network: v.unknown(),
  given: v.optional(v.unknown()),
  asks: v.pipe(v.array(AskSchema, 'expected a list of asks, each with id and quantity'), v.minLength(1, 'expected at least one ask')),
  expected: v.optional(v.record(v.string(), v.unknown(), 'expected a mapping from ask id to value')),
  hints: v.optional(v.record(v.string(), v.array(v.string()), 'expected a mapping from ask id to a list of hints')),
  tolerance: v.optional(ToleranceSchema),
});

export interface LoadedExercise {
  readonly exercise: Exercise;
  /** Tolerance overrides: by ask id, '*' for the whole exercise. */
  readonly tolerances: ReadonlyMap<string, Tolerance>;
  readonly source: Source;
}

export function loadExercise(file: string): LoadedExercise {
  return exerciseFromSource(readSource(file));
}

export function parseExercise(textValue: string, file = '<exercise>'): LoadedExercise {
  return exerciseFromSource(parseSource(file, textValue));
}

/** A source for a part of the file, so that errors in the network name `network.…` and its line. */
function subSource(source: Source, prefix: Path): Source {
  let data: unknown = source.data;
  for (const key of prefix) data = (data as Record<string | number, unknown>)[key];
  return { file: source.file, data, lineOf: (path) => source.lineOf([...prefix, ...path]) };
}

function prefixed<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.file, error.field ? `${prefix}.${error.field}` : prefix, error.expected, error.line);
    throw error;
  }
}

function toleranceOf(source: Source, path: Path, raw: { absolute?: string; relative?: string }): Tolerance {
  const read = (key: 'absolute' | 'relative') => {
    const t = raw[key];
    if (t === undefined) return undefined;
    const value = parseLiteral(t);
    if (!value || sign(value) < 0) fail(source, [...path, key], `expected a non-negative number, got ${JSON.stringify(t)}`);
    return value;
  };
  return { absolute: read('absolute'), relative: read('relative') };
}

export function exerciseFromSource(source: Source): LoadedExercise {
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(source, [], 'expected an exercise: a mapping with network, asks and expected (as printed by `backprop-tutor exercise --format json`)');
  }
  const parsed = v.safeParse(ExerciseSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    fail(source, path, issue.input === undefined ? 'missing required field' : issue.message);
  }
  const raw = parsed.output;
  const rawNetwork = raw.network;
  const isNull = rawNetwork === undefined || rawNetwork === null || rawNetwork === 'null' || rawNetwork === '~' || rawNetwork === '';
  let network: NetworkFile | GraphFile | null = null;
  if (!isNull) {
    if (typeof rawNetwork !== 'object' || Array.isArray(rawNetwork)) fail(source, ['network'], 'expected a network file (a mapping with layers, …) or a graph file, or null');
    const part = subSource(source, ['network']);
    if ('graph' in (rawNetwork as object)) prefixed('network', () => graphFromSource(part));
    else givenOutputsOf(raw.given as Exercise['given'], prefixed('network', () => networkFromSource(part)), source.file);
    network = rawNetwork as NetworkFile | GraphFile;
  }
  const tolerances = new Map<string, Tolerance>();
  if (raw.tolerance) tolerances.set('*', toleranceOf(source, ['tolerance'], raw.tolerance));
  const seen = new Set<string>();
  const asks: Ask[] = raw.asks.map((a, i) => {
    if (seen.has(a.id)) fail(source, ['asks', i, 'id'], `ask id "${a.id}" is used twice`);
    seen.add(a.id);
    if (a.tolerance) tolerances.set(a.id, toleranceOf(source, ['asks', i, 'tolerance'], a.tolerance));
    const ask: Record<string, unknown> = { ...a };
    if (a.layer !== undefined) ask.layer = Number(a.layer);
    if (a.index !== undefined) ask.index = a.index.map(Number);
    delete ask.tolerance;
    return ask as unknown as Ask;
  });
  const exercise: Exercise = {
    template: typeof (raw as Record<string, unknown>).template === 'string' ? ((raw as Record<string, unknown>).template as string) : 'custom',
    seed: Number((raw as Record<string, unknown>).seed ?? 0) || 0,
    difficulty: 1,
    lang: (raw as Record<string, unknown>).lang === 'ja' ? 'ja' : 'en',
    network,
    given: raw.given as Exercise['given'],
    asks,
    prompt: typeof (raw as Record<string, unknown>).prompt === 'string' ? ((raw as Record<string, unknown>).prompt as string) : '',
    expected: (raw.expected ?? {}) as Exercise['expected'],
    hints: (raw.hints ?? {}) as Exercise['hints'],
  };
  return { exercise, tolerances, source };
}
