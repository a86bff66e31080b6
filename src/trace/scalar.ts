// The scalar form: one step per element, the per-weight chain rule of Mazur's walkthrough and the
// E資格 notes (∂E/∂w_ji = δ_j z_i) and the lecture deck's δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′(a_j^l).
import { ratio, sign, type Value } from '../number/value';
import type { Solution } from '../engine/solve';
import { derivativePiece, outputPiece } from './activation';
import { batchFactor, layerInput, lossGradientFactor, shapeOf, weightAt, type Pass } from './network';
import { scalarStep, type Build, type Leaf } from './step';
import {
  alphaSym,
  biasSym,
  deltaSym,
  derivSym,
  inputSym,
  lossSym,
  outputSym,
  partial,
  preactSym,
  targetSym,
  weightSym,
  weightSymFor,
  type Notation,
} from './symbols';
import { atom, difference, frac, negate, paren, power, product, sum, call, type Tex } from './tex';
import type { ScalarStep } from './types';
import { scaled } from './numbers';
import { decayTerm, penaltyStep, penaltySym } from './regularization';
import { optimizerScalarSteps } from './optimizer';

const leafOf = (sym: string, value: Value): Leaf & { value: Value } => ({ sym, value });
const ETA = (v: Value) => leafOf('\\eta', v);

/** a^{(l)}_{n,j} and z^{(l)}_{n,j} for every layer, sample and unit (also used after the update). */
export function forwardSteps(nt: Notation, pass: Pass, given: ReadonlySet<number> = new Set()): ScalarStep[] {
  const { network } = pass;
  const steps: ScalarStep[] = [];
  const [qa, qz] = nt.after
    ? (['preactivation_after', 'output_after'] as const)
    : (['preactivation', 'output'] as const);
  network.layers.forEach((layer, l) => {
    const { inputs, units } = shapeOf(network, l);
    const input = layerInput(pass, l);
    const alpha = layer.alpha ? leafOf(alphaSym(l, nt.after), layer.alpha) : null;
    pass.preactivations[l].forEach((aRow, n) => {
      for (let j = 0; j < units; j++) {
        const build: Build = (leaf) => {
          const terms: Tex[] = [];
          for (let i = 0; i < inputs; i++) {
            const x = leaf(leafOf(inputSym(nt, l, n, i), input[n][i]));
            const w = leaf(leafOf(weightSymFor(nt, l, i, j, nt.after), weightAt(network, l, i, j)));
            terms.push(network.layout === 'x-w' ? product([x, w], ' ') : product([w, x], ' '));
          }
          terms.push(leaf(leafOf(biasSym(l, layer.sharedBias ? null : j, nt.after), layer.bias[j])));
          return sum(terms);
        };
        steps.push(
          scalarStep({ quantity: qa, form: 'scalar', layer: l, lhs: preactSym(nt, l, n, j), build }, [n, j], aRow[j]),
        );
      }
      const row = aRow.map((a, k) => leafOf(preactSym(nt, l, n, k), a));
      for (let j = 0; j < units; j++) {
        const lhs = outputSym(nt, l, n, j);
        const z = pass.outputs[l][n][j];
        if (given.has(l)) {
          steps.push(scalarStep({ quantity: qz, form: 'scalar', layer: l, lhs, note: { kind: 'given' } }, [n, j], z));
          continue;
        }
        const piece = outputPiece(layer.activation, row[j], alpha, row, j);
        steps.push(
          scalarStep(
            {
              quantity: qz,
              form: 'scalar',
              layer: l,
              lhs: lhs + piece.middle,
              build: piece.build,
              condition: piece.condition,
            },
            [n, j],
            z,
          ),
        );
      }
    });
  });
  return steps;
}

