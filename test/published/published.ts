// Reproducing published numbers through the CLI: `backprop-tutor solve FILE --format json`, run from
// a private build (test/cli/build-cli.ts), and a published number compared with the tool's value
// rounded to as many decimal places as the publication prints.
import DecimalBase from 'decimal.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildCli, type BuiltCli } from '../cli/build-cli';

/** One value of the solve JSON. */
export interface JsonNumber {
  readonly exact: string | null;
  readonly approx: string;
  readonly latex: string;
}

/** Builds the CLI once for the calling test file; `solveJson(file)` runs `solve FILE --format json`. */
export function useSolveJson(): (file: string) => Record<string, unknown> {
  let built: BuiltCli | undefined;
  beforeAll(() => {
    built = buildCli();
  });
  afterAll(() => built?.remove());
  return (file) => {
    const { status, stdout, stderr } = built!.run('solve', file, '--format', 'json');
    expect(stderr, `solve ${file}`).toBe('');
    expect(status, `solve ${file}`).toBe(0);
    return JSON.parse(stdout) as Record<string, unknown>;
  };
}

/** The decimal places of a published number as printed: "0.73" → 2, "-12" → 0, "2.06106005e-09" → 16. */
export function placesOf(printed: string): number {
  const [mantissa, exponent = '0'] = printed.toLowerCase().split('e');
  const places = mantissa.split('.')[1]?.length ?? 0;
  return places - Number(exponent);
}

/** The tool's value rounded half up to the places the publication prints, written like it. */
export function asPrinted(value: JsonNumber, printed: string): string {
  const places = placesOf(printed);
  const rounded = new DecimalBase(value.approx).toDecimalPlaces(places, DecimalBase.ROUND_HALF_UP);
  return rounded.equals(new DecimalBase(printed)) ? printed : rounded.toFixed(places);
}

/** Expects the tool's value to be the published number at its printed precision. */
export function expectPrinted(name: string, value: JsonNumber, printed: string): void {
  expect(`${name} = ${asPrinted(value, printed)}`).toBe(`${name} = ${printed}`);
}
