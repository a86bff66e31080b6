// Gradient descent in one variable, by hand: four steps x_k = x_(k−1) − η·f′(x_(k−1)) on a polynomial
// (a quadratic, a quadratic with f(x₄), a cubic). The polynomial is a computational graph
// with a `step: {learning_rate, update: [x], steps: 4}`; every expected value comes from the graph
// engine (src/graph), the asks are x after each step (and f at the end).
import type { Rng } from '../prng';
import type { GraphDraft, Template } from '../template';
import { t } from '../text';
import type { GraphAsk, GraphFile } from '../types';

type Node = { name: string; op: string; args: string[] };

const STEPS = 4;

/** "x² − 4x + 1" from the coefficients c_0, c_1, … (lowest degree first). */
export function polynomialText(c: readonly string[]): string {
  const power = ['', 'x', 'x²', 'x³', 'x⁴'];
  const terms: string[] = [];
  for (let i = c.length - 1; i >= 0; i--) {
    const ci = c[i];
    if (ci === '0') continue;
    const negative = ci.startsWith('-');
    const size = negative ? ci.slice(1) : ci;
    const body = i === 0 ? size : `${size === '1' ? '' : size}${power[i]}`;
    terms.push(terms.length === 0 ? `${negative ? '−' : ''}${body}` : `${negative ? '−' : '+'} ${body}`);
  }
  return terms.join(' ');
}

/** f(x) = Σ c_i xⁱ as nodes: p_i = xⁱ, t_i = c_i·p_i (left out where c_i is 1), f = the sum with c_0. */
export function polynomialGraph(c: readonly string[], x0: string, eta: string): GraphFile {
  const nodes: Node[] = [];
  const terms: string[] = [];
  for (let i = c.length - 1; i >= 1; i--) {
    if (c[i] === '0') continue;
    const base = i === 1 ? 'x' : `p${i}`;
    if (i === 2) nodes.push({ name: base, op: 'square', args: ['x'] });
    else if (i > 2) nodes.push({ name: base, op: 'pow', args: ['x', String(i)] });
    if (c[i] === '1') terms.push(base);
    else {
      nodes.push({ name: `t${i}`, op: 'mul', args: [c[i], base] });
      terms.push(`t${i}`);
    }
  }
  nodes.push({ name: 'f', op: 'add', args: [...terms, c[0]] });
  return {
    graph: {
      inputs: { x: x0 },
      nodes,
      output: 'f',
      step: { learning_rate: eta, update: ['x'], steps: String(STEPS) },
    },
  };
}

const xAfter = (k: number): GraphAsk => ({ id: `a${k}`, quantity: 'input_after', node: 'x', step: k });

/**
 * A quadratic a(x − m)² + c: each step multiplies the distance to the minimum m by r = 1 − 2aη, so
 * r ∈ {1/2, 0.8, 0.2, −1/2} and an integer start keep every iterate a decimal of at most 4 places.
 */
function quadratic(rng: Rng, leading: readonly string[]): { c: string[]; x0: string; eta: string } {
  const a = rng.pick(leading);
  const r = rng.pick(['0.5', '0.8', '0.2', '-0.5']);
  const m = rng.int(-3, 3);
  const d = rng.pick([-4, -3, -2, -1, 1, 2, 3, 4]);
  const c0 = rng.pick([-5, -3, -2, -1, 1, 2, 3, 4, 6]);
  // η = (1 − r)/(2|a|) (a < 0 is climbed: ascent); a(x − m)² + c0 has the constant term c0 + a·m².
  const scale = (q: number) => Number(q.toFixed(6));
  const an = Number(a);
  const eta = String(scale((1 - Number(r)) / (2 * Math.abs(an))));
  return { c: [String(scale(c0 + an * m * m)), String(scale(-2 * an * m)), a], x0: String(m + d), eta };
}

export const gradientDescent1d: Template = {
  name: 'gradient-descent-1d',
  kind: 'graph',
  description: t(
    'Gradient descent in one variable: four steps x_k = x_(k−1) − η·f′(x_(k−1)) on a polynomial of degree 2 or 3',
    '1変数の勾配降下法: 2 次または 3 次の多項式で x_k = x_(k−1) − η·f′(x_(k−1)) を 4 ステップ',
  ),
  topic: t(
    'gradient descent: the update rule x ← x − η·f′(x), step by step (DLfS 4.4.1; the lecture slides)',
    '勾配降下法: 更新式 x ← x − η·f′(x) を 1 ステップずつ（ゼロから作る 4.4.1、講義スライド）',
  ),
  draft(rng, difficulty): GraphDraft | null {
    let c: string[];
    let x0: string;
    let eta: string;
    if (difficulty === 1) ({ c, x0, eta } = quadratic(rng, ['1']));
    else if (difficulty === 2) ({ c, x0, eta } = quadratic(rng, ['2', '0.5', '1']));
    else {
      // A cubic with a local minimum near the start: small η, answers rounded to 4 figures. (The places
      // of x_k grow as 2p + 1 per step, those of f(x₄) three times more: a quartic's f(x₄) would have
      // some 160 digits, more than an exercise file states.)
      c = [String(rng.int(-3, 3)), String(rng.pick([-12, -9, -6, -3])), String(rng.pick([-3, 0, 3])), '1'];
      x0 = String(rng.pick([1, 2, 3, -1, -2]));
      eta = rng.pick(['0.1', '0.05']);
    }
    const file = polynomialGraph(c, x0, eta);
    const asks: GraphAsk[] = [1, 2, 3, 4].map(xAfter);
    if (difficulty >= 2) asks.push({ id: 'a5', quantity: 'value_after', step: STEPS });
    const f = polynomialText(c);
    const rule = 'x_k = x_(k−1) − η·f′(x_(k−1))';
    return {
      kind: 'graph',
      file,
      asks,
      names: { x: t('the variable', '変数'), f: t(`f(x) = ${f}`, `f(x) = ${f}`) },
      intro: t(
        `Gradient descent on f(x) = ${f}: from x₀ = ${x0} with η = ${eta}, take ${STEPS} steps ${rule}.`,
        `f(x) = ${f} の勾配降下法: x₀ = ${x0}、η = ${eta} から ${rule} を ${STEPS} ステップ進めよ。`,
      ),
      ...(difficulty === 3
        ? {
            roundedAnswers: true,
            findLine: t(
              'Find (to 4 significant figures; carrying a rounded x into the next step is fine):',
              '次の値を求めよ（有効数字 4 桁。丸めた x を次のステップに使ってよい）:',
            ),
          }
        : {}),
    };
  },
};
