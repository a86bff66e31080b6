// The update steps of momentum and Adam, in the scalar form (one chain per weight and bias) and the
// matrix form:
//   momentum: v⁺ = μ v − η ∂L/∂w,  w⁺ = w + v⁺
//   adam:     m⁺ = β₁ m + (1 − β₁) g,  v⁺ = β₂ v + (1 − β₂) g²,  m̂ = m⁺/(1 − β₁ᵗ),  v̂ = v⁺/(1 − β₂ᵗ),
//             w⁺ = w − η m̂/(√v̂ + ε)
import type { Value } from '../number/value';
import type { Matrix } from '../concepts/network';
import type { LayerState } from '../concepts/optimizer';
import type { LayerResult, Solution } from '../engine/solve';
import { transpose } from '../engine/matrix';
import { matrixStep, scalarStep, type Build, type Leaf } from './step';
import { biasSym, biasVectorSym, partial, weightMatrixSym, weightSym } from './symbols';
import { atom, difference, frac, paren, power, product, sum, type Tex } from './tex';
import type { MatrixStep, Quantity, ScalarStep } from './types';

/** Which parameter a state symbol belongs to: a weight by its place in the file, or a bias. */
type Target =
  | { readonly kind: 'w'; readonly r: number; readonly c: number }
  | { readonly kind: 'b'; readonly j: number | null };

const plus = (after: boolean) => (after ? '+' : '');
/** v^{(l)}_{12}, m^{(l)+}_{b,1}, \hat{m}^{(l)}_{12}: a state symbol of one weight or bias. */
function stateSym(base: string, l: number, target: Target, after = false, hat = false): string {
  const b = hat ? `\\hat{${base}}` : base;
  const idx = target.kind === 'w' ? `${target.r + 1}${target.c + 1}` : target.j === null ? 'b' : `b,${target.j + 1}`;
  return `${b}^{(${l + 1})${plus(after)}}_{${idx}}`;
}
/** V^{(l)}, \mathbf{m}_{b}^{(l)+}: a state matrix of a layer's weights or bias vector. */
function stateMatrixSym(base: string, l: number, bias: boolean, after = false, hat = false): string {
  const b = bias ? `\\mathbf{${base}}` : base.toUpperCase();
  const h = hat ? `\\hat{${b}}` : b;
  return `${h}${bias ? '_{b}' : ''}^{(${l + 1})${plus(after)}}`;
}

function sqrtOf(t: Tex): Tex {
  return { tex: `\\sqrt{${t.tex}}`, prec: 2, leadingMinus: false, approximate: t.approximate };
}

const one = () => atom('1');

/** The quantity of a bias's step from its weight's: velocity_after → velocity_bias_after, adam_m_hat → adam_m_hat_bias. */
function biasQuantity(name: string): Quantity {
  if (name === 'weights_after') return 'bias_after';
  return (name.endsWith('_after') ? `${name.slice(0, -6)}_bias_after` : `${name}_bias`) as Quantity;
}

interface Cells {
  readonly quantity: (name: string) => Quantity;
  readonly target: Target;
  readonly index: readonly number[];
  readonly sym: string;
  readonly before: Value;
  readonly after: Value;
  readonly grad: Value;
  readonly pick: (s: LayerState) => Value;
}

/** Every parameter of layer l that the step moves: each weight, then the biases (one if shared). */
function cellsOf(solution: Solution, l: number): Cells[] {
  const { network } = solution;
  const layer = network.layers[l];
  const result = solution.layers[l];
  const cells: Cells[] = [];
  layer.weights.forEach((row, r) =>
    row.forEach((w, c) =>
      cells.push({
        quantity: (name) => name as Quantity,
        target: { kind: 'w', r, c },
        index: [r, c],
        sym: weightSym({ layout: network.layout, batch: 1, after: false }, l, r, c, false),
        before: w,
        after: result.weightsAfter[r][c],
        grad: result.gradWeights.length === layer.weights.length ? result.gradWeights[r][c] : result.gradWeights[c][r],
        pick: (s) => s.weights[r][c],
      }),
    ),
  );
  if (network.updateBiases) {
    const js = layer.sharedBias ? [0] : layer.bias.map((_, j) => j);
    for (const j of js) {
      const shown = layer.sharedBias ? null : j;
      cells.push({
        quantity: (name) => biasQuantity(name),
        target: { kind: 'b', j: shown },
        index: [j],
        sym: biasSym(l, shown),
        before: layer.bias[j],
        after: result.biasAfter[j],
        grad: result.gradBias[j],
        pick: (s) => s.bias[j],
      });
    }
  }
  return cells;
}

