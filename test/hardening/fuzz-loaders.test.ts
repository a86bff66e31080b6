// Random, seeded mutations of every bundled file in exercises/ (and of generated exercise files), fed
// to the loader that reads it and then to the computation behind it. Whatever the mutation, the outcome
// is the file accepted within the limits, or one clean error: an InputError of one line naming the
// file, or the exact-value limit. Never a TypeError, a stack overflow or any other exception. A sample of
// the mutated files also goes through the built CLI: exit 0 or 2, and no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';
import { solve } from '../../src/engine/solve';
import { isTraining, train } from '../../src/engine/train';
import { generateExercise } from '../../src/exercises/index';
import { createRng, type Rng } from '../../src/exercises/prng';
import { gradingContext } from '../../src/grader/context';
import { parseExercise } from '../../src/grader/exercise-file';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { parseWork } from '../../src/grader/work-file';
import { parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { InputError } from '../../src/network/errors';
import { ExactLimitError, LIMITS } from '../../src/number/limits';
import { OutOfRangeError } from '../../src/number/value';
import { parseSet } from '../../src/sets/load';

const MUTANTS_PER_FILE = Number(process.env.FUZZ_MUTANTS ?? 24);
const CLI_SAMPLE_EVERY = 23;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

type Kind = 'network' | 'graph' | 'work' | 'set' | 'exercise';

function kindOf(path: string, text: string): Kind {
  const rel = relative(ROOT, path);
  if (path.endsWith('.json')) return 'exercise';
  if (/^exercises\/sets\/[^/]+\.yaml$/.test(rel)) return 'set';
  if (/^exercises\/work\//.test(rel)) return 'work';
  return /^graph:/m.test(text) ? 'graph' : 'network';
}

const mazur = loadNetwork(join(ROOT, 'exercises/networks/mazur.yaml'));

/** Loads `text` as a file of `kind` (at `path`, so that a set finds its networks) and does its work. */
function loadAndRun(kind: Kind, text: string, path: string): void {
  switch (kind) {
    case 'network': {
      const spec = parseNetwork(text, path);
      expect(spec.layers.length).toBeLessThanOrEqual(LIMITS.layers);
      expect(spec.input.length).toBeLessThanOrEqual(LIMITS.samples);
      for (const layer of spec.layers) {
        expect(layer.weights.length).toBeLessThanOrEqual(LIMITS.units);
        expect(layer.weights[0].length).toBeLessThanOrEqual(LIMITS.units);
      }
      if (isTraining(spec)) train(spec);
      else solve(spec);
      return;
    }
    case 'graph': {
      const spec = parseGraph(text, path);
      expect(spec.nodes.length).toBeLessThanOrEqual(LIMITS.graphNodes);
      solveGraph(spec);
      return;
    }
    case 'work':
      parseWork(text, mazur, path);
      return;
    case 'set':
      parseSet(text, path);
      return;
    case 'exercise': {
      const loaded = parseExercise(text, path);
      gradingContext(loaded.exercise, { tolerances: loaded.tolerances });
      return;
    }
  }
}

const HOSTILE_NUMBERS = [
  '1e9999',
  '1e1000',
  '-1e1000',
  '1e-1000',
  '-1e300',
  '9'.repeat(101),
  `0.${'3'.repeat(99)}`,
  '1/0',
  '0',
  '-0',
  '1e',
  '.5e-3',
  '0x10',
  'NaN',
  '∞',
  '1,5',
];
const HOSTILE_CHARS = [
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '-',
  '"',
  "'",
  '\n',
  '\t',
  '#',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  '%',
  '@',
  '\u202e',
  '\u0000',
  '\r',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'layers', 'graph', 'steps', 'asks', 'x'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)];

/** One random change of the text: a number, a line, a character, a key, nesting or the end. */
function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  switch (rng.int(0, 8)) {
    case 0:
    case 1: {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)];
      if (numbers.length === 0) return text;
      const m = pick(rng, numbers);
      return text.slice(0, m.index) + pick(rng, HOSTILE_NUMBERS) + text.slice(m.index! + m[0].length);
    }
    case 2: {
      const k = rng.int(0, lines.length - 1);
      const copies = pick(rng, [2, 17, 65, 1001, 3000]);
      return [...lines.slice(0, k), ...Array(copies).fill(lines[k]), ...lines.slice(k + 1)].join('\n');
    }
    case 3: {
      const k = rng.int(0, lines.length - 1);
      return [...lines.slice(0, k), ...lines.slice(k + 1)].join('\n');
    }
    case 4: {
      const at = rng.int(0, text.length);
      return text.slice(0, at) + pick(rng, HOSTILE_CHARS) + text.slice(at + 1);
    }
    case 5:
      return text.slice(0, rng.int(0, text.length));
    case 6: {
      const keys = [...text.matchAll(/([A-Za-z_]+)(?=":|:)/g)];
      if (keys.length === 0) return text;
      const m = pick(rng, keys);
      return text.slice(0, m.index) + pick(rng, HOSTILE_KEYS) + text.slice(m.index! + m[0].length);
    }
    case 7: {
      // Wrap a number in brackets, from a few levels to far past the nesting limit.
      const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      if (numbers.length === 0) return text;
      const m = pick(rng, numbers);
      const depth = pick(rng, [3, 63, 65, 500, 5000]);
      return `${text.slice(0, m.index)}${'['.repeat(depth)}${m[0]}${']'.repeat(depth)}${text.slice(m.index! + m[0].length)}`;
    }
    default: {
      const a = rng.int(0, lines.length - 1);
      const b = rng.int(0, lines.length - 1);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/**
 * A clean refusal: an InputError of one line naming the file (a set may name a network file it
 * refers to, beside it), or an exact value over the limit.
 */
function expectClean(error: unknown, path: string, mutant: string): void {
  if (error instanceof InputError) {
    const named = kindOf(path, mutant) === 'set' ? dirname(path) : path;
    expect(error.message.startsWith(named), error.message).toBe(true);
    for (const lang of ['en', 'ja'] as const) expect(error.messageIn(lang)).not.toMatch(/\n/);
    return;
  }
  if (error instanceof ExactLimitError || error instanceof OutOfRangeError) return;
  throw new Error(
    `unclean failure for a mutant of ${path}: ${(error as Error)?.stack ?? String(error)}\n--- mutant (first 400 characters):\n${mutant.slice(0, 400)}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));

/** The bundled files, and exercise files as `exercise --format json` writes them (a network, a graph, a formula ask). */
function seeds(): { name: string; path: string; text: string }[] {
  const bundled = filesUnder(join(ROOT, 'exercises')).map((path) => ({
    name: relative(ROOT, path),
    path,
    text: readFileSync(path, 'utf8'),
  }));
  const generated = [
    ['hidden-delta', 2],
    ['softmax-ce-gradient', 3],
    ['graph-backward', 1],
    ['output-bias-formula', 1],
    ['hidden-bias-formula', 2],
  ].map(([template, difficulty]) => ({
    name: `exercise --template ${template} --format json`,
    path: join(dir, `${template}.json`),
    text: JSON.stringify(
      generateExercise({ template: template as string, seed: 3, difficulty: difficulty as 1 | 2 }),
      null,
      2,
    ),
  }));
  return [...bundled, ...generated];
}

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.remove());

describe('fuzzed loaders: never a stack trace, never over the limits', () => {
  const all = seeds();

  it('finds every bundled file', () => {
    expect(all.length).toBeGreaterThanOrEqual(16);
  });

  it.each(all.map((s) => [s.name, s] as const))('%s', (name, { path, text }) => {
    const kind = kindOf(path, text);
    // The unmutated file loads and runs.
    loadAndRun(kind, text, path);
    // Seeded by the name inside the repository, so every checkout draws the same mutants.
    const rng = createRng(0x5eed ^ name.length ^ text.length);
    for (let k = 0; k < MUTANTS_PER_FILE; k++) {
      let mutant = text;
      for (let n = rng.int(1, 3); n > 0; n--) mutant = mutate(rng, mutant);
      try {
        loadAndRun(kind, mutant, path);
      } catch (error) {
        expectClean(error, path, mutant);
      }
      if (k % CLI_SAMPLE_EVERY === 0 && kind !== 'set' && kind !== 'work') {
        // Through the CLI too: a mutant beside the original (a set's networks resolve from its folder).
        const file = join(dir, `mutant-${k}-${path.replace(/\W/g, '_')}${path.endsWith('.json') ? '.json' : '.yaml'}`);
        writeFileSync(file, mutant);
        const args = kind === 'exercise' ? ['check', file, '--answer', 'a1=1'] : ['solve', file, '--format', 'json'];
        const r = spawnSync(process.execPath, [cli.cli, ...args], {
          encoding: 'utf8',
          timeout: 10_000,
          killSignal: 'SIGKILL',
          maxBuffer: 64 << 20,
        });
        expect(r.signal, `${file} was killed`).toBeNull();
        expect([0, 2], r.stderr).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      }
    }
  });
});
