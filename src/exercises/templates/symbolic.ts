// Symbolic exercises: the lecture's own exercises ask for
// formulas — 偏微分-演習 "z = ax + by, ∂z/∂x = ?", 演習① "find ∂L/∂b_j^K using only the known x and t",
// 演習② "find ∂L/∂b_j^l using a, x, w, δ^{l+1}". The answer is an expression over named variables,
// graded by exact evaluation at random rational points; misconceptions are wrong formulas.
import {
  ceExtraTerms,
  derivativeAtPreactivation,
  halfFactor,
  missingActivationDerivative,
  sigmoidDerivativeOfOutput,
  signFlip,
  softmaxDiagonalOnly,
  transposedGradient,
} from '../../concepts/misconceptions';
import type { Rng } from '../prng';
import { add, call, div, expOf, minus, mul, neg, num, pow, v, type Sym } from '../symbolic';
import type { SymbolicDraft, Template } from '../template';
import { sub, t, type Text } from '../text';
import type { SumConstraint, SymbolicAsk, SymbolicMisconception } from '../types';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function ask(
  id: string,
  of: string,
  answer: Sym,
  variables: string[],
  domains: Record<string, readonly [string, string]>,
  extra: { constraints?: SumConstraint[]; definitions?: Record<string, string>; misconceptions?: [string, Sym][] } = {},
): SymbolicAsk {
  const misconceptions: SymbolicMisconception[] = (extra.misconceptions ?? []).map(([mid, s]) => ({
    id: mid,
    expression: s.text,
  }));
  return {
    id,
    quantity: 'expression',
    of,
    expression: answer.text,
    variables,
    domains,
    ...(extra.constraints ? { constraints: extra.constraints } : {}),
    ...(extra.definitions ? { definitions: extra.definitions } : {}),
    ...(misconceptions.length > 0 ? { misconceptions } : {}),
  };
}

function domainsOf(
  names: readonly string[],
  range: readonly [string, string],
): Record<string, readonly [string, string]> {
  return Object.fromEntries(names.map((n) => [n, range]));
}

const ANY: readonly [string, string] = ['-3', '3'];
const UNIT: readonly [string, string] = ['1/20', '19/20'];
const PROB: readonly [string, string] = ['0', '1'];
const POSITIVE: readonly [string, string] = ['1/10', '3'];

const syntaxNote = t(
  'Write the answer with the variables listed, numbers, + - * / ^, parentheses and exp, ln, sigmoid, tanh (e.g. a*x + 2*b).',
  '答えは示された変数、数、+ - * / ^、かっこと exp, ln, sigmoid, tanh で書くこと（例: a*x + 2*b）。',
);

function variablesLine(names: readonly string[]): Text {
  return t(`Variables you may use: ${names.join(', ')}`, `使ってよい変数: ${names.join(', ')}`);
}

function join(...parts: Text[]): Text {
  return t(parts.map((p) => p.en).join('\n'), parts.map((p) => p.ja).join('\n'));
}

