// Text for xmlbuilder2, kept literal: the library escapes `<`, `>` and a bare `&`, but it leaves an
// `&` that already starts one of XML's five entity references (`&lt;`, `&amp;` …) as it is, so HTML
// carried as text (`a &lt; b`) would come out as markup. Escaping every `&` first makes each one
// a bare ampersand to the library's rule as well: the text reads back exactly as given.
export const literal = (text: string): string => text.replace(/&/g, '&amp;');

/** Attribute values, each kept literal. */
export const literalAttributes = (attrs: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, literal(v)]));
