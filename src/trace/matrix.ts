// The matrix form of the lecture deck (row vectors, X·W layout):
//   A^l = Z^{l−1} W^l + b^l,  Δ^l = Δ^{l+1} W^{(l+1)ᵀ} ⊙ h′(A^l),  ∂L/∂W^l = Z^{(l−1)ᵀ} Δ^l,  ∂L/∂b^l = Σ rows Δ^l.
// In the w-x layout (E資格: u = W z + b) the same matrices are shown transposed, one column per
// sample: A^l = W^l Z^{l−1} + b^l, Δ^l = W^{(l+1)ᵀ} Δ^{l+1} ⊙ h′(A^l), ∂L/∂W^l = Δ^l Z^{(l−1)ᵀ}.
import { ONE, type Value } from '../number/value';
import type { Matrix, NetworkSpec } from '../concepts/network';
import { transpose } from '../engine/matrix';
import type { Solution } from '../engine/solve';
import { derivativeMatrixBuild, outputMatrixBuild, activationName } from './activation';
import { batchFactor, layerInput, lossGradientFactor, type Pass } from './network';
import { matrixStep, type Build, type Leaf } from './step';
import {
  alphaSym,
  biasVectorSym,
  deltaMatrixSym,
  derivMatrixSym,
  inputMatrixSym,
  inputMatrixSymT,
  outputMatrixSym,
  partial,
  preactMatrixSym,
  weightMatrixSym,
  weightMatrixSymT,
  type Notation,
} from './symbols';
import { atom, difference, frac, negate, paren, product, sum, type Tex } from './tex';
import type { MatrixStep } from './types';
import { scaled } from './numbers';
import { decayTerm } from './regularization';
import { optimizerMatrixSteps } from './optimizer';
import { alphaUpdateStep, gradAlphaStep, sharedBiasGradStep, sharedBiasUpdateStep } from './scalar';
import type { ScalarStep } from './types';

const leafOf = (sym: string, matrix: Matrix): Leaf => ({ sym, matrix });

/** The layout decides the orientation of per-sample matrices: rows (x-w) or columns (w-x). */
function view(network: NetworkSpec) {
  const columns = network.layout === 'w-x';
  return {
    columns,
    /** A per-sample matrix (rows = samples in the engine) as displayed. */
    show: (m: Matrix): Matrix => (columns ? transpose(m) : m),
    /** A vector (bias, bias gradient) as a row (x-w) or a column (w-x). */
    vector: (v: readonly Value[]): Matrix => (columns ? v.map((x) => [x]) : [v]),
    /** XW-product order: Z W (x-w) or W Z (w-x). */
    times: (left: Tex, right: Tex, zFirst: boolean): Tex =>
      product(zFirst !== columns ? [left, right] : [right, left], ' '),
  };
}

export function forwardMatrixSteps(nt: Notation, pass: Pass): MatrixStep[] {
  const { network } = pass;
  const v = view(network);
  const steps: MatrixStep[] = [];
  const [qa, qz] = nt.after
    ? (['preactivation_after', 'output_after'] as const)
    : (['preactivation', 'output'] as const);
  network.layers.forEach((layer, l) => {
    const input = leafOf(inputMatrixSym(nt, l), v.show(layerInput(pass, l)));
    const w = leafOf(weightMatrixSym(l, nt.after), layer.weights);
    const b = leafOf(biasVectorSym(l, nt.after), v.vector(layer.bias));
    const buildA: Build = (leaf) => sum([v.times(leaf(input), leaf(w), true), leaf(b)]);
    steps.push(
      matrixStep(
        {
          quantity: qa,
          form: 'matrix',
          layer: l,
          lhs: preactMatrixSym(nt, l),
          build: buildA,
          note: { kind: 'broadcast-bias' },
        },
        v.show(pass.preactivations[l]),
        v.columns,
      ),
    );
    const a = leafOf(preactMatrixSym(nt, l), v.show(pass.preactivations[l]));
    const lhs = `${outputMatrixSym(nt, l)}`;
    steps.push(
      matrixStep(
        {
          quantity: qz,
          form: 'matrix',
          layer: l,
          lhs,
          build: outputMatrixBuild(
            layer.activation,
            a,
            layer.alpha ? { sym: alphaSym(l, nt.after), value: layer.alpha } : null,
          ),
          note: layer.activation === 'softmax' ? { kind: 'softmax-rows', columns: v.columns } : null,
        },
        v.show(pass.outputs[l]),
        v.columns,
      ),
    );
  });
  return steps;
}