export const partialDerivative: Template = {
  name: 'partial-derivative',
  kind: 'symbolic',
  description: t(
    'Symbolic: partial derivatives and the chain rule, e.g. z = ax + by, ∂z/∂x = ?',
    '記号: 偏微分と連鎖律（例: z = ax + by のとき ∂z/∂x = ?）',
  ),
  topic: t(
    "the lecture slides' exercise on partial derivatives (偏微分-演習) z = ax + by; chain rule with 2 variables",
    '講義スライドの偏微分-演習 z = ax + by、2 変数の連鎖律',
  ),
  draft(rng, difficulty): SymbolicDraft {
    const [x, y, a, b] = ['x', 'y', 'a', 'b'].map(v);
    const wrt = rng.pick(['x', 'y'] as const);
    let definition: string;
    let answer: Sym;
    let variables: string[];
    if (difficulty === 1) {
      definition = 'z = a*x + b*y';
      answer = wrt === 'x' ? a : b;
      variables = ['a', 'b', 'x', 'y'];
    } else if (difficulty === 2) {
      definition = 'z = a*x*y + b*y^2';
      answer = wrt === 'x' ? mul(a, y) : add(mul(a, x), mul(num('2'), b, y));
      variables = ['a', 'b', 'x', 'y'];
    } else {
      // 連鎖律 2変数: z = u·v with u = x + y, v = x − y, so ∂z/∂x = v + u = 2x and ∂z/∂y = v − u = −2y.
      definition = 'z = u*v,  u = x + y,  v = x - y';
      answer = wrt === 'x' ? mul(num('2'), x) : neg(mul(num('2'), y));
      variables = ['x', 'y'];
    }
    const of = `∂z/∂${wrt}`;
    const hint: readonly [Text, Text] =
      difficulty === 3
        ? [
            t(
              'Chain rule with two variables: ∂z/∂x = (∂z/∂u)(∂u/∂x) + (∂z/∂v)(∂v/∂x).',
              '2 変数の連鎖律: ∂z/∂x = (∂z/∂u)(∂u/∂x) + (∂z/∂v)(∂v/∂x)。',
            ),
            t(
              `∂z/∂u = v, ∂z/∂v = u; then write u and v in x and y.`,
              `∂z/∂u = v、∂z/∂v = u。最後に u と v を x と y で書く。`,
            ),
          ]
        : [
            t(`Treat every variable other than ${wrt} as a constant.`, `${wrt} 以外の変数はすべて定数とみなす。`),
            t(`Differentiate term by term with respect to ${wrt}.`, `${wrt} について項ごとに微分する。`),
          ];
    return {
      kind: 'symbolic',
      asks: [ask('a1', of, answer, variables, domainsOf(variables, ANY))],
      prompt: join(
        t('Partial derivatives (symbolic).', '偏微分（式で答える問題）。'),
        t(`${definition}.  Find ${of}.`, `${definition} のとき ${of} を求めよ。`),
        variablesLine(variables),
        syntaxNote,
      ),
      latex: { a1: answer.latex },
      hints: { a1: hint },
    };
  },
};

