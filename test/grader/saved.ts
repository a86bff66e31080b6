// Exercise files saved by an earlier version of the generator, for the tests whose examples were found
// on that version: such a file is graded as it was made (grader/provenance.ts).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Exercise } from '../../src/exercises/types';
import { parseExercise } from '../../src/grader';
import { checkedAgainstTemplate } from '../../src/grader/provenance';

/**
 * An exercise as generator version 1 made it (saved in generator-1/): such a file keeps grading as it
 * was made, so the examples found on version 1 stay checkable.
 */
export function savedExercise(name: string): Exercise {
  const text = readFileSync(new URL(`./generator-1/${name}.json`, import.meta.url), 'utf8');
  const { loaded, notes } = checkedAgainstTemplate(parseExercise(text));
  expect(loaded.exercise.generator).toBe(1);
  expect(notes).toEqual([]);
  return loaded.exercise;
}
