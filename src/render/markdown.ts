// `--format markdown`: headings, text with $…$ inline math, and each step as a $$…$$ display block
// (aligned: the formula, then "= numbers", then "= result"), as GitHub, VS Code, Obsidian and pandoc
// render it. A figure is an image: a file beside the Markdown when `figureHref` names one, else an
// embedded data: URL.
import type { Block, DocStep, RichText, WorkedDocument } from '../document/model';
import { escapeMarkdown } from '../text/escape';

export interface MarkdownOptions {
  /** Where the figure with this id is saved (relative link); omit to embed it as a data: URL. */
  readonly figureHref?: (id: string) => string;
}

function rich(text: RichText | null): string {
  return (text ?? []).map((x) => (typeof x === 'string' ? escapeMarkdown(x) : `$${x.math}$`)).join('');
}

function step(s: DocStep): string {
  const lines = [`& ${s.formula}${s.condition ? ` \\quad \\left(${s.condition}\\right)` : ''}`];
  if (s.substituted !== null) lines.push(`&${s.substitutedRelation} ${s.substituted}`);
  if (s.result !== null) lines.push(`&${s.resultRelation} ${s.result}`);
  const math = `$$\n\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}\n$$`;
  return [`**${rich(s.label)}**`, math, s.note ? `*${rich(s.note)}*` : ''].filter(Boolean).join('\n\n');
}

function block(b: Block, options: MarkdownOptions): string {
  switch (b.kind) {
    case 'paragraph':
      return rich(b.text);
    case 'heading':
      return `### ${rich(b.text)}`;
    case 'list':
      return b.items.map((item) => `- ${rich(item)}`).join('\n');
    case 'preformatted': {
      // A fence longer than any run of backticks inside, so no line can close it.
      const runs = b.lines.join('\n').match(/`+/g) ?? [];
      const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
      return `${fence}text\n${b.lines.join('\n')}\n${fence}`;
    }
    case 'math':
      return `$$\n${b.latex}\n$$`;
    case 'step':
      return step(b.step);
    case 'figure': {
      const href = options.figureHref
        ? options.figureHref(b.id)
        : `data:image/svg+xml;base64,${Buffer.from(b.svg).toString('base64')}`;
      return `![${escapeMarkdown(b.alt)}](${href})\n\n${rich(b.caption)}`;
    }
    case 'table': {
      const row = (cells: readonly RichText[]) => `| ${cells.map(rich).join(' | ')} |`;
      return [row(b.header), `|${b.header.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
    }
  }
}

export function renderMarkdown(doc: WorkedDocument, options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.subtitle) out.push(rich(doc.subtitle));
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`);
    for (const b of section.blocks) out.push(block(b, options));
  }
  return `${out.join('\n\n')}\n`;
}
