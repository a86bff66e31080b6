// One student's exam: for each question of the set, the exercise drawn from the student's seed (a
// template question) or the file's exercise (the same for all). Each variant passes the self-test
// before it is kept; one that fails is replaced by the next attempt and the failure is reported.
import { generateExercise } from '../exercises/generate';
import type { Exercise } from '../exercises/types';
import { fileExercise } from './file-exercise';
import type { Student } from './roster';
import { questionSeed, studentCode, studentSeed } from './seed';
import type { ExerciseSet } from './types';

export interface ExamQuestion {
  readonly exercise: Exercise;
  readonly points: number;
}

export interface Exam {
  readonly student: Student;
  readonly code: string;
  readonly questions: readonly ExamQuestion[];
}

/** A variant the self-test rejected, and why. */
export interface Replaced {
  readonly student: string;
  /** 1-based question number. */
  readonly question: number;
  readonly seed: number;
  readonly why: string;
}

/** The self-test of one exercise: null when its key is right, else what is wrong. */
export type SelfTest = (exercise: Exercise) => string | null;

/** Attempts per question before giving up (a template's variants almost never fail). */
export const MAX_ATTEMPTS = 20;

export class SelfTestError extends Error {
  override name = 'SelfTestError';
}

export function studentExam(set: ExerciseSet, student: Student, selfTest: SelfTest, replaced: Replaced[] = []): Exam {
  return examOfSeed(set, studentSeed(set.seed, student.id), student, selfTest, replaced);
}

/**
 * The exam of a student's seed (what the printed code holds): the same questions, replacements
 * included, whoever asks, so a key is regenerated from the code and the set file alone.
 */
export function examOfSeed(
  set: ExerciseSet,
  seed: number,
  student: Student,
  selfTest: SelfTest,
  replaced: Replaced[] = [],
): Exam {
  const questions = set.questions.map((question, i): ExamQuestion => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const exerciseSeed = questionSeed(seed, i + 1, attempt);
      const exercise =
        question.kind === 'template'
          ? generateExercise({
              template: question.template,
              seed: exerciseSeed,
              difficulty: question.difficulty,
              lang: set.lang,
            })
          : fileExercise(question, set.seed, set.lang);
      const why = selfTest(exercise);
      if (why === null) return { exercise, points: question.points };
      replaced.push({ student: student.id, question: i + 1, seed: exerciseSeed, why });
      // A file's exercise is the same on every attempt: a failure there is the file's, not a variant's.
      if (question.kind === 'file') break;
    }
    throw new SelfTestError(`question ${i + 1} for student ${student.id}: no variant passed the self-test`);
  });
  return { student, code: studentCode(seed), questions };
}
