// A tampered exercise file cannot make a wrong answer right: a file naming a template is graded as the
// template makes it, and says so; hand-written files and files of another generator version stand.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, generateExercise } from '../../src/exercises';
import { gradeExercise, gradingContext, parseExercise } from '../../src/grader';
import { checkedAgainstTemplate } from '../../src/grader/provenance';

function graded(file: object, answer: string) {
  const { loaded, notes } = checkedAgainstTemplate(parseExercise(JSON.stringify(file)));
  const ctx = gradingContext(loaded.exercise, { tolerances: loaded.tolerances });
  const [result] = gradeExercise(ctx, new Map([['a1', answer]]));
  return { result, notes: notes.map((n) => n.en) };
}

// partial-derivative, seed 2: z = ax + by, ∂z/∂y = b (by hand).
const symbolic = generateExercise({ template: 'partial-derivative', seed: 2, difficulty: 1 });

describe('exercise files checked against their template', () => {
  it('the file as generated: graded as it stands, no note', () => {
    expect(symbolic.generator).toBe(2);
    const { result, notes } = graded(symbolic, 'b');
    expect(result.status).toBe('correct');
    expect(notes).toEqual([]);
  });

  it('every template’s file, saved and read back, is what its template makes', () => {
    let files = 0;
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (const seed of [1, 2]) {
          let exercise: ReturnType<typeof generateExercise>;
          try {
            exercise = generateExercise({ template: template.name, difficulty, seed });
          } catch {
            continue;
          }
          const { notes } = checkedAgainstTemplate(parseExercise(JSON.stringify(exercise, null, 2)));
          expect(notes.map((n) => n.en)).toEqual([]);
          files++;
        }
    expect(files).toBeGreaterThan(60);
  });

  it('an edited model answer does not make a wrong formula right', () => {
    const tampered = {
      ...symbolic,
      asks: [{ ...symbolic.asks[0], expression: 'a' }],
      expected: { a1: { expression: 'a', latex: 'a' } },
    };
    const { result, notes } = graded(tampered, 'a');
    expect(result.status).toBe('incorrect');
    expect(notes.join(' ')).toMatch(/differs from exercise partial-derivative \(seed 2, difficulty 1\)/);
    expect(graded(tampered, 'b').result.status).toBe('correct');
  });

  it('an added tolerance is ignored in a generated file', () => {
    // hidden-delta, difficulty 2, seed 3: δ¹₁ = 0.0075 (worked by hand in diagnosis.test.ts).
    const exercise = generateExercise({ template: 'hidden-delta', seed: 3, difficulty: 2 });
    const { result, notes } = graded({ ...exercise, tolerance: { absolute: '1' } }, '0.5');
    expect(result.status).toBe('incorrect');
    expect(notes.join(' ')).toMatch(/tolerance/);
  });

  it('a hand-written file keeps its tolerance; another generator version stands as made', () => {
    const exercise = generateExercise({ template: 'hidden-delta', seed: 3, difficulty: 2 });
    const custom = { ...exercise, template: undefined, seed: undefined, tolerance: { absolute: '1' } };
    expect(graded(custom, '0.5').result.status).toBe('correct');
    const older = {
      ...symbolic,
      generator: 1,
      asks: [{ ...symbolic.asks[0], expression: 'a' }],
      expected: { a1: { expression: 'a', latex: 'a' } },
    };
    const { result, notes } = graded(older, 'a');
    expect(result.status).toBe('correct');
    expect(notes).toEqual([]);
  });
});
