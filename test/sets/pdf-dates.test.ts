import { expect, test } from 'vitest';
import { fixedPdfDates } from '../../src/sets/pdf-dates';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

test("the printing time in a PDF's metadata becomes one fixed date of the same length", () => {
  const pdf = "%PDF-1.4\n<</CreationDate (D:20261204002548+09'00')\n/ModDate (D:20261204002549+00'00')>>\nrest\xff";
  const out = fixedPdfDates(bytes(pdf));
  expect(Buffer.from(out).toString('latin1')).toBe(
    "%PDF-1.4\n<</CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>\nrest\xff",
  );
  expect(out.length).toBe(pdf.length);
});
