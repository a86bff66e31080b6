// A worked solution as a renderer-neutral document: sections of blocks (paragraphs, steps, figures,
// tables), with text already in the reader's language and math as LaTeX. The LaTeX, Markdown and
// HTML renderers (and the PDF, printed from the HTML) take only this, so any solver can plug in:
// networks build one with src/trace/document.ts; a computational graph builds its own the same way
// (its figure as an SVG string) and calls renderHtml/renderMarkdown/renderLatex.
//
// Text is plain (renderers escape it); math is LaTeX that KaTeX renders (renderers never evaluate it).
import type { Lang } from '../i18n/messages';
import type { NetworkDrawing } from '../text/network-drawing';

/** A run of text or inline math. */
export type Inline = string | { readonly math: string };
export type RichText = readonly Inline[];

export type Relation = '=' | '\\approx';

/** One derivation step: formula, the same with numbers, the result. */
export interface DocStep {
  /** Unique in the document; HTML uses it as the anchor "step-<id>". */
  readonly id: string;
  readonly label: RichText;
  /** Symbolic LaTeX, e.g. "a^{(1)}_{1} = x_{1} w^{(1)}_{11} + b^{(1)}_{1}". */
  readonly formula: string;
  /** LaTeX of the condition the formula holds under ("a = -0.3 < 0"), shown beside it. */
  readonly condition: string | null;
  /** LaTeX with the numbers substituted, shown after `substitutedRelation`; null to skip. */
  readonly substituted: string | null;
  readonly substitutedRelation: Relation;
  /** LaTeX of the result, shown after `resultRelation`; null when the formula already ends with it. */
  readonly result: string | null;
  readonly resultRelation: Relation;
  readonly note: RichText | null;
  /** Machine-readable facts for HTML data- attributes (quantity, layer, index…). */
  readonly data?: Readonly<Record<string, string>>;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: RichText }
  | { readonly kind: 'heading'; readonly text: RichText }
  | { readonly kind: 'list'; readonly items: readonly RichText[] }
  | { readonly kind: 'math'; readonly latex: string }
  /** Lines set in a fixed-width font, spaces kept (an exercise's aligned matrices). */
  | { readonly kind: 'preformatted'; readonly lines: readonly string[] }
  | { readonly kind: 'step'; readonly step: DocStep }
  | {
      readonly kind: 'figure';
      readonly id: string;
      /** A complete <svg> element, produced by our own code (user strings in it already escaped). */
      readonly svg: string;
      readonly alt: string;
      readonly caption: RichText;
      /** The same figure as text, for the terminal (drawn to its width there). */
      readonly drawing?: NetworkDrawing;
    }
  | { readonly kind: 'table'; readonly header: readonly RichText[]; readonly rows: readonly (readonly RichText[])[] };

export interface DocSection {
  /** Unique, [a-z0-9-]: an anchor and a page-break unit. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** false: printed straight after the section before (the parts of one question); default: a new page. */
  readonly newPage?: boolean;
}

export interface WorkedDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: RichText | null;
  readonly sections: readonly DocSection[];
}

/** Every LaTeX string of the document, in order (for checks such as "KaTeX renders all of them"). */
export function documentMath(doc: WorkedDocument): string[] {
  const out: string[] = [];
  const rich = (t: RichText | null) => t?.forEach((x) => typeof x !== 'string' && out.push(x.math));
  rich(doc.subtitle);
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
          rich(block.text);
          break;
        case 'list':
          block.items.forEach(rich);
          break;
        case 'math':
          out.push(block.latex);
          break;
        case 'step': {
          const s = block.step;
          rich(s.label);
          out.push(s.formula);
          if (s.condition) out.push(s.condition);
          if (s.substituted !== null) out.push(s.substituted);
          if (s.result !== null) out.push(s.result);
          rich(s.note);
          break;
        }
        case 'figure':
          rich(block.caption);
          break;
        case 'table':
          block.header.forEach(rich);
          block.rows.forEach((row) => row.forEach(rich));
          break;
      }
    }
  }
  return out;
}