/** 演習①: ∂L/∂b_j^K of the output layer in terms of x (outputs) and t (targets). */
export const outputBiasFormula: Template = {
  name: 'output-bias-formula',
  kind: 'symbolic',
  description: t(
    'Symbolic 演習①: ∂L/∂b_j of the output layer from x and t only',
    '記号 演習①: 出力層の ∂L/∂b_j を x と t だけで表す',
  ),
  topic: t(
    "the lecture slides' exercise ① (output-layer bias update, softmax + cross-entropy); mistakes in the lecture slides",
    '講義スライドの演習① 出力層のバイアスの更新（ソフトマックス関数 + 交差エントロピー誤差）と講義スライドの誤り',
  ),
  draft(rng: Rng, difficulty): SymbolicDraft {
    const n = difficulty === 1 ? 2 : 3;
    const j = rng.int(1, n);
    const xs = range(n).map((i) => `x_${i}`);
    const ts = range(n).map((i) => `t_${i}`);
    const variables = [...xs, ...ts];
    const [xj, tj] = [v(`x_${j}`), v(`t_${j}`)];
    const of = `∂L/∂b${sub(j)}`;
    const others = range(n).filter((i) => i !== j);
    const diag = mul(xj, minus(num('1'), xj));
    if (difficulty < 3) {
      const answer = minus(xj, tj);
      // The deck's mistaken ∂L/∂x_j = −t_j/x_j + Σ_{i≠j} t_i/x_i with the diagonal-only softmax derivative.
      const extra = mul(add(neg(div(tj, xj)), ...others.map((i) => div(v(`t_${i}`), v(`x_${i}`)))), diag);
      const diagonalOnly = mul(neg(div(tj, xj)), diag);
      return {
        kind: 'symbolic',
        asks: [
          ask(
            'a1',
            of,
            answer,
            variables,
            { ...domainsOf(xs, UNIT), ...domainsOf(ts, PROB) },
            {
              constraints: [
                { sum: xs, equals: '1' },
                { sum: ts, equals: '1' },
              ],
              // With two classes the deck's formula happens to equal x_j − t_j (its ∂x_i/∂x_j = −1 is then
              // exact), so the mistake only shows from three classes on.
              misconceptions: [
                ...(n > 2 ? [[ceExtraTerms.id, extra] as [string, Sym]] : []),
                [softmaxDiagonalOnly.id, diagonalOnly],
                // ∂L/∂x_j = −t_j/x_j alone: the cross-entropy's gradient with the softmax left out.
                [missingActivationDerivative.id, neg(div(tj, xj))],
                [signFlip.id, minus(tj, xj)],
              ],
            },
          ),
        ],
        prompt: join(
          t(
            `演習① (lecture deck): the output layer K has ${n} units with softmax, x_i = e^(a_i) / Σ_k e^(a_k), a_j = Σ_i w_ij x_i^(K−1) + b_j,`,
            `演習①（講義スライド）: 出力層 K は ${n} ユニットのソフトマックス関数 x_i = e^(a_i) / Σ_k e^(a_k)、a_j = Σ_i w_ij x_i^(K−1) + b_j、`,
          ),
          t(
            `and the loss is the cross-entropy L = −Σ_i t_i ln x_i with a target distribution t (Σ_i t_i = 1). One sample.`,
            `損失関数は交差エントロピー誤差 L = −Σ_i t_i ln x_i（教師データ t は Σ_i t_i = 1）。サンプルは 1 個。`,
          ),
          t(
            `Find ${of} (j = ${j}) using only the known x and t.`,
            `${of}（j = ${j}）を既知の x と t のみを用いて表せ。`,
          ),
          variablesLine(variables),
          syntaxNote,
        ),
        latex: { a1: answer.latex },
        hints: {
          a1: [
            t(
              '∂L/∂b_j = Σ_i (∂L/∂x_i)(∂x_i/∂a_j)·∂a_j/∂b_j, and ∂a_j/∂b_j = 1.',
              '∂L/∂b_j = Σ_i (∂L/∂x_i)(∂x_i/∂a_j)·∂a_j/∂b_j、∂a_j/∂b_j = 1。',
            ),
            t(
              'Use ∂L/∂x_i = −t_i/x_i and the whole softmax Jacobian ∂x_i/∂a_j = x_i(δ_ij − x_j); then Σ_i t_i = 1.',
              '∂L/∂x_i = −t_i/x_i とソフトマックス関数のヤコビ行列全体 ∂x_i/∂a_j = x_i(δ_ij − x_j) を使い、最後に Σ_i t_i = 1。',
            ),
          ],
        },
      };
    }
    // Difficulty 3: sigmoid outputs with ½ sum of squared errors.
    const answer = mul(minus(xj, tj), xj, minus(num('1'), xj));
    return {
      kind: 'symbolic',
      asks: [
        ask(
          'a1',
          of,
          answer,
          variables,
          { ...domainsOf(xs, UNIT), ...domainsOf(ts, PROB) },
          {
            misconceptions: [
              [missingActivationDerivative.id, minus(xj, tj)],
              [signFlip.id, mul(minus(tj, xj), xj, minus(num('1'), xj))],
              [halfFactor.id, mul(num('2'), minus(xj, tj), xj, minus(num('1'), xj))],
            ],
          },
        ),
      ],
      prompt: join(
        t(
          `Like 演習①, with another output layer: the output layer K has ${n} sigmoid units x_i = σ(a_i), a_j = Σ_i w_ij x_i^(K−1) + b_j,`,
          `演習① と同じ問いを別の出力層で: 出力層 K は活性化関数がシグモイド関数のユニット ${n} 個 x_i = σ(a_i)、a_j = Σ_i w_ij x_i^(K−1) + b_j、`,
        ),
        t(
          'and the loss is L = ½ Σ_i (x_i − t_i)². One sample.',
          '損失関数は L = ½ Σ_i (x_i − t_i)²。サンプルは 1 個。',
        ),
        t(`Find ${of} (j = ${j}) using only the known x and t.`, `${of}（j = ${j}）を既知の x と t のみを用いて表せ。`),
        variablesLine(variables),
        syntaxNote,
      ),
      latex: { a1: answer.latex },
      hints: {
        a1: [
          t('∂L/∂b_j = (∂L/∂x_j)(∂x_j/∂a_j)·1.', '∂L/∂b_j = (∂L/∂x_j)(∂x_j/∂a_j)·1。'),
          t(
            '∂L/∂x_j = x_j − t_j and σ′(a_j) = x_j(1 − x_j), written with the output.',
            '∂L/∂x_j = x_j − t_j、σ′(a_j) = x_j(1 − x_j)（出力で表す）。',
          ),
        ],
      },
    };
  },
};

