// A teacher's exercise set, validated: questions drawn from templates (a new variant per student) or
// asked about one network or graph file (the same for every student).
import type { Difficulty, GraphAsk, GraphFile, Lang, NetworkAsk, NetworkFile } from '../exercises/types';

export interface TemplateQuestion {
  readonly kind: 'template';
  readonly template: string;
  readonly difficulty: Difficulty;
  readonly points: number;
}

export interface FileQuestion {
  readonly kind: 'file';
  /** The path as written in the set file (relative to it). */
  readonly path: string;
  /** The network or graph file's data, every scalar an exact string (as the exercise JSON carries it). */
  readonly network: NetworkFile | GraphFile;
  readonly asks: readonly (NetworkAsk | GraphAsk)[];
  readonly points: number;
}

export type SetQuestion = TemplateQuestion | FileQuestion;

export interface ExerciseSet {
  readonly file: string;
  readonly title: string;
  readonly lang: Lang;
  readonly seed: number;
  readonly questions: readonly SetQuestion[];
}
