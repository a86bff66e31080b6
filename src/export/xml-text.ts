// Text for xmlbuilder2, kept literal and legal: the library escapes `<`, `>` and a bare `&`, but it
// leaves an `&` that already starts one of XML's five entity references (`&lt;`, `&amp;` …) as it is,
// so HTML carried as text (`a &lt; b`) would come out as markup; escaping every `&` first makes each
// one bare to the library's rule too. It also writes characters XML 1.0 forbids (control characters,
// U+FFFE) as they are, which an importer rejects: each becomes U+FFFD, the replacement character.
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Characters XML 1.0 allows only (for CDATA, which the library writes as given). */
export const legal = (text: string): string => text.replace(ILLEGAL, '\uFFFD');

export const literal = (text: string): string => legal(text).replace(/&/g, '&amp;');

/** Attribute values, each kept literal. */
export const literalAttributes = (attrs: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, literal(v)]));