export function backwardMatrixSteps(nt: Notation, solution: Solution, pass: Pass): (MatrixStep | ScalarStep)[] {
  const { network } = solution;
  const v = view(network);
  const count = network.layers.length;
  const steps: (MatrixStep | ScalarStep)[] = [];
  const form = 'matrix' as const;
  const batch = network.input.length;
  for (let l = count - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const result = solution.layers[l];
    const isLast = l === count - 1;
    const softmaxCE = isLast && layer.activation === 'softmax' && network.loss === 'cross-entropy';
    const z = leafOf(outputMatrixSym(nt, l), v.show(result.output));
    const gSym = partial(outputMatrixSym(nt, l));
    const g = leafOf(gSym, v.show(result.gradOutput));
    const t = leafOf('T', v.show(network.target));
    const dSym = deltaMatrixSym(l);

    if (!softmaxCE) {
      let build: Build;
      let note = null;
      if (isLast) {
        const k = lossGradientFactor(network);
        if (network.loss === 'cross-entropy') {
          build = (leaf) => negate(scaled(k, frac(leaf(t), leaf(z))));
          note = { kind: 'elementwise' } as const;
        } else if (network.loss === 'binary-cross-entropy') {
          // (Z − T) ⊘ (Z ⊙ (1 − Z)), element by element.
          build = (leaf) =>
            scaled(k, frac(difference(leaf(z), leaf(t)), product([leaf(z), paren(difference(atom('1'), leaf(z)))])));
          note = { kind: 'elementwise' } as const;
        } else {
          build = (leaf) => scaled(k, difference(leaf(z), leaf(t)));
        }
      } else {
        const next = solution.layers[l + 1];
        const d = leafOf(deltaMatrixSym(l + 1), v.show(next.delta));
        // x-w: Δ^{l+1} W^{(l+1)ᵀ}; w-x: W^{(l+1)ᵀ} Δ^{l+1}.
        const wT = leafOf(weightMatrixSymT(l + 1), transpose(network.layers[l + 1].weights));
        build = (leaf) => (v.columns ? product([leaf(wT), leaf(d)], ' ') : product([leaf(d), leaf(wT)], ' '));
        note = { kind: 'weights-before-update' } as const;
      }
      steps.push(
        matrixStep(
          { quantity: 'grad_output', form, layer: l, lhs: gSym, build, note },
          v.show(result.gradOutput),
          v.columns,
        ),
      );
    }

    if (layer.activation === 'softmax') {
      if (softmaxCE) {
        const build: Build = (leaf) => scaled(batchFactor(network), difference(leaf(z), leaf(t)));
        steps.push(
          matrixStep(
            { quantity: 'delta', form, layer: l, lhs: dSym, build, note: { kind: 'softmax-cross-entropy' } },
            v.show(result.delta),
            v.columns,
          ),
        );
      } else {
        // δ_k = z_k (g_k − Σ_i g_i z_i) for each sample, written with a ones vector 1 for the sums over
        // the units (a column 1 of units ones; 1ᵀ its transpose), then the same with the numbers.
        const units = result.output[0].length;
        const ones = leafOf(
          '\\mathbf{1}',
          Array.from({ length: units }, () => [ONE]),
        );
        const onesT = leafOf('\\mathbf{1}^{\\top}', [Array.from({ length: units }, () => ONE)]);
        const build: Build = (leaf) => {
          const weighted = paren(product([leaf(g), leaf(z)], '\\odot'));
          const sums = v.columns
            ? product([leaf(ones), paren(product([leaf(onesT), weighted], ' '))], ' ')
            : product([paren(product([weighted, leaf(ones)], ' ')), leaf(onesT)], ' ');
          return product([leaf(z), paren(difference(leaf(g), sums))], '\\odot');
        };
        steps.push(
          matrixStep(
            { quantity: 'delta', form, layer: l, lhs: dSym, build, note: { kind: 'softmax-jacobian' } },
            v.show(result.delta),
            v.columns,
          ),
        );
      }
    } else {
      const hSym = derivMatrixSym(nt, l);
      const h = leafOf(hSym, v.show(result.activationDerivative!));
      const a = leafOf(preactMatrixSym(nt, l), v.show(result.preactivation));
      const alpha: Leaf | null = layer.alpha ? { sym: alphaSym(l), value: layer.alpha } : null;
      const hBuild = derivativeMatrixBuild(layer.activation, z, a, alpha, network.conventions);
      const bySign = layer.activation !== 'sigmoid' && layer.activation !== 'tanh';
      const hNote = bySign
        ? ({ kind: 'derivative-by-sign', name: activationName(layer.activation) } as const)
        : ({ kind: 'elementwise' } as const);
      // The identity's derivative is 1 for every element: the formula says so, the result shows the ones.
      const hLhs = layer.activation === 'identity' ? `${hSym} = 1` : hSym;
      steps.push(
        matrixStep(
          {
            quantity: 'activation_derivative',
            form,
            layer: l,
            lhs: hLhs,
            build: hBuild ?? undefined,
            note: layer.activation === 'identity' ? null : hNote,
          },
          v.show(result.activationDerivative!),
          v.columns,
        ),
      );
      const build: Build = (leaf) => product([leaf(g), leaf(h)], '\\odot');
      steps.push(
        matrixStep(
          { quantity: 'delta', form, layer: l, lhs: dSym, build, note: { kind: 'elementwise' } },
          v.show(result.delta),
          v.columns,
        ),
      );
    }

    // ∂L/∂W: Z^{(l−1)ᵀ} Δ (x-w) or Δ Z^{(l−1)ᵀ} (w-x); the engine's matrix in the file's layout.
    const input = layerInput(pass, l);
    const zT = leafOf(inputMatrixSymT(nt, l), v.columns ? input : transpose(input));
    const d = leafOf(dSym, v.show(result.delta));
    const gradData: Build = (leaf) =>
      v.columns ? product([leaf(d), leaf(zT)], ' ') : product([leaf(zT), leaf(d)], ' ');
    // Weight decay: + λ·W.
    const gradW: Build = network.regularization
      ? (leaf) => sum([gradData(leaf), decayTerm(network, leaf, leafOf(weightMatrixSym(l), layer.weights))])
      : gradData;
    steps.push(
      matrixStep(
        { quantity: 'grad_weights', form, layer: l, lhs: partial(weightMatrixSym(l)), build: gradW },
        result.gradWeights,
        false,
      ),
    );

    // ∂L/∂b = Σ over samples of Δ: 1ᵀΔ (rows) or Δ1 (columns).
    const ones = leafOf(
      v.columns ? '\\mathbf{1}' : '\\mathbf{1}^{\\top}',
      v.columns ? Array.from({ length: batch }, () => [ONE]) : [Array.from({ length: batch }, () => ONE)],
    );
    const gradB: Build | undefined =
      batch === 1
        ? (leaf) => leaf(d)
        : (leaf) => (v.columns ? product([leaf(d), leaf(ones)], ' ') : product([leaf(ones), leaf(d)], ' '));
    // One bias for every unit: the sum of every entry of Δ.
    if (layer.sharedBias) steps.push(sharedBiasGradStep(nt, solution, l, 'matrix'));
    else
      steps.push(
        matrixStep(
          { quantity: 'grad_bias', form, layer: l, lhs: partial(biasVectorSym(l)), build: gradB },
          v.vector(result.gradBias),
          v.columns,
        ),
      );
    if (result.gradAlpha !== null) steps.push(gradAlphaStep(nt, solution, l, 'matrix'));
  }
  return steps;
}

