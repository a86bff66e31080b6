// `--format html`: one self-contained, printable HTML file. Math is typeset here with KaTeX (loaded
// only by this renderer) and its CSS and fonts are embedded, so the file opens without a network.
// Printing: each section starts a page, a step is never split, and a formula wider than the page is
// scaled down to fit by a small inline script (printing cannot scroll).
import type { Block, DocStep, Inline, RichText, WorkedDocument } from '../document/model';
import { escapeHtml } from '../text/escape';
import { katexClassNames, katexCssFor } from './katex-css';
import { type ShapedHtml, shapeTypesetter } from './katex-shapes';

type Katex = typeof import('katex').default;

/**
 * Every formula typeset in this process, by output mode, display and LaTeX: a class's worksheets, keys
 * and solutions repeat the same formulas, and KaTeX's output depends on nothing else. Kept in two
 * generations: when the newer is full it becomes the older and the older is dropped, so formulas that
 * every student's pages repeat stay while a class of a thousand passes through, and memory stays
 * within two generations (a few KB a formula: about 40 MB).
 */
let typesetNew = new Map<string, ShapedHtml>();
let typesetOld = new Map<string, ShapedHtml>();
/** Formulas in a generation at most. */
const TYPESET_MAX = 5_000;

function typesetFormula(key: string, typeset: () => ShapedHtml): ShapedHtml {
  let html = typesetNew.get(key);
  if (html !== undefined) return html;
  html = typesetOld.get(key) ?? typeset();
  if (typesetNew.size >= TYPESET_MAX) {
    typesetOld = typesetNew;
    typesetNew = new Map();
  }
  typesetNew.set(key, html);
  return html;
}

/** Typesets LaTeX with KaTeX, each distinct formula once: as HTML (needs KaTeX's CSS), MathML, or both. */
function mathRenderer(katex: Katex, output: 'html' | 'mathml' | 'htmlAndMathml' = 'html') {
  const whole = (latex: string) =>
    katex.renderToString(latex, { throwOnError: true, displayMode: false, output, strict: 'ignore' });
  // KaTeX's HTML output is the same for formulas that differ only in their numbers (see katex-shapes);
  // MathML is typeset whole.
  const typeset =
    output === 'html' ? shapeTypesetterFor(katex, whole) : (latex: string) => ({ html: whole(latex), shape: null });
  return (latex: string, display = false): ShapedHtml =>
    typesetFormula(`${output}:${display ? 'D' : 'I'}${latex}`, () => typeset(latex));
}

/** One shape store per KaTeX (a process loads one): shapes found for one page serve the next. */
const SHAPES = new WeakMap<Katex, (latex: string) => ShapedHtml>();

function shapeTypesetterFor(katex: Katex, whole: (latex: string) => string): (latex: string) => ShapedHtml {
  let typeset = SHAPES.get(katex);
  if (typeset === undefined) {
    typeset = shapeTypesetter(whole);
    SHAPES.set(katex, typeset);
  }
  return typeset;
}

/** The HTML of each formula, for the pages that need no more. */
function htmlOnly(math: ReturnType<typeof mathRenderer>) {
  return (latex: string) => math(latex).html;
}

const PAGE_CSS = `
@page { size: A4; margin: 15mm 14mm 16mm; }
:root { color-scheme: light; }
body { font: 16px/1.55 "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, "IPAPGothic", system-ui, sans-serif;
  color: #1b2333; max-width: 58rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 0 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #c9d3e3; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; color: #33415c; }
.subtitle { color: #4a5568; margin: 0 0 1rem; }
nav.toc ol { margin: .3rem 0 0; padding-left: 1.4rem; }
section { margin-top: 2.4rem; }
.math { margin: .4rem 0 .6rem 1rem; }
.eq { overflow-x: auto; overflow-y: hidden; padding: .1rem 0; }
.step { margin: .55rem 0; padding: .35rem .7rem; border-left: 3px solid #c9d3e3; background: #f8fafc; }
.step .label { font-weight: 600; font-size: .92rem; color: #33415c; }
.step .eq { padding-left: 1rem; }
.step .eq.first { padding-left: 0; }
.step .cond { color: #4a5568; margin-left: 1.2em; }
.step .note { font-size: .85rem; color: #4a5568; font-style: italic; }
figure { margin: 1rem 0; text-align: center; }
figure .svg svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #4a5568; text-align: left; }
table { border-collapse: collapse; margin: .6rem 0; }
td, th { border: 1px solid #c9d3e3; padding: .25rem .6rem; text-align: left; }
.katex { font-size: 1.08em; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  section { margin-top: 0; break-before: page; }
  header + nav + section, header + section { break-before: auto; margin-top: 1rem; }
  section.run-on { break-before: auto; margin-top: 1.6rem; }
  h2, h3, .step .label { break-after: avoid; }
  .step, figure, .math, tr { break-inside: avoid; }
  .eq { overflow: visible; }
  .step { background: none; }
}
`;

