// Turns a network's step trace into a WorkedDocument in one language: the problem with its diagram,
// then one section per part of the trace, each with the general formulas first and then every step
// with a label. Only words and layout are added here; every number comes from the trace.
import { KINKED, activation } from '../concepts/activations';
import { loss } from '../concepts/losses';
import { sign, type Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import { transpose } from '../engine/matrix';
import type { Solution } from '../engine/solve';
import { messages, type Lang, type Messages } from '../i18n';
import type { OptimizerStateKind } from '../i18n/messages';
import type { Block, DocSection, DocStep, RichText, WorkedDocument } from './model';
import { solutionDrawing } from './network-drawing';
import { networkSvg } from './network-figure';
import { matrixLatex, numberLatex } from '../trace/numbers';
import { shapeOf } from '../trace/network';
import type { Step, StepNote, Trace, TraceSection } from '../trace/types';

export interface DocumentOptions {
  readonly lang: Lang;
  /** Shown in the title, usually the file's base name. */
  readonly name: string;
  /** The last section, after the trace: the derivations the network uses (explain/ builds it). */
  readonly appendix?: DocSection | null;
}

function sectionTitle(section: TraceSection, solution: Solution, m: Messages): string {
  const matrix = section.form === 'matrix';
  switch (section.kind) {
    case 'forward':
      return m.section[matrix ? 'forwardMatrix' : 'forwardScalar'];
    case 'loss':
      return m.section.loss;
    case 'backward':
      return m.section[matrix ? 'backwardMatrix' : 'backwardScalar'];
    case 'update':
      return matrix ? m.section.updateMatrix : m.updateTitle(solution.network.optimizer?.name ?? 'sgd');
    case 'after':
      return m.section.after;
  }
}

function noteText(note: StepNote, m: Messages): string {
  switch (note.kind) {
    case 'given':
      return m.note.given;
    case 'softmax-cross-entropy':
      return m.note.softmaxCrossEntropy;
    case 'sigmoid-binary-cross-entropy':
      return m.note.sigmoidBinaryCrossEntropy;
    case 'relu-convention':
      return m.note.reluConvention(note.gradAtZero);
    case 'weights-before-update':
      return m.note.weightsBeforeUpdate;
    case 'elementwise':
      return m.note.elementwise;
    case 'broadcast-bias':
      return m.note.broadcastBias(false);
    case 'shared-bias':
      return m.note.sharedBias;
    case 'l2-weights-only':
      return m.note.l2WeightsOnly;
    case 'softmax-rows':
      return m.note.softmaxRows(note.columns);
    case 'softmax-jacobian':
      return m.note.softmaxJacobian;
    case 'derivative-by-sign':
      return m.note.derivativeBySign;
  }
}

export function stepLabel(step: Step, solution: Solution, m: Messages): string {
  const { network } = solution;
  const batch = network.input.length;
  const l = (step.layer ?? 0) + 1;
  if (step.shape === 'matrix') {
    switch (step.quantity) {
      case 'preactivation':
        return m.step.preactivationMatrix(l);
      case 'preactivation_after':
        return m.step.preactivationMatrix(l) + m.step.afterSuffix;
      case 'output':
        return m.step.outputMatrix(l);
      case 'output_after':
        return m.step.outputMatrix(l) + m.step.afterSuffix;
      case 'grad_output':
        return step.layer === network.layers.length - 1
          ? m.step.gradOutputLastMatrix(l)
          : m.step.gradOutputHiddenMatrix(l);
      case 'activation_derivative':
        return m.step.activationDerivativeMatrix(l);
      case 'delta':
        return m.step.deltaMatrix(l);
      case 'grad_weights':
        return m.step.gradWeightsMatrix(l);
      case 'grad_bias':
        return m.step.gradBiasMatrix(l);
      case 'weights_after':
        return m.step.weightsAfterMatrix(l);
      case 'bias_after':
        return m.step.biasAfterMatrix(l);
      default:
        {
          const state = optimizerState(step.quantity);
          if (state) return m.step.optimizerStateMatrix(state.kind, l, state.bias);
        }
        throw new Error(`no matrix label for ${step.quantity}`);
    }
  }
  const [first = 0, second = 0] = step.index;
  const cell = { layer: l, unit: second + 1, sample: batch > 1 ? first + 1 : null };
  const weight = () => {
    const [i, j] = network.layout === 'x-w' ? [first, second] : [second, first];
    return { layer: l, input: i + 1, unit: j + 1 };
  };
  switch (step.quantity) {
    case 'preactivation':
      return m.step.preactivation(cell);
    case 'preactivation_after':
      return m.step.preactivation(cell) + m.step.afterSuffix;
    case 'output':
      return m.step.output(cell);
    case 'output_after':
      return m.step.output(cell) + m.step.afterSuffix;
    case 'sample_loss':
      return m.step.sampleLoss(first + 1);
    case 'sample_loss_after':
      return m.step.sampleLossAfter(first + 1);
    case 'loss':
      return m.step.loss(batch, network.conventions.batch);
    case 'loss_after':
      return m.step.lossAfter;
    case 'loss_improvement':
      return m.step.improvement;
    case 'regularization':
      return m.step.regularization;
    case 'regularization_after':
      return m.step.regularizationAfter;
    case 'grad_output':
      return step.layer === network.layers.length - 1 ? m.step.gradOutputLast(cell) : m.step.gradOutputHidden(cell);
    case 'activation_derivative':
      return m.step.activationDerivative(cell);
    case 'delta':
      return m.step.delta(cell);
    case 'grad_weights':
      return m.step.gradWeight(weight());
    case 'weights_after':
      return m.step.weightAfter(weight());
    case 'grad_bias':
      return network.layers[l - 1].sharedBias ? m.step.gradSharedBias(l) : m.step.gradBias(l, first + 1);
    case 'bias_after':
      return network.layers[l - 1].sharedBias ? m.step.sharedBiasAfter(l) : m.step.biasAfter(l, first + 1);
    case 'grad_alpha':
      return m.step.gradAlpha(l);
    case 'alpha_after':
      return m.step.alphaAfter(l);
  }
  const state = optimizerState(step.quantity)!;
  const shared = network.layers[l - 1].sharedBias === true;
  return m.step.optimizerState(state.kind, state.bias ? { layer: l, unit: shared ? null : first + 1 } : weight());
}

/** Which optimizer state a quantity is (velocity_after, adam_m_hat_bias, …), or null. */
function optimizerState(quantity: string): { kind: OptimizerStateKind; bias: boolean } | null {
  const bias = quantity.includes('_bias');
  const name = quantity.replace('_bias', '').replace(/_after$/, '');
  const kinds: Record<string, OptimizerStateKind> = {
    velocity: 'velocity',
    adam_m: 'm',
    adam_v: 'v',
    adam_m_hat: 'mHat',
    adam_v_hat: 'vHat',
  };
  return name in kinds ? { kind: kinds[name], bias } : null;
}

function redundantResult(step: Step): boolean {
  return step.substituted === null && step.resultRelation === '=' && step.formula.endsWith(` = ${step.resultLatex}`);
}

function docStep(step: Step, solution: Solution, m: Messages, note: StepNote | null): DocStep {
  const columns = solution.network.layout === 'w-x';
  const text =
    note === null ? null : note.kind === 'broadcast-bias' ? m.note.broadcastBias(columns) : noteText(note, m);
  return {
    id: step.id.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, ''),
    label: [stepLabel(step, solution, m)],
    formula: step.formula,
    condition: step.condition,
    substituted: step.substituted,
    substitutedRelation: step.substitutedApproximate ? '\\approx' : '=',
    // "h'(a) = 1" needs no "= 1" after it.
    result: redundantResult(step) ? null : step.resultLatex,
    resultRelation: step.resultRelation,
    note: text === null ? null : [text],
    data: {
      quantity: step.quantity,
      form: step.form,
      layer: step.layer === null ? '' : String(step.layer),
      index: step.index.join(','),
    },
  };
}