export function updateMatrixSteps(solution: Solution): (MatrixStep | ScalarStep)[] {
  const { network } = solution;
  const v = view(network);
  const eta: Leaf = { sym: '\\eta', value: network.learningRate };
  const steps: (MatrixStep | ScalarStep)[] = [];
  const form = 'matrix' as const;
  network.layers.forEach((layer, l) => {
    const result = solution.layers[l];
    if (result.optimizer !== null) {
      steps.push(...optimizerMatrixSteps(solution, l));
      if (result.gradAlpha !== null && layer.alpha && result.alphaAfter) steps.push(alphaUpdateStep(solution, l, form));
      return;
    }
    const w = leafOf(weightMatrixSym(l), layer.weights);
    const gw = leafOf(partial(weightMatrixSym(l)), result.gradWeights);
    steps.push(
      matrixStep(
        {
          quantity: 'weights_after',
          form,
          layer: l,
          lhs: weightMatrixSym(l, true),
          build: (leaf) => difference(leaf(w), product([leaf(eta), leaf(gw)], ' ')),
        },
        result.weightsAfter,
        false,
      ),
    );
    if (network.updateBiases && layer.sharedBias) {
      steps.push(sharedBiasUpdateStep(solution, l, 'matrix'));
    } else if (network.updateBiases) {
      const b = leafOf(biasVectorSym(l), v.vector(layer.bias));
      const gb = leafOf(partial(biasVectorSym(l)), v.vector(result.gradBias));
      steps.push(
        matrixStep(
          {
            quantity: 'bias_after',
            form,
            layer: l,
            lhs: biasVectorSym(l, true),
            build: (leaf) => difference(leaf(b), product([leaf(eta), leaf(gb)], ' ')),
          },
          v.vector(result.biasAfter),
          v.columns,
        ),
      );
    }
    if (result.gradAlpha !== null && layer.alpha && result.alphaAfter) steps.push(alphaUpdateStep(solution, l, form));
  });
  return steps;
}