/** Scales any formula wider than its box down to fit (on load, resize and before printing). */
const FIT_SCRIPT = `
function btFit(){document.querySelectorAll('.eq').forEach(function(e){e.style.fontSize='';var w=e.clientWidth,s=e.scrollWidth;if(s>w+1){e.style.fontSize=Math.max(40,Math.floor(100*w/s)-1)+'%';}});}
addEventListener('load',btFit);addEventListener('resize',btFit);addEventListener('beforeprint',btFit);
if(window.matchMedia){var q=matchMedia('print');if(q.addEventListener)q.addEventListener('change',btFit);}
`;

export interface HtmlOptions {
  /** Base of the element ids (defaults to none); lets several documents share a page. */
  readonly idPrefix?: string;
  /** Also MathML beside KaTeX's HTML, for screen readers (default: HTML only, the smaller file). */
  readonly mathml?: boolean;
}

/** The blocks of a document as HTML, with math set by `math`. */
function blockRenderer(math: (latex: string) => string, prefix: string) {
  const rich = (text: RichText | null): string =>
    (text ?? []).map((x: Inline) => (typeof x === 'string' ? escapeHtml(x) : math(x.math))).join('');
  const line = (latex: string, cls = 'eq') => `<div class="${cls}">${math(`\\displaystyle ${latex}`)}</div>`;

  const step = (s: DocStep): string => {
    const data = Object.entries(s.data ?? {})
      .map(([k, v]) => ` data-${escapeHtml(k.replace(/[^a-z0-9-]/gi, '-').toLowerCase())}="${escapeHtml(v)}"`)
      .join('');
    const condition = s.condition ? `<span class="cond">${math(`\\left(${s.condition}\\right)`)}</span>` : '';
    // The numbers and the result share a line: KaTeX breaks it after "=" or "+" when it is too long.
    const numbers = s.substituted === null ? '' : `{}${s.substitutedRelation} ${s.substituted} `;
    const parts = [
      `<div class="label">${rich(s.label)}</div>`,
      `<div class="eq first">${math(`\\displaystyle ${s.formula}`)}${condition}</div>`,
      s.result === null
        ? numbers
          ? line(numbers)
          : ''
        : line(`${numbers}${numbers ? '' : '{}'}${s.resultRelation} ${s.result}`, 'eq result'),
      s.note ? `<div class="note">${rich(s.note)}</div>` : '',
    ];
    return `<div class="step" id="${escapeHtml(prefix)}step-${escapeHtml(s.id)}"${data}>${parts.join('')}</div>`;
  };

  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return `<p>${rich(b.text)}</p>`;
      case 'heading':
        return `<h3>${rich(b.text)}</h3>`;
      case 'list':
        return `<ul>${b.items.map((item) => `<li>${rich(item)}</li>`).join('')}</ul>`;
      case 'preformatted':
        return `<pre>${escapeHtml(b.lines.join('\n'))}</pre>`;
      case 'math':
        return `<div class="math">${line(b.latex)}</div>`;
      case 'step':
        return step(b.step);
      case 'figure':
        return `<figure id="${escapeHtml(prefix + b.id)}"><div class="svg">${b.svg}</div><figcaption>${rich(b.caption)}</figcaption></figure>`;
      case 'table':
        return `<table><thead><tr>${b.header.map((h) => `<th>${rich(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((row) => `<tr>${row.map((c) => `<td>${rich(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
    }
  };

  return { rich, block };
}

/** Renders blocks of the document model as HTML (KaTeX typeset here), for pages that set their own frame. */
export async function htmlBlockRenderer(options: HtmlOptions = {}) {
  const katex = (await import('katex')).default;
  return blockRenderer(
    htmlOnly(mathRenderer(katex, options.mathml ? 'htmlAndMathml' : 'html')),
    options.idPrefix ?? '',
  );
}

/**
 * The KaTeX class names in each typeset formula, found once per process like the formula: by its
 * shape (formulas that differ only in their numbers have the same classes), or by its HTML.
 */
const SHAPE_CLASSES = new WeakMap<object, ReadonlySet<string>>();
const FORMULA_CLASSES = new Map<string, ReadonlySet<string>>();

/**
 * A formula's place in a page being built: `<`, NUL, its number, `>`. Text is escaped before it reaches
 * the page, so no `<` of it is followed by NUL, and no class name runs across a formula's edge.
 */
const FORMULA_MARK = /<\u0000(\d+)>/g;

export async function renderHtml(doc: WorkedDocument, options: HtmlOptions = {}): Promise<string> {
  const katex = (await import('katex')).default;
  const math = mathRenderer(katex, options.mathml ? 'htmlAndMathml' : 'html');
  // The page is built with a mark for each formula, so that the class names deciding which fonts to
  // embed are looked for in the text around the formulas and once in each distinct formula, not again
  // in every copy (a class's pages repeat most formulas; the result is the same as one look at the page).
  const formulas: ShapedHtml[] = [];
  const numbers = new Map<string, number>();
  const marked = (latex: string, display?: boolean): string => {
    const typeset = math(latex, display);
    let n = numbers.get(typeset.html);
    if (n === undefined) {
      n = formulas.length;
      formulas.push(typeset);
      numbers.set(typeset.html, n);
    }
    return `<\u0000${n}>`;
  };
  const { rich, block } = blockRenderer(marked, options.idPrefix ?? '');
  const prefix = options.idPrefix ?? '';
  const toc = `<nav class="toc"><ol>${doc.sections.map((s) => `<li><a href="#${escapeHtml(prefix)}sec-${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>`;
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(prefix)}sec-${escapeHtml(s.id)}"${s.newPage === false ? ' class="run-on"' : ''}><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  const header = `<header><h1>${escapeHtml(doc.title)}</h1>${doc.subtitle ? `<p class="subtitle">${rich(doc.subtitle)}</p>` : ''}</header>`;
  const frame = `${header}\n${toc}\n${sections}`;
  const classes = katexClassNames(frame);
  for (const formula of formulas) for (const name of formulaClasses(formula)) classes.add(name);
  const body = frame.replace(FORMULA_MARK, (_, n: string) => formulas[Number(n)].html);
  return (
    `<!DOCTYPE html>\n<html lang="${doc.lang}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(doc.title)}</title>\n` +
    `<style>${katexCssFor(classes)}</style>\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n${body}\n<script>${FIT_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

function formulaClasses({ html, shape }: ShapedHtml): ReadonlySet<string> {
  if (shape !== null) {
    let classes = SHAPE_CLASSES.get(shape);
    if (classes === undefined) {
      classes = katexClassNames(html);
      SHAPE_CLASSES.set(shape, classes);
    }
    return classes;
  }
  let classes = FORMULA_CLASSES.get(html);
  if (classes === undefined) {
    classes = katexClassNames(html);
    if (FORMULA_CLASSES.size >= TYPESET_MAX) FORMULA_CLASSES.clear();
    FORMULA_CLASSES.set(html, classes);
  }
  return classes;
}

/**
 * The sections of a document as an HTML fragment to embed in another page (a learning-management
 * system's feedback): no page, styles or scripts, and the math as MathML, which browsers typeset
 * without KaTeX's CSS and fonts; each formula keeps its LaTeX as an annotation.
 */
export async function renderHtmlFragment(doc: WorkedDocument, options: HtmlOptions = {}): Promise<string> {
  const katex = (await import('katex')).default;
  const prefix = options.idPrefix ?? '';
  const { block } = blockRenderer(htmlOnly(mathRenderer(katex, 'mathml')), prefix);
  return doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(prefix)}sec-${escapeHtml(s.id)}"><h3>${escapeHtml(s.title)}</h3>${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
}