/** One sample's loss, written from the outputs and targets. */
function sampleLossBuild(nt: Notation, pass: Pass, n: number): Build {
  const { network } = pass;
  const last = network.layers.length - 1;
  const y = pass.outputs[last][n];
  const t = network.target[n];
  return (leaf) => {
    const z = (k: number) => leaf(leafOf(outputSym(nt, last, n, k), y[k]));
    const tk = (k: number) => leaf(leafOf(targetSym(nt, n, k), t[k]));
    if (network.loss === 'cross-entropy') {
      return negate(sum(y.map((_, k) => product([tk(k), call('\\ln', [z(k)])]))));
    }
    if (network.loss === 'binary-cross-entropy') {
      const one = atom('1');
      return negate(
        sum(
          y.flatMap((_, k) => [
            product([tk(k), call('\\ln', [z(k)])]),
            product([paren(difference(one, tk(k))), call('\\ln', [difference(one, z(k))])]),
          ]),
        ),
      );
    }
    const squares = sum(y.map((_, k) => power(difference(z(k), tk(k)), '2')));
    if (network.loss === 'sse') return squares;
    const factor = network.loss === 'half-sse' ? frac(atom('1'), atom('2')) : frac(atom('1'), atom(String(y.length)));
    return product([factor, squares], ' ');
  };
}

/**
 * L_n per sample (when the batch has more than one) and the batch loss L; with L2 regularization
 * the penalty R first, and L = (the data loss) + R.
 */
export function lossSteps(
  nt: Notation,
  pass: Pass,
  sampleLosses: readonly Value[],
  loss: Value,
  regularization: Value | null = null,
): ScalarStep[] {
  const [qs, ql] = nt.after ? (['sample_loss_after', 'loss_after'] as const) : (['sample_loss', 'loss'] as const);
  const form = 'scalar' as const;
  const steps: ScalarStep[] = regularization === null ? [] : [penaltyStep(nt, pass.network, regularization)];
  const withPenalty =
    (build: Build): Build =>
    (leaf) =>
      regularization === null ? build(leaf) : sum([build(leaf), leaf(leafOf(penaltySym(nt.after), regularization))]);
  if (nt.batch === 1) {
    steps.push(
      scalarStep(
        { quantity: ql, form, layer: null, lhs: lossSym(nt, null), build: withPenalty(sampleLossBuild(nt, pass, 0)) },
        [],
        loss,
      ),
    );
    return steps;
  }
  steps.push(
    ...sampleLosses.map((v, n) =>
      scalarStep({ quantity: qs, form, layer: null, lhs: lossSym(nt, n), build: sampleLossBuild(nt, pass, n) }, [n], v),
    ),
  );
  const c = batchFactor(pass.network);
  const build: Build = (leaf) => scaled(c, sum(sampleLosses.map((v, n) => leaf(leafOf(lossSym(nt, n), v)))));
  steps.push(
    scalarStep({ quantity: ql, form, layer: null, lhs: lossSym(nt, null), build: withPenalty(build) }, [], loss),
  );
  return steps;
}

