// A computational graph's worked solution as a WorkedDocument, so that the same LaTeX, Markdown, HTML
// and PDF renderers print it. Only an adapter: the steps (LaTeX chains with the numbers), the figure
// and the words all come from src/graph (graphSteps, graphSvg, GRAPH_WORDS).
import { graphSteps, graphSvg, GRAPH_WORDS, type GraphSolution } from '../graph';
import { nameLatex } from '../graph/steps';
import { compactValue } from '../number/show';
import type { Lang } from '../i18n/messages';
import { messages } from '../i18n';
import type { Block, DocStep, WorkedDocument } from './model';

export interface GraphDocumentOptions {
  readonly lang: Lang;
  /** Shown in the title (the file's base name). */
  readonly name: string;
}

const slug = (text: string) =>
  text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'x';

function step(id: string, label: string, latex: string): DocStep {
  return {
    id,
    label: [label],
    formula: latex,
    condition: null,
    substituted: null,
    substitutedRelation: '=',
    result: null,
    resultRelation: '=',
    note: null,
  };
}

export function graphDocument(solution: GraphSolution, options: GraphDocumentOptions): WorkedDocument {
  const words = GRAPH_WORDS[options.lang];
  const m = messages(options.lang);
  const { spec } = solution;
  const steps = graphSteps(solution);

  const figure: Block = {
    kind: 'figure',
    id: 'graph-figure',
    svg: graphSvg(solution, { idPrefix: 'graph-', title: words.title }),
    alt: words.title,
    caption: [`${words.figure}: ${words.figureNote}`],
  };
  const inputs: Block = {
    kind: 'list',
    items: spec.inputs.map((input) => [
      { math: `${nameLatex(input.name)} = ${compactValue(input.value).replace(/−/g, '-').replace(/≈/g, '\\approx ')}` },
    ]),
  };

  const forward: Block[] = steps.forward.map((s, k) => ({
    kind: 'step',
    step: step(`f-${k}-${slug(s.node)}`, s.node, s.latex),
  }));

  const backward: Block[] = [
    { kind: 'paragraph', text: [words.backwardNote] },
    { kind: 'paragraph', text: [words.start(spec.output)] },
  ];
  let current = '';
  steps.backward.forEach((s, k) => {
    if (s.edge.to !== current) {
      current = s.edge.to;
      backward.push({ kind: 'heading', text: [words.atNode(current, compactValue(s.edge.upstream))] });
    }
    const label = s.edge.fromKind === 'literal' ? `${s.edge.from} (${words.constant})` : s.edge.from;
    if (s.latex === null) backward.push({ kind: 'paragraph', text: [`${label}: ${words.exponentNote}`] });
    else backward.push({ kind: 'step', step: step(`b-${k}-${slug(s.edge.from)}`, `${s.edge.to} → ${label}`, s.latex) });
  });

  const gradients: Block[] = steps.gradients.map((s, k) => ({
    kind: 'step',
    step: step(`g-${k}-${slug(s.name)}`, s.name, s.latex),
  }));

  return {
    lang: options.lang,
    title: m.title(options.name),
    subtitle: [`${words.title} (${words.output}: ${spec.output})`],
    sections: [
      { id: 'graph', title: words.title, blocks: [inputs, figure] },
      { id: 'forward', title: words.forward, blocks: forward },
      { id: 'backward', title: words.backward, blocks: backward },
      { id: 'gradients', title: words.gradients(spec.output), blocks: gradients },
    ],
  };
}