/** The general formulas a section starts with, in the file's layout. */
function generalFormulas(section: TraceSection, solution: Solution): string[] {
  const { network } = solution;
  const xw = network.layout === 'x-w';
  const batch = network.input.length;
  const sumN = batch > 1 ? '\\sum_{n} ' : '';
  const n = batch > 1 ? 'n,' : '';
  switch (section.kind) {
    case 'forward':
      if (section.form === 'scalar') {
        return [
          xw
            ? `a^{(l)}_{${n}j} = \\sum_{i} z^{(l-1)}_{${n}i} w^{(l)}_{ij} + b^{(l)}_{j}, \\qquad z^{(l)}_{${n}j} = h\\!\\left(a^{(l)}_{${n}j}\\right), \\qquad z^{(0)} = x`
            : `a^{(l)}_{${n}j} = \\sum_{i} w^{(l)}_{ji} z^{(l-1)}_{${n}i} + b^{(l)}_{j}, \\qquad z^{(l)}_{${n}j} = h\\!\\left(a^{(l)}_{${n}j}\\right), \\qquad z^{(0)} = x`,
        ];
      }
      return [
        xw
          ? 'A^{(l)} = Z^{(l-1)} W^{(l)} + \\mathbf{b}^{(l)}, \\qquad Z^{(l)} = h\\!\\left(A^{(l)}\\right), \\qquad Z^{(0)} = X'
          : 'A^{(l)} = W^{(l)} Z^{(l-1)} + \\mathbf{b}^{(l)}, \\qquad Z^{(l)} = h\\!\\left(A^{(l)}\\right), \\qquad Z^{(0)} = X',
      ];
    case 'loss':
      return [lossFormula(solution)];
    case 'backward':
      if (section.form === 'scalar') {
        return [
          `\\delta^{(l)}_{${n}j} = \\frac{\\partial L}{\\partial a^{(l)}_{${n}j}} = \\frac{\\partial L}{\\partial z^{(l)}_{${n}j}}\\, h'\\!\\left(a^{(l)}_{${n}j}\\right), \\qquad \\frac{\\partial L}{\\partial z^{(l)}_{${n}j}} = \\sum_{k} \\delta^{(l+1)}_{${n}k} w^{(l+1)}_{${xw ? 'jk' : 'kj'}}`,
          xw
            ? `\\frac{\\partial L}{\\partial w^{(l)}_{ij}} = ${sumN}\\delta^{(l)}_{${n}j} z^{(l-1)}_{${n}i}, \\qquad \\frac{\\partial L}{\\partial b^{(l)}_{j}} = ${sumN}\\delta^{(l)}_{${n}j}`
            : `\\frac{\\partial L}{\\partial w^{(l)}_{ji}} = ${sumN}\\delta^{(l)}_{${n}j} z^{(l-1)}_{${n}i}, \\qquad \\frac{\\partial L}{\\partial b^{(l)}_{j}} = ${sumN}\\delta^{(l)}_{${n}j}`,
        ];
      }
      return xw
        ? [
            "\\Delta^{(l)} = \\Delta^{(l+1)} W^{(l+1)\\top} \\odot h'\\!\\left(A^{(l)}\\right)",
            '\\frac{\\partial L}{\\partial W^{(l)}} = Z^{(l-1)\\top} \\Delta^{(l)}, \\qquad \\frac{\\partial L}{\\partial \\mathbf{b}^{(l)}} = \\mathbf{1}^{\\top} \\Delta^{(l)}',
          ]
        : [
            "\\Delta^{(l)} = W^{(l+1)\\top} \\Delta^{(l+1)} \\odot h'\\!\\left(A^{(l)}\\right)",
            '\\frac{\\partial L}{\\partial W^{(l)}} = \\Delta^{(l)} Z^{(l-1)\\top}, \\qquad \\frac{\\partial L}{\\partial \\mathbf{b}^{(l)}} = \\Delta^{(l)} \\mathbf{1}',
          ];
    case 'update':
      if (network.optimizer?.name === 'momentum')
        return [
          'v^{+} = \\mu v - \\eta \\frac{\\partial L}{\\partial w}, \\qquad w^{+} = w + v^{+} \\qquad (\\text{the same for } b)',
        ];
      if (network.optimizer?.name === 'adam')
        return [
          'm^{+} = \\beta_1 m + (1 - \\beta_1) g, \\qquad v^{+} = \\beta_2 v + (1 - \\beta_2) g^{2}, \\qquad g = \\frac{\\partial L}{\\partial w}',
          '\\hat{m} = \\frac{m^{+}}{1 - \\beta_1^{t}}, \\qquad \\hat{v} = \\frac{v^{+}}{1 - \\beta_2^{t}}, \\qquad w^{+} = w - \\eta \\frac{\\hat{m}}{\\sqrt{\\hat{v}} + \\epsilon}',
        ];
      return section.form === 'scalar'
        ? [
            'w^{+} = w - \\eta \\frac{\\partial L}{\\partial w}, \\qquad b^{+} = b - \\eta \\frac{\\partial L}{\\partial b}',
          ]
        : [
            'W^{(l)+} = W^{(l)} - \\eta \\frac{\\partial L}{\\partial W^{(l)}}, \\qquad \\mathbf{b}^{(l)+} = \\mathbf{b}^{(l)} - \\eta \\frac{\\partial L}{\\partial \\mathbf{b}^{(l)}}',
          ];
    case 'after':
      return [];
  }
}