/** ∂L/∂z, h′(a) and δ per element, then ∂L/∂w, ∂L/∂b (and ∂L/∂α) per parameter; last layer first. */
export function backwardSteps(nt: Notation, solution: Solution, pass: Pass): ScalarStep[] {
  const { network } = solution;
  const count = network.layers.length;
  const steps: ScalarStep[] = [];
  const form = 'scalar' as const;
  for (let l = count - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const result = solution.layers[l];
    const { inputs, units } = shapeOf(network, l);
    const input = layerInput(pass, l);
    const alpha = layer.alpha ? leafOf(alphaSym(l), layer.alpha) : null;
    const batch = result.delta.length;
    const isLast = l === count - 1;
    const softmaxCE = isLast && layer.activation === 'softmax' && network.loss === 'cross-entropy';

    for (let n = 0; n < batch; n++) {
      for (let j = 0; j < units; j++) {
        const z = leafOf(outputSym(nt, l, n, j), result.output[n][j]);
        const g = leafOf(partial(outputSym(nt, l, n, j)), result.gradOutput[n][j]);
        // ∂L/∂z: from the loss at the output, from the next layer's deltas in a hidden layer.
        if (!softmaxCE) {
          let build: Build;
          let note = null;
          if (isLast) {
            const t = leafOf(targetSym(nt, n, j), network.target[n][j]);
            const k = lossGradientFactor(network);
            build =
              network.loss === 'cross-entropy'
                ? (leaf) => negate(scaled(k, frac(leaf(t), leaf(z))))
                : network.loss === 'binary-cross-entropy'
                  ? (leaf) =>
                      scaled(
                        k,
                        frac(difference(leaf(z), leaf(t)), product([leaf(z), paren(difference(atom('1'), leaf(z)))])),
                      )
                  : (leaf) => scaled(k, difference(leaf(z), leaf(t)));
          } else {
            const next = solution.layers[l + 1];
            const nextUnits = shapeOf(network, l + 1).units;
            build = (leaf) =>
              sum(
                Array.from({ length: nextUnits }, (_, k) =>
                  product(
                    [
                      leaf(leafOf(deltaSym(nt, l + 1, n, k), next.delta[n][k])),
                      leaf(leafOf(weightSymFor(nt, l + 1, j, k), weightAt(network, l + 1, j, k))),
                    ],
                    ' ',
                  ),
                ),
              );
            note = { kind: 'weights-before-update' } as const;
          }
          steps.push(scalarStep({ quantity: 'grad_output', form, layer: l, lhs: g.sym, build, note }, [n, j], g.value));
        }
        const a = leafOf(preactSym(nt, l, n, j), result.preactivation[n][j]);
        if (layer.activation === 'softmax') {
          const dSym = deltaSym(nt, l, n, j);
          if (softmaxCE) {
            const t = leafOf(targetSym(nt, n, j), network.target[n][j]);
            const build: Build = (leaf) => scaled(batchFactor(network), difference(leaf(z), leaf(t)));
            steps.push(
              scalarStep(
                { quantity: 'delta', form, layer: l, lhs: dSym, build, note: { kind: 'softmax-cross-entropy' } },
                [n, j],
                result.delta[n][j],
              ),
            );
          } else {
            // δ_k = Σ_i ∂L/∂z_i · z_i(δ_ik − z_k) = z_k (∂L/∂z_k − Σ_i ∂L/∂z_i z_i)
            const build: Build = (leaf) =>
              product(
                [
                  leaf(z),
                  paren(
                    difference(
                      leaf(g),
                      sum(
                        result.output[n].map((zi, i) =>
                          product(
                            [
                              leaf(leafOf(partial(outputSym(nt, l, n, i)), result.gradOutput[n][i])),
                              leaf(leafOf(outputSym(nt, l, n, i), zi)),
                            ],
                            ' ',
                          ),
                        ),
                      ),
                    ),
                  ),
                ],
                ' ',
              );
            steps.push(scalarStep({ quantity: 'delta', form, layer: l, lhs: dSym, build }, [n, j], result.delta[n][j]));
          }
          continue;
        }
        const hSym = derivSym(nt, l, n, j);
        const piece = derivativePiece(layer.activation, a, z, alpha, network.conventions);
        const h = result.activationDerivative![n][j];
        steps.push(
          scalarStep(
            {
              quantity: 'activation_derivative',
              form,
              layer: l,
              lhs: hSym,
              build: piece.build,
              condition: piece.condition,
              note: piece.note,
            },
            [n, j],
            h,
          ),
        );
        // Sigmoid + binary cross-entropy: the delta straight from the target, as the engine takes it.
        const sigmoidBCE = isLast && layer.activation === 'sigmoid' && network.loss === 'binary-cross-entropy';
        const t = leafOf(targetSym(nt, n, j), network.target[n][j]);
        const build: Build = sigmoidBCE
          ? (leaf) => scaled(batchFactor(network), difference(leaf(z), leaf(t)))
          : (leaf) => product([leaf(g), leaf(leafOf(hSym, h))], '\\cdot');
        const note = sigmoidBCE ? ({ kind: 'sigmoid-binary-cross-entropy' } as const) : null;
        steps.push(
          scalarStep(
            { quantity: 'delta', form, layer: l, lhs: deltaSym(nt, l, n, j), build, note },
            [n, j],
            result.delta[n][j],
          ),
        );
      }
    }

    // ∂L/∂w_ij = Σ_n δ_{n,j} z_{n,i}, at the weight's place in the file.
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < units; j++) {
        const [r, c] = network.layout === 'x-w' ? [i, j] : [j, i];
        const build: Build = (leaf) =>
          sum([
            ...Array.from({ length: batch }, (_, n) =>
              product(
                [
                  leaf(leafOf(deltaSym(nt, l, n, j), result.delta[n][j])),
                  leaf(leafOf(inputSym(nt, l, n, i), input[n][i])),
                ],
                ' ',
              ),
            ),
            // Weight decay: + λ·w.
            ...(network.regularization
              ? [decayTerm(network, leaf, leafOf(weightSym(nt, l, r, c, false), layer.weights[r][c]))]
              : []),
          ]);
        steps.push(
          scalarStep(
            { quantity: 'grad_weights', form, layer: l, lhs: partial(weightSym(nt, l, r, c, false)), build },
            [r, c],
            result.gradWeights[r][c],
          ),
        );
      }
    }
    if (layer.sharedBias) steps.push(sharedBiasGradStep(nt, solution, l, form));
    for (let j = 0; j < (layer.sharedBias ? 0 : units); j++) {
      const build: Build = (leaf) =>
        sum(Array.from({ length: batch }, (_, n) => leaf(leafOf(deltaSym(nt, l, n, j), result.delta[n][j]))));
      steps.push(
        scalarStep(
          { quantity: 'grad_bias', form, layer: l, lhs: partial(biasSym(l, j)), build },
          [j],
          result.gradBias[j],
        ),
      );
    }
    if (result.gradAlpha !== null) steps.push(gradAlphaStep(nt, solution, l, 'scalar'));
  }
  return steps;
}

