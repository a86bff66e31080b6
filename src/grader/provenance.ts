// A generated exercise file is checked against what its template makes, so that editing it cannot
// make a wrong answer right. Values asked of the network are recomputed from the network anyway; what
// cannot be (a formula's model answer, a tolerance, the network itself) is taken from the template
// when the file names one, with a note saying that the file differs. Hand-written files (no template)
// are the teacher's and are taken as they stand; so is a file made by another generator version,
// since regenerating it now would make a different exercise.
import { GENERATOR_VERSION, generateExercise, templateByName } from '../exercises';
import type { Exercise } from '../exercises/types';
import type { LoadedExercise } from './exercise-file';
import { text, type Text } from './text';

export interface Checked {
  readonly loaded: LoadedExercise;
  /** What was changed and why, for the student; null when the file is what its template makes. */
  readonly notes: readonly Text[];
}

/**
 * JSON with sorted keys and every scalar as its text, so that two equal values compare equal whatever
 * their key order (a file read back holds its numbers and nulls as text).
 */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object')
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(String(x));
}

const GRADED_PARTS = ['network', 'given', 'asks', 'expected'] as const;

function sameParts(a: Exercise, b: Exercise): boolean {
  return GRADED_PARTS.every((part) => canonical(a[part] ?? {}) === canonical(b[part] ?? {}));
}

export function checkedAgainstTemplate(loaded: LoadedExercise): Checked {
  const { exercise } = loaded;
  if (exercise.template === 'custom' || templateByName(exercise.template) === undefined) return { loaded, notes: [] };
  const notes: Text[] = [];
  let tolerances = loaded.tolerances;
  if (tolerances.size > 0) {
    // The generator never writes a tolerance: one in a generated file was added by hand.
    tolerances = new Map();
    notes.push(
      text(
        `the file sets a tolerance, which exercise ${exercise.template} does not have; it is graded without it`,
        `このファイルには演習 ${exercise.template} にない許容誤差が書かれています。許容誤差なしで採点します`,
      ),
    );
  }
  if ((exercise.generator ?? 1) !== GENERATOR_VERSION) return { loaded: { ...loaded, tolerances }, notes };
  let made: Exercise;
  try {
    made = generateExercise({
      template: exercise.template,
      seed: exercise.seed,
      difficulty: exercise.difficulty,
      lang: exercise.lang,
    });
  } catch {
    return { loaded: { ...loaded, tolerances }, notes };
  }
  if (sameParts(exercise, made)) return { loaded: { ...loaded, tolerances }, notes };
  const where = `${exercise.template} (seed ${exercise.seed}, difficulty ${exercise.difficulty})`;
  notes.push(
    text(
      `the file differs from exercise ${where}; it is graded as that exercise`,
      `このファイルは演習 ${where} と異なります。その演習として採点します`,
    ),
  );
  return { loaded: { ...loaded, exercise: made, tolerances }, notes };
}
