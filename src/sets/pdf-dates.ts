// Same inputs, same bytes: Chromium writes the time of printing into a PDF's metadata. The dates are
// replaced in place by one fixed date of the same length, so the cross-reference offsets stay right.
const DATE = /\/(CreationDate|ModDate) \(D:(\d{14})([+-]\d\d'\d\d')?\)/g;
const FIXED = '20000101000000';

export function fixedPdfDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(
    DATE,
    (_, key: string, _digits: string, zone: string | undefined) =>
      `/${key} (D:${FIXED}${zone === undefined ? '' : "+00'00'"})`,
  );
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