/** A bias shared by every unit of layer l: ∂L/∂b = Σ_n Σ_j δ_{n,j}, one step. */
export function sharedBiasGradStep(nt: Notation, solution: Solution, l: number, form: 'scalar' | 'matrix'): ScalarStep {
  const result = solution.layers[l];
  const build: Build = (leaf) =>
    sum(result.delta.flatMap((row, n) => row.map((d, j) => leaf(leafOf(deltaSym(nt, l, n, j), d)))));
  return scalarStep(
    { quantity: 'grad_bias', form, layer: l, lhs: partial(biasSym(l, null)), build, note: { kind: 'shared-bias' } },
    [0],
    result.gradBias[0],
  );
}

/** b⁺ = b − η ∂L/∂b for a bias shared by every unit of layer l. */
export function sharedBiasUpdateStep(solution: Solution, l: number, form: 'scalar' | 'matrix'): ScalarStep {
  const layer = solution.network.layers[l];
  const result = solution.layers[l];
  const build: Build = (leaf) =>
    difference(
      leaf(leafOf(biasSym(l, null), layer.bias[0])),
      product(
        [leaf(ETA(solution.network.learningRate)), leaf(leafOf(partial(biasSym(l, null)), result.gradBias[0]))],
        ' ',
      ),
    );
  return scalarStep(
    { quantity: 'bias_after', form, layer: l, lhs: biasSym(l, null, true), build },
    [0],
    result.biasAfter[0],
  );
}

