// English words of the worked solutions.
import { activationNames } from '../concepts/activations';
import { lossNames } from '../concepts/losses';
import type { OptimizerName } from '../concepts/optimizer';
import { UPDATE_RULE } from './update-rule';
import type { Cell, Messages, OptimizerStateKind, WeightCell } from './messages';

const sample = (c: { sample: number | null }) => (c.sample === null ? '' : `, sample ${c.sample}`);
const at = (c: Cell) => `Layer ${c.layer}, unit ${c.unit}${sample(c)}`;
const edge = (c: WeightCell) => `input ${c.input} to unit ${c.unit}`;

const STATE_EN: Readonly<Record<OptimizerStateKind, string>> = {
  velocity: 'velocity',
  m: 'first moment m',
  v: 'second moment v',
  mHat: 'bias-corrected first moment m̂',
  vHat: 'bias-corrected second moment v̂',
};

const OPTIMIZER_EN: Readonly<Record<OptimizerName, string>> = {
  sgd: 'gradient descent',
  momentum: 'momentum',
  adam: 'Adam',
};

export const en: Messages = {
  lang: 'en',
  title: (name) => `Worked solution: ${name}`,
  subtitle: (steps, optimizer) => {
    const update = optimizer === 'sgd' ? 'one gradient-descent update' : `one ${OPTIMIZER_EN[optimizer]} update`;
    return steps === 1
      ? `Backpropagation by hand with exact numbers: one forward pass, the backward pass, ${update} and the loss after it.`
      : `Backpropagation by hand with exact numbers: ${steps} steps, each a forward pass, the backward pass, ${update} and the loss after it.`;
  },
  section: {
    problem: 'The network',
    forwardScalar: 'Forward pass (unit by unit)',
    forwardMatrix: 'Forward pass (matrix form)',
    loss: 'Loss function',
    backwardScalar: 'Backward pass: the chain rule for each weight',
    backwardMatrix: 'Backward pass: matrix form',
    updateMatrix: 'Parameter update (matrix form)',
    after: 'Loss after one update: by how much does the loss improve?',
    appendix: 'Appendix: derivations',
  },
  updateTitle: (optimizer) => `Parameter update (${OPTIMIZER_EN[optimizer]})`,
  training: {
    step: (k, of, rows) => `Step ${k} of ${of} (${/[–,]/.test(rows) ? 'rows' : 'row'} ${rows})`,
    history: 'Training: the loss at every step',
    header: ['step', 'rows', 'loss L', 'loss after the step L⁺'],
  },
  layerHeading: (layer, output, activation) =>
    `Layer ${layer} (${output ? 'output layer' : 'hidden layer'}, ${activation})`,
  activation: activationNames('en'),
  lossName: lossNames('en'),
  layout: {
    'x-w': 'row vectors, a = x W + b with W[input][unit] (lecture deck, Deep Learning from Scratch)',
    'w-x': 'column vectors, a = W x + b with W[unit][input] (E-shikaku notes)',
  },
  problem: {
    network: (layers, inputs, outputs) =>
      `A network of ${layers} layer${layers > 1 ? 's' : ''} with ${inputs} input${inputs > 1 ? 's' : ''} and ${outputs} output${outputs > 1 ? 's' : ''}.`,
    layoutLine: 'Weight layout:',
    layer: (layer, output, inputs, units, activation) =>
      `Layer ${layer} (${output ? 'output' : 'hidden'}): ${inputs} input${inputs > 1 ? 's' : ''}, ${units} unit${units > 1 ? 's' : ''}, activation function ${activation}`,
    alpha: (learnable) => (learnable ? 'learnable slope' : 'slope for a < 0'),
    lossLine: 'Loss function:',
    inputLine: (samples, columns) =>
      samples > 1
        ? `Input (one ${columns ? 'column' : 'row'} per sample, ${samples} samples):`
        : columns
          ? 'Input (a column vector):'
          : 'Input:',
    targetLine: (samples, columns) =>
      samples > 1
        ? `Target (one ${columns ? 'column' : 'row'} per sample):`
        : columns
          ? 'Target (a column vector):'
          : 'Target:',
    learningRate: 'Learning rate:',
    batch: (mode, samples) =>
      mode === 'mean'
        ? `The batch loss is the mean of the ${samples} sample losses.`
        : `The batch loss is the sum of the ${samples} sample losses.`,
    reluConvention: (g) =>
      `Convention: the derivative of the ReLU family at a = 0 is taken as the ${g === 0 ? 'left' : 'right'} derivative (relu_grad_at_zero = ${g}).`,
    biasesFixed: 'The biases are kept fixed (update_biases: false).',
    regularization: (scale) =>
      `L2 regularization (weight decay) is added to the loss: R = ${scale === '1/2' ? '(λ/2)' : '(λ/2N), N the samples in the batch,'} times the sum of the squares of every weight (not the biases).`,
    sharedBias: (layers) =>
      `${layers.length > 1 ? `Layers ${layers.join(' and ')}: each has` : `Layer ${layers[0]} has`} one bias shared by every unit (the entries of its b are all the same number).`,
    figureCaption: (s) =>
      `The network with its values${s === null ? '' : ` for sample ${s}`}: inputs on the left; in each unit the pre-activation a and the output z; on each edge the weight w (black) and, below it, the gradient ∂L/∂w (blue).`,
    figureAlt: 'Diagram of the network: units as circles, weights on the edges',
    figureNoEdgeLabels:
      'The layers are too wide to label every edge: see the steps for the weights and their gradients.',
  },
  intro: {
    forwardScalar:
      'Each unit takes the weighted sum of its inputs plus its bias (the pre-activation a), then applies its activation function: z = h(a).',
    forwardMatrix: (columns) =>
      columns
        ? 'The same computation for the whole layer at once: one column per sample.'
        : "The same computation for the whole layer at once: one row per sample (the lecture deck's row-vector form).",
    loss: 'The loss compares the outputs of the last layer with the targets.',
    backwardScalar:
      "The delta of a unit is the gradient of the loss with respect to its pre-activation. It is computed from the output layer backwards; then each weight's gradient is its unit's delta times the input that the weight multiplies.",
    backwardMatrix: (columns) =>
      columns
        ? 'The same backward pass with whole matrices (one column per sample).'
        : 'The same backward pass with whole matrices, as in the lecture deck (one row per sample).',
    update: 'Every parameter moves against its gradient: new value = old value − learning rate × gradient.',
    optimizer: (name, t) =>
      name === 'momentum'
        ? 'With momentum each parameter keeps a velocity v: v⁺ = μ·v − η·(gradient), and the parameter moves by it: w⁺ = w + v⁺.'
        : `With Adam each parameter keeps running averages of its gradient (m) and of its square (v); step t = ${t} divides them by 1 − β₁ᵗ and 1 − β₂ᵗ (the bias correction) and moves the parameter by η·m̂/(√v̂ + ε).`,
    biasesFixed: 'The biases are not updated (update_biases: false), so they keep their values.',
    after: 'The forward pass again with the updated parameters, then the loss, and how much it went down.',
    conclusion: (improved) =>
      improved
        ? 'One update made the loss smaller.'
        : 'This update did not make the loss smaller (the learning rate may be too large).',
    appendix: 'Where the derivatives used in the steps above come from, step by step.',
  },
  step: {
    preactivation: (c) => `${at(c)}: pre-activation (weighted sum)`,
    output: (c) => `${at(c)}: output of the activation function`,
    sampleLoss: (s) => `Loss of sample ${s}`,
    loss: (samples, mode) =>
      samples === 1
        ? 'Loss'
        : mode === 'mean'
          ? `Loss of the batch (mean over ${samples} samples)`
          : `Loss of the batch (sum over ${samples} samples)`,
    gradOutputLast: (c) => `${at(c)}: gradient of the loss with respect to the output`,
    gradOutputHidden: (c) => `${at(c)}: gradient coming back from layer ${c.layer + 1} (chain rule)`,
    activationDerivative: (c) => `${at(c)}: derivative of the activation function`,
    delta: (c) => `${at(c)}: delta (error term)`,
    gradWeight: (c) => `Layer ${c.layer}: gradient of the weight from ${edge(c)}`,
    gradBias: (l, j) => `Layer ${l}: gradient of the bias of unit ${j}`,
    gradAlpha: (l) => `Layer ${l}: gradient of the PReLU slope`,
    weightAfter: (c) => `Layer ${c.layer}: updated weight from ${edge(c)}`,
    biasAfter: (l, j) => `Layer ${l}: updated bias of unit ${j}`,
    gradSharedBias: (l) => `Layer ${l}: gradient of the shared bias`,
    sharedBiasAfter: (l) => `Layer ${l}: updated shared bias`,
    regularization: 'L2 penalty (weight decay)',
    regularizationAfter: 'L2 penalty of the updated weights',
    optimizerState: (kind, at) =>
      `Layer ${at.layer}: ${STATE_EN[kind]} of the ${'input' in at ? `weight from ${edge(at)}` : at.unit === null ? 'shared bias' : `bias of unit ${at.unit}`}`,
    optimizerStateMatrix: (kind, l, bias) => `Layer ${l}: ${STATE_EN[kind]} of the ${bias ? 'biases' : 'weights'}`,
    alphaAfter: (l) => `Layer ${l}: updated PReLU slope`,
    afterSuffix: ' (after the update)',
    lossAfter: 'Loss after the update',
    sampleLossAfter: (s) => `Loss of sample ${s} after the update`,
    improvement: 'Improvement of the loss',
    preactivationMatrix: (l) => `Layer ${l}: pre-activations`,
    outputMatrix: (l) => `Layer ${l}: outputs`,
    gradOutputLastMatrix: (l) => `Layer ${l}: gradient of the loss with respect to the outputs`,
    gradOutputHiddenMatrix: (l) => `Layer ${l}: gradient coming back from layer ${l + 1}`,
    activationDerivativeMatrix: (l) => `Layer ${l}: derivative of the activation function`,
    deltaMatrix: (l) => `Layer ${l}: deltas`,
    gradWeightsMatrix: (l) => `Layer ${l}: gradient of the weights`,
    gradBiasMatrix: (l) => `Layer ${l}: gradient of the biases`,
    weightsAfterMatrix: (l) => `Layer ${l}: updated weights`,
    biasAfterMatrix: (l) => `Layer ${l}: updated biases`,
  },
  note: {
    given: 'given in the exercise',
    softmaxCrossEntropy:
      'softmax with cross-entropy: the softmax Jacobian and the 1/z of the loss cancel, leaving z - t',
    sigmoidBinaryCrossEntropy:
      'sigmoid with binary cross-entropy: h′(a) = z(1 − z) cancels the 1/(z(1 − z)) of ∂L/∂z, leaving z − t',
    reluConvention: (g) =>
      `at a = 0 the derivative is a convention; relu_grad_at_zero = ${g} takes the ${g === 0 ? 'left' : 'right'} derivative`,
    weightsBeforeUpdate: 'uses the weights before the update',
    elementwise: 'element by element (⊙ is the element-wise product)',
    l2WeightsOnly:
      'The penalty sums the squares of the weights only, never the biases; it is part of the loss, so each weight gradient gets its derivative λ·w as well.',
    sharedBias:
      'One bias is added to every unit of the layer, so its gradient collects the deltas of every unit and every sample.',
    broadcastBias: (columns) =>
      columns ? 'the bias is added to every column (sample)' : 'the bias row is added to every row (sample)',
    softmaxRows: (columns) => (columns ? 'softmax of each column (sample)' : 'softmax of each row (sample)'),
    softmaxJacobian: 'through the softmax Jacobian dz_i/da_k = z_i (δ_ik - z_k); 1 is a vector of ones',
    derivativeBySign:
      'element by element, from the sign of each pre-activation: [P] is 1 where the condition P holds and 0 where it does not',
  },
  table: {
    summary: (layers, layout, loss, samples, batch, eta) =>
      `Network: ${layers} layer${layers > 1 ? 's' : ''}, layout ${layout}, loss ${loss}, batch of ${samples} (${batch}), learning rate η = ${eta}`,
    loss: 'Loss L',
    sample: (s) => `sample ${s}`,
    row: (r) => `row ${r}`,
    preactivation: (layout) => `pre-activation a = ${layout === 'x-w' ? 'z·W + b' : 'W·z + b'}`,
    output: 'output z = h(a)',
    delta: 'delta δ = ∂L/∂a',
    gradWeights: '∂L/∂W',
    gradBias: '∂L/∂b',
    gradAlpha: '∂L/∂α',
    weightsAfter: (optimizer) => `W after the update (${UPDATE_RULE[optimizer]('W')})`,
    biasAfter: (optimizer) => `b after the update (${UPDATE_RULE[optimizer]('b')})`,
    regularization: 'L2 penalty R (included in the loss)',
    biasFixed: 'b (not updated: update_biases is false)',
    alphaAfter: 'α after the update',
    lossAfter: 'Loss after one update',
  },
};
