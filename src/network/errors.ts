// One error type for every bad input file: it knows the file, the line, the field and what was expected,
// so the CLI can print a single clear line and exit 2 without a stack trace.

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly expected: string,
    readonly line: number | null = null,
  ) {
    super(formatInputError(file, field, expected, line));
    this.name = 'InputError';
  }
}

export function formatInputError(file: string, field: string | null, expected: string, line: number | null): string {
  const where = line === null ? file : `${file}:${line}`;
  return field ? `${where}: ${field}: ${expected}` : `${where}: ${expected}`;
}

/** Renders a path such as ['layers', 1, 'weights'] as `layers[1].weights`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