/** ∂L/∂α = Σ over a ≤ 0 of ∂L/∂z · a (PReLU's learnable slope). */
export function gradAlphaStep(nt: Notation, solution: Solution, l: number, form: 'scalar' | 'matrix'): ScalarStep {
  const result = solution.layers[l];
  const terms: [Leaf, Leaf][] = [];
  result.preactivation.forEach((row, n) =>
    row.forEach((a, j) => {
      if (sign(a) <= 0) {
        terms.push([
          leafOf(partial(outputSym(nt, l, n, j)), result.gradOutput[n][j]),
          leafOf(preactSym(nt, l, n, j), a),
        ]);
      }
    }),
  );
  const idx = nt.batch > 1 ? 'n,j' : 'j';
  const sup = `^{(${l + 1})}`;
  const general = `\\sum_{a${sup}_{${idx}} \\le 0} ${partial(`z${sup}_{${idx}}`)}\\, a${sup}_{${idx}}`;
  const build: Build = (leaf) => sum(terms.map(([g, a]) => product([leaf(g), leaf(a)], ' ')));
  return scalarStep(
    { quantity: 'grad_alpha', form, layer: l, lhs: `${partial(alphaSym(l))} = ${general}`, build },
    [],
    result.gradAlpha ?? ratio(0),
  );
}

/** w⁺ = w − η ∂L/∂w for every weight, then the biases (when updated) and α. */
export function updateSteps(nt: Notation, solution: Solution): ScalarStep[] {
  const { network } = solution;
  const eta = ETA(network.learningRate);
  const steps: ScalarStep[] = [];
  const form = 'scalar' as const;
  network.layers.forEach((layer, l) => {
    const result = solution.layers[l];
    if (result.optimizer !== null) {
      // Momentum or Adam: their own chain per parameter.
      steps.push(...optimizerScalarSteps(solution, l));
      if (result.gradAlpha !== null && layer.alpha && result.alphaAfter) steps.push(alphaUpdateStep(solution, l, form));
      return;
    }
    layer.weights.forEach((row, r) =>
      row.forEach((w, c) => {
        const build: Build = (leaf) =>
          difference(
            leaf(leafOf(weightSym(nt, l, r, c, false), w)),
            product([leaf(eta), leaf(leafOf(partial(weightSym(nt, l, r, c, false)), result.gradWeights[r][c]))], ' '),
          );
        steps.push(
          scalarStep(
            { quantity: 'weights_after', form, layer: l, lhs: weightSym(nt, l, r, c, true), build },
            [r, c],
            result.weightsAfter[r][c],
          ),
        );
      }),
    );
    if (network.updateBiases && layer.sharedBias) steps.push(sharedBiasUpdateStep(solution, l, form));
    else if (network.updateBiases) {
      layer.bias.forEach((b, j) => {
        const build: Build = (leaf) =>
          difference(
            leaf(leafOf(biasSym(l, j), b)),
            product([leaf(eta), leaf(leafOf(partial(biasSym(l, j)), result.gradBias[j]))], ' '),
          );
        steps.push(
          scalarStep(
            { quantity: 'bias_after', form, layer: l, lhs: biasSym(l, j, true), build },
            [j],
            result.biasAfter[j],
          ),
        );
      });
    }
    if (result.gradAlpha !== null && layer.alpha && result.alphaAfter) steps.push(alphaUpdateStep(solution, l, form));
  });
  return steps;
}

export function alphaUpdateStep(solution: Solution, l: number, form: 'scalar' | 'matrix'): ScalarStep {
  const layer = solution.network.layers[l];
  const result = solution.layers[l];
  const build: Build = (leaf) =>
    difference(
      leaf(leafOf(alphaSym(l), layer.alpha!)),
      product([leaf(ETA(solution.network.learningRate)), leaf(leafOf(partial(alphaSym(l)), result.gradAlpha!))], ' '),
    );
  return scalarStep({ quantity: 'alpha_after', form, layer: l, lhs: alphaSym(l, true), build }, [], result.alphaAfter!);
}

/** L − L⁺, the lecture deck's exercise ③: by how much one update improved the loss. */
export function improvementStep(loss: Value, lossAfter: Value, improvement: Value): ScalarStep {
  const build: Build = (leaf) => difference(leaf(leafOf('L', loss)), leaf(leafOf('L^{+}', lossAfter)));
  return scalarStep({ quantity: 'loss_improvement', form: 'scalar', layer: null, lhs: '', build }, [], improvement);
}
