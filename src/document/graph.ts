// A computational graph's worked solution as a WorkedDocument, so that the same LaTeX, Markdown, HTML
// and PDF renderers print it. Only an adapter: the steps (LaTeX chains with the numbers), the figure
// and the words all come from src/graph (graphSteps, graphSvg, GRAPH_WORDS).
import { graphSteps, graphSvg, GRAPH_WORDS, type GraphSolution, type GraphSteps } from '../graph';
import { atStep } from '../graph/text';
import { nameLatex } from '../graph/steps';
import { compactValue } from '../number/show';
import type { Lang } from '../i18n/messages';
import { messages } from '../i18n';
import type { Block, DocSection, DocStep, WorkedDocument } from './model';

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

function step_(id: string, label: string, latex: string): DocStep {
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

/** The label of a name at step k: x₁ of several steps, x′ after the one step of a single-step file. */
const stepLabel = (name: string, k: number, single: boolean) => (single ? `${name}′` : atStep(name, k));

/**
 * The gradient step(s): per step its gradients, each input moved and the output at the point reached.
 * Step ids: d-K-NAME (the gradient), u-K-NAME (the input after step K), v-K (the output there).
 */
function descentSection(solution: GraphSolution, steps: GraphSteps, lang: Lang): DocSection {
  const words = GRAPH_WORDS[lang];
  const step = solution.spec.step!;
  const single = step.steps === 1;
  const eta = compactValue(step.learningRate);
  const blocks: Block[] = [];
  for (const s of steps.descent) {
    if (!single && s.kind === 'gradient' && s.name === step.update[0]) {
      const before = s.step === 1 ? solution.values : solution.history[s.step - 2].inputs;
      const point = step.update.map((u) => `${atStep(u, s.step - 1)} = ${compactValue(before.get(u)!)}`).join(', ');
      blocks.push({ kind: 'heading', text: [words.stepNumber(s.step, point)] });
    }
    const id = s.kind === 'value' ? `v-${s.step}` : `${s.kind === 'gradient' ? 'd' : 'u'}-${s.step}-${slug(s.name)}`;
    const label =
      s.kind === 'gradient'
        ? `∂${solution.spec.output}/∂${s.name}`
        : s.kind === 'update'
          ? stepLabel(s.name, s.step, single)
          : single
            ? words.again(s.name)
            : words.valueAfter(s.name, s.step);
    // What the step computes, for the quiz's `steps` and the HTML's data- attributes.
    const data: Readonly<Record<string, string>> =
      s.kind === 'update'
        ? { quantity: 'input_after', node: s.name, step: String(s.step) }
        : s.kind === 'value'
          ? { quantity: 'value_after', step: String(s.step) }
          : { quantity: 'gradient_at', node: s.name, step: String(s.step) };
    blocks.push({ kind: 'step', step: { ...step_(id, label, s.latex), data } });
  }
  return {
    id: 'descent',
    title: single ? words.step(step.ascent, eta) : words.steps(step.ascent, eta, step.steps),
    blocks,
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
    step: step_(`f-${k}-${slug(s.node)}`, s.node, s.latex),
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
    else
      backward.push({ kind: 'step', step: step_(`b-${k}-${slug(s.edge.from)}`, `${s.edge.to} → ${label}`, s.latex) });
  });

  const gradients: Block[] = steps.gradients.map((s, k) => ({
    kind: 'step',
    step: step_(`g-${k}-${slug(s.name)}`, s.name, s.latex),
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
      ...(spec.step ? [descentSection(solution, steps, options.lang)] : []),
    ],
  };
}
