// Vectors and matrices of exact values: rows of Values, plain readonly data.
import type { Value } from './value';

export type Vector = readonly Value[];
export type Matrix = readonly Vector[];