function lossFormula(solution: Solution): string {
  const { network } = solution;
  const K = network.layers.length;
  const batch = network.input.length;
  const n = batch > 1 ? 'n,' : '';
  const lhs = batch > 1 ? 'L_{n}' : 'L';
  const z = `z^{(${K})}_{${n}k}`;
  const t = `t_{${n}k}`;
  const perSample = loss(network.loss).latex(lhs, z, t);
  // With L2 regularization the loss gains R over every weight.
  const reg = network.regularization;
  const penalty = reg
    ? `R = \\frac{\\lambda}{${reg.scale === '1/2' ? '2' : '2N'}} \\sum_{l} \\sum_{i,j} \\left(w^{(l)}_{ij}\\right)^{2}`
    : null;
  if (batch === 1) return penalty ? `${perSample} + R, \\qquad ${penalty}` : perSample;
  const total = `L = ${network.conventions.batch === 'mean' ? '\\frac{1}{N} ' : ''}\\sum_{n} L_{n}`;
  return `${perSample}, \\qquad ${total}${penalty ? ` + R, \\qquad ${penalty}` : ''}`;
}

function problemSection(solution: Solution, m: Messages, lang: Lang): DocSection {
  const { network } = solution;
  const count = network.layers.length;
  const batch = network.input.length;
  const blocks: Block[] = [];
  const inputs = network.input[0].length;
  const outputs = network.target[0].length;
  // Shown as the matrix steps use them: in the w-x layout (a = W x + b) X, T and every b are columns,
  // one column per sample (W^{(1)} X needs X with one row per input); in x-w, rows.
  const columns = network.layout === 'w-x';
  const perSample = (m: Matrix): Matrix => (columns ? transpose(m) : m);
  const vector = (v: readonly Value[]): Matrix => (columns ? v.map((x) => [x]) : [v]);
  blocks.push({ kind: 'paragraph', text: [m.problem.network(count, inputs, outputs)] });
  blocks.push({ kind: 'paragraph', text: [`${m.problem.layoutLine} ${m.layout[network.layout]}`] });
  const items: RichText[] = network.layers.map((layer, l) => {
    const shape = shapeOf(network, l);
    const text: RichText = [
      `${m.problem.layer(l + 1, l === count - 1, shape.inputs, shape.units, m.activation[layer.activation])}: `,
      {
        math: `W^{(${l + 1})} = ${matrixLatex(layer.weights).latex}, \\quad \\mathbf{b}^{(${l + 1})} = ${matrixLatex(vector(layer.bias)).latex}`,
      },
    ];
    if (layer.alpha === null) return text;
    return [
      ...text,
      `, ${m.problem.alpha(activation(layer.activation).learnsSlope)} `,
      { math: `\\alpha^{(${l + 1})} = ${numberLatex(layer.alpha).latex}` },
    ];
  });
  blocks.push({ kind: 'list', items });
  blocks.push({
    kind: 'paragraph',
    text: [`${m.problem.lossLine} ${m.lossName[network.loss]}: `, { math: lossFormula(solution) }],
  });
  blocks.push({
    kind: 'paragraph',
    text: [`${m.problem.inputLine(batch, columns)} `, { math: `X = ${matrixLatex(perSample(network.input)).latex}` }],
  });
  blocks.push({
    kind: 'paragraph',
    text: [`${m.problem.targetLine(batch, columns)} `, { math: `T = ${matrixLatex(perSample(network.target)).latex}` }],
  });
  blocks.push({
    kind: 'paragraph',
    text: [`${m.problem.learningRate} `, { math: `\\eta = ${numberLatex(network.learningRate).latex}` }],
  });
  if (batch > 1) blocks.push({ kind: 'paragraph', text: [m.problem.batch(network.conventions.batch, batch)] });
  if (network.layers.some((layer) => KINKED.has(layer.activation))) {
    blocks.push({ kind: 'paragraph', text: [m.problem.reluConvention(network.conventions.reluGradAtZero)] });
  }
  if (!network.updateBiases) blocks.push({ kind: 'paragraph', text: [m.problem.biasesFixed] });
  const shared = network.layers.flatMap((layer, l) => (layer.sharedBias ? [l + 1] : []));
  if (shared.length > 0) blocks.push({ kind: 'paragraph', text: [m.problem.sharedBias(shared)] });
  const reg = network.regularization;
  if (reg) {
    blocks.push({
      kind: 'paragraph',
      text: [`${m.problem.regularization(reg.scale)} `, { math: `\\lambda = ${numberLatex(reg.l2).latex}` }],
    });
  }
  const figure = networkSvg(solution, m);
  const caption =
    m.problem.figureCaption(batch > 1 ? 1 : null) + (figure.edgeLabels ? '' : ` ${m.problem.figureNoEdgeLabels}`);
  blocks.push({
    kind: 'figure',
    id: 'network-figure',
    svg: figure.svg,
    alt: m.problem.figureAlt,
    caption: [caption],
    drawing: solutionDrawing(solution, lang, 0),
  });
  return { id: 'problem', title: m.section.problem, blocks };
}