/** 演習②: ∂L/∂b_j^l of a hidden layer in terms of a, x, w and δ^{l+1}. */
export const hiddenBiasFormula: Template = {
  name: 'hidden-bias-formula',
  kind: 'symbolic',
  description: t(
    'Symbolic 演習②: ∂L/∂b_j of a hidden layer from a, x, w and δ of the next layer',
    '記号 演習②: 中間層の ∂L/∂b_j を a, x, w, 次の層の δ で表す',
  ),
  topic: t(
    "the lecture slides' exercise ② (hidden-layer bias update), δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′(a_j^l)",
    '講義スライドの演習② 中間層のバイアスの更新、δ_j^l = Σ_k δ_k^{l+1} w_jk^{l+1} h′(a_j^l)',
  ),
  draft(rng: Rng, difficulty): SymbolicDraft {
    const units = difficulty === 3 ? 3 : 2;
    const next = difficulty === 3 ? 3 : 2;
    const j = rng.int(1, units);
    const as = range(units).map((i) => `a_${i}`);
    const xs = range(units).map((i) => `x_${i}`);
    const ws = range(units).flatMap((r) => range(next).map((c) => `w_${r}${c}`));
    const ds = range(next).map((k) => `d_${k}`);
    const variables = [...as, ...xs, ...ws, ...ds];
    const backSum = add(...range(next).map((k) => mul(v(`d_${k}`), v(`w_${j}${k}`))));
    // The same sum with w_kj for w_jk (only where such a weight exists): the transposed-weight slip.
    const transposedSum = add(
      ...range(next).map((k) => mul(v(`d_${k}`), v(k <= units && j <= next ? `w_${k}${j}` : `w_${j}${k}`))),
    );
    const xj = v(`x_${j}`);
    const activation = difficulty === 1 ? 'relu' : difficulty === 2 ? 'sigmoid' : 'tanh';
    const derivative: Sym | null =
      activation === 'relu'
        ? null
        : activation === 'sigmoid'
          ? mul(xj, minus(num('1'), xj))
          : minus(num('1'), pow(xj, 2));
    const answer = derivative ? mul(backSum, derivative) : backSum;
    const misconceptions: [string, Sym][] = [];
    if (transposedSum.text !== backSum.text)
      misconceptions.push([transposedGradient.id, derivative ? mul(transposedSum, derivative) : transposedSum]);
    if (derivative) misconceptions.push([missingActivationDerivative.id, backSum]);
    if (activation === 'sigmoid') {
      // σ′ taken as σ(x)(1 − σ(x)) of the output instead of x(1 − x).
      const sx = div(num('1'), add(num('1'), expOf(neg(xj))));
      misconceptions.push([sigmoidDerivativeOfOutput.id, mul(backSum, sx, minus(num('1'), sx))]);
    }
    if (activation === 'tanh')
      misconceptions.push([sigmoidDerivativeOfOutput.id, mul(backSum, minus(num('1'), pow(call('tanh', xj), 2)))]);
    // The output form of h′ fed the pre-activation: a_j(1 − a_j), 1 − a_j².
    const aj = v(`a_${j}`);
    if (activation === 'sigmoid')
      misconceptions.push([derivativeAtPreactivation.id, mul(backSum, aj, minus(num('1'), aj))]);
    if (activation === 'tanh')
      misconceptions.push([derivativeAtPreactivation.id, mul(backSum, minus(num('1'), pow(aj, 2)))]);
    const domains = {
      ...domainsOf(as, activation === 'relu' ? POSITIVE : ANY),
      // Only a fallback for a grader that ignores `definitions`: x_j is h(a_j) (see below).
      ...domainsOf(
        xs,
        activation === 'tanh' ? (['-19/20', '19/20'] as const) : activation === 'sigmoid' ? UNIT : POSITIVE,
      ),
      ...domainsOf(ws, ANY),
      ...domainsOf(ds, ANY),
    };
    // x_j = h(a_j) at every evaluation point, so that h′ written with a_j (1 - tanh(a_2)^2) and with the
    // output x_j (1 - x_2^2) are both right; ReLU with a_j > 0 is the identity.
    const definitions = Object.fromEntries(
      range(units).map((i) => [`x_${i}`, activation === 'relu' ? `a_${i}` : `${activation}(a_${i})`]),
    );
    const hName =
      activation === 'relu'
        ? t('ReLU (and a_j > 0 here)', 'ReLU関数（ここでは a_j > 0）')
        : activation === 'sigmoid'
          ? t('sigmoid σ', 'シグモイド関数 σ')
          : t('tanh', 'tanh関数');
    const of = `∂L/∂b${sub(j)}`;
    return {
      kind: 'symbolic',
      asks: [ask('a1', of, answer, variables, domains, { definitions, misconceptions })],
      prompt: join(
        t(
          `演習② (lecture deck): hidden layer l has ${units} units with activation h = ${hName.en}: a_j = Σ_i w_ij^l x_i^(l−1) + b_j, x_j = h(a_j).`,
          `演習②（講義スライド）: 中間層 l は ${units} ユニット、活性化関数 h = ${hName.ja}: a_j = Σ_i w_ij^l x_i^(l−1) + b_j、x_j = h(a_j)。`,
        ),
        t(
          `The next layer l+1 has ${next} units with weights w_jk (from unit j of layer l to unit k of layer l+1) and known deltas δ_k = d_k.`,
          `次の層 l+1 は ${next} ユニットで、重み w_jk（第 l 層のユニット j から第 l+1 層のユニット k へ）と既知のデルタ δ_k = d_k をもつ。`,
        ),
        t(
          `Find ${of} (j = ${j}) of layer l using the known a, x, w and δ^(l+1) (write δ_k as d_k).`,
          `第 l 層の ${of}（j = ${j}）を既知の a, x, w, δ^(l+1) を用いて表せ（δ_k は d_k と書く）。`,
        ),
        ...(activation === 'relu'
          ? []
          : [
              t(
                'Tip: the derivative h′(a_j) can be written through the output x_j, as in σ′ = y(1 − y).',
                'ヒント: 活性化関数の微分 h′(a_j) は σ′ = y(1 − y) のように出力 x_j で表せる。',
              ),
            ]),
        variablesLine(variables),
        syntaxNote,
      ),
      latex: { a1: answer.latex },
      hints: {
        a1: [
          t(
            '∂L/∂b_j = δ_j · ∂a_j/∂b_j = δ_j, and δ_j = Σ_k δ_k^(l+1) w_jk^(l+1) h′(a_j).',
            '∂L/∂b_j = δ_j · ∂a_j/∂b_j = δ_j、δ_j = Σ_k δ_k^(l+1) w_jk^(l+1) h′(a_j)。',
          ),
          activation === 'relu'
            ? t('With a_j > 0, ReLU′(a_j) = 1.', 'a_j > 0 なので ReLU′(a_j) = 1。')
            : activation === 'sigmoid'
              ? t('σ′(a_j) = x_j(1 − x_j), written with the output x_j.', 'σ′(a_j) = x_j(1 − x_j)（出力 x_j で表す）。')
              : t('tanh′(a_j) = 1 − x_j², written with the output x_j.', 'tanh′(a_j) = 1 − x_j²（出力 x_j で表す）。'),
        ],
      },
    };
  },
};