const leafOf = (sym: string, value: Value): Leaf => ({ sym, value });

/** The scalar steps of layer l's update with momentum or Adam. */
export function optimizerScalarSteps(solution: Solution, l: number): ScalarStep[] {
  const { network } = solution;
  const optimizer = network.optimizer!;
  const result = solution.layers[l];
  const state = result.optimizer!;
  const eta = leafOf('\\eta', network.learningRate);
  const form = 'scalar' as const;
  const steps: ScalarStep[] = [];
  for (const cell of cellsOf(solution, l)) {
    const g = leafOf(partial(cell.sym), cell.grad);
    const w = leafOf(cell.sym, cell.before);
    const after =
      cell.target.kind === 'w'
        ? weightSym({ layout: network.layout, batch: 1, after: true }, l, cell.index[0], cell.index[1], true)
        : biasSym(l, cell.target.j, true);
    if (optimizer.name === 'momentum' && state.name === 'momentum') {
      const mu = leafOf('\\mu', optimizer.momentum);
      const v = leafOf(stateSym('v', l, cell.target), cell.pick(optimizer.velocity[l]));
      const vAfter = leafOf(stateSym('v', l, cell.target, true), cell.pick(state.velocity));
      steps.push(
        scalarStep(
          {
            quantity: cell.quantity('velocity_after'),
            form,
            layer: l,
            lhs: vAfter.sym,
            build: (leaf) => difference(product([leaf(mu), leaf(v)], ' '), product([leaf(eta), leaf(g)], ' ')),
          },
          cell.index,
          cell.pick(state.velocity),
        ),
      );
      steps.push(
        scalarStep(
          {
            quantity: cell.quantity('weights_after'),
            form,
            layer: l,
            lhs: after,
            build: (leaf) => sum([leaf(w), leaf(vAfter)]),
          },
          cell.index,
          cell.after,
        ),
      );
    } else if (optimizer.name === 'adam' && state.name === 'adam') {
      const b1 = leafOf('\\beta_1', optimizer.beta1);
      const b2 = leafOf('\\beta_2', optimizer.beta2);
      const eps = leafOf('\\epsilon', optimizer.epsilon);
      const m = leafOf(stateSym('m', l, cell.target), cell.pick(optimizer.m[l]));
      const v = leafOf(stateSym('v', l, cell.target), cell.pick(optimizer.v[l]));
      const m1 = leafOf(stateSym('m', l, cell.target, true), cell.pick(state.m));
      const v1 = leafOf(stateSym('v', l, cell.target, true), cell.pick(state.v));
      const mHat = leafOf(stateSym('m', l, cell.target, false, true), cell.pick(state.mHat));
      const vHat = leafOf(stateSym('v', l, cell.target, false, true), cell.pick(state.vHat));
      const t = String(state.t);
      const moment =
        (beta: Leaf, prev: Leaf, grad: (leaf: (x: Leaf) => Tex) => Tex): Build =>
        (leaf) =>
          sum([
            product([leaf(beta), leaf(prev)], ' '),
            product([paren(difference(one(), leaf(beta))), grad(leaf)], ' '),
          ]);
      const push = (name: string, lhs: string, build: Build, value: Value) =>
        steps.push(scalarStep({ quantity: cell.quantity(name), form, layer: l, lhs, build }, cell.index, value));
      push(
        'adam_m_after',
        m1.sym,
        moment(b1, m, (leaf) => leaf(g)),
        cell.pick(state.m),
      );
      push(
        'adam_v_after',
        v1.sym,
        moment(b2, v, (leaf) => power(leaf(g), '2')),
        cell.pick(state.v),
      );
      push(
        'adam_m_hat',
        mHat.sym,
        (leaf) => frac(leaf(m1), difference(one(), power(leaf(b1), t))),
        cell.pick(state.mHat),
      );
      push(
        'adam_v_hat',
        vHat.sym,
        (leaf) => frac(leaf(v1), difference(one(), power(leaf(b2), t))),
        cell.pick(state.vHat),
      );
      push(
        'weights_after',
        after,
        (leaf) =>
          difference(leaf(w), product([leaf(eta), frac(leaf(mHat), sum([sqrtOf(leaf(vHat)), leaf(eps)]))], ' ')),
        cell.after,
      );
    }
  }
  return steps;
}