function introText(section: TraceSection, solution: Solution, m: Messages): string {
  const columns = solution.network.layout === 'w-x';
  switch (section.kind) {
    case 'forward':
      return section.form === 'scalar' ? m.intro.forwardScalar : m.intro.forwardMatrix(columns);
    case 'loss':
      return m.intro.loss;
    case 'backward':
      return section.form === 'scalar' ? m.intro.backwardScalar : m.intro.backwardMatrix(columns);
    case 'update': {
      const optimizer = solution.network.optimizer;
      if (optimizer && optimizer.name !== 'sgd')
        return m.intro.optimizer(optimizer.name, optimizer.name === 'adam' ? optimizer.steps + 1 : 0);
      return m.intro.update;
    }
    case 'after':
      return m.intro.after;
  }
}

function traceSection(section: TraceSection, solution: Solution, m: Messages): DocSection {
  const { network } = solution;
  const blocks: Block[] = [{ kind: 'paragraph', text: [introText(section, solution, m)] }];
  for (const latex of generalFormulas(section, solution)) blocks.push({ kind: 'math', latex });
  if (section.kind === 'update' && !network.updateBiases)
    blocks.push({ kind: 'paragraph', text: [m.intro.biasesFixed] });
  let layer: number | null | undefined;
  const seenNotes = new Set<string>();
  for (const step of section.steps) {
    // A heading whenever the layer changes (the loss steps have none).
    if (step.layer !== layer && step.layer !== null && section.kind !== 'loss') {
      const spec = network.layers[step.layer];
      blocks.push({
        kind: 'heading',
        text: [m.layerHeading(step.layer + 1, step.layer === network.layers.length - 1, m.activation[spec.activation])],
      });
    }
    layer = step.layer;
    // Each explanation once per section: it applies to every similar step after it.
    let note = step.note;
    if (note !== null) {
      const key = JSON.stringify(note);
      if (seenNotes.has(key) && note.kind !== 'given') note = null;
      else seenNotes.add(key);
    }
    blocks.push({ kind: 'step', step: docStep(step, solution, m, note) });
  }
  if (section.kind === 'after') {
    const improvement = section.steps[section.steps.length - 1];
    const improved = improvement.shape === 'scalar' && sign(improvement.result) > 0;
    blocks.push({ kind: 'paragraph', text: [m.intro.conclusion(improved)] });
  }
  const id = `${section.kind}${section.kind === 'loss' || section.kind === 'after' ? '' : `-${section.form}`}`;
  return { id, title: sectionTitle(section, solution, m), blocks };
}

export function traceDocument(solution: Solution, trace: Trace, options: DocumentOptions): WorkedDocument {
  const m = messages(options.lang);
  const appendix = options.appendix ?? null;
  return {
    lang: options.lang,
    title: m.title(options.name),
    subtitle: [m.subtitle(1, solution.network.optimizer?.name ?? 'sgd')],
    sections: [
      problemSection(solution, m, options.lang),
      ...trace.sections.map((s) => traceSection(s, solution, m)),
      ...(appendix ? [appendix] : []),
    ],
  };
}