/** The matrix steps of layer l's update with momentum or Adam. */
export function optimizerMatrixSteps(solution: Solution, l: number): MatrixStep[] {
  const { network } = solution;
  const optimizer = network.optimizer!;
  const result: LayerResult = solution.layers[l];
  const state = result.optimizer!;
  const layer = network.layers[l];
  const columns = network.layout === 'w-x';
  const form = 'matrix' as const;
  const eta: Leaf = { sym: '\\eta', value: network.learningRate };
  const steps: MatrixStep[] = [];
  const vec = (v: readonly Value[]): Matrix => (columns ? v.map((x) => [x]) : [v]);
  const grad = result.gradWeights.length === layer.weights.length ? result.gradWeights : transpose(result.gradWeights);
  const parts = [
    {
      bias: false,
      quantity: (name: string) => name as Quantity,
      sym: weightMatrixSym(l),
      after: weightMatrixSym(l, true),
      before: layer.weights,
      moved: result.weightsAfter,
      grad,
      pick: (s: LayerState): Matrix => s.weights,
    },
    ...(network.updateBiases
      ? [
          {
            bias: true,
            quantity: (name: string) => biasQuantity(name),
            sym: biasVectorSym(l),
            after: biasVectorSym(l, true),
            before: vec(layer.bias),
            moved: vec(result.biasAfter),
            grad: vec(result.gradBias),
            pick: (s: LayerState): Matrix => vec(s.bias),
          },
        ]
      : []),
  ];
  for (const part of parts) {
    const g: Leaf = { sym: partial(part.sym), matrix: part.grad };
    const w: Leaf = { sym: part.sym, matrix: part.before };
    const push = (name: string, lhs: string, build: Build | undefined, value: Matrix) =>
      steps.push(
        matrixStep({ quantity: part.quantity(name), form, layer: l, lhs, build }, value, part.bias && columns),
      );
    if (optimizer.name === 'momentum' && state.name === 'momentum') {
      const mu: Leaf = { sym: '\\mu', value: optimizer.momentum };
      const v: Leaf = { sym: stateMatrixSym('v', l, part.bias), matrix: part.pick(optimizer.velocity[l]) };
      const vAfter: Leaf = { sym: stateMatrixSym('v', l, part.bias, true), matrix: part.pick(state.velocity) };
      push(
        'velocity_after',
        vAfter.sym,
        (leaf) => difference(product([leaf(mu), leaf(v)], ' '), product([leaf(eta), leaf(g)], ' ')),
        part.pick(state.velocity),
      );
      push('weights_after', part.after, (leaf) => sum([leaf(w), leaf(vAfter)]), part.moved);
    } else if (optimizer.name === 'adam' && state.name === 'adam') {
      const b1: Leaf = { sym: '\\beta_1', value: optimizer.beta1 };
      const b2: Leaf = { sym: '\\beta_2', value: optimizer.beta2 };
      const m: Leaf = { sym: stateMatrixSym('m', l, part.bias), matrix: part.pick(optimizer.m[l]) };
      const v: Leaf = { sym: stateMatrixSym('v', l, part.bias), matrix: part.pick(optimizer.v[l]) };
      const m1: Leaf = { sym: stateMatrixSym('m', l, part.bias, true), matrix: part.pick(state.m) };
      const v1: Leaf = { sym: stateMatrixSym('v', l, part.bias, true), matrix: part.pick(state.v) };
      const t = String(state.t);
      const mHatSym = stateMatrixSym('m', l, part.bias, false, true);
      const vHatSym = stateMatrixSym('v', l, part.bias, false, true);
      push(
        'adam_m_after',
        m1.sym,
        (leaf) => sum([product([leaf(b1), leaf(m)], ' '), product([paren(difference(one(), leaf(b1))), leaf(g)], ' ')]),
        part.pick(state.m),
      );
      push(
        'adam_v_after',
        v1.sym,
        (leaf) =>
          sum([
            product([leaf(b2), leaf(v)], ' '),
            product([paren(difference(one(), leaf(b2))), paren(product([leaf(g), leaf(g)], '\\odot'))], ' '),
          ]),
        part.pick(state.v),
      );
      push(
        'adam_m_hat',
        mHatSym,
        (leaf) => frac(leaf(m1), difference(one(), power(leaf(b1), t))),
        part.pick(state.mHat),
      );
      push(
        'adam_v_hat',
        vHatSym,
        (leaf) => frac(leaf(v1), difference(one(), power(leaf(b2), t))),
        part.pick(state.vHat),
      );
      // Element by element: the scalar form above shows each entry's numbers.
      push(
        'weights_after',
        `${part.after} = ${part.sym} - \\eta\\, ${mHatSym} \\oslash \\left(\\sqrt{${vHatSym}} + \\epsilon\\right)`,
        undefined,
        part.moved,
      );
    }
  }
  return steps;
}
